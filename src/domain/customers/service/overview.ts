import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/index.ts";
import { perDatabase } from "../../../platform/db/prepared.ts";
import { NotFound } from "../../../platform/errors.ts";
import { isUuid } from "../../../platform/ids.ts";
import { emailFor, mobileFor } from "../../../platform/pii.ts";
import { shanghaiMonth } from "../../../platform/time.ts";
import { VIP_CARD_BY_RANK } from "../rules/archive.ts";
import { customer } from "../schema.ts";
import { present, selectCustomersWith } from "./customers.ts";
import { preparedCustomerScope } from "./scope.ts";

// Each section of the 360° view is a JSON subquery on the customer row, so the whole document is one
// statement: one round trip and one snapshot, however many sections later capabilities add.
const self = sql`"customer"."province_id" = x.province_id and "customer"."id" = x.customer_id`;

interface MemberCounts {
  total: number;
  groupPaid: number;
  memberPaid: number;
  authentic: number;
}
const members = sql<MemberCounts>`(select json_build_object('total', count(*),
    'groupPaid', count(*) filter (where x.payer = 'group'),
    'memberPaid', count(*) filter (where x.payer = 'member'),
    'authentic', count(*) filter (where x.authentic))
  from member x where ${self} and x.left_at is null)`;

interface ContactJson {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  rank: keyof typeof VIP_CARD_BY_RANK;
  decisionRole: "decision_maker" | "influencer" | "user" | "technical" | "purchaser";
  mobile: string | null;
  email: string | null;
  birthday: string | null;
  interests: string | null;
  relationshipStrength: number | null;
  lastContactAt: string | null;
  reportsToId: string | null;
  version: number;
}
/** Decision makers first, then influencers, technical leads, purchasers and users; within each, by rank. */
const contacts = sql<ContactJson[]>`(select coalesce(json_agg(json_build_object('id', x.id,
    'customerId', x.customer_id, 'name', x.name, 'title', x.title, 'rank', x.rank,
    'decisionRole', x.decision_role, 'mobile', x.mobile, 'email', x.email, 'birthday', x.birthday,
    'interests', x.interests, 'relationshipStrength', x.relationship_strength,
    'lastContactAt', x.last_contact_at, 'reportsToId', x.reports_to_id, 'version', x.version)
    order by array_position(array['decision_maker','influencer','technical','purchaser','user']::text[], x.decision_role),
      array_position(array['bureau','division','section','other']::text[], x.rank), x.name), '[]'::json)
  from contact x where ${self})`;

interface MonthRevenue {
  month: string;
  groupPaidFen: number;
  memberPaidFen: number;
}
// The latest 24 months: the 24 complete ones, or 23 and the current one once it has revenue.
const revenue = sql<MonthRevenue[]>`(select coalesce(json_agg(json_build_object('month', m.month,
    'groupPaidFen', m.group_paid, 'memberPaidFen', m.member_paid) order by m.month), '[]'::json)
  from (select to_char(x.month, 'YYYY-MM') as month, sum(x.group_paid_fen)::bigint as group_paid,
          sum(x.member_paid_fen)::bigint as member_paid
        from revenue_fact x where ${self}
          and x.month >= (date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '24 months')::date
        group by x.month order by x.month desc limit 24) m)`;

interface HistoryJson {
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  ruleId: string | null;
  reason: string;
  changedAt: string;
}
const grades = sql<HistoryJson[]>`(select coalesce(json_agg(json_build_object('kind', h.kind,
    'fromValue', h.from_value, 'toValue', h.to_value, 'ruleId', h.rule_id, 'reason', h.reason,
    'changedAt', h.changed_at) order by h.changed_at desc), '[]'::json)
  from (select * from grade_history x where ${self} order by x.changed_at desc limit 50) h)`;

interface StatusJson {
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  changedAt: string;
}
const statuses = sql<StatusJson[]>`(select coalesce(json_agg(json_build_object('fromStatus', h.from_status,
    'toStatus', h.to_status, 'reason', h.reason, 'changedAt', h.changed_at) order by h.changed_at desc), '[]'::json)
  from (select * from customer_status_history x where ${self} order by x.changed_at desc limit 50) h)`;

