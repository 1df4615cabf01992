import { Button, Progress, Table, type TableColumnsType } from "antd";
import type { ArchiveCompleteness, OrgLevel } from "../../api/types.ts";
import { OrgLevelTag } from "../../components/OrgLevelTag.tsx";
import { useT } from "../../i18n/index.tsx";
import { formatRate, LEAF_LEVELS, toPercent } from "./completenessFormat.ts";

type Unit = ArchiveCompleteness["byOrgUnit"][number];

const LEVELS: readonly OrgLevel[] = ["hq", "province", "city", "county", "grid"];

interface Props {
  units: Unit[];
  onDrill: (unit: Unit) => void;
}

/** The child units' rates as rows; a unit's name drills into it. */
export function OrgUnitCompletenessTable({ units, onDrill }: Props) {
  const t = useT();
  const columns: TableColumnsType<Unit> = [
    {
      key: "name",
      title: t("archive.unit"),
      render: (_, u) =>
        LEAF_LEVELS.has(u.level) ? (
          u.name
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(u)}>
            {u.name}
          </Button>
        ),
    },
    {
      key: "level",
      title: t("archive.level"),
      render: (_, u) => {
        const level = LEVELS.find((l) => l === u.level);
        return level ? <OrgLevelTag level={level} /> : u.level;
      },
    },
    {
      key: "customers",
      dataIndex: "customers",
      title: t("archive.customers"),
      align: "right",
      sorter: (a, b) => a.customers - b.customers,
    },
    {
      key: "complete",
      dataIndex: "complete",
      title: t("archive.completeCount"),
      align: "right",
      sorter: (a, b) => a.complete - b.complete,
    },
    {
      key: "rate",
      title: t("archive.rate"),
      sorter: (a, b) => a.rate - b.rate,
      render: (_, u) => (
        <Progress
          percent={toPercent(u.rate)}
          size={{ width: 140, height: 8 }}
          format={() => formatRate(u.rate)}
          style={{ margin: 0 }}
        />
      ),
    },
  ];
  return (
    <Table<Unit>
      data-testid="completeness-units"
      rowKey="orgUnitId"
      size="small"
      columns={columns}
      dataSource={units}
      pagination={units.length > 20 ? { defaultPageSize: 20 } : false}
    />
  );
}
