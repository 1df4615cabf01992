import { sql } from "drizzle-orm";
import { regrade, rehomeGroups, scanDuplicates } from "../../src/domain/customers/index.ts";
import { ensureHq, ensureProvinceRoles, systemActor } from "../../src/domain/org/index.ts";
import { recordAudit } from "../../src/platform/audit/service.ts";
import { hashPassword } from "../../src/platform/auth/password.ts";
import type { Db } from "../../src/platform/db/index.ts";
import { notify } from "../../src/platform/notifications/service.ts";
import { archiveChunks, crossRegionLinks, type LinkCandidate } from "./customers.ts";
import { insertRows } from "./insert.ts";
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

/** Progress of a long seed (province scale): customers written so far of the whole. */
export type SeedProgress = (customersDone: number) => void;

/**
 * Generates the demo province in one transaction: all of it or none. Every later capability adds its
 * own demo data here, so a first start brings up the whole product populated. The archive streams in
 * chunks, so the province scale (200,000 customers, ~4,000,000 lines) needs no more memory than the demo.
 */
export async function seedDemo(db: Db, options: SeedOptions, progress?: SeedProgress): Promise<SeedResult> {
  const hq = await ensureHq(db);
  const actor = await systemActor(db);
  const rng = new Rng(options.seed);
  // Status-history ids come from their own stream, so they do not shift the archive's draws.
  const historyRng = new Rng(options.seed ^ 0x5eed);
  const plan = planOrg(rng, hq, options.scale);
  // One hash for every demo account: they share the printed password, and argon2id is slow on purpose.
  const passwordHash = await hashPassword(options.password);
  const counts = { customers: 0, members: 0, contacts: 0, revenueRows: 0 };
  await db.transaction(async (tx) => {
    await ensureProvinceRoles(tx, DEMO_PROVINCE.provinceId);
    await insertRows(tx, "org_unit", plan.units);
    await insertRows(
      tx,
      "app_user",
      plan.users.map(({ roles: _roles, ...u }) => ({ ...u, passwordHash, mustChangePassword: false })),
    );
    await insertRows(
      tx,
      "user_role",
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
    const candidates: LinkCandidate[] = [];
    for (const chunk of archiveChunks(rng, plan, options.scale, options.today ?? new Date())) {
      await insertRows(tx, "customer", chunk.customers);
      await insertRows(tx, "member", chunk.members);
      await insertRows(tx, "contact", chunk.contacts);
      await insertRows(tx, "revenue_fact", chunk.revenue);
      await insertRows(
        tx,
        "customer_status_history",
        chunk.customers.map((c) => ({
          provinceId: c.provinceId,
          id: historyRng.uuid(Date.UTC(2025, 0, 1)),
          customerId: c.id,
          toStatus: c.status,
          reason: "archive built",
        })),
      );
      for (const c of chunk.customers)
        if (c.industrySection === "J")
          candidates.push({ id: c.id, industrySection: c.industrySection, handsets: c.handsets });
      counts.customers += chunk.customers.length;
      counts.members += chunk.members.length;
      counts.contacts += chunk.contacts.length;
      counts.revenueRows += chunk.revenue.length;
      progress?.(counts.customers);
    }
    const links = [...crossRegionLinks(candidates)];
    if (links.length > 0) {
      await tx.execute(sql`update customer c set parent_id = l.parent_id
        from json_to_recordset(${JSON.stringify(links.map(([child, parent]) => ({ child, parent_id: parent })))}::json)
          as l(child uuid, parent_id uuid)
        where c.province_id = ${DEMO_PROVINCE.provinceId} and c.id = l.child`);
      await rehomeGroups(tx, actor, DEMO_PROVINCE.provinceId, [
        ...new Set(links.map(([, parent]) => parent)),
      ]);
    }
    // The months list reads one summary row per month rather than every fact.
    await tx.execute(sql`insert into revenue_month
        (province_id, month, row_count, customer_count, group_paid_fen, member_paid_fen, source)
      select province_id, month, count(*)::int, count(distinct customer_id)::int,
        sum(group_paid_fen), sum(member_paid_fen), 'generated'
      from revenue_fact where province_id = ${DEMO_PROVINCE.provinceId} group by province_id, month`);
    await recordAudit(tx, actor, {
      provinceId: DEMO_PROVINCE.provinceId,
      action: "seed",
      entityType: "dataset",
      entityId: `demo:${options.scale}:${options.seed}`,
      after: { units: plan.units.length, users: plan.users.length, customers: counts.customers },
    });
  });
  // Grades, tiers and segments come from the rule engine itself, so the demo shows real grade history.
  await regrade(db, actor, { provinceId: DEMO_PROVINCE.provinceId });
  // The demo's duplicates page shows what a first scan finds, without waiting for one.
  await scanDuplicates(db, actor, DEMO_PROVINCE.provinceId);
  for (const table of ["org_unit", "app_user", "customer", "member", "contact", "revenue_fact"]) {
    await db.execute(sql.raw(`analyze ${table}`));
  }
  return {
    logins: plan.logins,
    counts: {
      units: plan.units.length + 1,
      users: plan.users.length,
      ...counts,
    },
  };
}
