import { useCallback, useState } from "react";
import { FILTER_KEYS, type FilterValues } from "./useCustomerListParams.ts";

export const SAVED_FILTERS_KEY = "jike.customers.savedFilters";

export interface SavedFilter {
  name: string;
  filters: FilterValues;
}

/** Everyone's saved filters in this browser, by username. */
type Store = Record<string, SavedFilter[]>;

function readStore(): Store {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(SAVED_FILTERS_KEY) ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

function clean(filters: unknown): FilterValues {
  const out: FilterValues = {};
  if (!filters || typeof filters !== "object") return out;
  for (const key of FILTER_KEYS) {
    const value = (filters as Record<string, unknown>)[key];
    if (typeof value === "string" && value) out[key] = value;
  }
  return out;
}

function readFor(username: string): SavedFilter[] {
  const list = readStore()[username];
  if (!Array.isArray(list)) return [];
  return list
    .filter((f): f is SavedFilter => !!f && typeof f === "object" && typeof f.name === "string")
    .map((f) => ({ name: f.name, filters: clean(f.filters) }));
}

function writeFor(username: string, list: SavedFilter[]): void {
  try {
    window.localStorage.setItem(SAVED_FILTERS_KEY, JSON.stringify({ ...readStore(), [username]: list }));
  } catch {
    // storage may be full or unavailable; the filters then last for this page only
  }
}

/** Named filter sets of the customer list, kept in this browser for one user. */
export function useSavedFilters(username: string) {
  const [saved, setSaved] = useState<SavedFilter[]>(() => readFor(username));

  const update = useCallback(
    (change: (list: SavedFilter[]) => SavedFilter[]) => {
      const next = change(readFor(username));
      writeFor(username, next);
      setSaved(next);
    },
    [username],
  );

  const save = useCallback(
    (name: string, filters: FilterValues) =>
      update((list) => [...list.filter((f) => f.name !== name), { name, filters: clean(filters) }]),
    [update],
  );
  const remove = useCallback(
    (name: string) => update((list) => list.filter((f) => f.name !== name)),
    [update],
  );

  return { saved, save, remove };
}