// Subsidiaries are listed by name even outside the caller's scope: a cross-region group's owner must see
// where its parts are (DOMAIN.md 跨区客户).
const subsidiaries = sql<{ id: string; name: string; orgUnitName: string }[]>`(select coalesce(json_agg(
    json_build_object('id', s.id, 'name', s.name, 'orgUnitName', s.unit) order by s.name), '[]'::json)
  from (select x.id, x.name, u.name as unit from customer x
        join org_unit u on u.province_id = x.province_id and u.id = x.org_unit_id
        where x.province_id = "customer"."province_id" and x.parent_id = "customer"."id"
          and x.merged_into_id is null
        order by x.name limit 200) s)`;

const parentGroup = sql<{ id: string; code: string; name: string; orgUnitName: string } | null>`(select
    json_build_object('id', x.id, 'code', x.code, 'name', x.name, 'orgUnitName', u.name)
  from customer x join org_unit u on u.province_id = x.province_id and u.id = x.org_unit_id
  where x.province_id = "customer"."province_id" and x.id = "customer"."parent_id" and x.merged_into_id is null)`;

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

const buildOverview = (db: Db, where: SQL, name: string) =>
  selectCustomersWith(db, { members, contacts, revenue, grades, statuses, subsidiaries, parentGroup })
    .where(where)
    .prepare(name);

// One prepared statement per database and kind of reader (the scope's shape): the 360° view is the
// hottest read there is, and planning its seven subqueries cost more than running them.
const preparedOf = perDatabase(() => new Map<string, ReturnType<typeof buildOverview>>());
function overviewQuery(db: Db, actor: Actor) {
  const scope = preparedCustomerScope(actor);
  const byKind = preparedOf(db);
  let query = byKind.get(scope.key);
  if (!query) {
    const where = and(eq(customer.id, sql.placeholder("id")), scope.where())!;
    query = buildOverview(db, where, `customer_overview_${scope.key}`);
    byKind.set(scope.key, query);
  }
  return { query, values: scope.values };
}

/**
 * The 360° view in one round trip: header, members summary, key persons, 24 months of revenue, grade
 * and status history, subsidiaries. Later capabilities fill products, tickets, visits and risk.
 */
export async function customerOverview(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFound("customer", id);
  const { query, values } = overviewQuery(db, actor);
  const [row] = await query.execute({ id, ...values });
  if (!row) throw new NotFound("customer", id);
  const {
    members: counts,
    contacts: people,
    revenue: months,
    grades: gradeRows,
    statuses: statusRows,
    subsidiaries: parts,
    parentGroup: group,
    ...header
  } = row;
  // The last 12 complete months: the current month, still being billed, does not count.
  const thisMonth = shanghaiMonth();
  const last12 = months
    .filter((m) => m.month < thisMonth)
    .slice(-12)
    .reduce((sum, m) => sum + m.groupPaidFen + m.memberPaidFen, 0);
  return {
    customer: { ...present(header), revenueLast12MonthsFen: last12 },
    members: {
      ...counts,
      authenticityRate: counts.total === 0 ? 0 : counts.authentic / counts.total,
    },
    contacts: people.map((c) => ({
      ...c,
      vipCard: VIP_CARD_BY_RANK[c.rank],
      mobile: mobileFor(actor, c.mobile),
      email: emailFor(actor, c.email),
      lastContactAt: iso(c.lastContactAt),
    })),
    revenue: months,
    gradeHistory: gradeRows.map((g) => ({ ...g, kind: g.kind as "grade", changedAt: iso(g.changedAt)! })),
    statusHistory: statusRows.map((s) => ({ ...s, changedAt: iso(s.changedAt)! })),
    subsidiaries: parts,
    parentGroup: group,
    products: [],
    tickets: [],
    visits: [],
    risk: null,
  };
}
