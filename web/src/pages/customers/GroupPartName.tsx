import { Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import type { GroupPart } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

/**
 * A customer of a group by name: a link to its 360° view when the caller may open it, plain text
 * otherwise — the managers of one part of a cross-region group see the others' names, not their archives.
 */
export function GroupPartName({ part }: { part: Pick<GroupPart, "id" | "name" | "visible"> }) {
  const t = useT();
  if (part.visible) return <Link to={`/customers/${part.id}`}>{part.name}</Link>;
  return (
    <Tooltip title={t("customerGroup.outOfScope")}>
      <Typography.Text>{part.name}</Typography.Text>
    </Tooltip>
  );
}
