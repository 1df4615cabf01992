import { useCallback } from "react";
import type { ArchiveField } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";

/** The name of an archive field (`creditCode` → 统一社会信用代码); unknown fields show as they are. */
export function useArchiveFieldLabel(): (field: ArchiveField | string) => string {
  const { tryT } = useI18n();
  return useCallback((field) => tryT(`archiveField.${field}`) ?? tryT(`customers.${field}`) ?? field, [tryT]);
}
