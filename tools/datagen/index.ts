import { sql } from "drizzle-orm";
import { customersSchema, regrade } from "../../src/domain/customers/index.ts";
import { ensureHq, ensureProvinceRoles, orgSchema, systemActor } from "../../src/domain/org/index.ts";
import { recordAudit } from "../../src/platform/audit/service.ts";
import { hashPassword } from "../../src/platform/auth/password.ts";
import type { Db, Tx } from "../../src/platform/db/index.ts";
import { notify } from "../../src/platform/notifications/service.ts";
import { planArchive } from "./customers.ts";
import { type OrgPlan, planOrg, type Scale } from "./org.ts";
import { DEMO_PROVINCE } from "./province.ts";
import { Rng } from "./random.ts";

export interface SeedOptions {
  seed: number;
  password: string;
  scale: Scale;
  /** The day the 24 months of revenue end before (default: now). */
  today?: Date;
}
export interface SeedResult {
  logins: OrgPlan["logins"];
  counts: {
    units: number;
    users: number;
    customers: number;
    members: number;
    contacts: number;
    revenueRows: number;
  };
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
  const archive = planArchive(rng, plan, options.scale, options.today ?? new Date());
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
    await insertBatched(tx, customersSchema.customer, archive.customers);
    await insertBatched(tx, customersSchema.member, archive.members);
    await insertBatched(tx, customersSchema.contact, archive.contacts);
    await insertBatched(tx, customersSchema.revenueFact, archive.revenue);
    // The months list reads one summary row per month rather than every fact.
    await tx.execute(sql`insert into revenue_month
        (province_id, month, row_count, customer_count, group_paid_fen, member_paid_fen, source)
      select province_id, month, count(*)::int, count(distinct customer_id)::int,
        sum(group_paid_fen), sum(member_paid_fen), 'generated'
      from revenue_fact where province_id = ${DEMO_PROVINCE.provinceId} group by province_id, month`);
    await tx.insert(customersSchema.customerStatusHistory).values(
      archive.customers.map((c) => ({
        provinceId: c.provinceId,
        id: rng.uuid(Date.UTC(2025, 0, 1)),
        customerId: c.id,
        toStatus: c.status,
        reason: "archive built",
      })),
    );
    await recordAudit(tx, actor, {
      provinceId: DEMO_PROVINCE.provinceId,
      action: "seed",
      entityType: "dataset",
      entityId: `demo:${options.scale}:${options.seed}`,
      after: { units: plan.units.length, users: plan.users.length, customers: archive.customers.length },
    });
  });
  // Grades, tiers and segments come from the rule engine itself, so the demo shows real grade history.
  await regrade(db, actor, { provinceId: DEMO_PROVINCE.provinceId });
  for (const table of ["org_unit", "app_user", "customer", "member", "contact", "revenue_fact"]) {
    await db.execute(sql.raw(`analyze ${table}`));
  }
  return {
    logins: plan.logins,
    counts: {
      units: plan.units.length + 1,
      users: plan.users.length,
      customers: archive.customers.length,
      members: archive.members.length,
      contacts: archive.contacts.length,
      revenueRows: archive.revenue.length,
    },
  };
}
