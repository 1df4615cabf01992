import { Empty, Table, type TableColumnsType, Tag } from "antd";
import type { GroupPart } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";
import { GradeTag } from "./GradeTag.tsx";
import { GroupPartName } from "./GroupPartName.tsx";

interface Props {
  items: readonly GroupPart[];
  /** The customer whose page this is, marked in the list. */
  currentId: string;
}

/** Every subsidiary of a group with the unit that holds it, its grade and status. */
export function GroupSubsidiariesTable({ items, currentId }: Props) {
  const t = useT();
  const columns: TableColumnsType<GroupPart> = [
    {
      key: "name",
      title: t("customers.name"),
      render: (_, s) => (
        <span>
          <GroupPartName part={s} />
          {s.id === currentId ? (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t("customerGroup.thisCustomer")}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { key: "code", dataIndex: "code", title: t("customers.code") },
    { key: "orgUnit", dataIndex: "orgUnitName", title: t("customers.orgUnit") },
    { key: "grade", title: t("customers.grade"), render: (_, s) => <GradeTag grade={s.grade} /> },
    {
      key: "status",
      title: t("customers.status"),
      render: (_, s) => <CustomerStatusTag status={s.status} />,
    },
  ];
  return (
    <Table<GroupPart>
      data-testid="group-subsidiaries"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      scroll={{ x: "max-content" }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer360.noSubsidiaries")} />
        ),
      }}
    />
  );
}
