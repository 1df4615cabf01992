import type { Readable } from "node:stream";
import { type Actor, requirePermission } from "../../../../platform/auth/actor.ts";
import type { Db } from "../../../../platform/db/index.ts";
import { uuidv7 } from "../../../../platform/ids.ts";
import { shanghaiDate as todayInShanghai } from "../../../../platform/time.ts";
import { importRun } from "../../schema.ts";
import { applyImport } from "./apply.ts";
import { ImportConflict, ImportRejected, isUniqueViolation } from "./errors.ts";
import { loadContacts, loadCustomers, loadMembers, loadUnits, loadUsers, provinceOfFile } from "./lookups.ts";
import { render } from "./messages.ts";
import { presentErrors } from "./present.ts";
import { formatOf, readImportFile } from "./read-file.ts";
import { IssueSink } from "./row-reader.ts";
import {
  type ImportCounts,
  type ImportError,
  type Issue,
  type Locale,
  SHEET_KINDS,
  type SheetData,
  type SheetKind,
  zeroCounts,
} from "./types.ts";

import { validateContacts } from "./validate-contacts.ts";
import { type ImportContext, validateCustomers } from "./validate-customers.ts";
import { type FileCustomers, validateMembers } from "./validate-members.ts";
import { cellText, parseMsisdn } from "./values.ts";

export interface ImportFileInput {
  fileName: string;
  source: Readable;
  /** What a CSV holds (an .xlsx says it by its sheet names); customers when left out. */
  kind?: SheetKind;
  locale?: Locale;
  /** Told when each phase ends, with the milliseconds since the import started (benchmarks). */
  onPhase?: (phase: ImportPhase, elapsedMs: number) => void;
}

export type ImportPhase = "read" | "lookups" | "validate" | "write";

export interface ImportResult {
  importId: string;
  provinceId: number;
  created: Record<SheetKind, number>;
  updated: Record<SheetKind, number>;
  unchanged: Record<SheetKind, number>;
}

/** The distinct non-empty values of one column. */
function columnValues(sheet: SheetData | undefined, key: string): Set<string> {
  const values = new Set<string>();
  const i = sheet?.index.get(key);
  if (!sheet || i === undefined) return values;
  for (const row of sheet.rows) {
    const text = cellText(row.cells[i] ?? null);
    if (text) values.add(text);
  }
  return values;
}

const fileIssue = (sheet: string, code: string, params: Issue["params"] = {}): Issue => ({
  sheet,
  row: 1,
  column: "",
  field: "",
  value: "",
  personal: false,
  code,
  params,
});

/**
 * Imports one file of the customer archive, all or nothing: every row is checked first and every problem
 * collected; with any problem nothing is written and the run is kept as rejected with its error report;
 * otherwise everything is written in one transaction, with one audit row for the file.
 */
