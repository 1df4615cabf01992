import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { uuidv7 } from "../../../platform/ids.ts";
import { shanghaiMonth } from "../../../platform/time.ts";

interface ImportError {
  sheet: string;
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
  fix: string;
}
interface Fact {
  code: string;
  product_line: string;
  group_paid_fen: number;
  member_paid_fen: number;
}

let t: TestApp;
let hnAdmin: Client;

/** Months counted back from this one in Shanghai: 1 is last month. */
const monthsAgo = (n: number) => {
  const [y, m] = shanghaiMonth().split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};
const HEADER = "month,customer_code,product_line,group_paid_yuan,member_paid_yuan";
const csv = (...lines: string[]) => Buffer.from(`${[HEADER, ...lines].join("\r\n")}\r\n`);

function upload(
  client: Client,
  fileName: string,
  content: Buffer,
  query = "",
  headers: Record<string, string> = {},
) {
  const boundary = `----jike${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request("POST", `/api/v1/revenue/import${query}`, payload, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
    ...headers,
  });
}

const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rejected = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(422);
  const body = res.json();
  expect(body.code).toBe("import_rejected");
  return body.details as { importId: string; errors: ImportError[]; errorCount: number; errorReport: string };
};

/** Every fact of a month, as the database holds it. */
const facts = (month: string) =>
  rowsOf<Fact>(
    t.database.db,
    sql`select c.code, f.product_line, f.group_paid_fen::float8 as group_paid_fen,
          f.member_paid_fen::float8 as member_paid_fen
        from revenue_fact f join customer c on c.province_id = f.province_id and c.id = f.customer_id
        where f.province_id = 43 and f.month = ${`${month}-01`}::date
        order by c.code, f.product_line`,
  );

beforeAll(async () => {
  t = await createTestApp();
  hnAdmin = await t.login("hn_admin");
});
afterAll(() => t?.close());

describe("importing a month of revenue", () => {
  const month = monthsAgo(1);
  const other = monthsAgo(2);
  const file = csv(
    `${month},JK00000001,vpmn,1200.50,300`,
    `${month},JK00000001,dedicated_line,8000,0`,
    `${month},JK00000002,group_sms,99.99,0.01`,
  );

  it("replaces the month with the file's rows and says what was there before", async () => {
    const before = await facts(month);
    const untouched = await facts(other);
    expect(before.length).toBeGreaterThan(3);
    const result = ok(await upload(hnAdmin, "billing.csv", file));
    expect(result).toMatchObject({
      dryRun: false,
      encoding: "utf-8",
      rows: 3,
      customers: 2,
      groupPaidFen: 120050 + 800000 + 9999,
      memberPaidFen: 30000 + 1,
      totalFen: 120050 + 800000 + 9999 + 30001,
    });
    expect(result.months).toEqual([
      expect.objectContaining({
        month,
        rows: 3,
        customers: 2,
        before: {
          rows: before.length,
          totalFen: before.reduce((s, f) => s + f.group_paid_fen + f.member_paid_fen, 0),
        },
        after: { rows: 3, totalFen: 960050 },
        alerts: ["rows_dropped", "total_dropped"].filter((a) =>
          a === "rows_dropped" ? before.length * 0.8 > 3 : true,
        ),
      }),
    ]);
    expect(await facts(month)).toEqual([
      { code: "JK00000001", product_line: "dedicated_line", group_paid_fen: 800000, member_paid_fen: 0 },
      { code: "JK00000001", product_line: "vpmn", group_paid_fen: 120050, member_paid_fen: 30000 },
      { code: "JK00000002", product_line: "group_sms", group_paid_fen: 9999, member_paid_fen: 1 },
    ]);
    expect(await facts(other)).toEqual(untouched);
  });

  it("changes nothing when the same file comes again", async () => {
    const first = await facts(month);
    const result = ok(await upload(hnAdmin, "billing.csv", file));
    expect(result.months[0]).toMatchObject({
      before: { rows: 3, totalFen: 960050 },
      after: { rows: 3, totalFen: 960050 },
      alerts: [],
    });
    expect(await facts(month)).toEqual(first);
  });

  it("replaces the month again with a corrected file", async () => {
    const corrected = csv(
      `${month},JK00000001,vpmn,1300,300`,
      `${month},JK00000003,ringback,10,20`,
      `${month},JK00000004,idc,5000.5,0`,
      `${month},JK00000005,voice,1,1`,
    );
    ok(await upload(hnAdmin, "billing-corrected.csv", corrected));
    expect((await facts(month)).map((f) => `${f.code}:${f.product_line}:${f.group_paid_fen}`)).toEqual([
      "JK00000001:vpmn:130000",
      "JK00000003:ringback:1000",
      "JK00000004:idc:500050",
      "JK00000005:voice:100",
    ]);
  });

  it("lists the month with its figures and who loaded it", async () => {
    const list = ok(await hnAdmin.get("/api/v1/revenue/months"));
    const row = list.items.find((m: { month: string }) => m.month === month);
    expect(row).toMatchObject({
      rows: 4,
      customers: 4,
      groupPaidFen: 130000 + 1000 + 500050 + 100,
      memberPaidFen: 30000 + 2000 + 0 + 100,
      source: "import",
      loadedBy: { id: hnAdmin.user.id },
    });
    // The seeded months are listed too, newest first.
    const months = list.items.map((m: { month: string }) => m.month);
    expect(months).toContain(other);
    expect([...months].sort().reverse()).toEqual(months);
    expect(list.items.find((m: { month: string }) => m.month === other).source).toBe("generated");
  });

  it("records one audit row per import with its counts", async () => {
    const result = ok(await upload(hnAdmin, "audited.csv", csv(`${month},JK00000006,mas,1,2`)));
    const audit = ok(await hnAdmin.get(`/api/v1/audit?entityType=import_run&entityId=${result.importId}`));
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: "import",
      source: "import",
      actorId: hnAdmin.user.id,
      after: { fileName: "audited.csv", kind: "revenue", totals: { rows: 1, customers: 1, totalFen: 300 } },
    });
    expect(audit.items[0].after.before[month]).toEqual({ rows: 4, totalFen: 663250 });
  });

  it("on a dry run compares and writes nothing", async () => {
    const before = await facts(other);
    const result = ok(
      await upload(hnAdmin, "check.csv", csv(`${other},JK00000001,vpmn,1,0`), "?dryRun=true"),
    );
    expect(result).toMatchObject({ dryRun: true, importId: null, rows: 1 });
    expect(result.months[0].before.rows).toBe(before.length);
    expect(result.months[0].alerts).toContain("rows_dropped");
    expect(await facts(other)).toEqual(before);
  });

  it("reads a GBK file with Chinese headers and product line names", async () => {
    const gbk = (hex: string) => Buffer.from(hex, "hex");
    const comma = Buffer.from(",");
    // 月份,客户编码,产品线,集团统付金额,个人付费金额 and 集团专线 in GBK.
    const header = Buffer.concat([
      gbk("d4c2b7dd"),
      comma,
      gbk("bfcdbba7b1e0c2eb"),
      comma,
      gbk("b2fac6b7cfdf"),
      comma,
      gbk("bcafcdc5cdb3b8b6bdf0b6ee"),
      comma,
      gbk("b8f6c8cbb8b6b7d1bdf0b6ee"),
      Buffer.from("\r\n"),
    ]);
    const row = Buffer.concat([
      Buffer.from(`${month},JK00000007,`),
      gbk("bcafcdc5d7a8cfdf"),
      Buffer.from(",88.8,0\r\n"),
    ]);
    const result = ok(await upload(hnAdmin, "账单.csv", Buffer.concat([header, row])));
    expect(result).toMatchObject({ encoding: "gbk", rows: 1, groupPaidFen: 8880 });
    expect(await facts(month)).toEqual([
      { code: "JK00000007", product_line: "dedicated_line", group_paid_fen: 8880, member_paid_fen: 0 },
    ]);
  });
});

describe("a file with problems", () => {
  const month = monthsAgo(3);

  it("rejects two bad rows among good ones, names both, and writes nothing", async () => {
    const before = await facts(month);
    const runs = await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from revenue_fact`);
    const details = rejected(
      await upload(
        hnAdmin,
        "two-bad.csv",
        csv(
          `${month},JK00000001,vpmn,100,0`,
          `${month},JK00000002,satellite,100,0`,
          `${month},JK00000003,vpmn,100,0`,
          `${month},JK00000004,vpmn,12.345,0`,
          `${month},JK00000005,vpmn,100,0`,
        ),
      ),
    );
    expect(details.errorCount).toBe(2);
    expect(details.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, "product_line", "satellite", "unknown_product_line"],
      [5, "group_paid_yuan", "12.345", "too_many_decimals"],
    ]);
    expect(details.errors[0]!.fix).toContain("dedicated_line");
    expect(await facts(month)).toEqual(before);
    expect(await rowsOf(t.database.db, sql`select count(*)::int as n from revenue_fact`)).toEqual(runs);

    const report = await hnAdmin.get(details.errorReport);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as never);
    const rows: unknown[][] = [];
    book.getWorksheet(1)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      [3, "product_line", "satellite"],
      [5, "group_paid_yuan", "12.345"],
    ]);
  });

  it("explains every kind of problem, in English when asked", async () => {
    const survivor = ok(await hnAdmin.get("/api/v1/customers?q=JK00000048")).items[0];
    const duplicate = ok(await hnAdmin.get("/api/v1/customers?q=JK00000047")).items[0];
    ok(
      await hnAdmin.post(`/api/v1/customers/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      }),
    );
    // A customer of another province: its code is out of this province's scope.
    await t.database.db.execute(sql`insert into customer (province_id, id, code, name, org_unit_id)
      values (44, ${uuidv7()}, 'JKHUBEI01', '湖北测试客户', ${uuidv7()})`);
    const details = rejected(
      await upload(
        hnAdmin,
        "many.csv",
        csv(
          `${month},NOSUCH001,vpmn,1,0`,
          `${month},JK00000047,vpmn,1,0`,
          `${month},JKHUBEI01,vpmn,1,0`,
          `${monthsAgo(-1)},JK00000001,vpmn,1,0`,
          `2026-13,JK00000001,vpmn,1,0`,
          `${month},JK00000001,vpmn,-5,0`,
          `${month},JK00000001,voice,1,0`,
          `${month},JK00000001,语音,1,0`,
          `${month},JK00000001,idc,1,`,
        ),
        "",
        { "accept-language": "en-US" },
      ),
    );
    const byRow = Object.fromEntries(details.errors.map((e) => [e.row, e]));
    expect(details.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "unknown_customer"],
      [3, "customer_merged"],
      [4, "customer_other_province"],
      [5, "future_month"],
      [6, "bad_month"],
      [7, "negative_amount"],
      [9, "duplicate_in_file"],
      [10, "required"],
    ]);
    expect(byRow[3]!.fix).toBe("Change the code to JK00000048");
    expect(byRow[9]!.message).toBe("Repeats row 8");
    expect(byRow[10]!.column).toBe("member_paid_yuan");
  });

  it("names a missing column once, not every row", async () => {
    const file = Buffer.from(
      `month,customer_code,group_paid_yuan,member_paid_yuan\n${month},JK00000001,1,0\n`,
    );
    const details = rejected(await upload(hnAdmin, "short.csv", file));
    expect(details.errors).toEqual([
      expect.objectContaining({ row: 1, code: "missing_column", column: "产品线 (product_line)" }),
    ]);
  });

  it("refuses a file that is not CSV before reading it", async () => {
    const res = await upload(hnAdmin, "revenue.xlsx", Buffer.from("PK"));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("import_file_unreadable");
  });
});

describe("who may import", () => {
  const file = csv(`${monthsAgo(4)},JK00000001,vpmn,1,0`);

  it("refuses staff without revenue:import, and a city manager even with it", async () => {
    const am = await t.login("am_demo");
    expect((await upload(am, "a.csv", file)).statusCode).toBe(403);
    const city = await t.login("cs_mgr");
    expect((await upload(city, "a.csv", file)).json().code).toBe("permission_denied");
    const role = ok(await hnAdmin.get("/api/v1/roles")).items.find(
      (r: { code: string }) => r.code === "city_manager",
    );
    ok(
      await hnAdmin.put("/api/v1/roles/city_manager/permissions", {
        permissions: [...role.permissions, "revenue:import"],
        version: role.version,
      }),
    );
    const res = await upload(city, "a.csv", file);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("out_of_scope");
    expect((await city.get("/api/v1/revenue/months")).statusCode).toBe(403);
  });

  it("lets a province manager import, and asks group HQ to name the province", async () => {
    const manager = await t.login("hn_mgr");
    ok(await upload(manager, "a.csv", file));
    const admin = await t.login("admin");
    const res = await upload(admin, "a.csv", file);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("province_required");
    ok(await upload(admin, "a.csv", file, "?provinceId=43"));
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/revenue/months" });
    expect(res.statusCode).toBe(401);
  });
});
