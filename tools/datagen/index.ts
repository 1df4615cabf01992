import { sql } from "drizzle-orm";
import { ensureHq, ensureProvinceRoles, orgSchema, systemActor } from "../../src/domain/org/index.ts";
import { recordAudit } from "../../src/platform/audit/service.ts";
import { hashPassword } from "../../src/platform/auth/password.ts";
import type { Db, Tx } from "../../src/platform/db/index.ts";
import { notify } from "../../src/platform/notifications/service.ts";
import { type OrgPlan, planOrg, type Scale } from "./org.ts";
import { DEMO_PROVINCE } from "./province.ts";
import { Rng } from "./random.ts";

export interface SeedOptions {
  seed: number;
  password: string;
  scale: Scale;
}
export interface SeedResult {
  logins: OrgPlan["logins"];
  counts: { units: number; users: number };
}

async function insertBatched<T extends object>(tx: Tx, table: Parameters<Tx["insert"]>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500) as never);
}

/**
 * Generates the demo province in one transaction: all of it or none. Every later capability adds its
 * own demo data here, so a first start brings up the whole product populated.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const hq = await ensureHq(db);
  const actor = await systemActor(db);
  const rng = new Rng(options.seed);
  const plan = planOrg(rng, hq, options.scale);
  // One hash for every demo account: they share the printed password, and argon2id is slow on purpose.
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    await ensureProvinceRoles(tx, DEMO_PROVINCE.provinceId);
    await insertBatched(tx, orgSchema.orgUnit, plan.units);
    await insertBatched(
      tx,
      orgSchema.appUser,
      plan.users.map(({ roles: _roles, ...u }) => ({ ...u, passwordHash, mustChangePassword: false })),
    );
    await insertBatched(
      tx,
      orgSchema.userRole,
      plan.users.flatMap((u) =>
        u.roles.map((roleCode) => ({ provinceId: u.provinceId, userId: u.id, roleCode })),
      ),
    );
    await notify(
      tx,
      plan.users.map((u) => ({
        provinceId: u.provinceId,
        userId: u.id,
        kind: "welcome",
        params: { name: u.name },
        title: `欢迎使用集客，${u.name}`,
      })),
    );
    await recordAudit(tx, actor, {
      provinceId: DEMO_PROVINCE.provinceId,
      action: "seed",
      entityType: "dataset",
      entityId: `demo:${options.scale}:${options.seed}`,
      after: { units: plan.units.length, users: plan.users.length },
    });
    await tx.execute(sql`analyze org_unit`);
  });
  return { logins: plan.logins, counts: { units: plan.units.length + 1, users: plan.users.length } };
}