export async function importCustomerFile(
  db: Db,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportResult> {
  requirePermission(actor, "customer:write");
  const importId = uuidv7();
  const format = formatOf(input.fileName);
  const runKind = format === "xlsx" ? "workbook" : (input.kind ?? "customers");
  const started = performance.now();
  const phase = (name: ImportPhase) => input.onPhase?.(name, performance.now() - started);
  const content = await readImportFile({ ...input, kind: input.kind ?? "customers" });
  phase("read");
  const sink = new IssueSink();
  for (const issue of content.issues) sink.push(issue);
  const sheets = new Map(content.sheets.map((s) => [s.kind, s]));
  const rowCount = content.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (sheets.size === 0) {
    sink.push(fileIssue(input.fileName, "no_sheets", { sheets: content.sheetNames.join("、") || "—" }));
  } else if (rowCount === 0 && sink.count === 0) {
    sink.push(fileIssue(content.sheets[0]!.name, "no_rows"));
  }

  const customerSheet = sheets.get("customers");
  const memberSheet = sheets.get("members");
  const contactSheet = sheets.get("contacts");
  const unitCodes = columnValues(customerSheet, "orgUnitCode");
  const customerCodes = new Set([
    ...columnValues(customerSheet, "code"),
    ...columnValues(customerSheet, "parentCode"),
    ...columnValues(memberSheet, "customerCode"),
    ...columnValues(contactSheet, "customerCode"),
  ]);
  const province = await provinceOfFile(db, actor, [...unitCodes], [...customerCodes]);
  let provinceId = actor.provinceId;
  if ("several" in province) {
    sink.push(
      fileIssue(content.sheets[0]?.name ?? input.fileName, "several_provinces", {
        provinces: province.several.join(", "),
      }),
    );
  } else provinceId = province.provinceId;

  const usernames = new Set([
    ...columnValues(customerSheet, "accountManagerUsername"),
    ...columnValues(customerSheet, "customerEngineerUsername"),
  ]);
  const ctx: ImportContext = {
    actor,
    provinceId,
    today: todayInShanghai(),
    units: await loadUnits(db, provinceId, unitCodes),
    users: await loadUsers(db, provinceId, usernames),
    customers: await loadCustomers(db, actor, provinceId, customerCodes),
  };
  phase("lookups");
  const file: FileCustomers = customerSheet
    ? validateCustomers(customerSheet, ctx, sink)
    : { plans: new Map(), codes: new Set() };

  const msisdns: string[] = [];
  for (const text of columnValues(memberSheet, "msisdn")) {
    const parsed = parseMsisdn(text);
    if (parsed.ok && parsed.value) msisdns.push(parsed.value);
  }
  const members = memberSheet
    ? validateMembers(memberSheet, ctx, file, await loadMembers(db, actor, provinceId, msisdns), sink)
    : [];

  const storedOwners = [...columnValues(contactSheet, "customerCode")]
    .map((code) => ctx.customers.get(code)?.id)
    .filter((id): id is string => id !== undefined);
  const contacts = contactSheet
    ? validateContacts(contactSheet, ctx, file, await loadContacts(db, provinceId, storedOwners), sink)
    : [];

  const customers = [...file.plans.values()];
  const counts: ImportCounts = {
    rows: zeroCounts(),
    created: zeroCounts(),
    updated: zeroCounts(),
    unchanged: zeroCounts(),
  };
  for (const sheet of content.sheets) counts.rows[sheet.kind] = sheet.rows.length;
  const tally = (kind: SheetKind, plans: { existing: unknown; changed: boolean }[]) => {
    for (const p of plans) {
      const bucket = !p.existing ? "created" : p.changed ? "updated" : "unchanged";
      counts[bucket][kind]++;
    }
  };
  tally("customers", customers);
  tally("members", members);
  tally("contacts", contacts);

  phase("validate");
  const run = { id: importId, kind: runKind, fileName: input.fileName } as const;
  if (sink.count > 0) {
    const order = new Map(content.sheets.map((s) => [s.name, SHEET_KINDS.indexOf(s.kind)]));
    const errors = sink.kept
      .map((issue, i) => ({ issue, i }))
      .sort(
        (a, b) =>
          (order.get(a.issue.sheet) ?? -1) - (order.get(b.issue.sheet) ?? -1) ||
          a.issue.row - b.issue.row ||
          a.i - b.i,
      )
      .map(({ issue }) => render(issue, input.locale ?? "zh-CN"));
    await recordRejectedRun(db, actor, { ...run, provinceId, counts, errors, errorCount: sink.count });
    throw new ImportRejected(importId, presentErrors(actor, errors), sink.count);
  }

  try {
    await db.transaction((tx) =>
      applyImport(tx, actor, { provinceId, customers, members, contacts }, run, counts),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? new ImportConflict() : error;
  }
  phase("write");
  return {
    importId,
    provinceId,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
  };
}

async function recordRejectedRun(
  db: Db,
  actor: Actor,
  run: {
    id: string;
    provinceId: number;
    kind: "workbook" | SheetKind;
    fileName: string;
    counts: ImportCounts;
    errors: ImportError[];
    errorCount: number;
  },
) {
  await db.insert(importRun).values({
    provinceId: run.provinceId,
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    status: "rejected",
    counts: run.counts,
    errorCount: run.errorCount,
    errors: run.errors,
    createdBy: actor.userId,
  });
}
