import { AppError } from "../../../../platform/errors.ts";
import type { PublicImportError } from "../import/present.ts";

export const revenueErrorReportUrl = (importId: string) => `/api/v1/revenue/imports/${importId}/errors.xlsx`;

/** All or nothing: one bad row rejects the file, and the answer lists every problem found. */
export class RevenueImportRejected extends AppError {
  constructor(importId: string, errors: PublicImportError[], errorCount: number) {
    super(
      "unprocessable",
      "import_rejected",
      `Nothing was imported: the file has ${errorCount} problem${errorCount === 1 ? "" : "s"}. Fix them (see errors, or download errorReport) and import the whole file again.`,
      { importId, errors: errors.slice(0, 200), errorCount, errorReport: revenueErrorReportUrl(importId) },
    );
  }
}

/** Group HQ holds no customers of its own: a province-wide import names the province it replaces. */
