import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { AppError, NotFound, VersionConflict } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import type { MergeBody } from "../contracts.ts";
import {
  assignmentHistory,
  contact,
  customer,
  customerMerge,
  customerStatusHistory,
  gradeHistory,
  member,
  revenueFact,
} from "../schema.ts";
import { findCustomer, present } from "./customers.ts";
import { rehomeGroups } from "./groups.ts";

/** Fields a merge copies from the duplicate where the survivor has none. */
const FILLABLE = [
  "shortName",
  "creditCode",
  "industrySection",
  "industryDivision",
  "address",
  "cluster",
  "clusterType",
  "employees",
  "handsets",
  "accountManagerId",
  "customerEngineerId",
  "notes",
] as const;

interface Moved {
  members: string[];
  contacts: string[];
  statusHistory: string[];
  gradeHistory: string[];
  assignmentHistory: string[];
  subsidiaries: string[];
  /** The duplicate's revenue rows, added into the survivor's; an undo subtracts and restores them. */
  revenue: { month: string; productLine: string; groupPaidFen: number; memberPaidFen: number }[];
  filled: Record<string, unknown>;
  survivorTags: string[];
}

class MergeRefused extends AppError {
  constructor(message: string) {
    super("unprocessable", "merge_refused", message);
  }
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * Fold a duplicate into the surviving customer: its members, key persons, history, subsidiaries and
 * revenue move over, and the survivor's empty fields take the duplicate's values. The duplicate leaves
 * every list. Until someone confirms the merge it can be undone exactly.
 */
export async function mergeCustomers(
  db: Db,
  actor: Actor,
  survivorId: string,
  body: z.infer<typeof MergeBody>,
) {
  requirePermission(actor, "customer:write");
  const mergeId = uuidv7();
  await db.transaction(async (tx) => {
    const survivor = await findCustomer(tx, actor, survivorId);
    const duplicate = await findCustomer(tx, actor, body.duplicateId);
    if (survivor.id === duplicate.id) throw new MergeRefused("A customer cannot be merged into itself.");
    if (survivor.version !== body.version)
      throw new VersionConflict("customer", body.version, present(survivor));
    if (duplicate.version !== body.duplicateVersion)
      throw new VersionConflict("customer", body.duplicateVersion, present(duplicate));
    if (survivor.parentId === duplicate.id)
      throw new MergeRefused("The surviving customer is a subsidiary of the duplicate; detach it first.");
    const p = survivor.provinceId;
    const of = (provinceColumn: AnyPgColumn, customerColumn: AnyPgColumn) =>
      and(eq(provinceColumn, p), eq(customerColumn, duplicate.id));

    const moved: Moved = {
      members: idsOf(
        await tx
          .update(member)
          .set({ customerId: survivor.id })
          .where(of(member.provinceId, member.customerId))
          .returning({ id: member.id }),
      ),
      contacts: idsOf(
        await tx
          .update(contact)
          .set({ customerId: survivor.id })
          .where(of(contact.provinceId, contact.customerId))
          .returning({ id: contact.id }),
      ),
      statusHistory: idsOf(
        await tx
          .update(customerStatusHistory)
          .set({ customerId: survivor.id })
          .where(of(customerStatusHistory.provinceId, customerStatusHistory.customerId))
          .returning({ id: customerStatusHistory.id }),
      ),
      gradeHistory: idsOf(
        await tx
          .update(gradeHistory)
          .set({ customerId: survivor.id })
          .where(of(gradeHistory.provinceId, gradeHistory.customerId))
          .returning({ id: gradeHistory.id }),
      ),
      assignmentHistory: idsOf(
        await tx
          .update(assignmentHistory)
          .set({ customerId: survivor.id })
          .where(of(assignmentHistory.provinceId, assignmentHistory.customerId))
          .returning({ id: assignmentHistory.id }),
      ),
      subsidiaries: idsOf(
        await tx
          .update(customer)
          .set({ parentId: survivor.id })
          .where(and(eq(customer.provinceId, p), eq(customer.parentId, duplicate.id)))
          .returning({ id: customer.id }),
      ),
      revenue: await tx
        .delete(revenueFact)
        .where(of(revenueFact.provinceId, revenueFact.customerId))
        .returning({
          month: revenueFact.month,
          productLine: revenueFact.productLine,
          groupPaidFen: revenueFact.groupPaidFen,
          memberPaidFen: revenueFact.memberPaidFen,
        }),
      filled: {},
      survivorTags: survivor.tags,
    };
    await addRevenue(tx, p, survivor.id, moved.revenue, 1);
    for (const field of FILLABLE) {
      if ((survivor[field] === null || survivor[field] === "") && duplicate[field] !== null)
        moved.filled[field] = duplicate[field];
    }
    const tags = [...new Set([...survivor.tags, ...duplicate.tags])];
    await tx
      .update(customer)
      .set({ ...moved.filled, tags, version: survivor.version + 1, updatedAt: new Date() })
      .where(and(eq(customer.provinceId, p), eq(customer.id, survivor.id)));
    await tx
      .update(customer)
      .set({ mergedIntoId: survivor.id, version: duplicate.version + 1, updatedAt: new Date() })
      .where(and(eq(customer.provinceId, p), eq(customer.id, duplicate.id)));
    // The duplicate's subsidiaries now hang under the survivor, and its own parent lost a part.
    await rehomeGroups(tx, actor, p, [survivor.id, duplicate.id]);
    await tx.insert(customerMerge).values({
      provinceId: p,
      id: mergeId,
      survivorId: survivor.id,
      mergedId: duplicate.id,
      moved,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, [
      {
        provinceId: p,
        action: "merge",
        entityType: "customer",
        entityId: survivor.id,
        before: present(survivor),
        after: { mergeId, absorbed: duplicate.id, filled: moved.filled },
      },
      {
        provinceId: p,
        action: "merged_into",
        entityType: "customer",
        entityId: duplicate.id,
        before: present(duplicate),
        after: { mergeId, survivorId: survivor.id },
      },
    ]);
  });
  return getMerge(db, actor, mergeId);
}

/** Adds (sign 1) or subtracts (sign -1) revenue rows into a customer's facts, month by product line. */
async function addRevenue(
  tx: DbOrTx,
  provinceId: number,
  customerId: string,
  rows: Moved["revenue"],
  sign: 1 | -1,
) {
  // Update the months the customer has, then insert the others — not INSERT … ON CONFLICT, which can
  // leave PGlite spinning right after the same keys were deleted (drizzle/0016).
  for (let i = 0; i < rows.length; i += 500) {
    const json = JSON.stringify(
      rows.slice(i, i + 500).map((r) => ({
        month: r.month,
        line: r.productLine,
        g: sign * r.groupPaidFen,
        m: sign * r.memberPaidFen,
      })),
    );
    const batch = sql`json_to_recordset(${json}::json) as v(month date, line text, g bigint, m bigint)`;
    await tx.execute(sql`update revenue_fact r
      set group_paid_fen = r.group_paid_fen + v.g, member_paid_fen = r.member_paid_fen + v.m
      from ${batch}
      where r.province_id = ${provinceId} and r.customer_id = ${customerId}
        and r.month = v.month and r.product_line = v.line`);
    await tx.execute(sql`insert into revenue_fact
        (province_id, customer_id, month, product_line, group_paid_fen, member_paid_fen)
      select ${provinceId}, ${customerId}::uuid, v.month, v.line, v.g, v.m from ${batch}
      where not exists (select 1 from revenue_fact r where r.province_id = ${provinceId}
        and r.customer_id = ${customerId}::uuid and r.month = v.month and r.product_line = v.line)`);
  }
  // Rows that only existed because of the merge are removed again on undo.
  if (sign === -1) {
    await tx.execute(sql`delete from revenue_fact where province_id = ${provinceId} and customer_id = ${customerId}
      and group_paid_fen = 0 and member_paid_fen = 0`);
  }
}

async function findMerge(tx: DbOrTx, actor: Actor, mergeId: string) {
  if (!isUuid(mergeId)) throw new NotFound("merge", mergeId);
  const [row] = await tx
    .select()
    .from(customerMerge)
    .where(
      actor.orgLevel === "hq"
        ? eq(customerMerge.id, mergeId)
        : and(eq(customerMerge.provinceId, actor.provinceId), eq(customerMerge.id, mergeId)),
    );
  if (!row) throw new NotFound("merge", mergeId);
  // The merge is visible to whoever can see the survivor.
  await findCustomer(tx, actor, row.survivorId);
  return row;
}

const presentMerge = (row: typeof customerMerge.$inferSelect) => {
  const moved = row.moved as Moved;
  return {
    id: row.id,
    survivorId: row.survivorId,
    mergedId: row.mergedId,
    status: row.status,
    moved: {
      members: moved.members.length,
      contacts: moved.contacts.length,
      revenueRows: moved.revenue.length,
      subsidiaries: moved.subsidiaries.length,
      filledFields: Object.keys(moved.filled),
    },
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
};

export async function getMerge(db: Db, actor: Actor, mergeId: string) {
  return presentMerge(await findMerge(db, actor, mergeId));
}

export async function listMerges(db: Db, actor: Actor, customerId: string) {
  const owner = await findCustomer(db, actor, customerId);
  const rows = await db
    .select()
    .from(customerMerge)
    .where(and(eq(customerMerge.provinceId, owner.provinceId), eq(customerMerge.survivorId, owner.id)))
    .orderBy(desc(customerMerge.createdAt));
  return { items: rows.map(presentMerge), total: rows.length };
}

/** Puts everything back where it was before the merge; only a pending merge can be undone. */
export async function undoMerge(db: Db, actor: Actor, mergeId: string) {
  requirePermission(actor, "customer:write");
  await db.transaction(async (tx) => {
    const merge = await findMerge(tx, actor, mergeId);
    if (merge.status !== "pending")
      throw new MergeRefused(`This merge is ${merge.status}; only a pending merge can be undone.`);
    const p = merge.provinceId;
    const moved = merge.moved as Moved;
    const back = async (table: string, ids: string[]) => {
      for (let i = 0; i < ids.length; i += 1000) {
        const list = sql.join(
          ids.slice(i, i + 1000).map((id) => sql`${id}::uuid`),
          sql`, `,
        );
        await tx.execute(
          sql`update ${sql.identifier(table)} set customer_id = ${merge.mergedId} where province_id = ${p} and id in (${list})`,
        );
      }
    };
    await back("member", moved.members);
    await back("contact", moved.contacts);
    await back("customer_status_history", moved.statusHistory);
    await back("grade_history", moved.gradeHistory);
    await back("customer_assignment_history", moved.assignmentHistory);
    if (moved.subsidiaries.length > 0) {
      await tx
        .update(customer)
        .set({ parentId: merge.mergedId })
        .where(and(eq(customer.provinceId, p), inArray(customer.id, moved.subsidiaries)));
    }
    await addRevenue(tx, p, merge.survivorId, moved.revenue, -1);
    if (moved.revenue.length > 0) {
      for (let i = 0; i < moved.revenue.length; i += 500) {
        await tx
          .insert(revenueFact)
          .values(
            moved.revenue.slice(i, i + 500).map((r) => ({ ...r, provinceId: p, customerId: merge.mergedId })),
          );
      }
    }
    const cleared = Object.fromEntries(Object.keys(moved.filled).map((f) => [f, null]));
    await tx
      .update(customer)
      .set({
        ...cleared,
        tags: moved.survivorTags,
        version: sql`${customer.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(customer.provinceId, p), eq(customer.id, merge.survivorId)));
    await tx
      .update(customer)
      .set({ mergedIntoId: null, version: sql`${customer.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customer.provinceId, p), eq(customer.id, merge.mergedId)));
    await rehomeGroups(tx, actor, p, [merge.survivorId, merge.mergedId]);
    await tx
      .update(customerMerge)
      .set({ status: "undone", settledAt: new Date() })
      .where(and(eq(customerMerge.provinceId, p), eq(customerMerge.id, merge.id)));
    await recordAudit(tx, actor, {
      provinceId: p,
      action: "merge_undone",
      entityType: "customer",
      entityId: merge.survivorId,
      after: { mergeId },
    });
  });
  return getMerge(db, actor, mergeId);
}

/** Confirming makes the merge final: it can no longer be undone. */
export async function confirmMerge(db: Db, actor: Actor, mergeId: string) {
  requirePermission(actor, "customer:write");
  await db.transaction(async (tx) => {
    const merge = await findMerge(tx, actor, mergeId);
    if (merge.status !== "pending") throw new MergeRefused(`This merge is already ${merge.status}.`);
    await tx
      .update(customerMerge)
      .set({ status: "confirmed", settledAt: new Date() })
      .where(and(eq(customerMerge.provinceId, merge.provinceId), eq(customerMerge.id, merge.id)));
    await recordAudit(tx, actor, {
      provinceId: merge.provinceId,
      action: "merge_confirmed",
      entityType: "customer",
      entityId: merge.survivorId,
      after: { mergeId },
    });
  });
  return getMerge(db, actor, mergeId);
}
