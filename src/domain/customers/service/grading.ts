import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, can, requirePermission } from "../../../platform/auth/actor.ts";
import { requireProvinceWide, targetProvince } from "../../../platform/auth/scope.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { NotFound, ValidationFailed } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import type { JobContext, JobKind, JobRunner } from "../../../platform/jobs/runner.ts";
import { getJob, queueJob } from "../../../platform/jobs/service.ts";
import type { RuleSetCreate } from "../contracts.ts";
import { DEFAULT_RULE_SETS, type RuleSetKind } from "../rules/default-rule-sets.ts";
import { type CustomerFacts, classify, previewChanges, type RuleSetDefinition } from "../rules/grading.ts";
import { gradeHistory, gradingRuleSet } from "../schema.ts";
import { findCustomer } from "./customers.ts";
import {
  type FactRow,
  factsPage,
  priorYearSpendDistribution,
  provinceFacts,
  toFacts,
} from "./grading-facts.ts";

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

/** Customers per transaction of a re-grade: small enough that requests interleave, large enough to be quick. */
const PAGE_SIZE = 2000;

type RuleSets = Awaited<ReturnType<typeof activeRuleSets>>;

/** What each active rule set makes of these customers, where that differs from their current class. */
function changesOf(ruleSets: RuleSets, rows: FactRow[], facts: CustomerFacts[]): Change[] {
  const found: Change[] = [];
  rows.forEach((row, i) => {
    for (const set of ruleSets) {
      const kind = set.kind as RuleSetKind;
      const result = classify(set.definition, facts[i]!);
      const current = row[COLUMN[kind]];
      if (result.code !== current)
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
  });
  return found;
}

/**
 * Re-grades every customer of a province (or one) with the active rule sets: writes the new classes,
 * one history row per change with the rule that fired and why, and one audit row for the run. A province
 * goes a page of customers per transaction, in id order: an interrupted run keeps the pages it finished,
 * and running it again changes only what is still out of date, so a retry picks up where it stopped.
 */
export async function regrade(
  db: Db,
  actor: Actor,
  options: {
    provinceId: number;
    customerId?: string;
    /** Called in each page's transaction after its changes are written; throwing rolls that page back. */
    onPage?: JobContext<unknown>["progress"];
  },
) {
  const { provinceId, customerId } = options;
  const ruleSets = await db.transaction((tx) => activeRuleSets(tx, provinceId));
  const distribution = await priorYearSpendDistribution(db, provinceId);
  const total = customerId ? 1 : distribution.length;
  const changed = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RuleSetKind, number>;
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await db.transaction(async (tx) => {
      const rows = await factsPage(tx, provinceId, { afterId, limit: PAGE_SIZE, only: customerId });
      const found = changesOf(
        ruleSets,
        rows,
        rows.map((r) => toFacts(r, distribution)),
      );
      await applyChanges(tx, provinceId, found);
      for (const c of found) changed[c.kind]++;
      const last = customerId !== undefined || rows.length < PAGE_SIZE;
      if (last)
        await recordAudit(tx, actor, {
          provinceId,
          action: "regrade",
          entityType: customerId ? "customer" : "dataset",
          entityId: customerId ?? `customers:${provinceId}`,
          after: {
            customers: done + rows.length,
            changes: Object.values(changed).reduce((a, b) => a + b, 0),
          },
        });
      await options.onPage?.(tx, done + rows.length, Math.max(total, done + rows.length));
      return { rows, last };
    });
    done += page.rows.length;
    if (page.last) break;
    afterId = page.rows[page.rows.length - 1]!.id;
  }
  return { customers: done, changed };
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

/** The run that re-grades a whole province: a job with progress, one at a time per province. */
export const REGRADE_JOB = "customers.regrade";

export const regradeJob: JobKind<Record<string, unknown>, Awaited<ReturnType<typeof regrade>>> = {
  kind: REGRADE_JOB,
  permission: "grading:write",
  expireInSeconds: 30 * 60,
  run: ({ db, actor, run, progress }) => regrade(db, actor, { provinceId: run.provinceId, onPage: progress }),
  summary: (outcome) => {
    if (outcome.status === "failed")
      return { title: `全省重新分级失败：${outcome.message}`, params: { message: outcome.message } };
    const { customers, changed } = outcome.result;
    const changes = Object.values(changed).reduce((a, b) => a + b, 0);
    return {
      title: `全省重新分级完成：${customers} 个客户，${changes} 项分类变化`,
      params: { customers, changes },
    };
  },
  link: "/customers/grading",
};

export async function regradeProvince(db: Db, jobs: JobRunner, actor: Actor, provinceId?: number) {
  assertProvinceWide(actor, "Re-grading the whole province");
  const province = targetProvince(actor, provinceId);
  return queueJob(db, jobs, actor, {
    kind: REGRADE_JOB,
    provinceId: province,
    params: { reason: "requested" },
  });
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
  const column = COLUMN[set.kind as RuleSetKind];
  const tally = { total: 0, changed: 0, moves: {} as Record<string, number> };
  for await (const page of provinceFacts(db, set.provinceId, { pageSize: 10_000 })) {
    const part = previewChanges(
      set.definition as RuleSetDefinition,
      page.rows.map((r, i) => ({ current: r[column], facts: page.facts[i]! })),
    );
    tally.total += part.total;
    tally.changed += part.changed;
    for (const [move, n] of Object.entries(part.moves)) tally.moves[move] = (tally.moves[move] ?? 0) + n;
  }
  return tally;
}

/** Activate a draft: the previous active revision of its kind retires, and the province's re-grade is queued. */
export async function activateRuleSet(db: Db, jobs: JobRunner, actor: Actor, id: string) {
  assertProvinceWide(actor, "The province's grading rule sets");
  const { provinceId } = await findRuleSet(db, actor, id);
  const queued = await db.transaction(async (tx) => {
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
    return jobs.enqueue(tx, actor, {
      kind: REGRADE_JOB,
      provinceId,
      params: { reason: `activated ${set.kind} revision ${set.revision}` },
    });
  });
  jobs.wake(REGRADE_JOB);
  return { ruleSet: presentSet(await findRuleSet(db, actor, id)), job: await getJob(db, actor, queued.id) };
}
