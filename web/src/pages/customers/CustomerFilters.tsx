import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Input, Select } from "antd";
import { type ReactNode, useEffect, useEffectEvent, useState } from "react";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { useDebounced } from "../../components/useDebounced.ts";
import type { ParamPatch } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { AccountManagerFilter } from "./AccountManagerFilter.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { FILTER_KEYS, type FilterKey, type FilterValues, splitCsv } from "./useCustomerListParams.ts";
import { CUSTOMER_STATUSES, GRADES, INDUSTRY_SECTIONS, MARKET_SEGMENTS, VALUE_TIERS } from "./vocab.ts";

interface Props {
  filters: FilterValues;
  onChange: (patch: ParamPatch) => void;
  onRefresh: () => void;
  /** Extra controls at the end of the bar (the saved-filters menu). */
  extra?: ReactNode;
  /** The name of the account manager filtered by, when known. */
  accountManagerName?: string;
}

export const CLEARED_FILTERS: ParamPatch = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]));

export function CustomerFilters({ filters, onChange, onRefresh, extra, accountManagerName }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);
  const apply = (patch: ParamPatch) => onChange({ ...patch, page: undefined });
  const searchNow = (text: string) => {
    const next = text.trim() || undefined;
    if (next !== filters.q) apply({ q: next });
  };
  // Typing searches once the user pauses; Enter searches at once.
  const typed = useDebounced(q, 500);
  const searchTyped = useEffectEvent(searchNow);
  useEffect(() => searchTyped(typed), [typed]);

  const multi = (
    key: FilterKey,
    placeholder: string,
    codes: readonly string[],
    label: (code: string) => string,
    width: number,
    testId?: string,
  ) => (
    <Select<string[]>
      data-testid={testId}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      value={splitCsv(filters[key])}
      onChange={(values) => apply({ [key]: values.join(",") || undefined })}
      placeholder={placeholder}
      style={{ width }}
      optionFilterProp="label"
      options={codes.map((code) => ({ value: code, label: label(code) }))}
    />
  );

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input
        data-testid="customer-search"
        allowClear
        prefix={<SearchOutlined style={{ color: "rgba(0,0,0,0.35)" }} />}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={() => searchNow(q)}
        placeholder={t("customers.searchPlaceholder")}
        style={{ width: 260 }}
      />
      {multi("grade", t("customers.filterGrade"), GRADES, labels.grade, 160, "filter-grade")}
      {multi("valueTier", t("customers.filterValueTier"), VALUE_TIERS, labels.valueTier, 160)}
      {multi("marketSegment", t("customers.filterSegment"), MARKET_SEGMENTS, labels.segment, 180)}
      {multi("status", t("customers.filterStatus"), CUSTOMER_STATUSES, labels.status, 160)}
      {multi(
        "industrySection",
        t("customers.filterIndustry"),
        INDUSTRY_SECTIONS,
        (s) => `${s} ${labels.industry(s)}`,
        220,
      )}
      <OrgUnitTreeSelect
        allowClear
        value={filters.orgUnitId}
        onChange={(orgUnitId) => apply({ orgUnitId })}
        placeholder={t("customers.filterOrg")}
        style={{ width: 220 }}
      />
      <AccountManagerFilter
        value={filters.accountManagerId}
        onChange={(accountManagerId) => apply({ accountManagerId })}
        knownName={accountManagerName}
      />
      <Checkbox
        checked={filters.important === "true"}
        onChange={(e) => apply({ important: e.target.checked ? "true" : undefined })}
        style={{ alignSelf: "center" }}
      >
        {t("customers.filterImportant")}
      </Checkbox>
      <Button
        onClick={() => {
          setQ("");
          apply(CLEARED_FILTERS);
        }}
      >
        {t("common.reset")}
      </Button>
      <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t("common.refresh")} />
      {extra}
    </Flex>
  );
}
