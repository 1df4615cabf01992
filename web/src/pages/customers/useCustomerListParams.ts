import { useSearchParams } from "react-router-dom";
import { intParam } from "../../components/useUpdateSearchParams.ts";
import type { CustomerListParams, CustomerSort } from "./api.ts";

const SORTS = ["name", "code", "grade", "revenueToDate", "handsets", "updatedAt"] as const;
const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The URL keys that make up a filter set (what a saved filter stores). */
export const FILTER_KEYS = [
  "q",
  "grade",
  "valueTier",
  "marketSegment",
  "status",
  "industrySection",
  "orgUnitId",
  "accountManagerId",
  "important",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

/** `A,B` → `["A", "B"]`. */
export const splitCsv = (value: string | undefined): string[] =>
  value
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** Reads the customer list's filters, sort and page from the URL. */
export function useCustomerListParams(): {
  params: CustomerListParams;
  filters: FilterValues;
  page: number;
  pageSize: number;
} {
  const [search] = useSearchParams();
  const page = intParam(search.get("page"), 1);
  const pageSize = intParam(search.get("pageSize"), 20, 1, 200);
  const filters: FilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return {
    page,
    pageSize,
    filters,
    params: {
      ...filters,
      important: filters.important === "true" ? "true" : undefined,
      sort: pick<CustomerSort>(SORTS, search.get("sort")),
      order: pick(["asc", "desc"] as const, search.get("order")),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
  };
}
