import { Button, Empty, Flex, Spin, Tag, Typography } from "antd";
import { useOrgSearch } from "../../api/orgUnits.ts";
import { OrgLevelTag } from "../../components/OrgLevelTag.tsx";
import { useT } from "../../i18n/index.tsx";

interface Props {
  q: string;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

export function OrgSearchResults({ q, selectedId, onSelect }: Props) {
  const t = useT();
  const search = useOrgSearch(q);
  if (search.isPending) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  const items = search.data?.items ?? [];
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">
        {t("org.searchResults", { count: search.data?.total ?? 0 })}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.noResults")} />
      ) : (
        items.map((u) => (
          <Button
            key={u.id}
            type={u.id === selectedId ? "primary" : "text"}
            ghost={u.id === selectedId}
            onClick={() => onSelect(u.id)}
            style={{ justifyContent: "flex-start", height: "auto", padding: "6px 8px" }}
            block
          >
            <Flex gap={8} align="center" wrap style={{ textAlign: "left" }}>
              <span>{u.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.code}
              </Typography.Text>
              <OrgLevelTag level={u.level} />
              {u.active ? null : <Tag>{t("common.inactive")}</Tag>}
            </Flex>
          </Button>
        ))
      )}
    </Flex>
  );
}
