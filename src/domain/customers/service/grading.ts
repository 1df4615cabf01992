import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, can, requirePermission } from "../../../platform/auth/actor.ts";
import { requireProvinceWide, targetProvince } from "../../../platform/auth/scope.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { NotFound, ValidationFailed } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import type { RuleSetCreate } from "../contracts.ts";
import { DEFAULT_RULE_SETS, type RuleSetKind } from "../rules/default-rule-sets.ts";
import { type CustomerFacts, classify, previewChanges, type RuleSetDefinition } from "../rules/grading.ts";
import { gradeHistory, gradingRuleSet } from "../schema.ts";
import { findCustomer } from "./customers.ts";

const KINDS = Object.keys(DEFAULT_RULE_SETS) as RuleSetKind[];
/** The customer column each rule-set kind writes. */
const COLUMN: Record<RuleSetKind, "grade" | "value_tier" | "market_segment" | "smat_type"> = {
  grade: "grade",
  value_tier: "value_tier",
  market_segment: "market_segment",
  smat_type: "smat_type",
};

/** A province starts with the seeds' rule sets active (revision 1), editable from then on. */
export async function ensureDefaultRuleSets(tx: DbOrTx, provinceId: number): Promise<void> {
  await tx
    .insert(gradingRuleSet)
    .values(
      KINDS.map((kind) => ({
        provinceId,
        id: uuidv7(),
        kind,
        name: DEFAULT_RULE_SETS[kind].name,
        revision: 1,
        status: "active" as const,
        definition: DEFAULT_RULE_SETS[kind].definition,
        activatedAt: new Date(),
      })),
    )
    .onConflictDoNothing();
}

interface FactRow {
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
  pct: number;
}

/**
 * Facts for every customer of a province in one SQL pass: spend of the prior calendar year (003: the
 * key-account list is rebuilt from it), average monthly spend over the last 12 complete months, and the
 * spend percentile across the province. Months are Asia/Shanghai months.
 */
async function loadFacts(db: DbOrTx, provinceId: number, only?: string): Promise<FactRow[]> {
  const month = sql`date_trunc('month', now() at time zone 'Asia/Shanghai')::date`;
  const year = sql`date_trunc('year', now() at time zone 'Asia/Shanghai')::date`;
  const rows = await rowsOf<FactRow>(
    db,
    sql`with monthly as (
          select customer_id, month, sum(group_paid_fen + member_paid_fen) as fen
          from revenue_fact
          where province_id = ${provinceId} and month >= (${year} - interval '1 year')::date - interval '12 months'
          group by customer_id, month
        ), agg as (
          select customer_id,
            sum(fen) filter (where month >= (${year} - interval '1 year')::date and month < ${year}) as prior_year,
            avg(fen) filter (where month >= (${month} - interval '12 months')::date and month < ${month}) as avg_monthly
          from monthly group by customer_id
        ), ranked as (
          select c.id, c.grade, c.value_tier, c.market_segment, c.smat_type, c.handsets, c.employees,
            c.industry_section, c.industry_division, c.cluster_type, c.important, c.tags,
            coalesce(a.prior_year, 0)::float8 as prior_year, coalesce(a.avg_monthly, 0)::float8 as avg_monthly,
            (percent_rank() over (order by coalesce(a.prior_year, 0)) * 100)::float8 as pct
          from customer c left join agg a on a.customer_id = c.id
          where c.province_id = ${provinceId}
        )
        select * from ranked ${only ? sql`where id = ${only}` : sql``}`,
  );
  return rows;
}

const toFacts = (r: FactRow): CustomerFacts => ({
  handsets: r.handsets,
  employees: r.employees,
  avgMonthlySpendFen: Math.round(Number(r.avg_monthly)),
  priorYearSpendFen: Math.round(Number(r.prior_year)),
  spendPercentile: Number(r.pct),
  industrySection: r.industry_section,
  industryDivision: r.industry_division,
  clusterType: r.cluster_type,
  important: r.important,
  tags: r.tags,
});

async function activeRuleSets(db: DbOrTx, provinceId: number) {
  await ensureDefaultRuleSets(db, provinceId);
  const rows = await db
    .select()
    .from(gradingRuleSet)
    .where(and(eq(gradingRuleSet.provinceId, provinceId), eq(gradingRuleSet.status, "active")));
  return rows.map((r) => ({ ...r, definition: r.definition as RuleSetDefinition }));
}

