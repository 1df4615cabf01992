import { uuidv7 } from "../../../../platform/ids.ts";
import type { member } from "../../schema.ts";
import type { ExistingMember } from "./lookups.ts";
import { FirstSeen, type IssueSink, RowReader } from "./row-reader.ts";
import type { SheetData } from "./types.ts";
import type { CustomerPlan, ImportContext } from "./validate-customers.ts";
import { parseChoice, parseDate, parseMsisdn, parseText, parseYesNo } from "./values.ts";
import { PAYER_CHOICES } from "./vocabulary.ts";

/** The customers of the file (valid rows planned, every code seen), for the sheets that refer to them. */
export interface FileCustomers {
  plans: Map<string, CustomerPlan>;
  codes: Set<string>;
}

/** The id of the customer a row's `customerCode` names, in the file or in the importer's scope. */
export function customerIdFor(
  r: RowReader,
  ctx: ImportContext,
  file: FileCustomers,
  code: string | null,
): string | null {
  if (!code) return null;
  const planned = file.plans.get(code);
  if (planned) return planned.record.id;
  // A customer row with problems of its own: those are reported there, not again here.
  if (file.codes.has(code)) return null;
  const existing = ctx.customers.get(code);
  if (existing?.visible) return existing.id;
  r.report("customerCode", { code: "unknown_customer", params: { value: code } });
  return null;
}

export type MemberRecord = Pick<
  typeof member.$inferInsert,
  "provinceId" | "id" | "customerId" | "msisdn" | "name" | "payer" | "authentic" | "verifiedAt" | "joinedAt"
>;
export interface MemberPlan {
  row: number;
  record: MemberRecord;
  existing: ExistingMember | null;
  changed: boolean;
}

/**
 * Lines join the group their row names. A line already in that group is updated (empty cells keep what
 * is stored); a line in another group is refused: it has to leave that group first.
 */
export function validateMembers(
  sheet: SheetData,
  ctx: ImportContext,
  file: FileCustomers,
  current: Map<string, ExistingMember>,
  sink: IssueSink,
): MemberPlan[] {
  const r = new RowReader(sheet, sink);
  const seen = new FirstSeen();
  const plans: MemberPlan[] = [];
  for (const row of sheet.rows) {
    r.at(row);
    const customerCode = r.take("customerCode", (c) => parseText(c, { max: 32 }), true);
    const msisdn = r.take("msisdn", parseMsisdn, true);
    const name = r.take("name", (c) => parseText(c, { max: 40 }));
    const payer = r.take("payer", (c) => parseChoice(c, PAYER_CHOICES));
    const authentic = r.take("authentic", parseYesNo);
    const verifiedAt = r.take("verifiedAt", parseDate);
    const joinedAt = r.take("joinedAt", parseDate);
    const customerId = customerIdFor(r, ctx, file, customerCode);
    if (msisdn) {
      const firstRow = seen.check(msisdn, row.row);
      if (firstRow !== undefined) r.report("msisdn", { code: "duplicate_in_file", params: { firstRow } });
    }
    const existing = msisdn ? (current.get(msisdn) ?? null) : null;
    if (existing && customerId && existing.customerId !== customerId) {
      r.report("msisdn", {
        code: "msisdn_in_group",
        params: { other: existing.customerVisible ? existing.customerCode : "" },
      });
    }
    if (r.problems > 0 || !customerId || !msisdn) continue;
    const isAuthentic = authentic ?? existing?.authentic ?? false;
    const record: MemberRecord = {
      provinceId: ctx.provinceId,
      id: existing?.id ?? uuidv7(),
      customerId,
      msisdn,
      name: name ?? existing?.name ?? null,
      payer: payer ?? existing?.payer ?? "member",
      authentic: isAuthentic,
      verifiedAt: verifiedAt ?? existing?.verifiedAt ?? (isAuthentic ? ctx.today : null),
      joinedAt: joinedAt ?? existing?.joinedAt ?? ctx.today,
    };
    const changed =
      existing === null ||
      (["name", "payer", "authentic", "verifiedAt", "joinedAt"] as const).some(
        (f) => record[f] !== existing[f],
      );
    plans.push({ row: row.row, record, existing, changed });
  }
  return plans;
}
