import type { Actor } from "../../../../platform/auth/actor.ts";
import { pathInScope } from "../../../../platform/auth/scope.ts";
import { uuidv7 } from "../../../../platform/ids.ts";
import { type CustomerStatus, canMoveStatus, STATUS_TRANSITIONS } from "../../rules/archive.ts";
import type { customer } from "../../schema.ts";
import { ownScopeOnly } from "../scope.ts";
import type { ExistingCustomer, UnitRef, UserRef } from "./lookups.ts";
import type { IssueSink } from "./row-reader.ts";
import { FirstSeen, RowReader } from "./row-reader.ts";
import type { Cell, SheetData } from "./types.ts";
import {
  divisionProblem,
  parseChoice,
  parseCode,
  parseCreditCode,
  parseDivision,
  parseInteger,
  parseSection,
  parseTags,
  parseText,
  parseYesNo,
} from "./values.ts";
import { CLUSTER_TYPE_CHOICES, STATUS_CHOICES } from "./vocabulary.ts";

/** What the rows refer to, loaded once before validation (see lookups.ts). */
export interface ImportContext {
  actor: Actor;
  provinceId: number;
  /** Asia/Shanghai, YYYY-MM-DD: the default join date of lines. */
  today: string;
  units: Map<string, UnitRef>;
  /** By lower-cased username. */
  users: Map<string, UserRef>;
  /** Existing customers by code. */
  customers: Map<string, ExistingCustomer>;
}

export type CustomerRecord = Pick<
  typeof customer.$inferInsert,
  | "provinceId"
  | "id"
  | "code"
  | "name"
  | "shortName"
  | "creditCode"
  | "industrySection"
  | "industryDivision"
  | "address"
  | "orgUnitId"
  | "cluster"
  | "clusterType"
  | "employees"
  | "handsets"
  | "parentId"
  | "status"
  | "accountManagerId"
  | "customerEngineerId"
  | "important"
  | "tags"
  | "notes"
>;

/** The fields an import writes; an existing customer whose fields all stay the same is left alone. */
export const WRITTEN_FIELDS = [
  "name",
  "shortName",
  "creditCode",
  "industrySection",
  "industryDivision",
  "address",
  "orgUnitId",
  "cluster",
  "clusterType",
  "employees",
  "handsets",
  "parentId",
  "status",
  "accountManagerId",
  "customerEngineerId",
  "important",
  "tags",
  "notes",
] as const satisfies readonly (keyof CustomerRecord)[];

export interface CustomerPlan {
  row: number;
  record: CustomerRecord;
  existing: ExistingCustomer | null;
  parentCode: string | null;
  changed: boolean;
  /** A new customer's first status, or an existing one's move (both kept in the status history). */
  statusChange: { from: CustomerStatus | null; to: CustomerStatus } | null;
}

const ROLE_WORDS = {
  account_manager: { roleZh: "客户经理", roleEn: "account manager" },
  customer_engineer: { roleZh: "客户工程师", roleEn: "customer engineer" },
} as const;

function staffId(
  r: RowReader,
  ctx: ImportContext,
  key: string,
  username: string | null,
  role: keyof typeof ROLE_WORDS,
): string | null {
  if (!username) return null;
  const user = ctx.users.get(username.toLowerCase());
  if (!user) r.report(key, { code: "unknown_user", params: { value: username } });
  else if (user.status !== "active") r.report(key, { code: "user_inactive", params: { value: username } });
  else if (!user.roles.includes(role))
    r.report(key, { code: "user_lacks_role", params: { value: username, ...ROLE_WORDS[role] } });
  else return user.id;
  return null;
}

function unitId(r: RowReader, ctx: ImportContext, code: string | null): string | null {
  if (!code) return null;
  const unit = ctx.units.get(code);
  if (!unit) r.report("orgUnitCode", { code: "unknown_org_unit", params: { value: code } });
  else if (!pathInScope(ctx.actor, unit.path))
    r.report("orgUnitCode", { code: "org_unit_out_of_scope", params: { value: code } });
  else if (!unit.active) r.report("orgUnitCode", { code: "org_unit_inactive", params: { value: code } });
  else return unit.id;
  return null;
}

