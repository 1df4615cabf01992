import { and, eq, isNull, sql } from "drizzle-orm";
import { type Actor, can } from "../../../../platform/auth/actor.ts";
import { pathInScope } from "../../../../platform/auth/scope.ts";
import { HQ_PROVINCE_ID } from "../../../../platform/db/columns.ts";
import type { DbOrTx } from "../../../../platform/db/index.ts";
import { rowsOf } from "../../../../platform/db/sql.ts";
import { orgSchema } from "../../../org/index.ts";
import { contact, customer, customerColumns, member } from "../../schema.ts";
import { orgJoin } from "../scope.ts";

const { orgUnit } = orgSchema;

/**
 * Everything the rows refer to, loaded in a few set-based queries before any row is checked: org units
 * and users by the codes and usernames in the file, existing customers by code, lines by number. No
 * query runs per row.
 */
export interface UnitRef {
  id: string;
  code: string;
  path: string;
  active: boolean;
}
export interface UserRef {
  id: string;
  username: string;
  status: string;
  roles: string[];
}
export type CustomerRow = Omit<typeof customer.$inferSelect, "searchGrams">;
export interface ExistingCustomer extends CustomerRow {
  orgPath: string;
  /** Whether the importer may see (and so update or refer to) this customer. */
  visible: boolean;
}
export interface ExistingMember {
  id: string;
  msisdn: string;
  customerId: string;
  customerCode: string;
  customerVisible: boolean;
  name: string | null;
  payer: "group" | "member";
  authentic: boolean;
  verifiedAt: string | null;
  joinedAt: string;
}
export interface ExistingContact {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  rank: "bureau" | "division" | "section" | "other";
  decisionRole: "decision_maker" | "influencer" | "user" | "technical" | "purchaser";
  mobile: string | null;
  email: string | null;
  birthday: string | null;
  interests: string | null;
  relationshipStrength: number | null;
}

const list = (values: Iterable<string>) => sql.param([...new Set(values)]);
const CHUNK = 5000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The same rule as `customerScope`, for rows already loaded. */
export function customerVisible(
  actor: Actor,
  row: { orgPath: string; accountManagerId: string | null; customerEngineerId: string | null },
): boolean {
  if (can(actor, "customer:read")) return pathInScope(actor, row.orgPath);
  if (can(actor, "customer:read_own"))
    return (
      actor.userId !== null &&
      (row.accountManagerId === actor.userId || row.customerEngineerId === actor.userId)
    );
  return false;
}

/**
 * The province a file writes into: the caller's own, or for HQ staff the one province of the file's org
 * units (or, in a file without customers, of the customers its rows refer to). Several provinces refuse
 * the file; none leaves the caller's, and the rows then report the unknown codes.
 */
export async function provinceOfFile(
  db: DbOrTx,
  actor: Actor,
  unitCodes: string[],
  customerCodes: string[],
): Promise<{ provinceId: number } | { several: number[] }> {
  if (actor.provinceId !== HQ_PROVINCE_ID) return { provinceId: actor.provinceId };
  const byUnits = await rowsOf<{ province_id: number }>(
    db,
    sql`select distinct province_id::int as province_id from org_unit
        where code = any(${list(unitCodes)}::text[]) and province_id <> ${HQ_PROVINCE_ID}
          and path <@ ${actor.orgPath}::ltree`,
  );
  const rows =
    byUnits.length > 0 || customerCodes.length === 0
      ? byUnits
      : await rowsOf<{ province_id: number }>(
          db,
          sql`select distinct province_id::int as province_id from customer
              where code = any(${list(customerCodes)}::text[]) and province_id <> ${HQ_PROVINCE_ID}`,
        );
  const provinces = rows.map((r) => Number(r.province_id)).sort((a, b) => a - b);
  if (provinces.length > 1) return { several: provinces };
  return { provinceId: provinces[0] ?? actor.provinceId };
}

