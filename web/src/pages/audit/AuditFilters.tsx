import { AutoComplete, Button, DatePicker, Flex, Input } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { UserSearchSelect } from "../../components/UserSearchSelect.tsx";
import type { ParamPatch } from "../../components/useUpdateSearchParams.ts";
import { useI18n } from "../../i18n/index.tsx";
import { zhCN } from "../../i18n/zh-CN.ts";
import type { AuditParams } from "./api.ts";

interface Props {
  params: AuditParams;
  fromDay: string | undefined;
  toDay: string | undefined;
  onChange: (patch: ParamPatch) => void;
}

const ENTITY_TYPES = Object.keys(zhCN.audit.entityTypes);
const ACTIONS = Object.keys(zhCN.audit.actions);

export function AuditFilters({ params, fromDay, toDay, onChange }: Props) {
  const { t, tryT } = useI18n();
  const [entityType, setEntityType] = useState(params.entityType ?? "");
  const [action, setAction] = useState(params.action ?? "");
  useEffect(() => setEntityType(params.entityType ?? ""), [params.entityType]);
  useEffect(() => setAction(params.action ?? ""), [params.action]);
  const apply = (patch: ParamPatch) => onChange({ ...patch, page: undefined });
  const applyText = (name: "entityType" | "action", text: string) => {
    const value = text.trim() || undefined;
    if (value !== params[name]) apply({ [name]: value });
  };

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <UserSearchSelect
        value={params.actorId}
        onChange={(actorId) => apply({ actorId })}
        placeholder={t("audit.actor")}
        style={{ width: 220 }}
      />
      <AutoComplete
        value={entityType}
        onChange={setEntityType}
        onSelect={(v: string) => apply({ entityType: v })}
        onBlur={() => applyText("entityType", entityType)}
        onClear={() => apply({ entityType: undefined })}
        allowClear
        placeholder={t("audit.entityType")}
        style={{ width: 170 }}
        showSearch={{
          filterOption: (input, option) => !!option?.label.toLowerCase().includes(input.toLowerCase()),
        }}
        options={ENTITY_TYPES.map((v) => ({
          value: v,
          label: `${tryT(`audit.entityTypes.${v}`) ?? v} (${v})`,
        }))}
      />
      <AutoComplete
        value={action}
        onChange={setAction}
        onSelect={(v: string) => apply({ action: v })}
        onBlur={() => applyText("action", action)}
        onClear={() => apply({ action: undefined })}
        allowClear
        placeholder={t("audit.action")}
        style={{ width: 170 }}
        options={ACTIONS.map((v) => ({ value: v, label: `${tryT(`audit.actions.${v}`) ?? v} (${v})` }))}
        showSearch={{
          filterOption: (input, option) => !!option?.label.toLowerCase().includes(input.toLowerCase()),
        }}
      />
      <Input.Search
        allowClear
        defaultValue={params.entityId}
        key={params.entityId ?? ""}
        onSearch={(v) => apply({ entityId: v.trim() || undefined })}
        placeholder={t("audit.entityId")}
        style={{ width: 200 }}
      />
      <DatePicker.RangePicker
        value={fromDay && toDay ? [dayjs(fromDay), dayjs(toDay)] : null}
        onChange={(range) =>
          apply({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })
        }
        placeholder={[t("audit.fromDate"), t("audit.toDate")]}
        aria-label={t("audit.timeRange")}
        allowClear
      />
      <Button
        onClick={() =>
          onChange({
            actorId: undefined,
            entityType: undefined,
            entityId: undefined,
            action: undefined,
            from: undefined,
            to: undefined,
            page: undefined,
          })
        }
      >
        {t("common.reset")}
      </Button>
    </Flex>
  );
}
