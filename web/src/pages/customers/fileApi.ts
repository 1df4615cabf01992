import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadFile } from "../../api/client.ts";
import type { ImportKind, ImportRejection, ImportResult } from "../../api/types.ts";
import { type CustomerListParams, customerKeys } from "./api.ts";

export const IMPORT_KINDS: readonly ImportKind[] = ["customers", "members", "contacts"];
export const IMPORT_ACCEPT = ".xlsx,.csv";
export const TEMPLATE_PATH = "/customers/import/template";
export const TEMPLATE_FALLBACK_NAME = "jike-import-template.xlsx";
export const EXPORT_PATH = "/customers/export";

export const isCsv = (fileName: string) => /\.csv$/i.test(fileName);

export interface ImportVariables {
  file: File;
  /** What a CSV holds; an .xlsx names its sheets itself. */
  kind: ImportKind;
  /** Messages and fixes in a rejection come back in this language. */
  locale: string;
}

/** Uploads an archive file; all or nothing, so a success refreshes every customer view. */
export function useImportCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, locale }: ImportVariables) =>
      uploadFile<ImportResult>("/customers/import", file, {
        query: isCsv(file.name) ? { kind } : undefined,
        headers: { "Accept-Language": locale },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/** The `details` of a 422 `import_rejected`, when the answer has that shape. */
export function rejectionOf(details: unknown): ImportRejection | null {
  if (!details || typeof details !== "object") return null;
  const d = details as Partial<ImportRejection>;
  if (!Array.isArray(d.errors)) return null;
  return {
    importId: typeof d.importId === "string" ? d.importId : "",
    errors: d.errors,
    errorCount: typeof d.errorCount === "number" ? d.errorCount : d.errors.length,
    errorReport: typeof d.errorReport === "string" ? d.errorReport : "",
  };
}

/** The list's filters and sort as export query parameters: the same rows, without paging. */
export function exportQuery({ limit: _limit, offset: _offset, ...rest }: CustomerListParams) {
  return rest;
}
