import { useSearchParams } from "react-router-dom";
import { intParam } from "../../components/useUpdateSearchParams.ts";
import type { UserListParams } from "./api.ts";

const SORTS = ["username", "name", "createdAt", "lastLoginAt"] as const;
const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Reads the users list's filters, sort and page from the URL. */
export function useUserListParams(): { params: UserListParams; page: number; pageSize: number } {
  const [search] = useSearchParams();
  const page = intParam(search.get("page"), 1);
  const pageSize = intParam(search.get("pageSize"), 20, 1, 200);
  return {
    page,
    pageSize,
    params: {
      q: search.get("q") ?? undefined,
      role: search.get("role") ?? undefined,
      status: pick(["active", "disabled"] as const, search.get("status")),
      orgUnitId: search.get("orgUnitId") ?? undefined,
      sort: pick(SORTS, search.get("sort")),
      order: pick(["asc", "desc"] as const, search.get("order")),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
  };
}
