import dayjs from "dayjs";
import { useSearchParams } from "react-router-dom";
import { intParam } from "../../components/useUpdateSearchParams.ts";
import { beijingDayStart } from "../../i18n/format.ts";
import type { AuditParams } from "./api.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Filters from the URL. The date range is whole days in Beijing time: `from` is the first instant of
 * the first day (inclusive), `to` the first instant after the last day (the API's `to` is exclusive).
 */
export function useAuditParams() {
  const [search] = useSearchParams();
  const page = intParam(search.get("page"), 1);
  const pageSize = intParam(search.get("pageSize"), 20, 1, 200);
  const fromDay = search.get("from");
  const toDay = search.get("to");
  const params: AuditParams = {
    actorId: search.get("actorId") ?? undefined,
    entityType: search.get("entityType") ?? undefined,
    entityId: search.get("entityId") ?? undefined,
    action: search.get("action") ?? undefined,
    from: fromDay && DAY.test(fromDay) ? beijingDayStart(fromDay) : undefined,
    to:
      toDay && DAY.test(toDay) ? beijingDayStart(dayjs(toDay).add(1, "day").format("YYYY-MM-DD")) : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  return {
    params,
    page,
    pageSize,
    fromDay: fromDay && DAY.test(fromDay) ? fromDay : undefined,
    toDay: toDay && DAY.test(toDay) ? toDay : undefined,
  };
}
