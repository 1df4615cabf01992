import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import type { Db, DbOrTx } from "../db/index.ts";
import { NotFound } from "../errors.ts";
import { isUuid, uuidv7 } from "../ids.ts";
import type { NotificationQuery } from "./contracts.ts";
import { notification } from "./schema.ts";

export interface NewNotification {
  provinceId: number;
  userId: string;
  kind: string;
  params?: Record<string, unknown>;
  title: string;
  body?: string;
  link?: string;
}

/** Post to a user's inbox; pass the open transaction so the notice exists only if the write commits. */
export async function notify(tx: DbOrTx, items: NewNotification | NewNotification[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
    provinceId: n.provinceId,
    id: uuidv7(),
    userId: n.userId,
    kind: n.kind,
    params: n.params ?? {},
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
  }));
  if (rows.length > 0) await tx.insert(notification).values(rows);
}

const mine = (actor: Actor) =>
  and(eq(notification.provinceId, actor.provinceId), eq(notification.userId, actor.userId ?? ""));

export async function listNotifications(db: Db, actor: Actor, query: z.infer<typeof NotificationQuery>) {
  const filters: (SQL | undefined)[] = [mine(actor)];
  if (query.unread === "true") filters.push(isNull(notification.readAt));
  const where = and(...filters);
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(where)
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(notification).where(where),
    db
      .select({ n: count() })
      .from(notification)
      .where(and(mine(actor), isNull(notification.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params as Record<string, unknown>,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
  };
}

/** Reading one's own notices is not a business write, so it is not audited. */
export async function markRead(db: Db, actor: Actor, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFound("notification", id);
  const updated = await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(mine(actor), eq(notification.id, id)))
    .returning({ id: notification.id });
  if (updated.length === 0) throw new NotFound("notification", id);
}

export async function markAllRead(db: Db, actor: Actor): Promise<void> {
  await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(mine(actor), isNull(notification.readAt)));
}
