import { Tag } from "antd";
import { useT } from "../../i18n/index.tsx";
import type { RuleSet } from "./api.ts";
import { RULE_SET_STATUS_COLORS } from "./vocab.ts";

export function RuleSetStatusTag({ status }: { status: RuleSet["status"] }) {
  const t = useT();
  return (
    <Tag color={RULE_SET_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`grading.status.${status}`)}
    </Tag>
  );
}
