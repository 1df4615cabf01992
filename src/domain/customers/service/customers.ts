import { type AnyColumn, and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, can, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { escapeLike, rowsOf } from "../../../platform/db/sql.ts";
import { NotFound, VersionConflict } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import { findStaff, orgUnitInScope } from "../../org/index.ts";
import type {
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerUpdate,
  StatusChange,
} from "../contracts.ts";
import {
  CustomerCodeTaken,
  InvalidCreditCode,
  InvalidIndustry,
  InvalidParent,
  InvalidStatusChange,
  NotStaff,
} from "../errors.ts";
import {
  type CustomerStatus,
  canMoveStatus,
  creditCodeProblem,
  divisionFitsSection,
  STATUS_TRANSITIONS,
} from "../rules/archive.ts";
import { customer, customerColumns, customerStatusHistory } from "../schema.ts";
import { regrade } from "./grading.ts";
import { rehomeGroups } from "./groups.ts";
import { customerScope, ownScopeOnly, subtreeUnitIds } from "./scope.ts";

/** Revenue of the current calendar year in Asia/Shanghai, the "revenue to date" of the 360° header. */
const revenueToDate = sql<number>`coalesce((select y.total_fen from customer_revenue_year y
  where y.province_id = "customer"."province_id" and y.customer_id = "customer"."id"
    and y.year = extract(year from now() at time zone 'Asia/Shanghai')::smallint), 0)`.mapWith(Number);
const memberCount = sql<number>`(select count(*)::int from member m
  where m.province_id = "customer"."province_id" and m.customer_id = "customer"."id" and m.left_at is null)`;

// Names of the unit and the owners as scalar lookups by primary key rather than joins: a page is a
// handful of rows, and joins made the planner hash the whole org tree and staff list for each one.
const unitName = sql<string>`(select u.name from org_unit u
  where u.province_id = "customer"."province_id" and u.id = "customer"."org_unit_id")`;
const staffName = (column: AnyColumn) => sql<string | null>`(select s.name from app_user s
  where s.province_id = "customer"."province_id" and s.id = ${column})`;

const fields = {
  ...customerColumns,
  orgUnitName: unitName,
  amName: staffName(customer.accountManagerId),
  ceName: staffName(customer.customerEngineerId),
  memberCount,
  revenueToDateFen: revenueToDate,
};

/**
 * Customers with what the list and the header show, plus any `extra` columns (the 360° view adds its
 * sections as JSON subqueries); callers add the scope and filters.
 */
export const selectCustomersWith = <Extra extends Record<string, SQL>>(db: DbOrTx, extra: Extra) =>
  db.select({ ...fields, ...extra }).from(customer);

const selectCustomers = (db: DbOrTx) => selectCustomersWith(db, {});

type Row = Awaited<ReturnType<ReturnType<typeof selectCustomers>["execute"]>>[number];

export function present(row: Row): Customer {
  const { amName, ceName, accountManagerId, customerEngineerId, createdAt: _c, ...rest } = row;
  return {
    ...rest,
    accountManager: accountManagerId ? { id: accountManagerId, name: amName ?? "" } : null,
    customerEngineer: customerEngineerId ? { id: customerEngineerId, name: ceName ?? "" } : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A customer the actor may see, or 404 (also for malformed ids and customers outside the scope). */
export async function findCustomer(db: DbOrTx, actor: Actor, id: string): Promise<Row> {
  if (!isUuid(id)) throw new NotFound("customer", id);
  const [row] = await selectCustomers(db).where(and(eq(customer.id, id), customerScope(actor)));
  if (!row) throw new NotFound("customer", id);
  return row;
}

export async function getCustomer(db: Db, actor: Actor, id: string): Promise<Customer> {
  return present(await findCustomer(db, actor, id));
}

// Name, code and update time are never null; the others sort their blanks last. Each has an index
// that yields a page in order (handsets: descending, the order people ask for).
const SORTS = {
  name: { column: customer.name, nullable: false },
  code: { column: customer.code, nullable: false },
  grade: { column: customer.grade, nullable: true },
  handsets: { column: customer.handsets, nullable: true },
  updatedAt: { column: customer.updatedAt, nullable: false },
  revenueToDate: { column: revenueToDate, nullable: false },
} as const;

/**
 * Lists count exactly up to this many rows and then say "at least": an exact count of a province's
 * 200,000 customers costs more than the page itself, and nobody pages that far.
 */
export const COUNT_CAP = 10_000;

export async function listCustomers(
  db: Db,
  actor: Actor,
  query: z.infer<typeof CustomerListQuery>,
  {
    countCap = COUNT_CAP,
    after,
  }: {
    countCap?: number;
    /** Keyset paging for long reads (exports) sorted by name or code: the last row already read. */
    after?: { key: string; id: string };
  } = {},
) {
  const subtreeReader =
    can(actor, "customer:read") && actor.orgLevel !== "hq" && actor.orgLevel !== "province";
  // A unit asked for lies in the reader's scope (orgUnitInScope checks), so its subtree alone names
  // the units: two unit lists at once make the planner multiply their selectivities and misjudge.
  const unit = query.orgUnitId ? await orgUnitInScope(db, actor, query.orgUnitId) : undefined;
  const unitIds = unit ? await subtreeUnitIds(db, unit.provinceId, unit.path) : undefined;
  const subtree = subtreeReader
    ? (unitIds ?? (await subtreeUnitIds(db, actor.provinceId, actor.orgPath)))
    : undefined;
  const filters: (SQL | undefined)[] = [customerScope(actor, subtree)];
  if (unitIds && !subtreeReader) filters.push(inArray(customer.orgUnitId, unitIds));
  const anyOf = <T extends string>(column: Parameters<typeof inArray>[0], values: T[] | undefined) =>
    values && values.length > 0 ? inArray(column, values) : undefined;
  filters.push(
    anyOf(customer.grade, query.grade),
    anyOf(customer.valueTier, query.valueTier),
    anyOf(customer.marketSegment, query.marketSegment),
    anyOf(customer.status, query.status),
    anyOf(customer.industrySection, query.industrySection),
    query.accountManagerId ? eq(customer.accountManagerId, query.accountManagerId) : undefined,
    query.cluster ? eq(customer.cluster, query.cluster) : undefined,
    query.important ? eq(customer.important, query.important === "true") : undefined,
    query.tag ? sql`${query.tag} = any(${customer.tags})` : undefined,
  );
  if (query.q) filters.push(matchesSearch(query.q));
  const where = and(...filters);
  const sort = SORTS[query.sort ?? "name"];
  const direction = query.order === "desc" ? desc : asc;
  // A search reads its matches off the grams index and sorts them: walking the name index instead
  // looks cheap to the planner but reads tens of thousands of rows when the matches cluster (hospital
  // names all start with their county's), so the sort key is made an expression no index serves.
  const byText = query.sort === undefined || query.sort === "name" || query.sort === "code";
  const searchSort = Boolean(query.q) && byText;
  const orderOf = (key: SQL | AnyColumn) =>
    sort.nullable ? sql`${direction(sort.column)} nulls last` : direction(key);
  const seek = after ? afterRow(sort.column, query.order === "desc", after) : undefined;
  // One statement: the page is chosen from the customer table alone (an index-only scan where the
  // filters allow), only its rows are joined to their unit, owners, lines and revenue, and the capped
  // count rides along as a subquery run once (ADR 0005). A search has to read every match to sort
  // them anyway, so it counts them in that same pass.
  const page = db
    .select({
      provinceId: customer.provinceId,
      id: customer.id,
      matches: (searchSort ? sql<number>`count(*) over ()` : sql<number>`0`).as("matches"),
    })
    .from(customer)
    .where(and(where, seek))
    .orderBy(orderOf(searchSort ? sql`${sort.column} || ''` : sort.column), asc(customer.id))
    .limit(query.limit)
    .offset(seek ? 0 : query.offset)
    .as("page");
  const capped = sql`(select count(*) from (select 1 from ${customer} where ${where} limit ${countCap + 1}) c)`;
  const total = searchSort ? sql`${page.matches}` : capped;
  const rows = await selectCustomersWith(db, { total: total.mapWith(Number) })
    .innerJoin(page, and(eq(page.provinceId, customer.provinceId), eq(page.id, customer.id)))
    .orderBy(orderOf(sort.column), asc(customer.id));
  // Past the last page no row carries the count; only then is it asked for on its own.
  const n =
    rows[0]?.total ??
    (query.offset > 0 || seek
      ? ((await rowsOf<{ n: number }>(db, sql`select ${capped}::int as n`))[0]?.n ?? 0)
      : 0);
  return {
    items: rows.map(({ total: _t, ...row }) => present(row)),
    total: Math.min(n, countCap),
    totalExact: n <= countCap,
  };
}

/** Rows after `after` in (column, id) order, the id ascending as the tie-break always is. */
function afterRow(column: SQL | AnyColumn, descending: boolean, after: { key: string; id: string }): SQL {
  return descending
    ? sql`(${column} < ${after.key} or (${column} = ${after.key} and ${customer.id} > ${after.id}))`
    : sql`(${column}, ${customer.id}) > (${after.key}, ${after.id}::uuid)`;
}

/**
 * Name or short name containing `q` (any length: the grams index of migration 0009 narrows, ILIKE
 * decides), or the exact business code or credit code.
 */
function matchesSearch(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  const grams = sql`${customer.searchGrams} @> search_query_grams(${q})`;
  // One or two characters without spaces are found exactly by their gram: no re-check needed.
  const exact = q.length <= 2 && !/\s/.test(q);
  return or(
    exact ? grams : and(grams, or(ilike(customer.name, like), ilike(customer.shortName, like))),
    eq(customer.code, q),
    eq(customer.creditCode, q.toUpperCase()),
  )!;
}

function validateArchive(
  body: Partial<z.infer<typeof CustomerCreate>>,
  current?: { industrySection: string | null },
) {
  if (body.creditCode) {
    const problem = creditCodeProblem(body.creditCode);
    if (problem) throw new InvalidCreditCode(problem);
  }
  const section = body.industrySection ?? current?.industrySection ?? null;
  if (body.industryDivision && (!section || !divisionFitsSection(section, body.industryDivision))) {
    throw new InvalidIndustry(section ?? "—", body.industryDivision);
  }
}

async function assertStaff(
  tx: DbOrTx,
  provinceId: number,
  userId: string | null | undefined,
  field: string,
  role: string,
) {
  if (!userId) return;
  const staff = await findStaff(tx, provinceId, userId);
  if (staff?.status !== "active" || !staff.roles.includes(role)) throw new NotStaff(field, role);
}

async function assertParent(tx: DbOrTx, actor: Actor, parentId: string | null | undefined, selfId: string) {
  if (!parentId) return;
  if (parentId === selfId) throw new InvalidParent("A customer cannot be its own parent group.");
  const parent = await findCustomer(tx, actor, parentId).catch(() => null);
  if (!parent) throw new InvalidParent("The parent group is unknown or outside your scope.");
  if (parent.parentId === selfId)
    throw new InvalidParent("The parent group is already a subsidiary of this customer.");
}

async function nextCustomerCode(tx: DbOrTx): Promise<string> {
  const [row] = await rowsOf<{ n: string }>(tx, sql`select nextval('customer_code_seq')::text as n`);
  return `JK${row!.n}`;
}

/** What the audit log keeps of a customer. */
const snapshot = (row: Row) => present(row);

export async function createCustomer(
  db: Db,
  actor: Actor,
  body: z.infer<typeof CustomerCreate>,
): Promise<Customer> {
  requirePermission(actor, "customer:write");
  validateArchive(body);
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const unit = await orgUnitInScope(tx, actor, body.orgUnitId);
    // Someone who sees only their own customers must own what they create, or it would vanish for them.
    const accountManagerId = ownScopeOnly(actor) ? actor.userId : (body.accountManagerId ?? null);
    await assertStaff(tx, unit.provinceId, accountManagerId, "accountManagerId", "account_manager");
    await assertStaff(
      tx,
      unit.provinceId,
      body.customerEngineerId,
      "customerEngineerId",
      "customer_engineer",
    );
    await assertParent(tx, actor, body.parentId, id);
    const code = body.code ?? (await nextCustomerCode(tx));
    const clash = await tx
      .select({ id: customer.id })
      .from(customer)
      .where(and(eq(customer.provinceId, unit.provinceId), eq(customer.code, code)));
    if (clash.length > 0) throw new CustomerCodeTaken(code);
    const status = body.status ?? "active";
    await tx.insert(customer).values({
      ...body,
      provinceId: unit.provinceId,
      id,
      code,
      orgUnitId: unit.id,
      accountManagerId,
      status,
      tags: body.tags ?? [],
    });
    await tx.insert(customerStatusHistory).values({
      provinceId: unit.provinceId,
      id: uuidv7(),
      customerId: id,
      fromStatus: null,
      toStatus: status,
      reason: "created",
      changedBy: actor.userId,
    });
    await rehomeGroups(tx, actor, unit.provinceId, [id]);
    const created = await findCustomer(tx, actor, id);
    await recordAudit(tx, actor, {
      provinceId: unit.provinceId,
      action: "create",
      entityType: "customer",
      entityId: id,
      after: snapshot(created),
    });
  });
  await classifyAfterArchiveChange(db, actor, id);
  return getCustomer(db, actor, id);
}

export async function updateCustomer(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof CustomerUpdate>,
): Promise<Customer> {
  requirePermission(actor, "customer:write");
  await db.transaction(async (tx) => {
    const before = await findCustomer(tx, actor, id);
    if (before.version !== body.version) throw new VersionConflict("customer", body.version, present(before));
    const { version: _v, ...changes } = body;
    validateArchive(changes, before);
    if (changes.orgUnitId && changes.orgUnitId !== before.orgUnitId) {
      const unit = await orgUnitInScope(tx, actor, changes.orgUnitId);
      if (unit.provinceId !== before.provinceId)
        throw new InvalidParent("A customer cannot move to another province.");
    }
    if (ownScopeOnly(actor)) delete changes.accountManagerId;
    await assertStaff(tx, before.provinceId, changes.accountManagerId, "accountManagerId", "account_manager");
    await assertStaff(
      tx,
      before.provinceId,
      changes.customerEngineerId,
      "customerEngineerId",
      "customer_engineer",
    );
    await assertParent(tx, actor, changes.parentId, id);
    // Someone who moves a group names its own site; the owner over its subsidiaries follows from that.
    const moved = changes.orgUnitId !== undefined && changes.orgUnitId !== before.orgUnitId;
    await tx
      .update(customer)
      .set({
        ...changes,
        ...(moved ? { homeOrgUnitId: null } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(customer.provinceId, before.provinceId), eq(customer.id, id)));
    await rehomeGroups(tx, actor, before.provinceId, [id, before.parentId]);
    const after = await findCustomer(tx, actor, id).catch(() => null);
    await recordAudit(tx, actor, {
      provinceId: before.provinceId,
      action: "update",
      entityType: "customer",
      entityId: id,
      before: snapshot(before),
      after: after ? snapshot(after) : changes,
    });
  });
  await classifyAfterArchiveChange(db, actor, id);
  return getCustomer(db, actor, id);
}

/**
 * Grade, value tier, segment and SMAT type follow from the archive, so a created or edited customer is
 * classified at once by the active rule sets rather than waiting for the next province-wide run.
 */
async function classifyAfterArchiveChange(db: Db, actor: Actor, id: string) {
  const row = await findCustomer(db, actor, id).catch(() => null);
  if (row) await regrade(db, actor, { provinceId: row.provinceId, customerId: row.id });
}

/** The status lifecycle, with its history row (DESIGN.md: soft state changes are history rows). */
export async function changeStatus(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof StatusChange>,
): Promise<Customer> {
  requirePermission(actor, "customer:write");
  await db.transaction(async (tx) => {
    const before = await findCustomer(tx, actor, id);
    if (before.version !== body.version) throw new VersionConflict("customer", body.version, present(before));
    const from = before.status as CustomerStatus;
    if (!canMoveStatus(from, body.status))
      throw new InvalidStatusChange(from, body.status, STATUS_TRANSITIONS[from]);
    await tx
      .update(customer)
      .set({ status: body.status, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(customer.provinceId, before.provinceId), eq(customer.id, id)));
    await tx.insert(customerStatusHistory).values({
      provinceId: before.provinceId,
      id: uuidv7(),
      customerId: id,
      fromStatus: from,
      toStatus: body.status,
      reason: body.reason,
      changedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      provinceId: before.provinceId,
      action: "status_change",
      entityType: "customer",
      entityId: id,
      before: { status: from },
      after: { status: body.status, reason: body.reason },
    });
  });
  return getCustomer(db, actor, id);
}
