import { sql } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit/service.ts";
import type { Actor } from "../../../../platform/auth/actor.ts";
import type { DbOrTx, Tx } from "../../../../platform/db/index.ts";
import { rowsOf } from "../../../../platform/db/sql.ts";
import { PRODUCT_LINES } from "../../rules/product-lines.ts";
import { importRun, revenueMonth } from "../../schema.ts";
import type { RevenueFile } from "./read-file.ts";

/**
 * Rows per INSERT. Each batch travels as five array parameters unnested server-side: one statement
 * per 20,000 rows, far below PostgreSQL's parameter limit, and no SQL text that grows with the batch.
 */
const BATCH = 20_000;

/** Advisory-lock class of a province's revenue month: two imports of one month take turns. */
const MONTH_LOCK = 0x52_45_56; // "REV"

export interface MonthTotals {
  month: string;
  rows: number;
  customers: number;
  groupPaidFen: number;
  memberPaidFen: number;
}

export interface MonthBefore {
  rows: number;
  totalFen: number;
}

export const firstDay = (month: string) => `${month}-01`;

/** The file's figures per month, in the order of the months. */
export function monthTotals(file: RevenueFile): MonthTotals[] {
  const totals = file.months.map((month) => ({
    month,
    rows: 0,
    customers: 0,
    groupPaidFen: 0,
    memberPaidFen: 0,
  }));
  const seen = file.months.map(() => new Set<number>());
  for (let r = 0; r < file.rowNumber.length; r++) {
    const m = file.month[r]!;
    const t = totals[m]!;
    t.rows++;
    t.groupPaidFen += file.groupFen[r]!;
    t.memberPaidFen += file.memberFen[r]!;
    seen[m]!.add(file.customer[r]!);
  }
  totals.forEach((t, m) => {
    t.customers = seen[m]!.size;
  });
  return totals.sort((a, b) => a.month.localeCompare(b.month));
}

type BeforeRow = { month: string; rows: number; total: string | number };
const byMonth = (rows: BeforeRow[]) =>
  new Map(rows.map((r) => [r.month, { rows: Number(r.rows), totalFen: Number(r.total) }]));

/** What the province holds for these months now (a dry run's comparison). */
export async function monthsBefore(db: DbOrTx, provinceId: number, months: string[]) {
  return byMonth(
    await rowsOf<BeforeRow>(
      db,
      sql`select to_char(month, 'YYYY-MM') as month, count(*)::int as rows,
            coalesce(sum(group_paid_fen + member_paid_fen), 0)::bigint as total
          from revenue_fact
          where province_id = ${provinceId} and month = any(${sql.param(months.map(firstDay))}::date[])
          group by month`,
    ),
  );
}

export interface Replacement {
  provinceId: number;
  run: { id: string; fileName: string };
  file: RevenueFile;
  /** Customer ids by the file's code index. */
  customerIds: string[];
  totals: MonthTotals[];
  counts: Record<string, unknown>;
}

/**
 * Replaces each month of the file in the caller's transaction: the month's facts go, the file's rows
 * come, the month's summary row is rewritten, and the run and one audit row record who did it.
 * Returns what each month held before.
 */
export async function replaceMonths(
  tx: Tx,
  actor: Actor,
  plan: Replacement,
): Promise<Map<string, MonthBefore>> {
  const { provinceId, file } = plan;
  const months = plan.totals.map((t) => t.month);
  for (const month of months) {
    const key = provinceId * 1_000_000 + Number(month.replace("-", ""));
    await tx.execute(sql`select pg_advisory_xact_lock(${MONTH_LOCK}, ${key})`);
  }
  const before = byMonth(
    await rowsOf<BeforeRow>(
      tx,
      sql`with gone as (
            delete from revenue_fact
            where province_id = ${provinceId} and month = any(${sql.param(months.map(firstDay))}::date[])
            returning month, group_paid_fen + member_paid_fen as fen)
          select to_char(month, 'YYYY-MM') as month, count(*)::int as rows, coalesce(sum(fen), 0)::bigint as total
          from gone group by month`,
    ),
  );

  const monthDays = file.months.map(firstDay);
  for (let start = 0; start < file.rowNumber.length; start += BATCH) {
    const end = Math.min(start + BATCH, file.rowNumber.length);
    const ids: string[] = [];
    const days: string[] = [];
    const lines: string[] = [];
    for (let r = start; r < end; r++) {
      ids.push(plan.customerIds[file.customer[r]!]!);
      days.push(monthDays[file.month[r]!]!);
      lines.push(PRODUCT_LINES[file.line[r]!]!);
    }
    await tx.execute(sql`insert into revenue_fact
        (province_id, customer_id, month, product_line, group_paid_fen, member_paid_fen)
      select ${provinceId}, u.customer_id, u.month, u.product_line, u.group_fen, u.member_fen
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(days)}::date[], ${sql.param(lines)}::text[],
        ${sql.param(file.groupFen.slice(start, end))}::bigint[], ${sql.param(file.memberFen.slice(start, end))}::bigint[])
        as u(customer_id, month, product_line, group_fen, member_fen)`);
  }

  await tx
    .insert(revenueMonth)
    .values(
      plan.totals.map((t) => ({
        provinceId,
        month: firstDay(t.month),
        rowCount: t.rows,
        customerCount: t.customers,
        groupPaidFen: t.groupPaidFen,
        memberPaidFen: t.memberPaidFen,
        source: "import" as const,
        importRunId: plan.run.id,
        loadedBy: actor.userId,
      })),
    )
    .onConflictDoUpdate({
      target: [revenueMonth.provinceId, revenueMonth.month],
      set: {
        rowCount: sql`excluded.row_count`,
        customerCount: sql`excluded.customer_count`,
        groupPaidFen: sql`excluded.group_paid_fen`,
        memberPaidFen: sql`excluded.member_paid_fen`,
        source: sql`excluded.source`,
        importRunId: sql`excluded.import_run_id`,
        loadedBy: sql`excluded.loaded_by`,
        loadedAt: sql`now()`,
      },
    });

  await tx.insert(importRun).values({
    provinceId,
    id: plan.run.id,
    kind: "revenue",
    fileName: plan.run.fileName,
    status: "accepted",
    counts: plan.counts,
    createdBy: actor.userId,
  });
  await recordAudit(
    tx,
    { ...actor, source: actor.source === "cli" ? "cli" : "import" },
    {
      provinceId,
      action: "import",
      entityType: "import_run",
      entityId: plan.run.id,
      after: {
        fileName: plan.run.fileName,
        kind: "revenue",
        ...plan.counts,
        before: Object.fromEntries(months.map((m) => [m, before.get(m) ?? { rows: 0, totalFen: 0 }])),
      },
    },
  );
  return before;
}
