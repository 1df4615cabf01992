import { Empty, List, Typography } from "antd";
import { Link } from "react-router-dom";
import type { CustomerOverview } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

export function SubsidiariesList({ items }: { items: CustomerOverview["subsidiaries"] }) {
  const t = useT();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer360.noSubsidiaries")} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(s) => (
        <List.Item key={s.id}>
          <Link to={`/customers/${s.id}`}>{s.name}</Link>
          <Typography.Text type="secondary">{s.orgUnitName}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