const text = (max: number, min?: number) => {
  const limits = { max, min };
  return (cell: Cell) => parseText(cell, limits);
};
const NAME = text(100, 2);
const SHORT_NAME = text(40);
const ADDRESS = text(200);
const UNIT_CODE = text(40);
const CLUSTER = text(60);
const USERNAME = text(60);
const NOTES = text(2000);
const COUNT_RANGE = { min: 0, max: 10_000_000 };
const COUNT = (cell: Cell) => parseInteger(cell, COUNT_RANGE);
const CLUSTER_TYPE = (cell: Cell) => parseChoice(cell, CLUSTER_TYPE_CHOICES);
const STATUS = (cell: Cell) => parseChoice(cell, STATUS_CHOICES);

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/**
 * Checks every customer row and plans its write: a new customer, or an update of the existing one with
 * the same code, where an empty cell keeps the stored value. Returns the plans by code, and every code
 * the sheet holds.
 */
export function validateCustomers(sheet: SheetData, ctx: ImportContext, sink: IssueSink) {
  const r = new RowReader(sheet, sink);
  const seen = new FirstSeen();
  const plans = new Map<string, CustomerPlan>();
  /** Every code of the sheet, also of rows with problems, so other sheets do not call them unknown. */
  const codes = new Set<string>();
  const own = ownScopeOnly(ctx.actor);
  for (const row of sheet.rows) {
    r.at(row);
    const code = r.take("code", parseCode, true);
    const name = r.take("name", NAME, true);
    const shortName = r.take("shortName", SHORT_NAME);
    const creditCode = r.take("creditCode", parseCreditCode);
    const section = r.take("industrySection", parseSection);
    const division = r.take("industryDivision", parseDivision);
    const address = r.take("address", ADDRESS);
    const unitCode = r.take("orgUnitCode", UNIT_CODE, true);
    const cluster = r.take("cluster", CLUSTER);
    const clusterType = r.take("clusterType", CLUSTER_TYPE);
    const employees = r.take("employees", COUNT);
    const handsets = r.take("handsets", COUNT);
    const parentCode = r.take("parentCode", parseCode);
    const status = r.take("status", STATUS);
    const amName = r.take("accountManagerUsername", USERNAME);
    const ceName = r.take("customerEngineerUsername", USERNAME);
    const important = r.take("important", parseYesNo);
    const tags = r.take("tags", parseTags);
    const notes = r.take("notes", NOTES);

    if (code) {
      codes.add(code);
      const firstRow = seen.check(code, row.row);
      if (firstRow !== undefined) r.report("code", { code: "duplicate_in_file", params: { firstRow } });
    }
    const existing = code ? (ctx.customers.get(code) ?? null) : null;
    if (existing?.mergedIntoId) r.report("code", { code: "code_merged", params: { value: code! } });
    else if (existing && !existing.visible)
      r.report("code", { code: "code_out_of_scope", params: { value: code! } });
    const orgUnitId = unitId(r, ctx, unitCode);
    // Someone who sees only their own customers must own what they import, or it would vanish for them.
    const accountManagerId = own
      ? existing
        ? existing.accountManagerId
        : ctx.actor.userId
      : (staffId(r, ctx, "accountManagerUsername", amName, "account_manager") ??
        (amName ? null : (existing?.accountManagerId ?? null)));
    const customerEngineerId =
      staffId(r, ctx, "customerEngineerUsername", ceName, "customer_engineer") ??
      (ceName ? null : (existing?.customerEngineerId ?? null));
    const industrySection = section ?? existing?.industrySection ?? null;
    const industryDivision = division ?? existing?.industryDivision ?? null;
    // A new section must still hold the stored division, and a new division the stored section.
    const industry = section || division ? divisionProblem(industrySection, industryDivision) : null;
    if (industry) r.report("industryDivision", industry);
    if (existing && status && status !== existing.status && !canMoveStatus(existing.status, status)) {
      const allowed = STATUS_TRANSITIONS[existing.status];
      r.report("status", {
        code: "status_transition",
        params: {
          from: existing.status,
          to: status,
          fromZh: STATUS_CHOICES[existing.status].zh,
          toZh: STATUS_CHOICES[status].zh,
          allowed: allowed.join(", "),
          allowedZh: allowed.map((s) => STATUS_CHOICES[s].zh).join("、"),
        },
      });
    }
    if (r.problems > 0 || !code || !name || !orgUnitId) continue;

    const record: CustomerRecord = {
      provinceId: ctx.provinceId,
      id: existing?.id ?? uuidv7(),
      code,
      name,
      shortName: shortName ?? existing?.shortName ?? null,
      creditCode: creditCode ?? existing?.creditCode ?? null,
      industrySection,
      industryDivision,
      address: address ?? existing?.address ?? null,
      orgUnitId,
      cluster: cluster ?? existing?.cluster ?? null,
      clusterType: clusterType ?? existing?.clusterType ?? null,
      employees: employees ?? existing?.employees ?? null,
      handsets: handsets ?? existing?.handsets ?? null,
      parentId: existing?.parentId ?? null,
      status: status ?? existing?.status ?? "active",
      accountManagerId,
      customerEngineerId,
      important: important ?? existing?.important ?? false,
      tags: tags ?? existing?.tags ?? [],
      notes: notes ?? existing?.notes ?? null,
    };
    plans.set(code, {
      row: row.row,
      record,
      existing,
      parentCode,
      changed: true,
      statusChange:
        existing === null
          ? { from: null, to: record.status! }
          : record.status !== existing.status
            ? { from: existing.status, to: record.status! }
            : null,
    });
  }
  resolveParents(sheet, ctx, sink, plans);
  for (const plan of plans.values()) {
    const before = plan.existing;
    // A cross-region group is owned higher up than its own site; the file names the site.
    const site = before && { ...before, orgUnitId: before.homeOrgUnitId ?? before.orgUnitId };
    plan.changed = site === null || WRITTEN_FIELDS.some((f) => !sameValue(plan.record[f], site[f]));
  }
  return { plans, codes };
}

