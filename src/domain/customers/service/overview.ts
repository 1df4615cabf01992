import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/index.ts";
import { shanghaiMonth } from "../../../platform/time.ts";
import { orgSchema } from "../../org/index.ts";
import { customer, customerStatusHistory, gradeHistory, revenueFact } from "../schema.ts";
import { contactsOf, presentContact } from "./contacts.ts";
import { findCustomer, present } from "./customers.ts";
import { memberSummary } from "./members.ts";
import { orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

/**
 * The 360° view in one round trip: header, members summary, key persons, 24 months of revenue, grade
 * and status history, subsidiaries. Later capabilities fill products, tickets, visits and risk.
 */
export async function customerOverview(db: Db, actor: Actor, id: string) {
  const row = await findCustomer(db, actor, id);
  const key = { p: row.provinceId, c: row.id };
  const [members, contacts, revenue, grades, statuses, subsidiaries] = await Promise.all([
    memberSummary(db, key.p, key.c),
    contactsOf(db, key.p, key.c),
    db
      .select({
        month: sql<string>`to_char(${revenueFact.month}, 'YYYY-MM')`,
        groupPaidFen: sql<number>`sum(${revenueFact.groupPaidFen})::bigint`.mapWith(Number),
        memberPaidFen: sql<number>`sum(${revenueFact.memberPaidFen})::bigint`.mapWith(Number),
      })
      .from(revenueFact)
      .where(
        and(
          eq(revenueFact.provinceId, key.p),
          eq(revenueFact.customerId, key.c),
          sql`${revenueFact.month} >= (date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '24 months')::date`,
        ),
      )
      .groupBy(revenueFact.month)
      // The latest 24 months: the 24 complete ones, or 23 and the current one once it has revenue.
      .orderBy(desc(revenueFact.month))
      .limit(24)
      .then((months) => months.reverse()),
    db
      .select()
      .from(gradeHistory)
      .where(and(eq(gradeHistory.provinceId, key.p), eq(gradeHistory.customerId, key.c)))
      .orderBy(desc(gradeHistory.changedAt))
      .limit(50),
    db
      .select()
      .from(customerStatusHistory)
      .where(and(eq(customerStatusHistory.provinceId, key.p), eq(customerStatusHistory.customerId, key.c)))
      .orderBy(desc(customerStatusHistory.changedAt))
      .limit(50),
    // Subsidiaries are listed by name even outside the caller's scope: a cross-region group's owner
    // must see where its parts are (DOMAIN.md 跨区客户).
    db
      .select({ id: customer.id, name: customer.name, orgUnitName: orgUnit.name })
      .from(customer)
      .innerJoin(orgUnit, orgJoin)
      .where(and(eq(customer.provinceId, key.p), eq(customer.parentId, key.c)))
      .orderBy(asc(customer.name))
      .limit(200),
  ]);
  // The last 12 complete months: the current month, still being billed, does not count.
  const thisMonth = shanghaiMonth();
  const last12 = revenue
    .filter((m) => m.month < thisMonth)
    .slice(-12)
    .reduce((sum, m) => sum + m.groupPaidFen + m.memberPaidFen, 0);
  return {
    customer: { ...present(row), revenueLast12MonthsFen: last12 },
    members,
    contacts: contacts.map((c) => presentContact(actor, c)),
    revenue,
    gradeHistory: grades.map((g) => ({
      kind: g.kind as "grade",
      fromValue: g.fromValue,
      toValue: g.toValue,
      ruleId: g.ruleId,
      reason: g.reason,
      changedAt: g.changedAt.toISOString(),
    })),
    statusHistory: statuses.map((s) => ({
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      reason: s.reason,
      changedAt: s.changedAt.toISOString(),
    })),
    subsidiaries,
    products: [],
    tickets: [],
    visits: [],
    risk: null,
  };
}
