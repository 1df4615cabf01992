import { and, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, can, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { NotFound, ValidationFailed } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import { maskMobile, mobileFor } from "../../../platform/pii.ts";
import { shanghaiDate as today } from "../../../platform/time.ts";
import type { MemberCreate, MemberLeave, MemberListQuery } from "../contracts.ts";
import { MemberInGroup } from "../errors.ts";
import { member } from "../schema.ts";
import { findCustomer } from "./customers.ts";

type MemberRow = typeof member.$inferSelect;

function present(actor: Actor, row: MemberRow) {
  return {
    id: row.id,
    customerId: row.customerId,
    msisdn: mobileFor(actor, row.msisdn)!,
    name: row.name,
    payer: row.payer,
    authentic: row.authentic,
    verifiedAt: row.verifiedAt,
    joinedAt: row.joinedAt,
    leftAt: row.leftAt,
  };
}

/**
 * Search by digits of the number. Without pii:read only the last four digits can be searched: they are
 * what the masked number shows, and searching the hidden middle would reveal it digit by digit.
 */
function numberFilter(actor: Actor, q: string | undefined): SQL | undefined {
  const digits = q?.replace(/\D/g, "") ?? "";
  if (!digits) return undefined;
  if (can(actor, "pii:read")) return sql`${member.msisdn} like ${`%${digits}%`}`;
  if (digits.length > 4) {
    throw new ValidationFailed(
      "q",
      "without permission to see full numbers, search by the last four digits only",
    );
  }
  return sql`${member.msisdn} like ${`%${digits}`}`;
}

export async function listMembers(
  db: Db,
  actor: Actor,
  customerId: string,
  query: z.infer<typeof MemberListQuery>,
) {
  const owner = await findCustomer(db, actor, customerId);
  const filters: (SQL | undefined)[] = [
    eq(member.provinceId, owner.provinceId),
    eq(member.customerId, owner.id),
    query.current === "false" ? isNotNull(member.leftAt) : isNull(member.leftAt),
    query.payer ? eq(member.payer, query.payer) : undefined,
    numberFilter(actor, query.q),
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(member)
      .where(where)
      .orderBy(desc(member.joinedAt), member.msisdn)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(member).where(where),
  ]);
  return { items: rows.map((r) => present(actor, r)), total: total?.n ?? 0 };
}

export async function memberSummary(db: DbOrTx, provinceId: number, customerId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      groupPaid: sql<number>`count(*) filter (where ${member.payer} = 'group')::int`,
      memberPaid: sql<number>`count(*) filter (where ${member.payer} = 'member')::int`,
      authentic: sql<number>`count(*) filter (where ${member.authentic})::int`,
    })
    .from(member)
    .where(and(eq(member.provinceId, provinceId), eq(member.customerId, customerId), isNull(member.leftAt)));
  const total = row?.total ?? 0;
  return {
    total,
    groupPaid: row?.groupPaid ?? 0,
    memberPaid: row?.memberPaid ?? 0,
    authentic: row?.authentic ?? 0,
    authenticityRate: total === 0 ? 0 : (row?.authentic ?? 0) / total,
  };
}

export async function addMember(
  db: Db,
  actor: Actor,
  customerId: string,
  body: z.infer<typeof MemberCreate>,
) {
  requirePermission(actor, "customer:write");
  const id = uuidv7();
  const row = await db.transaction(async (tx) => {
    const owner = await findCustomer(tx, actor, customerId);
    const [busy] = await tx
      .select({ id: member.id })
      .from(member)
      .where(
        and(eq(member.provinceId, owner.provinceId), eq(member.msisdn, body.msisdn), isNull(member.leftAt)),
      );
    if (busy) throw new MemberInGroup(body.msisdn);
    const [inserted] = await tx
      .insert(member)
      .values({
        provinceId: owner.provinceId,
        id,
        customerId: owner.id,
        msisdn: body.msisdn,
        name: body.name ?? null,
        payer: body.payer,
        authentic: body.authentic,
        verifiedAt: body.verifiedAt ?? (body.authentic ? today() : null),
        joinedAt: body.joinedAt ?? today(),
      })
      .returning();
    await recordAudit(tx, actor, {
      provinceId: owner.provinceId,
      action: "member_add",
      entityType: "customer",
      entityId: owner.id,
      after: { memberId: id, msisdn: maskMobile(body.msisdn), payer: body.payer },
    });
    return inserted!;
  });
  return present(actor, row);
}

/** A line leaves the group: the row stays (with its dates), so history and KPIs keep it. */
export async function leaveMember(
  db: Db,
  actor: Actor,
  customerId: string,
  memberId: string,
  body: z.infer<typeof MemberLeave>,
) {
  requirePermission(actor, "customer:write");
  if (!isUuid(memberId)) throw new NotFound("member", memberId);
  const row = await db.transaction(async (tx) => {
    const owner = await findCustomer(tx, actor, customerId);
    const [updated] = await tx
      .update(member)
      .set({ leftAt: body.leftAt ?? today() })
      .where(
        and(
          eq(member.provinceId, owner.provinceId),
          eq(member.customerId, owner.id),
          eq(member.id, memberId),
          isNull(member.leftAt),
        ),
      )
      .returning();
    if (!updated) throw new NotFound("member", memberId);
    await recordAudit(tx, actor, {
      provinceId: owner.provinceId,
      action: "member_leave",
      entityType: "customer",
      entityId: owner.id,
      after: { memberId, leftAt: updated.leftAt },
    });
    return updated;
  });
  return present(actor, row);
}
