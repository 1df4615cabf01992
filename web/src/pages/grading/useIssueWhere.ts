import { useCallback } from "react";
import type { FieldIssue } from "../../api/client.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type DraftValues, namePathOf } from "./draftForm.ts";

const LEAVES = ["name", "code", "labelZh", "labelEn", "id", "description", "field", "op", "value", "reason"];

/**
 * Where in the draft a server's issue points, in words ("A类 › 规则 2 › 条件 1 › 取值"), so a problem
 * the form cannot mark beside a field (a class left with no rules) is still found.
 */
export function useIssueWhere(): (issue: FieldIssue, values: DraftValues | undefined) => string {
  const { t, tryT, locale } = useI18n();
  return useCallback(
    (issue, values) => {
      const path = namePathOf(issue);
      const words: string[] = [];
      for (let i = 0; i < path.length; i++) {
        const part = path[i];
        const index = path[i + 1];
        if (part === "classes" && typeof index === "number") {
          const cls = values?.definition.classes?.[index];
          const label = cls ? (locale === "zh-CN" ? cls.labelZh : cls.labelEn) || cls.code : "";
          words.push(t("grading.draft.classN", { n: index + 1, label }));
          i++;
        } else if (part === "rules" && typeof index === "number") {
          words.push(t("grading.draft.ruleN", { n: index + 1 }));
          i++;
        } else if (part === "all" && typeof index === "number") {
          words.push(t("grading.draft.conditionN", { n: index + 1 }));
          i++;
        } else if (part === "fallback") {
          words.push(t("grading.draft.fallback"));
        } else if (typeof part === "string" && LEAVES.includes(part)) {
          words.push(tryT(`grading.draft.fields.${part}`) ?? part);
        }
      }
      return words.join(" › ") || issue.field;
    },
    [t, tryT, locale],
  );
}
