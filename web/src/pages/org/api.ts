import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { orgKeys } from "../../api/orgUnits.ts";
import type { OrgLevel, OrgUnit, OrgUnitCreate, OrgUnitUpdate } from "../../api/types.ts";
import { useWriteError } from "../../api/useWriteError.ts";

export const LEVELS: readonly OrgLevel[] = ["hq", "province", "city", "county", "grid"];

/** A unit may only have units of lower levels below it (a city under a province, never the reverse). */
export const childLevels = (parent: OrgLevel): OrgLevel[] => LEVELS.slice(LEVELS.indexOf(parent) + 1);

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitCreate) => api.post<OrgUnit>("/org/units", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: OrgUnitUpdate & { id: string }) =>
      api.patch<OrgUnit>(`/org/units/${encodeURIComponent(id)}`, body),
    onSuccess: (unit) => {
      queryClient.setQueryData(orgKeys.unit(unit.id), unit);
      return queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

/** Errors of org writes: a 409 (someone else saved first) reloads the tree and says so; true then. */
export const useOrgWriteError = (): ((error: unknown) => boolean) =>
  useWriteError("org.conflict", orgKeys.all);
