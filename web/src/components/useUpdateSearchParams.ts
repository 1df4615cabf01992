import { useCallback } from "react";
import { useSearchParams } from "react-router-dom";

export type ParamPatch = Readonly<Record<string, string | number | null | undefined>>;

/** Filters and paging live in the URL, so a filtered list can be bookmarked, shared and reloaded. */
export function useUpdateSearchParams(): (patch: ParamPatch) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (patch: ParamPatch) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === "") next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
}

export function intParam(
  value: string | null,
  fallback: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = value === null ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, min), max) : fallback;
}
