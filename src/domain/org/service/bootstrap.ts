import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor.ts";
import { ALL_PERMISSIONS } from "../../../platform/auth/permissions.ts";
import { HQ_PROVINCE_ID, pathLabel } from "../../../platform/db/columns.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { uuidv7 } from "../../../platform/ids.ts";
import { orgUnit } from "../schema.ts";
import { ensureProvinceRoles } from "./roles.ts";

export const HQ_CODE = "HQ";

/** The root of every tree: group HQ with its built-in roles. Idempotent; runs on every start. */
export async function ensureHq(db: Db): Promise<{ id: string; path: string }> {
  return db.transaction(async (tx) => {
    const existing = await findRoot(tx);
    if (existing) return existing;
    const id = uuidv7();
    const path = pathLabel(id);
    await tx.insert(orgUnit).values({
      provinceId: HQ_PROVINCE_ID,
      id,
      parentId: null,
      level: "hq",
      code: HQ_CODE,
      name: "集团总部",
      path,
    });
    await ensureProvinceRoles(tx, HQ_PROVINCE_ID);
    return { id, path };
  });
}

async function findRoot(db: DbOrTx) {
  const [root] = await db
    .select({ id: orgUnit.id, path: sql<string>`${orgUnit.path}::text` })
    .from(orgUnit)
    .where(and(eq(orgUnit.provinceId, HQ_PROVINCE_ID), isNull(orgUnit.parentId)));
  return root;
}

/**
 * The operator at the command line (`jike user create`, `jike seed`): whole-tree scope, every
 * permission, recorded as source "cli" in the audit log.
 */
export async function systemActor(db: Db, source: "cli" | "job" = "cli"): Promise<Actor> {
  const root = await ensureHq(db);
  return {
    userId: null,
    provinceId: HQ_PROVINCE_ID,
    username: "system",
    name: source === "cli" ? "命令行 CLI" : "系统任务 job",
    orgUnitId: root.id,
    orgPath: root.path,
    orgLevel: "hq",
    roles: [],
    permissions: new Set(ALL_PERMISSIONS),
    source,
  };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnit);
  return (row?.n ?? 0) <= 1;
}
