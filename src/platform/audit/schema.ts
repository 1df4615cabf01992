import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, provinceId } from "../db/columns.ts";

/** Every write leaves one row here, in the same transaction as the write (who, when, what, before/after). */
export const auditEvent = pgTable(
  "audit_event",
  {
    provinceId: provinceId(),
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    source: text("source").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ip: text("ip"),
  },
  (t) => [
    primaryKey({ name: "audit_event_pk", columns: [t.provinceId, t.id] }),
    index("audit_event_at_idx").on(t.provinceId, t.at),
    index("audit_event_actor_idx").on(t.provinceId, t.actorId, t.at),
    index("audit_event_entity_idx").on(t.provinceId, t.entityType, t.entityId, t.at),
  ],
);