interface Change {
  id: string;
  kind: RuleSetKind;
  from: string | null;
  to: string | null;
  ruleSetId: string;
  ruleId: string | null;
  reason: string;
}

/**
 * Re-grades every customer of a province (or one) with the active rule sets: writes the new classes,
 * one history row per change with the rule that fired and why, and one audit row for the run.
 */
export async function regrade(db: Db, actor: Actor, options: { provinceId: number; customerId?: string }) {
  const changes = await db.transaction(async (tx) => {
    const ruleSets = await activeRuleSets(tx, options.provinceId);
    const facts = await loadFacts(tx, options.provinceId, options.customerId);
    const found: Change[] = [];
    for (const row of facts) {
      const f = toFacts(row);
      for (const set of ruleSets) {
        const kind = set.kind as RuleSetKind;
        const result = classify(set.definition, f);
        const current = row[COLUMN[kind]];
        if (result.code !== current) {
          found.push({
            id: row.id,
            kind,
            from: current,
            to: result.code,
            ruleSetId: set.id,
            ruleId: result.ruleId,
            reason: result.reason,
          });
        }
      }
    }
    await applyChanges(tx, options.provinceId, found);
    await recordAudit(tx, actor, {
      provinceId: options.provinceId,
      action: "regrade",
      entityType: options.customerId ? "customer" : "dataset",
      entityId: options.customerId ?? `customers:${options.provinceId}`,
      after: { customers: facts.length, changes: found.length },
    });
    return { customers: facts.length, found };
  });
  const changed = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RuleSetKind, number>;
  for (const c of changes.found) changed[c.kind]++;
  return { customers: changes.customers, changed };
}