export async function loadUnits(db: DbOrTx, provinceId: number, codes: Iterable<string>) {
  const rows = await rowsOf<UnitRef>(
    db,
    sql`select id, code, path::text as path, active from org_unit
        where province_id = ${provinceId} and code = any(${list(codes)}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** By lower-cased username, with the roles each holds. */
export async function loadUsers(db: DbOrTx, provinceId: number, usernames: Iterable<string>) {
  const lowered = [...usernames].map((u) => u.toLowerCase());
  const rows = await rowsOf<UserRef>(
    db,
    sql`select u.id, lower(u.username) as username, u.status,
          coalesce(array_agg(r.role_code) filter (where r.role_code is not null), '{}') as roles
        from app_user u
        left join user_role r on r.province_id = u.province_id and r.user_id = u.id
        where u.province_id = ${provinceId} and lower(u.username) = any(${list(lowered)}::text[])
        group by u.id, u.username, u.status`,
  );
  return new Map(rows.map((r) => [r.username, r]));
}

/** Existing customers by code (the file's own, its parent codes and the codes its members refer to). */
export async function loadCustomers(db: DbOrTx, actor: Actor, provinceId: number, codes: Iterable<string>) {
  const rows = await db
    .select({ ...customerColumns, orgPath: sql<string>`${orgUnit.path}::text` })
    .from(customer)
    .innerJoin(orgUnit, orgJoin)
    .where(and(eq(customer.provinceId, provinceId), sql`${customer.code} = any(${list(codes)}::text[])`));
  // A record merged into another keeps its code but is gone for every reader.
  return new Map<string, ExistingCustomer>(
    rows.map((r) => [r.code, { ...r, visible: r.mergedIntoId === null && customerVisible(actor, r) }]),
  );
}

/** Lines currently in a group, by number, in chunks so no statement carries an unbounded array. */
export async function loadMembers(db: DbOrTx, actor: Actor, provinceId: number, msisdns: string[]) {
  const byMsisdn = new Map<string, ExistingMember>();
  for (const chunk of chunks([...new Set(msisdns)])) {
    const rows = await db
      .select({
        id: member.id,
        msisdn: member.msisdn,
        customerId: member.customerId,
        name: member.name,
        payer: member.payer,
        authentic: member.authentic,
        verifiedAt: member.verifiedAt,
        joinedAt: member.joinedAt,
        customerCode: customer.code,
        accountManagerId: customer.accountManagerId,
        customerEngineerId: customer.customerEngineerId,
        orgPath: sql<string>`${orgUnit.path}::text`,
      })
      .from(member)
      .innerJoin(
        customer,
        and(eq(customer.provinceId, member.provinceId), eq(customer.id, member.customerId)),
      )
      .innerJoin(orgUnit, orgJoin)
      .where(
        and(
          eq(member.provinceId, provinceId),
          isNull(member.leftAt),
          sql`${member.msisdn} = any(${sql.param(chunk)}::text[])`,
        ),
      );
    for (const { accountManagerId, customerEngineerId, orgPath, ...r } of rows) {
      byMsisdn.set(r.msisdn, {
        ...r,
        customerVisible: customerVisible(actor, { orgPath, accountManagerId, customerEngineerId }),
      });
    }
  }
  return byMsisdn;
}

/** Key persons of the customers the file's key-person rows refer to, by customer. */
export async function loadContacts(db: DbOrTx, provinceId: number, customerIds: string[]) {
  const byCustomer = new Map<string, ExistingContact[]>();
  for (const chunk of chunks([...new Set(customerIds)])) {
    const rows = await db
      .select({
        id: contact.id,
        customerId: contact.customerId,
        name: contact.name,
        title: contact.title,
        rank: contact.rank,
        decisionRole: contact.decisionRole,
        mobile: contact.mobile,
        email: contact.email,
        birthday: contact.birthday,
        interests: contact.interests,
        relationshipStrength: contact.relationshipStrength,
      })
      .from(contact)
      .where(
        and(
          eq(contact.provinceId, provinceId),
          sql`${contact.customerId} = any(${sql.param(chunk)}::uuid[])`,
        ),
      );
    for (const row of rows) {
      const known = byCustomer.get(row.customerId);
      if (known) known.push(row);
      else byCustomer.set(row.customerId, [row]);
    }
  }
  return byCustomer;
}
