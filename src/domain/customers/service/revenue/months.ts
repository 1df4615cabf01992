import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Actor, can } from "../../../../platform/auth/actor.ts";
import { requireProvinceWide, targetProvince } from "../../../../platform/auth/scope.ts";
import type { Db } from "../../../../platform/db/index.ts";
import { orgSchema } from "../../../org/index.ts";
import type { RevenueMonth } from "../../contracts.ts";
import { revenueMonth } from "../../schema.ts";

const { appUser } = orgSchema;

/**
 * The months of revenue the province holds, newest first, with what each holds and who loaded it last.
 * The figures are the province's totals, so only those who see the whole province read them.
 */
export async function listRevenueMonths(
  db: Db,
  actor: Actor,
  query: { provinceId?: number },
): Promise<{ items: z.infer<typeof RevenueMonth>[]; total: number }> {
  requireProvinceWide(
    actor,
    can(actor, "revenue:import") ? "revenue:import" : "customer:read",
    "The province's revenue",
  );
  const provinceId = targetProvince(actor, query.provinceId);
  const rows = await db
    .select({
      month: revenueMonth.month,
      rows: revenueMonth.rowCount,
      customers: revenueMonth.customerCount,
      groupPaidFen: revenueMonth.groupPaidFen,
      memberPaidFen: revenueMonth.memberPaidFen,
      source: revenueMonth.source,
      importId: revenueMonth.importRunId,
      loadedAt: revenueMonth.loadedAt,
      loadedById: revenueMonth.loadedBy,
      loadedByName: appUser.name,
    })
    .from(revenueMonth)
    .leftJoin(
      appUser,
      and(eq(appUser.provinceId, revenueMonth.provinceId), eq(appUser.id, revenueMonth.loadedBy)),
    )
    .where(eq(revenueMonth.provinceId, provinceId))
    .orderBy(desc(revenueMonth.month));
  const items = rows.map(({ loadedById, loadedByName, ...r }) => ({
    ...r,
    month: r.month.slice(0, 7),
    totalFen: r.groupPaidFen + r.memberPaidFen,
    loadedAt: r.loadedAt.toISOString(),
    loadedBy: loadedById ? { id: loadedById, name: loadedByName ?? "" } : null,
  }));
  return { items, total: items.length };
}
