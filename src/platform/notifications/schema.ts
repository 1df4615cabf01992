import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, provinceId } from "../db/columns.ts";

/**
 * The inbox every capability posts to (approvals waiting, escalations, reminders). `kind` + `params` let
 * the UI render the text in the reader's language; `title` is the fallback in the sender's language.
 */
export const notification = pgTable(
  "notification",
  {
    provinceId: provinceId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    params: jsonb("params").notNull().default({}),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "notification_pk", columns: [t.provinceId, t.id] }),
    index("notification_inbox_idx").on(t.provinceId, t.userId, t.createdAt),
  ],
);
