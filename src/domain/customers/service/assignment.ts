import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { inScope } from "../../../platform/auth/scope.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { NotFound } from "../../../platform/errors.ts";
import { uuidv7 } from "../../../platform/ids.ts";
import { notify } from "../../../platform/notifications/service.ts";
import { findStaff, orgSchema, orgUnitInScope } from "../../org/index.ts";
import type { AssignBody } from "../contracts.ts";
import { NotStaff } from "../errors.ts";
import { assignmentHistory, customer } from "../schema.ts";
import { findCustomer } from "./customers.ts";
import { customerScope, orgJoin } from "./scope.ts";

const { orgUnit } = orgSchema;

/** 001: one account manager per ~50 group customers. */
export const CUSTOMERS_PER_ACCOUNT_MANAGER = 50;

/**
 * Assign or transfer customers in bulk, with a reason: all or nothing. Every customer must be in the
 * caller's scope, and so must the receiving account manager; each move keeps a history row, the new
 * owner gets one notification listing how many customers arrived.
 */
export async function assignCustomers(db: Db, actor: Actor, body: z.infer<typeof AssignBody>) {
  requirePermission(actor, "customer:assign");
  const ids = [...new Set(body.customerIds)];
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: customer.id,
        provinceId: customer.provinceId,
        accountManagerId: customer.accountManagerId,
        name: customer.name,
      })
      .from(customer)
      .innerJoin(orgUnit, orgJoin)
      .where(and(inArray(customer.id, ids), customerScope(actor)));
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) throw new NotFound("customer", missing.join(", "));
    const provinceId = rows[0]!.provinceId;
    if (body.accountManagerId) {
      const staff = await findStaff(tx, provinceId, body.accountManagerId);
      if (staff?.status !== "active" || !staff.roles.includes("account_manager")) {
        throw new NotStaff("accountManagerId", "account_manager");
      }
      await orgUnitInScope(tx, actor, staff.orgUnitId).catch(() => {
        throw new NotStaff("accountManagerId", "account_manager");
      });
    }
    const moving = rows.filter((r) => r.accountManagerId !== body.accountManagerId);
    if (moving.length > 0) {
      await tx
        .update(customer)
        .set({
          accountManagerId: body.accountManagerId,
          version: sql`${customer.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(customer.provinceId, provinceId),
            inArray(
              customer.id,
              moving.map((r) => r.id),
            ),
          ),
        );
      await tx.insert(assignmentHistory).values(
        moving.map((r) => ({
          provinceId,
          id: uuidv7(),
          customerId: r.id,
          fromAccountManagerId: r.accountManagerId,
          toAccountManagerId: body.accountManagerId,
          reason: body.reason,
          changedBy: actor.userId,
        })),
      );
      await recordAudit(
        tx,
        actor,
        moving.map((r) => ({
          provinceId,
          action: "assign",
          entityType: "customer",
          entityId: r.id,
          before: { accountManagerId: r.accountManagerId },
          after: { accountManagerId: body.accountManagerId, reason: body.reason },
        })),
      );
      if (body.accountManagerId && body.accountManagerId !== actor.userId) {
        await notify(tx, {
          provinceId,
          userId: body.accountManagerId,
          kind: "customers_assigned",
          params: { count: moving.length, by: actor.name, reason: body.reason },
          title: `${actor.name} 将 ${moving.length} 个集团客户分配给你`,
          link:
            moving.length === 1
              ? `/customers/${moving[0]!.id}`
              : `/customers?accountManagerId=${body.accountManagerId}`,
        });
      }
    }
    return { assigned: moving.length, unchanged: rows.length - moving.length };
  });
}

/** Each account manager's customer count against the 1:50 norm, within the caller's scope. */
export async function accountManagerLoad(db: Db, actor: Actor, orgUnitId?: string) {
  requirePermission(actor, "customer:assign");
  const filters: (SQL | undefined)[] = [inScope(actor, orgUnit.path, orgUnit.provinceId)];
  if (orgUnitId) {
    const unit = await orgUnitInScope(db, actor, orgUnitId);
    filters.push(sql`${orgUnit.path} <@ ${unit.path}::ltree`);
  }
  const rows = await rowsOf<{
    id: string;
    name: string;
    username: string;
    org_unit_id: string;
    org_unit_name: string;
    customers: number;
  }>(
    db,
    sql`select u.id, u.name, u.username, u.org_unit_id, org_unit.name as org_unit_name,
          (select count(*)::int from customer c where c.province_id = u.province_id and c.account_manager_id = u.id) as customers
        from app_user u
        join org_unit on org_unit.province_id = u.province_id and org_unit.id = u.org_unit_id
        where u.status = 'active' and ${and(...filters)}
          and exists (select 1 from user_role ur where ur.province_id = u.province_id and ur.user_id = u.id
                      and ur.role_code = 'account_manager')
        order by customers desc, u.username`,
  );
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    username: r.username,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    customers: r.customers,
    ratio: r.customers / CUSTOMERS_PER_ACCOUNT_MANAGER,
    overloaded: r.customers > CUSTOMERS_PER_ACCOUNT_MANAGER,
  }));
  return { items, total: items.length };
}

export async function assignmentHistoryOf(db: Db, actor: Actor, customerId: string) {
  const owner = await findCustomer(db, actor, customerId);
  const rows = await rowsOf<{
    from_id: string | null;
    from_name: string | null;
    to_id: string | null;
    to_name: string | null;
    reason: string;
    changed_at: Date;
  }>(
    db,
    sql`select h.from_account_manager_id as from_id, f.name as from_name, h.to_account_manager_id as to_id, t.name as to_name,
          h.reason, h.changed_at
        from customer_assignment_history h
        left join app_user f on f.province_id = h.province_id and f.id = h.from_account_manager_id
        left join app_user t on t.province_id = h.province_id and t.id = h.to_account_manager_id
        where h.province_id = ${owner.provinceId} and h.customer_id = ${owner.id}
        order by h.changed_at desc limit 100`,
  );
  const items = rows.map((r) => ({
    fromAccountManager: r.from_id ? { id: r.from_id, name: r.from_name ?? "" } : null,
    toAccountManager: r.to_id ? { id: r.to_id, name: r.to_name ?? "" } : null,
    reason: r.reason,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
  return { items, total: items.length };
}
