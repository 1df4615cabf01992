import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, DbOrTx } from "../../../platform/db/index.ts";
import { NotFound, VersionConflict } from "../../../platform/errors.ts";
import { isUuid, uuidv7 } from "../../../platform/ids.ts";
import { emailFor, maskMobile, mobileFor } from "../../../platform/pii.ts";
import type { ContactCreate, ContactUpdate } from "../contracts.ts";
import { InvalidReportsTo } from "../errors.ts";
import { VIP_CARD_BY_RANK } from "../rules/archive.ts";
import { contact } from "../schema.ts";
import { findCustomer } from "./customers.ts";

type ContactRow = typeof contact.$inferSelect;

/** Key persons are people: their mobile and e-mail are masked without pii:read. */
export function presentContact(actor: Actor, row: ContactRow) {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    title: row.title,
    rank: row.rank,
    decisionRole: row.decisionRole,
    vipCard: VIP_CARD_BY_RANK[row.rank],
    mobile: mobileFor(actor, row.mobile),
    email: emailFor(actor, row.email),
    birthday: row.birthday,
    interests: row.interests,
    relationshipStrength: row.relationshipStrength,
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    reportsToId: row.reportsToId,
    version: row.version,
  };
}

/** Decision makers first, then influencers, technical leads, purchasers and users; within each, by rank. */
export async function contactsOf(db: DbOrTx, provinceId: number, customerId: string) {
  return db
    .select()
    .from(contact)
    .where(and(eq(contact.provinceId, provinceId), eq(contact.customerId, customerId)))
    .orderBy(
      sql`array_position(array['decision_maker','influencer','technical','purchaser','user']::text[], ${contact.decisionRole})`,
      sql`array_position(array['bureau','division','section','other']::text[], ${contact.rank})`,
      asc(contact.name),
    );
}

export async function listContacts(db: Db, actor: Actor, customerId: string) {
  const owner = await findCustomer(db, actor, customerId);
  const rows = await contactsOf(db, owner.provinceId, owner.id);
  return { items: rows.map((r) => presentContact(actor, r)), total: rows.length };
}

/** reportsTo must name another key person of the same customer, and must not close a loop. */
async function assertReportsTo(
  tx: DbOrTx,
  provinceId: number,
  customerId: string,
  selfId: string,
  bossId: string | null | undefined,
) {
  if (!bossId) return;
  const peers = await contactsOf(tx, provinceId, customerId);
  const byId = new Map(peers.map((p) => [p.id, p]));
  let cursor: string | null = bossId;
  for (let hops = 0; cursor; hops++) {
    if (cursor === selfId || hops > peers.length || !byId.has(cursor)) throw new InvalidReportsTo();
    cursor = byId.get(cursor)!.reportsToId;
  }
}

const auditView = (row: ContactRow) => ({
  ...row,
  mobile: row.mobile && maskMobile(row.mobile),
  email: row.email ? "***" : null,
});

export async function createContact(
  db: Db,
  actor: Actor,
  customerId: string,
  body: z.infer<typeof ContactCreate>,
) {
  requirePermission(actor, "customer:write");
  const id = uuidv7();
  const row = await db.transaction(async (tx) => {
    const owner = await findCustomer(tx, actor, customerId);
    await assertReportsTo(tx, owner.provinceId, owner.id, id, body.reportsToId);
    const [inserted] = await tx
      .insert(contact)
      .values({
        ...body,
        provinceId: owner.provinceId,
        id,
        customerId: owner.id,
        lastContactAt: body.lastContactAt ? new Date(body.lastContactAt) : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      provinceId: owner.provinceId,
      action: "contact_create",
      entityType: "customer",
      entityId: owner.id,
      after: auditView(inserted!),
    });
    return inserted!;
  });
  return presentContact(actor, row);
}

async function findContact(tx: DbOrTx, provinceId: number, customerId: string, contactId: string) {
  if (!isUuid(contactId)) throw new NotFound("contact", contactId);
  const [row] = await tx
    .select()
    .from(contact)
    .where(
      and(eq(contact.provinceId, provinceId), eq(contact.customerId, customerId), eq(contact.id, contactId)),
    );
  if (!row) throw new NotFound("contact", contactId);
  return row;
}

export async function updateContact(
  db: Db,
  actor: Actor,
  customerId: string,
  contactId: string,
  body: z.infer<typeof ContactUpdate>,
) {
  requirePermission(actor, "customer:write");
  const row = await db.transaction(async (tx) => {
    const owner = await findCustomer(tx, actor, customerId);
    const before = await findContact(tx, owner.provinceId, owner.id, contactId);
    if (before.version !== body.version)
      throw new VersionConflict("contact", body.version, presentContact(actor, before));
    const { version: _v, lastContactAt, ...changes } = body;
    await assertReportsTo(tx, owner.provinceId, owner.id, contactId, changes.reportsToId);
    const [updated] = await tx
      .update(contact)
      .set({
        ...changes,
        ...(lastContactAt !== undefined
          ? { lastContactAt: lastContactAt ? new Date(lastContactAt) : null }
          : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(contact.provinceId, owner.provinceId), eq(contact.id, contactId)))
      .returning();
    await recordAudit(tx, actor, {
      provinceId: owner.provinceId,
      action: "contact_update",
      entityType: "customer",
      entityId: owner.id,
      before: auditView(before),
      after: auditView(updated!),
    });
    return updated!;
  });
  return presentContact(actor, row);
}

/** Removing a key person also detaches anyone who reported to them, so the chain stays whole. */
export async function deleteContact(
  db: Db,
  actor: Actor,
  customerId: string,
  contactId: string,
): Promise<void> {
  requirePermission(actor, "customer:write");
  await db.transaction(async (tx) => {
    const owner = await findCustomer(tx, actor, customerId);
    const before = await findContact(tx, owner.provinceId, owner.id, contactId);
    await tx
      .update(contact)
      .set({ reportsToId: before.reportsToId })
      .where(and(eq(contact.provinceId, owner.provinceId), eq(contact.reportsToId, contactId)));
    await tx.delete(contact).where(and(eq(contact.provinceId, owner.provinceId), eq(contact.id, contactId)));
    await recordAudit(tx, actor, {
      provinceId: owner.provinceId,
      action: "contact_delete",
      entityType: "customer",
      entityId: owner.id,
      before: auditView(before),
    });
  });
}
