import { z } from "zod";

/** Monthly revenue facts from the billing system's export (docs/revenue-import.md). */
const Fen = z.number().int();

export const RevenueImportQuery = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .describe("true: check the file and report what it would change, writing nothing"),
  provinceId: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe("group HQ names the province; others import into their own"),
});

export const RevenueMonthImported = z.object({
  month: z.string().describe("YYYY-MM"),
  rows: z.number().int(),
  customers: z.number().int(),
  groupPaidFen: Fen,
  memberPaidFen: Fen,
  before: z
    .object({ rows: z.number().int(), totalFen: Fen })
    .describe("the month as it was before this file replaced it (nothing: 0 and 0)"),
  after: z.object({ rows: z.number().int(), totalFen: Fen }),
  alerts: z
    .array(z.enum(["rows_dropped", "total_dropped"]))
    .describe("the month lost more than a fifth of its rows or revenue: is the export complete?"),
});

export const RevenueImportResult = z.object({
  importId: z.uuid().nullable().describe("null on a dry run"),
  dryRun: z.boolean(),
  fileName: z.string(),
  encoding: z.enum(["utf-8", "gbk", "utf-16le"]),
  provinceId: z.number().int(),
  rows: z.number().int(),
  customers: z.number().int(),
  groupPaidFen: Fen,
  memberPaidFen: Fen,
  totalFen: Fen,
  months: z.array(RevenueMonthImported).describe("every month of the file, replaced whole"),
});

export const RevenueMonthsQuery = z.object({
  provinceId: z.coerce.number().int().min(1).max(99).optional().describe("group HQ names the province"),
});

export const RevenueMonth = z.object({
  month: z.string().describe("YYYY-MM"),
  rows: z.number().int(),
  customers: z.number().int(),
  groupPaidFen: Fen,
  memberPaidFen: Fen,
  totalFen: Fen,
  source: z
    .enum(["import", "generated"])
    .describe("import: a billing export; generated: demo or earlier data"),
  importId: z.uuid().nullable(),
  loadedAt: z.string(),
  loadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
