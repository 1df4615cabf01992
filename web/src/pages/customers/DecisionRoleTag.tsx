import { Tag } from "antd";
import type { DecisionRole } from "../../api/types.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { DECISION_ROLE_COLORS } from "./vocab.ts";

export function DecisionRoleTag({ role }: { role: DecisionRole }) {
  const labels = useCustomerLabels();
  return (
    <Tag color={DECISION_ROLE_COLORS[role] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {labels.decisionRole(role)}
    </Tag>
  );
}
