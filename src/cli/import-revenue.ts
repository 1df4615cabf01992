import { createReadStream } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { importRevenueFile } from "../domain/customers/index.ts";
import { systemActor } from "../domain/org/index.ts";
import type { Db } from "../platform/db/index.ts";
import { rowsOf } from "../platform/db/sql.ts";
import { AppError } from "../platform/errors.ts";

export interface RevenueImportOptions {
  province?: number;
  dryRun?: boolean;
  lang: "zh-CN" | "en-US";
}

const yuan = (fen: number) =>
  (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The command line has no province of its own: the one named, or the only one there is. */
async function provinceOf(db: Db, named: number | undefined): Promise<number> {
  if (named !== undefined) return named;
  const provinces = await rowsOf<{ id: number }>(
    db,
    sql`select distinct province_id::int as id from org_unit where level = 'province' order by 1`,
  );
  if (provinces.length === 1) return provinces[0]!.id;
  throw new AppError(
    "validation",
    "province_required",
    `Name the province with --province (${provinces.map((p) => p.id).join(", ") || "none exists yet"}).`,
  );
}

/**
 * `jike import revenue <file>`: the same import the web and API run, as the command-line operator.
 * Prints what each month became, or every problem (the first 100); a rejected file exits with 1.
 */
export async function importRevenueFromCli(
  db: Db,
  file: string,
  options: RevenueImportOptions,
): Promise<number> {
  const actor = await systemActor(db);
  try {
    const result = await importRevenueFile(db, actor, {
      fileName: path.basename(file),
      source: createReadStream(file),
      provinceId: await provinceOf(db, options.province),
      dryRun: options.dryRun,
      locale: options.lang,
    });
    console.log(
      `${result.dryRun ? "Checked (dry run, nothing written)" : "Imported"} ${result.fileName} (${result.encoding}): ` +
        `${result.rows} rows, ${result.customers} customers, ${yuan(result.totalFen)} yuan ` +
        `(group ${yuan(result.groupPaidFen)}, members ${yuan(result.memberPaidFen)}).`,
    );
    console.log("month    rows before → after      total before → after (yuan)");
    for (const m of result.months) {
      const alerts = m.alerts.length > 0 ? `  ! ${m.alerts.join(", ")}` : "";
      console.log(
        `${m.month}  ${String(m.before.rows).padStart(8)} → ${String(m.after.rows).padEnd(8)}  ` +
          `${yuan(m.before.totalFen).padStart(16)} → ${yuan(m.after.totalFen)}${alerts}`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "import_rejected") throw error;
    const details = error.details as {
      errors: { row: number; column: string; value: string; message: string; fix: string }[];
      errorCount: number;
    };
    console.error(`Nothing was imported: ${details.errorCount} problem(s) in ${path.basename(file)}.`);
    for (const e of details.errors.slice(0, 100)) {
      console.error(
        `row ${e.row}, ${e.column || "file"}${e.value ? ` "${e.value}"` : ""}: ${e.message}. ${e.fix}`,
      );
    }
    if (details.errorCount > 100) console.error(`… and ${details.errorCount - 100} more.`);
    return 1;
  }
}
