import { and, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { orgSchema, orgUnitInScope } from "../../org/index.ts";
import {
  ARCHIVE_FIELDS,
  type ArchiveField,
  archiveGaps,
  archiveScore,
  COMPLETENESS_TARGETS,
  MEMBER_AUTHENTICITY_TARGET,
  meetsTarget,
} from "../rules/completeness.ts";
import { customer } from "../schema.ts";
import { findCustomer } from "./customers.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

/**
 * Per-customer archive facts as SQL, mirroring `archiveGaps`: each column is 1 when the field is
 * missing, so totals are one aggregate over the scope, never a row-by-row walk.
 */
const GAP_SQL: Record<ArchiveField, SQL> = {
  creditCode: sql`(${customer.creditCode} is null)::int`,
  industrySection: sql`(${customer.industrySection} is null)::int`,
  address: sql`(coalesce(btrim(${customer.address}), '') = '')::int`,
  handsets: sql`(${customer.handsets} is null)::int`,
  employees: sql`(${customer.employees} is null)::int`,
  accountManager: sql`(${customer.accountManagerId} is null)::int`,
  decisionMaker: sql`(not exists (select 1 from contact k where k.province_id = ${customer.provinceId}
    and k.customer_id = ${customer.id} and k.decision_role = 'decision_maker'))::int`,
  decisionMakerMobile: sql`(not exists (select 1 from contact k where k.province_id = ${customer.provinceId}
    and k.customer_id = ${customer.id} and k.decision_role = 'decision_maker' and k.mobile is not null))::int`,
};
const ANY_GAP = sql.join(
  ARCHIVE_FIELDS.map((f) => GAP_SQL[f]),
  sql` + `,
);

/** One customer's score and what is missing (shown on the 360° view). */
export async function customerCompleteness(db: Db, actor: Actor, id: string) {
  const row = await findCustomer(db, actor, id);
  const [counts] = await rowsOf<{ makers: number; with_mobile: number }>(
    db,
    sql`select count(*)::int as makers, count(mobile)::int as with_mobile from contact
        where province_id = ${row.provinceId} and customer_id = ${row.id} and decision_role = 'decision_maker'`,
  );
  const gaps = archiveGaps({
    ...row,
    decisionMakers: counts?.makers ?? 0,
    decisionMakersWithMobile: counts?.with_mobile ?? 0,
  });
  return { score: archiveScore(gaps), complete: gaps.length === 0, missing: gaps };
}

/**
 * Completion rates of the caller's scope (or a unit of it): by class against the 001 targets, by child
 * org unit, member authenticity, and how many archives miss each field.
 */
export async function archiveCompleteness(db: Db, actor: Actor, orgUnitId?: string) {
  const filters: (SQL | undefined)[] = [customerScope(actor)];
  let parent: { id: string; path: string } | null = null;
  if (orgUnitId) {
    parent = await orgUnitInScope(db, actor, orgUnitId);
    filters.push(sql`${orgUnit.path} <@ ${parent.path}::ltree`);
  }
  const where = and(...filters);
  const missingFields = Object.fromEntries(
    ARCHIVE_FIELDS.map((f) => [f, sql<number>`coalesce(sum(${GAP_SQL[f]}), 0)::int`]),
  ) as Record<ArchiveField, SQL<number>>;
  const [byClass, [missingRow], [members], byUnit] = await Promise.all([
    db
      .select({
        grade: customer.grade,
        customers: sql<number>`count(*)::int`,
        complete: sql<number>`count(*) filter (where ${ANY_GAP} = 0)::int`,
      })
      .from(customer)
      .innerJoin(orgUnit, orgJoin)
      .where(where)
      .groupBy(customer.grade)
      .orderBy(customer.grade),
    db.select(missingFields).from(customer).innerJoin(orgUnit, orgJoin).where(where),
    db
      .select({
        members: sql<number>`count(m.id)::int`,
        authentic: sql<number>`count(m.id) filter (where m.authentic)::int`,
      })
      .from(customer)
      .innerJoin(orgUnit, orgJoin)
      .innerJoin(
        sql`member m`,
        sql`m.province_id = ${customer.provinceId} and m.customer_id = ${customer.id} and m.left_at is null`,
      )
      .where(where),
    completenessByChildUnit(db, actor, where, parent),
  ]);
  const classes = byClass.map((c) => {
    const rate = c.customers === 0 ? 0 : c.complete / c.customers;
    return {
      grade: c.grade,
      customers: c.customers,
      complete: c.complete,
      rate,
      target: c.grade ? (COMPLETENESS_TARGETS[c.grade] ?? null) : null,
      met: meetsTarget(c.grade, rate),
    };
  });
  const memberRate = (members?.members ?? 0) === 0 ? 0 : members!.authentic / members!.members;
  return {
    byClass: classes,
    memberAuthenticity: {
      members: members?.members ?? 0,
      authentic: members?.authentic ?? 0,
      rate: memberRate,
      target: MEMBER_AUTHENTICITY_TARGET,
      met: memberRate >= MEMBER_AUTHENTICITY_TARGET,
    },
    missing: ARCHIVE_FIELDS.map((field) => ({ field, customers: missingRow?.[field] ?? 0 })),
    byOrgUnit: byUnit,
  };
}

/** The same rates for each direct child of the chosen unit (or of the caller's own unit). */
async function completenessByChildUnit(
  db: Db,
  actor: Actor,
  where: SQL | undefined,
  parent: { id: string } | null,
) {
  const parentId = parent?.id ?? actor.orgUnitId;
  return rowsOf<{
    orgUnitId: string;
    name: string;
    level: string;
    customers: number;
    complete: number;
    rate: number;
  }>(
    db,
    sql`select child.id as "orgUnitId", child.name, child.level,
          count(${customer.id})::int as customers,
          count(${customer.id}) filter (where ${ANY_GAP} = 0)::int as complete,
          coalesce(count(${customer.id}) filter (where ${ANY_GAP} = 0)::float8 / nullif(count(${customer.id}), 0), 0) as rate
        from org_unit child
        left join (customer join org_unit on ${orgJoin}) on org_unit.path <@ child.path and ${where ?? sql`true`}
        where child.parent_id = ${parentId}
        group by child.id, child.name, child.level, child.sort_order
        order by child.sort_order, child.name`,
  );
}
