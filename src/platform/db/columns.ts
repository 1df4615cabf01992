import { sql } from "drizzle-orm";
import { customType, integer, smallint, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Column helpers shared by every context. `province_id` leads every primary and unique key: the province
 * is the unit of data centralisation (seed 001 "两级系统、数据集中") and the distribution key if a
 * deployment moves to Citus or consolidates provinces at HQ. 0 is group HQ itself.
 */
export const provinceId = () => smallint("province_id").notNull();
export const id = () => uuid("id").notNull();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Optimistic-lock counter: a write names the version it read; a mismatch is a 409. */
export const version = () => integer("version").notNull().default(1);

/** PostgreSQL `ltree`: the org-tree path, so "the caller's subtree" is one indexed `<@` test. */
export const ltree = customType<{ data: string }>({
  dataType: () => "ltree",
});

export const HQ_PROVINCE_ID = 0;

/** An ltree label cannot hold hyphens on PostgreSQL 15, so a UUID becomes its 32 hex digits. */
export const pathLabel = (uuidValue: string): string => uuidValue.replace(/-/g, "");

export const nowSql = sql`now()`;
