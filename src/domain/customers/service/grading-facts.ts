import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import type { CustomerFacts } from "../rules/grading.ts";

/** A customer's current classes and the facts the rule sets read. */
export interface FactRow {
  id: string;
  grade: string | null;
  value_tier: string | null;
  market_segment: string | null;
  smat_type: string | null;
  handsets: number | null;
  employees: number | null;
  industry_section: string | null;
  industry_division: string | null;
  cluster_type: string | null;
  important: boolean;
  tags: string[];
  prior_year: number;
  avg_monthly: number;
}

// Months and years are Asia/Shanghai ones, as the revenue facts are.
const THIS_MONTH = sql`date_trunc('month', now() at time zone 'Asia/Shanghai')::date`;
const PRIOR_YEAR = sql`(extract(year from now() at time zone 'Asia/Shanghai') - 1)::smallint`;

/**
 * Prior-calendar-year spend of every customer of the province (003: the key-account list is rebuilt
 * from it), ascending, customers without revenue as 0. Read from the yearly sums the revenue triggers
 * keep, one index probe per customer. This is what percentiles rank against.
 */
export async function priorYearSpendDistribution(db: DbOrTx, provinceId: number): Promise<Float64Array> {
  const rows = await rowsOf<{ fen: number }>(
    db,
    sql`select coalesce(y.total_fen, 0)::float8 as fen
        from customer c
        left join customer_revenue_year y
          on y.province_id = c.province_id and y.customer_id = c.id and y.year = ${PRIOR_YEAR}
        where c.province_id = ${provinceId}`,
  );
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = Number(rows[i]!.fen);
  return values.sort();
}

/**
 * The customer's place by prior-year spend, 0–100 (100 = top), as SQL's percent_rank: the share of the
 * other customers that spent strictly less.
 */
export function spendPercentile(sorted: Float64Array, fen: number): number {
  if (sorted.length < 2) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < fen) lo = mid + 1;
    else hi = mid;
  }
  return (lo / (sorted.length - 1)) * 100;
}

/**
 * The next `limit` customers of the province after `afterId` (id order), or just `only`, with their
 * prior-year spend and their average monthly spend over the last 12 complete months.
 */
export async function factsPage(
  db: DbOrTx,
  provinceId: number,
  page: { afterId: string | null; limit: number; only?: string },
): Promise<FactRow[]> {
  const which = page.only ? sql`c.id = ${page.only}` : page.afterId ? sql`c.id > ${page.afterId}` : sql`true`;
  return rowsOf<FactRow>(
    db,
    sql`with page as (
          select c.id, c.grade, c.value_tier, c.market_segment, c.smat_type, c.handsets, c.employees,
            c.industry_section, c.industry_division, c.cluster_type, c.important, c.tags
          from customer c
          where c.province_id = ${provinceId} and ${which}
          order by c.id
          limit ${page.limit}
        ), monthly as (
          select r.customer_id, sum(r.group_paid_fen + r.member_paid_fen) as fen
          from revenue_fact r
          where r.province_id = ${provinceId} and r.customer_id in (select id from page)
            and r.month >= (${THIS_MONTH} - interval '12 months')::date and r.month < ${THIS_MONTH}
          group by r.customer_id, r.month
        ), average as (
          select customer_id, avg(fen) as avg_monthly from monthly group by customer_id
        )
        select p.*, coalesce(y.total_fen, 0)::float8 as prior_year, coalesce(a.avg_monthly, 0)::float8 as avg_monthly
        from page p
        left join customer_revenue_year y
          on y.province_id = ${provinceId} and y.customer_id = p.id and y.year = ${PRIOR_YEAR}
        left join average a on a.customer_id = p.id
        order by p.id`,
  );
}

/** Every customer of the province (or just `only`), a page at a time, with its spend percentile. */
export async function* provinceFacts(
  db: DbOrTx,
  provinceId: number,
  options: { pageSize: number; only?: string; distribution?: Float64Array },
): AsyncGenerator<{ rows: FactRow[]; facts: CustomerFacts[] }> {
  const distribution = options.distribution ?? (await priorYearSpendDistribution(db, provinceId));
  let afterId: string | null = null;
  for (;;) {
    const rows = await factsPage(db, provinceId, { afterId, limit: options.pageSize, only: options.only });
    if (rows.length === 0) return;
    yield { rows, facts: rows.map((r) => toFacts(r, distribution)) };
    if (options.only || rows.length < options.pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

export const toFacts = (r: FactRow, distribution: Float64Array): CustomerFacts => ({
  handsets: r.handsets,
  employees: r.employees,
  avgMonthlySpendFen: Math.round(Number(r.avg_monthly)),
  priorYearSpendFen: Math.round(Number(r.prior_year)),
  spendPercentile: spendPercentile(distribution, Number(r.prior_year)),
  industrySection: r.industry_section,
  industryDivision: r.industry_division,
  clusterType: r.cluster_type,
  important: r.important,
  tags: r.tags,
});
