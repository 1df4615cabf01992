import { Flex, Select, Typography } from "antd";
import type { AccountManagerLoad } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { useAccountManagerLoad } from "./assignmentApi.ts";
import { LoadProgress } from "./LoadProgress.tsx";

interface Props {
  /** Loads the account managers only while the choice is on screen. */
  active?: boolean;
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
}

/** Choose an account manager, seeing each one's org unit and current load. */
export function AccountManagerSelect({ active = true, value, onChange, id }: Props) {
  const t = useT();
  const load = useAccountManagerLoad(undefined, active);
  const byId = new Map<string, AccountManagerLoad>((load.data?.items ?? []).map((m) => [m.id, m]));
  return (
    <Select<string>
      id={id}
      data-testid="assign-manager"
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t("assign.managerPlaceholder")}
      loading={load.isFetching}
      showSearch={{ optionFilterProp: "search" }}
      listHeight={360}
      options={(load.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.name} (${m.username}) · ${m.orgUnitName}`,
        search: `${m.name} ${m.username} ${m.orgUnitName}`,
      }))}
      optionRender={(option) => {
        const m = byId.get(String(option.value));
        if (!m) return option.label;
        return (
          <Flex justify="space-between" align="center" gap={12}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {m.name} <Typography.Text type="secondary">({m.username})</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {m.orgUnitName}
              </Typography.Text>
            </Flex>
            <LoadProgress load={m} width={100} />
          </Flex>
        );
      }}
    />
  );
}