/** Parent codes name another row of the file or an existing customer in scope, without a loop. */
function resolveParents(
  sheet: SheetData,
  ctx: ImportContext,
  sink: IssueSink,
  plans: Map<string, CustomerPlan>,
) {
  const r = new RowReader(sheet, sink);
  const rowsByNumber = new Map(sheet.rows.map((row) => [row.row, row]));
  const existingById = new Map([...ctx.customers.values()].map((c) => [c.id, c]));
  const parentOf = (code: string): string | null => {
    const plan = plans.get(code);
    if (plan?.parentCode) return plan.parentCode;
    const stored = plan?.existing ?? ctx.customers.get(code);
    return stored?.parentId ? (existingById.get(stored.parentId)?.code ?? null) : null;
  };
  for (const [code, plan] of plans) {
    if (!plan.parentCode) continue;
    r.at(rowsByNumber.get(plan.row)!);
    if (plan.parentCode === code) {
      r.report("parentCode", { code: "parent_self" });
      continue;
    }
    const parent = plans.get(plan.parentCode)?.record.id ?? ctx.customers.get(plan.parentCode);
    const parentId = typeof parent === "string" ? parent : parent?.visible ? parent.id : null;
    if (!parentId) {
      r.report("parentCode", { code: "unknown_customer", params: { value: plan.parentCode } });
      continue;
    }
    plan.record.parentId = parentId;
    const chain = [code];
    for (let next = parentOf(code); next; next = parentOf(next)) {
      if (next === code) {
        r.report("parentCode", { code: "parent_cycle", params: { chain: [...chain, code].join(" → ") } });
        break;
      }
      // A loop further up that does not pass through this row is reported on its own rows.
      if (chain.includes(next)) break;
      chain.push(next);
    }
  }
}
