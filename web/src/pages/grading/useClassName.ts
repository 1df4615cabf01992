import { useCallback } from "react";
import type { RuleSetKind } from "../../api/types.ts";
import { type Locale, useI18n } from "../../i18n/index.tsx";
import { useCustomerLabels } from "../customers/useCustomerLabels.ts";
import type { RuleSetDefinition } from "./api.ts";
import { UNCLASSIFIED } from "./vocab.ts";

type Labelled = { labelZh: string; labelEn: string };

/** A class's own name in the reader's language: the rule set carries both. */
export const classLabel = (c: Labelled, locale: Locale) => (locale === "zh-CN" ? c.labelZh : c.labelEn);

/**
 * Names a class code as the given rule sets name it (a draft may add classes no dictionary knows), then
 * as the dictionary does, then as the bare code.
 */
export function useClassName(
  kind: RuleSetKind,
  definitions: readonly (RuleSetDefinition | undefined)[],
): (code: string) => string {
  const { t, locale } = useI18n();
  const labels = useCustomerLabels();
  return useCallback(
    (code: string) => {
      if (code === UNCLASSIFIED) return t("grading.unclassified");
      for (const d of definitions) {
        const found = [...(d?.classes ?? []), ...(d?.fallback ? [d.fallback] : [])].find(
          (c) => c.code === code,
        );
        if (found) return classLabel(found, locale);
      }
      return labels.ruleSetValue(kind, code);
    },
    [t, locale, labels, kind, definitions],
  );
}
