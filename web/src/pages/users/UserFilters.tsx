import { ReloadOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Select } from "antd";
import { useEffect, useState } from "react";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { RoleSelect } from "../../components/RoleSelect.tsx";
import type { ParamPatch } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import type { UserListParams } from "./api.ts";

interface Props {
  params: UserListParams;
  onChange: (patch: ParamPatch) => void;
  onRefresh: () => void;
}

export function UserFilters({ params, onChange, onRefresh }: Props) {
  const t = useT();
  const [q, setQ] = useState(params.q ?? "");
  useEffect(() => setQ(params.q ?? ""), [params.q]);
  const apply = (patch: ParamPatch) => onChange({ ...patch, page: undefined });

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => apply({ q: v.trim() || undefined })}
        placeholder={t("users.searchPlaceholder")}
        style={{ width: 220 }}
      />
      <RoleSelect
        allowClear
        value={params.role}
        onChange={(role) => apply({ role })}
        placeholder={t("users.filterRole")}
        style={{ width: 180 }}
      />
      <Select<"active" | "disabled">
        allowClear
        value={params.status}
        onChange={(status) => apply({ status })}
        placeholder={t("users.filterStatus")}
        style={{ width: 130 }}
        options={[
          { value: "active", label: t("users.statusActive") },
          { value: "disabled", label: t("users.statusDisabled") },
        ]}
      />
      <OrgUnitTreeSelect
        allowClear
        value={params.orgUnitId}
        onChange={(orgUnitId) => apply({ orgUnitId })}
        placeholder={t("users.filterOrg")}
        style={{ width: 240 }}
      />
      <Button
        onClick={() => {
          setQ("");
          onChange({
            q: undefined,
            role: undefined,
            status: undefined,
            orgUnitId: undefined,
            page: undefined,
          });
        }}
      >
        {t("common.reset")}
      </Button>
      <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t("common.refresh")} />
    </Flex>
  );
}
