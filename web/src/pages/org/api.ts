import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { api, isApiError } from "../../api/client.ts";
import { orgKeys } from "../../api/orgUnits.ts";
import type { OrgLevel, OrgUnit, OrgUnitCreate, OrgUnitUpdate } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";

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

/**
 * Errors of org writes: a 409 means someone else saved first, so the data is reloaded and the user told;
 * returns true when the error was handled that way.
 */
export function useOrgWriteError(): (error: unknown) => boolean {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === "version_conflict") {
        message.warning(t("org.conflict"));
        void queryClient.invalidateQueries({ queryKey: orgKeys.all });
        return true;
      }
      message.error(errorMessage(error));
      return false;
    },
    [t, message, errorMessage, queryClient],
  );
}
