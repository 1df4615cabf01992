import type { FormInstance } from "antd";
import { useCallback } from "react";
import { type FieldIssue, isApiError } from "../api/client.ts";
import { useI18n } from "../i18n/index.tsx";

function issuesOf(error: unknown): FieldIssue[] {
  if (!isApiError(error)) return [];
  if (error.issues.length > 0) return error.issues;
  const d = error.details;
  // Business-rule errors (a taken username, a bad move) name their single field in `details.field`.
  if (d && typeof d === "object" && "field" in d && typeof d.field === "string") {
    return [{ field: d.field, message: error.message }];
  }
  return [];
}

/**
 * Puts a server answer's field problems next to the form fields they name (`roles.0` → `roles`).
 * Returns false when nothing could be placed, so the caller shows a general message instead.
 */
export function useApplyFieldErrors(): (
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
) => boolean {
  const { tryT } = useI18n();
  return useCallback(
    (form, error, fields) => {
      const translated = isApiError(error) ? tryT(`apiError.${error.code}`) : undefined;
      const byField = new Map<string, string[]>();
      for (const issue of issuesOf(error)) {
        const name = issue.field.split(/[.[]/)[0] ?? "";
        if (!fields.includes(name)) continue;
        byField.set(name, [...(byField.get(name) ?? []), translated ?? issue.message]);
      }
      if (byField.size === 0) return false;
      form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
      const first = fields.find((f) => byField.has(f));
      if (first) form.scrollToField(first, { block: "center" });
      return true;
    },
    [tryT],
  );
}
