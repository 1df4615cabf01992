import { PassThrough, type Readable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { recordAudit } from "../../../platform/audit/service.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { uuidv7 } from "../../../platform/ids.ts";
import type { Customer, CustomerExportQuery } from "../contracts.ts";
import { listCustomers } from "./customers.ts";
import { headerOf, SHEETS } from "./import/columns.ts";
import { CLUSTER_TYPE_CHOICES, STATUS_CHOICES, zhLabel } from "./import/vocabulary.ts";

/** Rows read per query while streaming: the list query, paged. */
const PAGE = 1000;

type Query = z.infer<typeof CustomerExportQuery>;

/** Codes and usernames the list shows only as ids and names, so an exported file can be imported again. */
interface Names {
  unitCodes: Map<string, string>;
  usernames: Map<string, string>;
  customerCodes: Map<string, string>;
}

async function fillNames(db: Db, names: Names, page: Customer[]) {
  const missing = (ids: (string | null | undefined)[], known: Map<string, string>) => [
    ...new Set(ids.filter((id): id is string => !!id && !known.has(id))),
  ];
  const units = missing(
    page.map((c) => c.homeOrgUnitId ?? c.orgUnitId),
    names.unitCodes,
  );
  const users = missing(
    page.flatMap((c) => [c.accountManager?.id, c.customerEngineer?.id]),
    names.usernames,
  );
  const parents = missing(
    page.map((c) => c.parentId),
    names.customerCodes,
  );
  const load = async (table: "org_unit" | "app_user" | "customer", column: string, ids: string[]) =>
    ids.length === 0
      ? []
      : rowsOf<{ id: string; label: string }>(
          db,
          sql`select id, ${sql.raw(column)} as label from ${sql.raw(table)} where id = any(${sql.param(ids)}::uuid[])`,
        );
  for (const r of await load("org_unit", "code", units)) names.unitCodes.set(r.id, r.label);
  for (const r of await load("app_user", "username", users)) names.usernames.set(r.id, r.label);
  for (const r of await load("customer", "code", parents)) names.customerCodes.set(r.id, r.label);
}

const importable = SHEETS.customers.columns;
const EXTRA_COLUMNS = [
  { header: "归属组织名称 (orgUnitName)", key: "orgUnitName", width: 22 },
  { header: "客户经理姓名 (accountManagerName)", key: "accountManagerName", width: 14 },
  { header: "客户工程师姓名 (customerEngineerName)", key: "customerEngineerName", width: 14 },
  { header: "客户等级 (grade)", key: "grade", width: 10 },
  { header: "价值层级 (valueTier)", key: "valueTier", width: 12 },
  { header: "细分市场 (marketSegment)", key: "marketSegment", width: 14 },
  { header: "SMAT 类型 (smatType)", key: "smatType", width: 12 },
  { header: "成员数 (memberCount)", key: "memberCount", width: 10 },
  {
    header: "本年收入（元） (revenueToDateYuan)",
    key: "revenueToDateYuan",
    width: 16,
    style: { numFmt: "#,##0.00" },
  },
  { header: "更新时间 (updatedAt)", key: "updatedAt", width: 18 },
];

const shanghai = (date: Date, options: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hourCycle: "h23", ...options })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );

/** customers-20240301-0930.xlsx, in Asia/Shanghai time. */
export function exportFileName(now = new Date()): string {
  const p = shanghai(now, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `customers-${p.year}${p.month}${p.day}-${p.hour}${p.minute}.xlsx`;
}

function rowOf(c: Customer, names: Names) {
  const p = shanghai(new Date(c.updatedAt), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return {
    code: c.code,
    name: c.name,
    shortName: c.shortName,
    creditCode: c.creditCode,
    industrySection: c.industrySection,
    industryDivision: c.industryDivision,
    address: c.address,
    // A cross-region group's own site: the unit an import takes it back to (its owner follows).
    orgUnitCode: names.unitCodes.get(c.homeOrgUnitId ?? c.orgUnitId) ?? "",
    cluster: c.cluster,
    clusterType: zhLabel(CLUSTER_TYPE_CHOICES, c.clusterType),
    employees: c.employees,
    handsets: c.handsets,
    parentCode: c.parentId ? (names.customerCodes.get(c.parentId) ?? "") : "",
    status: zhLabel(STATUS_CHOICES, c.status),
    accountManagerUsername: c.accountManager ? (names.usernames.get(c.accountManager.id) ?? "") : "",
    customerEngineerUsername: c.customerEngineer ? (names.usernames.get(c.customerEngineer.id) ?? "") : "",
    important: c.important ? "是" : "否",
    tags: c.tags.join(";"),
    notes: c.notes,
    orgUnitName: c.orgUnitName,
    accountManagerName: c.accountManager?.name ?? "",
    customerEngineerName: c.customerEngineer?.name ?? "",
    grade: c.grade,
    valueTier: c.valueTier,
    marketSegment: c.marketSegment,
    smatType: c.smatType,
    memberCount: c.memberCount,
    revenueToDateYuan: c.revenueToDateFen / 100,
    updatedAt: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`,
  };
}

/**
 * The caller's filtered customer list, every page, as an .xlsx streamed while it is read. The first page
 * is read before anything is sent, so a bad filter or a missing permission is still a proper error.
 * The customers sheet repeats the import template's headers: an export can be edited and imported
 * again. One audit row records the filters and how many rows left the system.
 */
export async function exportCustomers(
  db: Db,
  actor: Actor,
  query: Query,
): Promise<{ fileName: string; stream: Readable; done: Promise<number> }> {
  const first = await listCustomers(db, actor, { ...query, limit: PAGE, offset: 0 });
  const fileName = exportFileName();
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Jike";
  const sheet = workbook.addWorksheet(SHEETS.customers.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...importable.map((c) => ({ header: headerOf(c), key: c.key, width: c.width ?? 14 })),
    ...EXTRA_COLUMNS,
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const names: Names = { unitCodes: new Map(), usernames: new Map(), customerCodes: new Map() };
  let rows = 0;
  // Written before the file's last bytes, so the row is there by the time the download completes.
  const audit = (complete: boolean) =>
    recordAudit(db, actor, {
      provinceId: actor.provinceId,
      action: "export",
      entityType: "customer_export",
      entityId: uuidv7(),
      after: { fileName, filters: query, rows, total: first.total, complete },
    });
  const pump = async () => {
    try {
      let page = first.items;
      for (let offset = 0; page.length > 0; ) {
        await fillNames(db, names, page);
        for (const c of page) sheet.addRow(rowOf(c, names)).commit();
        rows += page.length;
        if (page.length < PAGE) break;
        offset += PAGE;
        // By name or code the next page starts after the last row read (an index seek); other orders
        // fall back to offsets, which re-read what came before.
        const last = page[page.length - 1]!;
        const sort = query.sort ?? "name";
        const after = sort === "name" || sort === "code" ? { key: last[sort], id: last.id } : undefined;
        page = (await listCustomers(db, actor, { ...query, limit: PAGE, offset }, { after })).items;
      }
    } catch (error) {
      await audit(false);
      throw error;
    }
    await audit(true);
    sheet.commit();
    await workbook.commit();
    return rows;
  };
  const done = pump().catch((error: unknown) => {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  return { fileName, stream, done };
}
