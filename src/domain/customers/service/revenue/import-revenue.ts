import type { Readable } from "node:stream";
import type { z } from "zod";
import type { Actor } from "../../../../platform/auth/actor.ts";
import { requireProvinceWide, targetProvince } from "../../../../platform/auth/scope.ts";
import type { Db } from "../../../../platform/db/index.ts";
import { ProvinceRequired } from "../../../../platform/errors.ts";
import { uuidv7 } from "../../../../platform/ids.ts";
import { shanghaiMonth } from "../../../../platform/time.ts";
import type { RevenueImportResult } from "../../contracts.ts";
import { monthAlerts } from "../../rules/revenue.ts";
import { importRun } from "../../schema.ts";
import { renderWith } from "../import/messages.ts";
import { presentErrors } from "../import/present.ts";
import { IssueSink } from "../import/row-reader.ts";
import type { Locale } from "../import/types.ts";
import { RevenueImportRejected } from "./errors.ts";
import { matchCustomers } from "./lookups.ts";
import { REVENUE_MESSAGES } from "./messages.ts";
import { type RevenueFile, readRevenueFile } from "./read-file.ts";
import { type MonthBefore, type MonthTotals, monthsBefore, monthTotals, replaceMonths } from "./write.ts";

export interface RevenueImportInput {
  fileName: string;
  source: Readable;
  /** Check and compare only; nothing is written (a rejected file is still kept for its error report). */
  dryRun?: boolean;
  /** Group HQ names the province; everyone else imports into their own. */
  provinceId?: number;
  locale?: Locale;
  /** Told when each phase ends, with the milliseconds since the import started (benchmarks). */
  onPhase?: (phase: "read" | "lookups" | "write", elapsedMs: number) => void;
}

type Result = z.infer<typeof RevenueImportResult>;

/**
 * Imports one billing export (docs/revenue-import.md): each month it holds replaces that month of the
 * province's revenue facts, in one transaction, so the same file twice leaves the same facts and a
 * corrected file replaces the month. All or nothing: any problem rejects the whole file, with every
 * problem listed and kept for the error report, and nothing written.
 */
export async function importRevenueFile(db: Db, actor: Actor, input: RevenueImportInput): Promise<Result> {
  // A month is replaced for the whole province: a city or county manager cannot speak for the others.
  requireProvinceWide(actor, "revenue:import", "Replacing a month of the province's revenue");
  // Replacing a month is never implied: HQ names the province even when it oversees only one.
  if (actor.orgLevel === "hq" && input.provinceId === undefined)
    throw new ProvinceRequired(
      "Group HQ imports revenue into one province at a time: name it with provinceId.",
    );
  const provinceId = targetProvince(actor, input.provinceId);
  const started = performance.now();
  const phase = (name: "read" | "lookups" | "write") => input.onPhase?.(name, performance.now() - started);
  const importId = uuidv7();

  const sink = new IssueSink();
  const file = await readRevenueFile(
    { fileName: input.fileName, source: input.source, latestMonth: shanghaiMonth() },
    sink,
  );
  phase("read");
  // Province-wide callers see every customer of the province, so matching codes in it is the scope check.
  const matches = await matchCustomers(db, provinceId, file.codes);
  if (matches.problems.size > 0) {
    for (let r = 0; r < file.rowNumber.length; r++) {
      const problem = matches.problems.get(file.customer[r]!);
      if (!problem) continue;
      const code = file.codes[file.customer[r]!]!;
      const { code: kind, ...params } = problem;
      sink.push({
        sheet: input.fileName,
        row: file.rowNumber[r]!,
        column: file.headers.get("customerCode") ?? "customer_code",
        field: "customerCode",
        value: code,
        personal: false,
        code: kind,
        params: { value: code, ...params },
      });
    }
  }
  phase("lookups");

  const totals = monthTotals(file);
  const counts = countsOf(file, totals);
  if (sink.count > 0) {
    const errors = sink.kept
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => a.issue.row - b.issue.row || a.i - b.i)
      .map(({ issue }) => renderWith(REVENUE_MESSAGES, issue, input.locale ?? "zh-CN"));
    await db.insert(importRun).values({
      provinceId,
      id: importId,
      kind: "revenue",
      fileName: input.fileName,
      status: "rejected",
      counts,
      errorCount: sink.count,
      errors,
      createdBy: actor.userId,
    });
    throw new RevenueImportRejected(importId, presentErrors(actor, errors), sink.count);
  }

  const months = totals.map((t) => t.month);
  let before: Map<string, MonthBefore>;
  if (input.dryRun) before = await monthsBefore(db, provinceId, months);
  else {
    const customerIds = matches.ids as string[];
    before = await db.transaction((tx) =>
      replaceMonths(tx, actor, {
        provinceId,
        run: { id: importId, fileName: input.fileName },
        file,
        customerIds,
        totals,
        counts,
      }),
    );
  }
  phase("write");
  return {
    importId: input.dryRun ? null : importId,
    dryRun: input.dryRun === true,
    fileName: input.fileName,
    encoding: file.encoding,
    provinceId,
    ...counts.totals,
    months: totals.map((t) => compare(t, before.get(t.month) ?? { rows: 0, totalFen: 0 })),
  };
}

function compare(t: MonthTotals, before: MonthBefore): Result["months"][number] {
  const after = { rows: t.rows, totalFen: t.groupPaidFen + t.memberPaidFen };
  return { ...t, before, after, alerts: monthAlerts(before, after) };
}

/** What the run records: the file's size and sums, overall and per month. */
function countsOf(file: RevenueFile, totals: MonthTotals[]) {
  let groupPaidFen = 0;
  let memberPaidFen = 0;
  for (const t of totals) {
    groupPaidFen += t.groupPaidFen;
    memberPaidFen += t.memberPaidFen;
  }
  const customers = new Set(file.customer).size;
  return {
    totals: {
      rows: file.rowNumber.length,
      customers,
      groupPaidFen,
      memberPaidFen,
      totalFen: groupPaidFen + memberPaidFen,
    },
    months: totals,
  };
}
