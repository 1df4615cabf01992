import { useCallback } from "react";
import type { Merge } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";

/** What a merge moved, in one sentence, and the names of the fields it filled. */
export function useMergeMovedText(): {
  moved: (merge: Merge) => string;
  filled: (merge: Merge) => string;
} {
  const { t, tryT, locale } = useI18n();
  const moved = useCallback(
    (m: Merge) =>
      t("merge.resultDetail", {
        members: m.moved.members,
        contacts: m.moved.contacts,
        revenueRows: m.moved.revenueRows,
        subsidiaries: m.moved.subsidiaries,
      }),
    [t],
  );
  const filled = useCallback(
    (m: Merge) => {
      if (m.moved.filledFields.length === 0) return t("merge.noFilledFields");
      const label = (f: string) => tryT(`customers.${f.replace(/Id$/, "")}`) ?? f;
      const names = m.moved.filledFields.map(label).join(locale === "zh-CN" ? "、" : ", ");
      return t("merge.filledFields", { fields: names });
    },
    [t, tryT, locale],
  );
  return { moved, filled };
}
