import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, provinceId } from "../db/columns.ts";

/**
 * One row per piece of batch work a user asked for (re-grade a province, scan for duplicates…): what it is,
 * who asked, how far it has got and how it ended. pg-boss carries the work itself (durable queue, retries,
 * expiry); this row is what people read, so the progress bar survives restarts and retries. The row and
 * the queued pg-boss job are written in the same transaction as the request that caused them.
 */
export const jobRun = pgTable(
  "job_run",
  {
    provinceId: provinceId(),
    id: id(),
    kind: text("kind").notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed", "cancelled"] })
      .notNull()
      .default("queued"),
    /** Who may read the run besides the requester: holders of this permission in the province. */
    permission: text("permission").notNull(),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    /** The requester as they were when they asked: the job acts with that scope and those permissions. */
    actor: jsonb("actor").notNull(),
    requestedBy: uuid("requested_by"),
    requestedByName: text("requested_by_name").notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total"),
    attempts: integer("attempts").notNull().default(0),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    result: jsonb("result"),
    error: jsonb("error"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "job_run_pk", columns: [t.provinceId, t.id] }),
    index("job_run_recent_idx").on(t.provinceId, t.createdAt),
    // "Is a run of this kind already under way in the province?" before queueing another.
    index("job_run_open_idx").on(t.provinceId, t.kind).where(sql`status in ('queued', 'running')`),
  ],
);