async function applyChanges(tx: DbOrTx, provinceId: number, changes: Change[]) {
  // One update per customer, whatever number of kinds changed, so its version moves by one.
  const byCustomer = new Map<string, Partial<Record<RuleSetKind, string | null>>>();
  for (const c of changes) byCustomer.set(c.id, { ...byCustomer.get(c.id), [c.kind]: c.to });
  const entries = [...byCustomer.entries()];
  const column = (kind: RuleSetKind) => sql.raw(COLUMN[kind]);
  for (let i = 0; i < entries.length; i += 2000) {
    const values = sql.join(
      entries.slice(i, i + 2000).map(
        ([id, next]) =>
          sql`(${id}::uuid, ${sql.join(
            KINDS.flatMap((k) => [sql`${k in next}::boolean`, sql`${next[k] ?? null}::text`]),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    const names = sql.raw(KINDS.flatMap((k) => [`set_${k}`, `new_${k}`]).join(", "));
    const sets = sql.join(
      KINDS.map(
        (k) =>
          sql`${column(k)} = case when v.${sql.raw(`set_${k}`)} then v.${sql.raw(`new_${k}`)} else c.${column(k)} end`,
      ),
      sql`, `,
    );
    await tx.execute(sql`update customer c set ${sets}, version = c.version + 1, updated_at = now()
      from (values ${values}) as v(id, ${names}) where c.province_id = ${provinceId} and c.id = v.id`);
  }
  for (let i = 0; i < changes.length; i += 1000) {
    await tx.insert(gradeHistory).values(
      changes.slice(i, i + 1000).map((c) => ({
        provinceId,
        id: uuidv7(),
        customerId: c.id,
        kind: c.kind,
        fromValue: c.from,
        toValue: c.to,
        ruleSetId: c.ruleSetId,
        ruleId: c.ruleId,
        reason: c.reason,
      })),
    );
  }
}

/** Re-grade one customer the actor may see (e.g. after its archive changed). */
export async function regradeCustomer(db: Db, actor: Actor, customerId: string) {
  requirePermission(actor, "grading:write");
  const row = await findCustomer(db, actor, customerId);
  return regrade(db, actor, { provinceId: row.provinceId, customerId: row.id });
}

/**
 * Rule sets and whole-province runs touch every customer of the province, so they need a province-wide
 * scope: a city analyst must not re-class another city's customers.
 */
const assertProvinceWide = (actor: Actor, what: string) => requireProvinceWide(actor, "grading:write", what);

export async function regradeProvince(db: Db, actor: Actor, provinceId?: number) {
  assertProvinceWide(actor, "Re-grading the whole province");
  return regrade(db, actor, { provinceId: targetProvince(actor, provinceId) });
}

const presentSet = (r: typeof gradingRuleSet.$inferSelect) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  revision: r.revision,
  status: r.status,
  definition: r.definition as RuleSetDefinition,
  createdAt: r.createdAt.toISOString(),
  activatedAt: r.activatedAt?.toISOString() ?? null,
});

export async function listRuleSets(db: Db, actor: Actor, kind?: RuleSetKind, provinceId?: number) {
  if (!can(actor, "grading:write")) requirePermission(actor, "customer:read");
  const province = targetProvince(actor, provinceId);
  await ensureDefaultRuleSets(db, province);
  const filters: (SQL | undefined)[] = [
    eq(gradingRuleSet.provinceId, province),
    kind ? eq(gradingRuleSet.kind, kind) : undefined,
  ];
  const rows = await db
    .select()
    .from(gradingRuleSet)
    .where(and(...filters))
    .orderBy(asc(gradingRuleSet.kind), desc(gradingRuleSet.revision));
  return { items: rows.map(presentSet), total: rows.length };
}

async function findRuleSet(db: DbOrTx, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFound("rule_set", id);
  const [row] = await db
    .select()
    .from(gradingRuleSet)
    // HQ reaches every province's rule sets; everyone else only its own province's.
    .where(
      actor.orgLevel === "hq"
        ? eq(gradingRuleSet.id, id)
        : and(eq(gradingRuleSet.provinceId, actor.provinceId), eq(gradingRuleSet.id, id)),
    );
  if (!row) throw new NotFound("rule_set", id);
  return row;
}

/** A new revision starts as a draft: preview it, then activate it. */
export async function createRuleSet(db: Db, actor: Actor, body: z.infer<typeof RuleSetCreate>) {
  assertProvinceWide(actor, "The province's grading rule sets");
  const id = uuidv7();
  const provinceId = targetProvince(actor, body.provinceId);
  await db.transaction(async (tx) => {
    await ensureDefaultRuleSets(tx, provinceId);
    const [last] = await tx
      .select({ revision: sql<number>`max(${gradingRuleSet.revision})::int` })
      .from(gradingRuleSet)
      .where(and(eq(gradingRuleSet.provinceId, provinceId), eq(gradingRuleSet.kind, body.kind)));
    await tx.insert(gradingRuleSet).values({
      provinceId: provinceId,
      id,
      kind: body.kind,
      name: body.name,
      revision: (last?.revision ?? 0) + 1,
      status: "draft",
      definition: body.definition,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      provinceId: provinceId,
      action: "create",
      entityType: "rule_set",
      entityId: id,
      after: { kind: body.kind, name: body.name, definition: body.definition },
    });
  });
  return presentSet(await findRuleSet(db, actor, id));
}

/** How many customers the rule set would move, before anyone commits to it. */
export async function previewRuleSet(db: Db, actor: Actor, id: string) {
  requirePermission(actor, "grading:write");
  const set = await findRuleSet(db, actor, id);
  const facts = await loadFacts(db, set.provinceId);
  const column = COLUMN[set.kind as RuleSetKind];
  return previewChanges(
    set.definition as RuleSetDefinition,
    facts.map((r) => ({ current: r[column], facts: toFacts(r) })),
  );
}

/** Activate a draft: the previous active revision of its kind retires, and the province is re-graded. */
export async function activateRuleSet(db: Db, actor: Actor, id: string) {
  assertProvinceWide(actor, "The province's grading rule sets");
  const { provinceId } = await findRuleSet(db, actor, id);
  await db.transaction(async (tx) => {
    const set = await findRuleSet(tx, actor, id);
    if (set.status !== "draft")
      throw new ValidationFailed("status", `only a draft can be activated; this one is ${set.status}`);
    await tx
      .update(gradingRuleSet)
      .set({ status: "retired" })
      .where(
        and(
          eq(gradingRuleSet.provinceId, provinceId),
          eq(gradingRuleSet.kind, set.kind),
          eq(gradingRuleSet.status, "active"),
        ),
      );
    await tx
      .update(gradingRuleSet)
      .set({ status: "active", activatedAt: new Date() })
      .where(and(eq(gradingRuleSet.provinceId, provinceId), eq(gradingRuleSet.id, id)));
    await recordAudit(tx, actor, {
      provinceId: provinceId,
      action: "activate",
      entityType: "rule_set",
      entityId: id,
    });
  });
  const result = await regrade(db, actor, { provinceId: provinceId });
  return { ruleSet: presentSet(await findRuleSet(db, actor, id)), regrade: result };
}
