import { uuidv7 } from "../../../../platform/ids.ts";
import type { contact } from "../../schema.ts";
import type { ExistingContact } from "./lookups.ts";
import { FirstSeen, type IssueSink, RowReader } from "./row-reader.ts";
import type { SheetData } from "./types.ts";
import type { ImportContext } from "./validate-customers.ts";
import { customerIdFor, type FileCustomers } from "./validate-members.ts";
import { parseChoice, parseDate, parseEmail, parseInteger, parseMsisdn, parseText } from "./values.ts";
import { DECISION_ROLE_CHOICES, RANK_CHOICES } from "./vocabulary.ts";

export type ContactRecord = Pick<
  typeof contact.$inferInsert,
  | "provinceId"
  | "id"
  | "customerId"
  | "name"
  | "title"
  | "rank"
  | "decisionRole"
  | "mobile"
  | "email"
  | "birthday"
  | "interests"
  | "relationshipStrength"
>;
export interface ContactPlan {
  row: number;
  record: ContactRecord;
  existing: ExistingContact | null;
  changed: boolean;
}

const COMPARED = [
  "title",
  "rank",
  "decisionRole",
  "mobile",
  "email",
  "birthday",
  "interests",
  "relationshipStrength",
] as const;

/**
 * Key persons have no business code, so a row updates the customer's key person of the same name and
 * adds one otherwise; the same customer and name twice in the file is a duplicate.
 */
export function validateContacts(
  sheet: SheetData,
  ctx: ImportContext,
  file: FileCustomers,
  stored: Map<string, ExistingContact[]>,
  sink: IssueSink,
): ContactPlan[] {
  const r = new RowReader(sheet, sink);
  const seen = new FirstSeen();
  const plans: ContactPlan[] = [];
  for (const row of sheet.rows) {
    r.at(row);
    const customerCode = r.take("customerCode", (c) => parseText(c, { max: 32 }), true);
    const name = r.take("name", (c) => parseText(c, { max: 40 }), true);
    const title = r.take("title", (c) => parseText(c, { max: 60 }));
    const rank = r.take("rank", (c) => parseChoice(c, RANK_CHOICES));
    const decisionRole = r.take("decisionRole", (c) => parseChoice(c, DECISION_ROLE_CHOICES), true);
    const mobile = r.take("mobile", parseMsisdn);
    const email = r.take("email", parseEmail);
    const birthday = r.take("birthday", parseDate);
    const interests = r.take("interests", (c) => parseText(c, { max: 200 }));
    const strength = r.take("relationshipStrength", (c) => parseInteger(c, { min: 1, max: 5 }));
    const customerId = customerIdFor(r, ctx, file, customerCode);
    if (customerCode && name) {
      const firstRow = seen.check(`${customerCode}\u0000${name}`, row.row);
      if (firstRow !== undefined) r.report("name", { code: "duplicate_in_file", params: { firstRow } });
    }
    const namesakes = customerId && name ? (stored.get(customerId) ?? []).filter((c) => c.name === name) : [];
    if (namesakes.length > 1) r.report("name", { code: "contact_ambiguous" });
    if (r.problems > 0 || !customerId || !name || !decisionRole) continue;
    const existing = namesakes[0] ?? null;
    const record: ContactRecord = {
      provinceId: ctx.provinceId,
      id: existing?.id ?? uuidv7(),
      customerId,
      name,
      title: title ?? existing?.title ?? null,
      rank: rank ?? existing?.rank ?? "other",
      decisionRole,
      mobile: mobile ?? existing?.mobile ?? null,
      email: email ?? existing?.email ?? null,
      birthday: birthday ?? existing?.birthday ?? null,
      interests: interests ?? existing?.interests ?? null,
      relationshipStrength: strength ?? existing?.relationshipStrength ?? null,
    };
    const changed = existing === null || COMPARED.some((f) => record[f] !== existing[f]);
    plans.push({ row: row.row, record, existing, changed });
  }
  return plans;
}
