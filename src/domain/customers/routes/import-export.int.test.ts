import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { multipartFile } from "../../../../test/helpers/multipart.ts";
import { creditCodeCheckChar } from "../rules/archive.ts";

type Row = (string | number | null)[];
interface Customer {
  id: string;
  code: string;
  name: string;
  status: string;
  tags: string[];
  handsets: number | null;
  parentId: string | null;
  accountManager: { id: string } | null;
  customerEngineer: { id: string } | null;
  version: number;
}
interface ImportError {
  sheet: string;
  row: number;
  column: string;
  field: string;
  value: string;
  code: string;
  message: string;
  fix: string;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CUSTOMERS = [
  "客户编码 (code)",
  "客户名称 (name)",
  "统一社会信用代码 (creditCode)",
  "行业门类 (industrySection)",
  "行业大类 (industryDivision)",
  "归属组织编码 (orgUnitCode)",
  "手机数 (handsets)",
  "上级集团编码 (parentCode)",
  "状态 (status)",
  "客户经理用户名 (accountManagerUsername)",
  "客户工程师用户名 (customerEngineerUsername)",
  "重要客户 (important)",
  "标签 (tags)",
];
const MEMBERS = [
  "客户编码 (customerCode)",
  "手机号码 (msisdn)",
  "成员姓名 (name)",
  "付费方式 (payer)",
  "实名核实 (authentic)",
  "入网日期 (joinedAt)",
];
const CONTACTS = [
  "客户编码 (customerCode)",
  "姓名 (name)",
  "职务 (title)",
  "级别 (rank)",
  "决策角色 (decisionRole)",
  "手机 (mobile)",
  "关系强度 (relationshipStrength)",
];

let t: TestApp;
let admin: Client;
let hnAdmin: Client;
let amUsername: string;
let ceUsername: string;

let serial = 0;
const creditCode = () => {
  const first17 = `91430100MA${String(++serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
let phone = 0;
/** Numbers in a range the seed never draws (199 is not among its prefixes). */
const freshMsisdn = () => `199${String(++phone).padStart(8, "0")}`;
const uniqueCode = (prefix: string) => `${prefix}${randomBytes(3).toString("hex").toUpperCase()}`;

async function workbook(sheets: Record<string, Row[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readWorkbook(body: Buffer | string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.isBuffer(body) ? (body as never) : (Buffer.from(body, "binary") as never));
  return book;
}

const sheetRows = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

function upload(
  client: Client,
  fileName: string,
  content: Buffer,
  query = "",
  headers: Record<string, string> = {},
) {
  const { payload, contentType } = multipartFile(fileName, content);
  return client.request("POST", `/api/v1/customers/import${query}`, payload, {
    "content-type": contentType,
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

const total = async (client: Client, query = "") =>
  ok(await client.get(`/api/v1/customers?limit=1${query}`)).total;
const byCode = async (code: string): Promise<Customer | undefined> =>
  (ok(await admin.get(`/api/v1/customers?q=${code}`)).items as Customer[]).find((c) => c.code === code);
/** Raw binary of a download: inject hands it over as rawPayload. */
const bytes = (res: LightMyRequestResponse) => res.rawPayload;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  hnAdmin = await t.login("hn_admin");
  const role = async (r: string) => ok(await admin.get(`/api/v1/users?role=${r}&limit=1`)).items[0].username;
  amUsername = await role("account_manager");
  ceUsername = await role("customer_engineer");
});
afterAll(() => t.close());

describe("the import template", () => {
  it("downloads with the three sheets, Chinese headers with keys, an example row, lists and a README", async () => {
    const res = await hnAdmin.get("/api/v1/customers/import/template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+\.xlsx"/);
    const book = await readWorkbook(bytes(res));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "客户 Customers",
      "成员 Members",
      "关键人 Key persons",
      "说明 README",
    ]);
    const customers = book.getWorksheet("客户 Customers")!;
    const header = (customers.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe("客户编码 (code)");
    expect(header).toContain("归属组织编码 (orgUnitCode)");
    expect(customers.getRow(2).getCell(1).value).toBe("JK20240001");
    const status = header.indexOf("状态 (status)") + 1;
    expect(customers.getRow(3).getCell(status).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"潜在,在网,预警,流失,赢回"'],
    });
    const contacts = book.getWorksheet("关键人 Key persons")!;
    const roleColumn = (contacts.getRow(1).values as string[]).indexOf("决策角色 (decisionRole)");
    expect(contacts.getRow(2).getCell(roleColumn).dataValidation?.type).toBe("list");
    const readme = sheetRows(book.getWorksheet("说明 README")!).map((r) => r.join(" "));
    expect(readme.some((line) => line.includes("全部不导入") && line.includes("all or nothing"))).toBe(true);
    expect(readme.some((line) => line.includes("YYYY-MM-DD"))).toBe(true);
    expect(readme.some((line) => line.includes("决策角色 (decisionRole)") && line.includes("是 Yes"))).toBe(
      true,
    );
  });

  it("imports cleanly once a row is filled in, skipping the untouched example rows", async () => {
    const book = await readWorkbook(bytes(await hnAdmin.get("/api/v1/customers/import/template")));
    const code = uniqueCode("TPL");
    const msisdn = freshMsisdn();
    const fill = (name: string, values: Record<string, string>) => {
      const sheet = book.getWorksheet(name)!;
      const keys = (sheet.getRow(1).values as string[]).map((h) => /\((\w+)\)$/.exec(h ?? "")?.[1]);
      // Index 0 stays undefined: exceljs then reads the array as 1-based, like `row.values`.
      sheet.getRow(3).values = keys.map((k) => (k ? (values[k] ?? null) : undefined));
    };
    fill("客户 Customers", { code, name: "模板导入测试有限公司", orgUnitCode: "430101G1", status: "潜在" });
    fill("成员 Members", { customerCode: code, msisdn, payer: "集团", authentic: "是" });
    fill("关键人 Key persons", { customerCode: code, name: "钱七", decisionRole: "决策者", rank: "处" });
    const result = ok(await upload(hnAdmin, "模板.xlsx", Buffer.from(await book.xlsx.writeBuffer())));
    expect(result).toMatchObject({
      provinceId: 43,
      created: { customers: 1, members: 1, contacts: 1 },
      updated: { customers: 0, members: 0, contacts: 0 },
    });
    const created = (await byCode(code))!;
    expect(created).toMatchObject({ name: "模板导入测试有限公司", status: "potential" });
    expect(await byCode("JK20240001")).toBeUndefined();
    // The new archive is checked against the others in the background.
    const scans = (await hnAdmin.get("/api/v1/jobs?kind=customers.duplicate_scan")).json();
    expect(scans.total).toBeGreaterThanOrEqual(1);
    expect(scans.items[0].requestedBy.id).toBe(hnAdmin.user.id);
  });

  it("is refused to staff who may not import", async () => {
    const agent = await t.login("agent_demo");
    expect((await agent.get("/api/v1/customers/import/template")).statusCode).toBe(403);
  });
});

describe("importing a workbook", () => {
  const code = uniqueCode("IMP");
  const child = `${code}C`;
  const msisdns = [freshMsisdn(), freshMsisdn(), freshMsisdn()];
  let file: Buffer;
  let fileRows: { customers: Row[]; members: Row[]; contacts: Row[] };

  beforeAll(async () => {
    fileRows = {
      customers: [
        CUSTOMERS,
        [
          code,
          "湖南导入集团有限公司",
          creditCode(),
          "I",
          "65",
          "430101G1",
          120,
          null,
          "在网",
          amUsername,
          ceUsername,
          "是",
          "top500_taxpayer；楼宇",
        ],
        [
          child,
          "湖南导入集团长沙分公司",
          null,
          "I",
          "64",
          "430101G2",
          30,
          code,
          "潜在",
          null,
          null,
          "否",
          null,
        ],
      ],
      members: [
        MEMBERS,
        [code, msisdns[0]!, "孙一", "集团", "是", "2024-03-01"],
        [code, msisdns[1]!, "孙二", "个人", "否", null],
        [child, msisdns[2]!, null, null, null, null],
      ],
      contacts: [
        CONTACTS,
        [code, "周局长", "局长", "厅局", "决策者", "13812340001", 5],
        [code, "吴主任", "信息中心主任", "处", "技术负责人", null, 3],
      ],
    };
    file = await workbook({
      "客户 Customers": fileRows.customers,
      "成员 Members": fileRows.members,
      "关键人 Key persons": fileRows.contacts,
      "说明 README": [["anything here is ignored"]],
    });
  });

  it("writes customers, lines and key persons, with status history and one audit row", async () => {
    const before = await total(admin);
    const result = ok(await upload(hnAdmin, "archive.xlsx", file));
    expect(result).toMatchObject({
      created: { customers: 2, members: 3, contacts: 2 },
      updated: { customers: 0, members: 0, contacts: 0 },
    });
    expect(await total(admin)).toBe(before + 2);

    const parent = (await byCode(code))!;
    const sub = (await byCode(child))!;
    expect(parent).toMatchObject({ name: "湖南导入集团有限公司", status: "active", handsets: 120 });
    expect(parent.tags).toEqual(["top500_taxpayer", "楼宇"]);
    expect(parent.accountManager).not.toBeNull();
    expect(parent.customerEngineer).not.toBeNull();
    expect(sub).toMatchObject({ status: "potential", parentId: parent.id });

    const members = ok(await admin.get(`/api/v1/customers/${parent.id}/members`));
    expect(members.total).toBe(2);
    expect(members.items.find((m: { msisdn: string }) => m.msisdn === msisdns[0])).toMatchObject({
      name: "孙一",
      payer: "group",
      authentic: true,
      joinedAt: "2024-03-01",
    });
    const contacts = ok(await admin.get(`/api/v1/customers/${parent.id}/contacts`));
    expect(contacts.items.map((c: { name: string }) => c.name).sort()).toEqual(["吴主任", "周局长"]);
    expect(contacts.items.find((c: { name: string }) => c.name === "周局长")).toMatchObject({
      rank: "bureau",
      vipCard: "diamond",
      decisionRole: "decision_maker",
      mobile: "13812340001",
    });

    const overview = ok(await admin.get(`/api/v1/customers/${parent.id}/overview`));
    expect(overview.statusHistory).toHaveLength(1);
    expect(overview.statusHistory[0]).toMatchObject({ fromStatus: null, toStatus: "active" });

    const audit = ok(await admin.get(`/api/v1/audit?action=import&entityId=${result.importId}`));
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      entityType: "import_run",
      source: "import",
      after: { fileName: "archive.xlsx", created: { customers: 2, members: 3, contacts: 2 } },
    });
    const runs = ok(await hnAdmin.get("/api/v1/customers/imports?limit=5"));
    expect(runs.items[0]).toMatchObject({
      id: result.importId,
      status: "accepted",
      kind: "workbook",
      fileName: "archive.xlsx",
      errorReport: null,
      counts: { rows: { customers: 2, members: 3, contacts: 2 } },
    });
  });

  it("updates on a second import instead of duplicating, and leaves unchanged rows alone", async () => {
    const before = await total(admin);
    const again = ok(await upload(hnAdmin, "archive.xlsx", file));
    expect(again).toMatchObject({
      created: { customers: 0, members: 0, contacts: 0 },
      updated: { customers: 0, members: 0, contacts: 0 },
      unchanged: { customers: 2, members: 3, contacts: 2 },
    });
    const parent = (await byCode(code))!;

    const edited = structuredClone(fileRows);
    edited.customers[1]![6] = 150;
    edited.members[2]![4] = "是";
    edited.contacts[2]![6] = 4;
    const changed = ok(
      await upload(
        hnAdmin,
        "archive.xlsx",
        await workbook({
          "客户 Customers": edited.customers,
          "成员 Members": edited.members,
          "关键人 Key persons": edited.contacts,
        }),
      ),
    );
    expect(changed).toMatchObject({
      created: { customers: 0, members: 0, contacts: 0 },
      updated: { customers: 1, members: 1, contacts: 1 },
      unchanged: { customers: 1, members: 2, contacts: 1 },
    });
    expect(await total(admin)).toBe(before);
    const after = (await byCode(code))!;
    expect(after.handsets).toBe(150);
    expect(after.version).toBe(parent.version + 1);
    expect(ok(await admin.get(`/api/v1/customers/${parent.id}/contacts`)).total).toBe(2);
    const lines = ok(await admin.get(`/api/v1/customers/${parent.id}/members?q=${msisdns[1]}`));
    expect(lines.items[0]).toMatchObject({ authentic: true });
  });
});

describe("refusing a file with problems", () => {
  let details: Awaited<ReturnType<typeof rejected>>;
  const good = uniqueCode("OK");

  it("lists both bad rows with their row numbers and columns, and imports nothing", async () => {
    const before = await total(admin);
    const valid = creditCode();
    const badCredit = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
    const file = await workbook({
      "客户 Customers": [
        CUSTOMERS,
        [good, "正常的一行有限公司", null, null, null, "430101G1", null, null, null, null, null, null, null],
        [
          uniqueCode("BAD"),
          "信用代码有误有限公司",
          badCredit,
          null,
          null,
          "430101G1",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          uniqueCode("BAD"),
          "组织编码有误有限公司",
          null,
          null,
          null,
          "439999G9",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
      ],
      "成员 Members": [MEMBERS, [good, freshMsisdn(), null, null, null, null]],
    });
    details = rejected(await upload(hnAdmin, "有问题的文件.xlsx", file));
    expect(details.errorCount).toBe(2);
    expect(details.errors.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([
      {
        sheet: "客户 Customers",
        row: 3,
        column: "统一社会信用代码 (creditCode)",
        code: "credit_check_digit",
      },
      { sheet: "客户 Customers", row: 4, column: "归属组织编码 (orgUnitCode)", code: "unknown_org_unit" },
    ]);
    expect(details.errors[1]).toMatchObject({
      value: "439999G9",
      message: "找不到组织编码 439999G9",
      fix: "填写系统中的组织编码（网格或区县），如 430101G1",
    });
    expect(details.errorReport).toBe(`/api/v1/customers/imports/${details.importId}/errors.xlsx`);
    expect(await total(admin)).toBe(before);
    expect(await byCode(good)).toBeUndefined();
  });

  it("answers in English when the browser asks for it", async () => {
    const file = await workbook({
      Customers: [CUSTOMERS, ["E1", "English message test", null, null, null, "439999G9"]],
    });
    const en = rejected(await upload(hnAdmin, "en.xlsx", file, "", { "accept-language": "en-US,en;q=0.9" }));
    expect(en.errors[0]).toMatchObject({ message: "No org unit has the code 439999G9" });
  });

  it("keeps the error report for download, for the importer and readers of the province", async () => {
    const res = await hnAdmin.get(details.errorReport);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const rows = sheetRows((await readWorkbook(bytes(res))).worksheets[0]!);
    expect(rows[0]).toEqual([
      "工作表 Sheet",
      "行 Row",
      "列 Column",
      "值 Value",
      "问题 Problem",
      "修改建议 How to fix",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      [3, "统一社会信用代码 (creditCode)"],
      [4, "归属组织编码 (orgUnitCode)"],
    ]);
    expect(rows[2]![4]).toBe("找不到组织编码 439999G9");
    expect(String(rows[1]![5])).toContain("营业执照");

    const reader = await t.login("agent_demo");
    expect((await reader.get(details.errorReport)).statusCode).toBe(200);
    const stranger = await t.login("am_demo");
    expect((await stranger.get(details.errorReport)).statusCode).toBe(404);
    expect((await hnAdmin.get("/api/v1/customers/imports/not-a-uuid/errors.xlsx")).statusCode).toBe(404);

    const runs = ok(await hnAdmin.get("/api/v1/customers/imports?limit=50"));
    expect(runs.items.find((r: { id: string }) => r.id === details.importId)).toMatchObject({
      status: "rejected",
      errorCount: 2,
      errorReport: details.errorReport,
    });
  });

  it("refuses codes and lines repeated in the file, and lines of another group", async () => {
    const seeded = (ok(await admin.get("/api/v1/customers?limit=1&sort=code")).items as Customer[])[0]!;
    const line = ok(await admin.get(`/api/v1/customers/${seeded.id}/members?limit=1`)).items[0]
      .msisdn as string;
    const code = uniqueCode("DUP");
    const msisdn = freshMsisdn();
    const file = await workbook({
      "客户 Customers": [
        CUSTOMERS,
        [code, "重复编码甲有限公司", null, null, null, "430101G1"],
        [code, "重复编码乙有限公司", null, null, null, "430101G1"],
      ],
      "成员 Members": [MEMBERS, [code, msisdn], [code, msisdn], [code, line]],
    });
    const found = rejected(await upload(hnAdmin, "dups.xlsx", file));
    expect(found.errors.map((e) => [e.sheet, e.row, e.field, e.code])).toEqual([
      ["客户 Customers", 3, "code", "duplicate_in_file"],
      ["成员 Members", 3, "msisdn", "duplicate_in_file"],
      ["成员 Members", 4, "msisdn", "msisdn_in_group"],
    ]);
    expect(found.errors[2]!.message).toContain(seeded.code);
  });

  it("refuses org units outside the importer's scope, and makes an account manager the owner", async () => {
    const am = await t.login("am_demo");
    const inside = uniqueCode("AM");
    const outside = uniqueCode("AMX");
    const before = await total(admin);
    const file = await workbook({
      Customers: [
        ["code", "name", "orgUnitCode", "accountManagerUsername"],
        [inside, "客户经理自己的客户", "430101G1", amUsername],
        [outside, "别的县的客户", "430102G1", null],
      ],
    });
    const found = rejected(await upload(am, "am.xlsx", file));
    expect(found.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "orgUnitCode", "org_unit_out_of_scope"],
    ]);
    expect(await total(admin)).toBe(before);

    const fixed = await workbook({
      Customers: [
        ["code", "name", "orgUnitCode", "accountManagerUsername"],
        [inside, "客户经理自己的客户", "430101G1", amUsername],
      ],
    });
    ok(await upload(am, "am.xlsx", fixed));
    expect((await byCode(inside))!.accountManager?.id).toBe(am.user.id);
    // An account manager sees their own runs only.
    const runs = ok(await am.get("/api/v1/customers/imports"));
    expect(runs.items.every((r: { createdBy: { id: string } }) => r.createdBy.id === am.user.id)).toBe(true);
  });

  it("answers 403 to staff without customer:write, and 400 to uploads that are not archive files", async () => {
    const agent = await t.login("agent_demo");
    expect((await upload(agent, "x.xlsx", await workbook({ Customers: [CUSTOMERS] }))).statusCode).toBe(403);
    const notZip = await upload(hnAdmin, "broken.xlsx", Buffer.from("not a zip at all"));
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().code).toBe("import_file_unreadable");
    expect((await upload(hnAdmin, "old.xls", Buffer.from("x"))).json().code).toBe("import_file_unreadable");
    const none = await hnAdmin.post("/api/v1/customers/import", { file: "x" });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe("import_file_missing");
    const empty = rejected(await upload(hnAdmin, "empty.xlsx", await workbook({ Sheet1: [["a"]] })));
    expect(empty.errors[0]!.code).toBe("no_sheets");
  });
});

describe("importing CSV", () => {
  it("reads GBK, the encoding Chinese Excel saves CSV in, also for HQ staff", async () => {
    const code = uniqueCode("GBK");
    // 客户编码 = BF CD BB A7 B1 E0 C2 EB, 客户名称 = BF CD BB A7 C3 FB B3 C6, 中文客户 = D6 D0 CE C4 BF CD BB A7.
    const csv = Buffer.concat([
      Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xc2, 0xeb]),
      Buffer.from(","),
      Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6]),
      Buffer.from(",orgUnitCode\r\n"),
      Buffer.from(`${code},`),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xbf, 0xcd, 0xbb, 0xa7]),
      Buffer.from(",430101G1\r\n"),
    ]);
    // HQ staff import too: the province is the one the file's org units belong to.
    const result = ok(await upload(admin, "customers.csv", csv, "?kind=customers"));
    expect(result.created.customers).toBe(1);
    expect((await byCode(code))!.name).toBe("中文客户");
  });

  it("reads UTF-8 with a byte-order mark, quoted fields and line breaks, for the kind asked", async () => {
    const code = uniqueCode("U8");
    ok(
      await upload(
        hnAdmin,
        "c.csv",
        Buffer.from(`code,name,orgUnitCode,notes\n${code},"长沙,UTF-8 客户",430101G1,"第一行\n第二行"\n`),
      ),
    );
    const customer = (await byCode(code))!;
    expect(customer.name).toBe("长沙,UTF-8 客户");
    const msisdn = freshMsisdn();
    const members = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        `客户编码 (customerCode),手机号码 (msisdn),成员姓名 (name)\r\n${code},${msisdn},"周""小""八"\r\n`,
      ),
    ]);
    expect(ok(await upload(hnAdmin, "m.csv", members, "?kind=members")).created.members).toBe(1);
    const line = ok(await admin.get(`/api/v1/customers/${customer.id}/members`)).items[0];
    expect(line).toMatchObject({ msisdn, name: '周"小"八' });

    const again = ok(await upload(hnAdmin, "m.csv", members, "?kind=members"));
    expect(again).toMatchObject({ created: { members: 0 }, unchanged: { members: 1 } });
  });
});

describe("owners set by a file", () => {
  it("keeps an assignment-history row when a file gives a customer its account manager or moves it", async () => {
    const code = uniqueCode("AM");
    const file = (am: string) =>
      Buffer.from(`code,name,orgUnitCode,accountManagerUsername\n${code},导入分配测试客户,430101G1,${am}\n`);
    ok(await upload(hnAdmin, "owner.csv", file("am_demo"), "?kind=customers"));
    const customer = (await byCode(code))!;
    const history = async () =>
      ok(await admin.get(`/api/v1/customers/${customer.id}/assignments`)).items as {
        fromAccountManager: { name: string } | null;
        toAccountManager: { name: string } | null;
        reason: string;
      }[];
    const first = await history();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ fromAccountManager: null, reason: "imported: owner.csv" });
    expect(first[0]!.toAccountManager).not.toBeNull();

    // The same file again moves nothing; another owner adds one row.
    ok(await upload(hnAdmin, "owner.csv", file("am_demo"), "?kind=customers"));
    expect(await history()).toHaveLength(1);
    const amUsers = ok(await admin.get("/api/v1/users?role=account_manager&limit=5")).items as {
      username: string;
    }[];
    const other = amUsers.find((u) => u.username !== "am_demo")!;
    ok(await upload(hnAdmin, "owner2.csv", file(other.username), "?kind=customers"));
    const moved = await history();
    expect(moved).toHaveLength(2);
  });
});

describe("exporting customers", () => {
  it("streams the filtered list as .xlsx, every row of it, and audits the export", async () => {
    const cs = await t.login("cs_mgr");
    const query = "status=active,potential&sort=code";
    const res = await cs.get(`/api/v1/customers/export?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toMatch(/filename="customers-\d{8}-\d{4}\.xlsx"/);
    const sheet = (await readWorkbook(bytes(res))).getWorksheet("客户 Customers")!;
    const rows = sheetRows(sheet);
    const expected = await total(cs, `&${query}`);
    expect(expected).toBeGreaterThan(0);
    expect(rows.length - 1).toBe(expected);
    const header = rows[0] as string[];
    expect(header[0]).toBe("客户编码 (code)");
    const revenue = header.indexOf("本年收入（元） (revenueToDateYuan)");
    const first = (
      ok(await cs.get(`/api/v1/customers?limit=1&${query}`)).items as (Customer & {
        revenueToDateFen: number;
      })[]
    )[0]!;
    expect(rows[1]![0]).toBe(first.code);
    expect(rows[1]![revenue]).toBeCloseTo(first.revenueToDateFen / 100, 2);
    expect(sheet.getRow(2).getCell(revenue + 1).numFmt).toBe("#,##0.00");

    const audit = ok(await admin.get("/api/v1/audit?action=export&entityType=customer_export"));
    expect(audit.items[0]).toMatchObject({
      actorId: cs.user.id,
      after: { rows: expected, complete: true, filters: { status: ["active", "potential"], sort: "code" } },
    });
  });

  it("re-imports its own export without changing anything", async () => {
    const res = await admin.get(`/api/v1/customers/export?orgUnitId=${await unitId("430101")}`);
    expect(res.statusCode).toBe(200);
    const exported = sheetRows((await readWorkbook(bytes(res))).worksheets[0]!).length - 1;
    const result = ok(await upload(hnAdmin, "export.xlsx", bytes(res)));
    expect(result.created.customers).toBe(0);
    expect(result.updated.customers).toBe(0);
    expect(result.unchanged.customers).toBe(exported);
  });

  it("answers 403 to staff without customer access and 404 for an org unit outside the scope", async () => {
    const cm = await t.login("cm01");
    expect((await cm.get("/api/v1/customers/export")).statusCode).toBe(403);
    const cs = await t.login("cs_mgr");
    expect((await cs.get(`/api/v1/customers/export?orgUnitId=${await unitId("4302")}`)).statusCode).toBe(404);
  });
});

async function unitId(code: string): Promise<string> {
  const units = ok(await admin.get(`/api/v1/org/units?q=${code}&limit=200`)).items as {
    id: string;
    code: string;
  }[];
  const found = units.find((u) => u.code === code);
  if (!found) throw new Error(`no unit ${code}`);
  return found.id;
}
