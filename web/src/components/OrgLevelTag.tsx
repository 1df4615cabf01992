import { Tag } from "antd";
import type { OrgLevel } from "../api/types.ts";
import { useT } from "../i18n/index.tsx";

const COLORS: Record<OrgLevel, string> = {
  hq: "red",
  province: "volcano",
  city: "blue",
  county: "cyan",
  grid: "green",
};

export function OrgLevelTag({ level }: { level: OrgLevel }) {
  const t = useT();
  return (
    <Tag color={COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {t(`orgLevel.${level}`)}
    </Tag>
  );
}
