import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { type Actor, requirePermission } from "../auth/actor.ts";
import type { Db, DbOrTx } from "../db/index.ts";
import { uuidv7 } from "../ids.ts";
import type { AuditQuery } from "./contracts.ts";
import { auditEvent } from "./schema.ts";

export interface AuditEntry {
  provinceId: number;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the write's own transaction, so a write and its audit row commit or roll back together. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  // Bulk writes (a transfer of hundreds of customers) audit each entity, in batches, not row by row.
  for (let i = 0; i < entries.length; i += 500) {
    await tx.insert(auditEvent).values(
      entries.slice(i, i + 500).map((e) => ({
        provinceId: e.provinceId,
        id: uuidv7(),
        actorId: actor.userId,
        actorName: actor.name,
        source: actor.source,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
        requestId: actor.requestId ?? null,
        ip: actor.ip ?? null,
      })),
    );
  }
}

/** The audit log of the caller's province (HQ sees every province), newest first. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof AuditQuery>) {
  requirePermission(actor, "audit:read");
  const where: (SQL | undefined)[] = [
    actor.orgLevel === "hq" ? undefined : eq(auditEvent.provinceId, actor.provinceId),
    query.actorId ? eq(auditEvent.actorId, query.actorId) : undefined,
    query.entityType ? eq(auditEvent.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvent.entityId, query.entityId) : undefined,
    query.action ? eq(auditEvent.action, query.action) : undefined,
    query.from ? gte(auditEvent.at, new Date(query.from)) : undefined,
    query.to ? lt(auditEvent.at, new Date(query.to)) : undefined,
  ];
  const condition = and(...where);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditEvent)
      .where(condition)
      .orderBy(desc(auditEvent.at), desc(auditEvent.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(auditEvent).where(condition),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: totalRow?.total ?? 0,
  };
}
