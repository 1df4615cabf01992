import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { type RunningServer, signIn } from "../helpers/process.ts";
import { type Journey, openJourney, signInPage } from "./browser.ts";

// A province administrator imports an archive file with two bad rows among good ones: the file is
// rejected as a whole, both problems are shown by row and column, the error report names them, and
// none of the file's customers exists afterwards.
const PASSWORD = "E2e@Pass123";
let server: RunningServer;
let journey: Journey;
/** Files the journey writes and downloads. */
let scratch: string;
let page: Page;
let upload: string;
const PREFIX = "E2EIMP";
const codes = [1, 2, 3, 4, 5].map((n) => `${PREFIX}${n}`);

/** The downloaded template with its example row replaced by five customers; rows 3 and 5 are wrong. */
async function buildUpload(template: Buffer, gridCode: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as never);
  const sheet = book.worksheets.find((s) => s.name.startsWith("客户"));
  if (!sheet) throw new Error("the template has no customers sheet");
  const column = (key: string) => {
    let found = 0;
    sheet.getRow(1).eachCell((cell, n) => {
      if (String(cell.value).includes(`(${key})`)) found = n;
    });
    if (!found) throw new Error(`the template has no ${key} column`);
    return found;
  };
  const [code, name, unit, handsets] = ["code", "name", "orgUnitCode", "handsets"].map(column) as number[];
  sheet.spliceRows(2, sheet.rowCount);
  codes.forEach((c, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(code!).value = c;
    row.getCell(name!).value = `浏览器导入测试单位${i + 1}`;
    row.getCell(unit!).value = i === 3 ? "NOPE999" : gridCode;
    row.getCell(handsets!).value = i === 1 ? "很多" : 20 + i;
    row.commit();
  });
  const file = path.join(scratch, "customers-with-two-bad-rows.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "jike-e2e-import-files-"));
  journey = await openJourney("import", PASSWORD);
  ({ server, page } = journey);
  const admin = await signIn(server.url, "hn_admin", PASSWORD);
  const template = Buffer.from(
    await (await admin.call("GET", "/api/v1/customers/import/template")).arrayBuffer(),
  );
  const grids = (await (await admin.call("GET", "/api/v1/org/units?level=grid&limit=1")).json()) as {
    items: { code: string }[];
  };
  upload = await buildUpload(template, grids.items[0]!.code);
});
afterAll(async () => {
  await journey?.close();
  rmSync(scratch, { recursive: true, force: true });
});

it("an administrator's file with two bad rows is rejected whole, with both problems and an error report", async () => {
  await signInPage(page, server.url, "hn_admin", PASSWORD);

  await page.goto(`${server.url}/customers`);
  await page.getByTestId("customer-table").waitFor();
  await page.getByTestId("import-open").click();
  const answer = page.waitForResponse(
    (r) => r.url().includes("/api/v1/customers/import") && r.request().method() === "POST",
  );
  await page.getByTestId("import-file").locator("input[type=file]").setInputFiles(upload);
  expect((await answer).status()).toBe(422);

  const result = page.locator('[data-testid="import-result"][data-outcome="rejected"]');
  await result.waitFor();
  const errors = page.getByTestId("import-errors");
  const rows = errors.locator("tbody tr.ant-table-row");
  await expect.poll(() => rows.count()).toBe(2);
  const cells = async (i: number) => (await rows.nth(i).locator("td").allInnerTexts()).map((c) => c.trim());
  expect((await cells(0)).slice(1, 4)).toEqual(["3", "手机数 (handsets)", "很多"]);
  expect((await cells(1)).slice(1, 4)).toEqual(["5", "归属组织编码 (orgUnitCode)", "NOPE999"]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("import-error-report").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = path.join(scratch, "report.xlsx");
  await download.saveAs(saved);
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(saved);
  const listed: unknown[][] = [];
  report.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) listed.push((row.values as unknown[]).slice(2, 5));
  });
  expect(listed).toEqual([
    [3, "手机数 (handsets)", "很多"],
    [5, "归属组织编码 (orgUnitCode)", "NOPE999"],
  ]);

  // Nothing of the file was imported: the list searched for its codes is empty, on the page and the API.
  await page.keyboard.press("Escape");
  await result.waitFor({ state: "detached" });
  const listed0 = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/customers?`) && r.url().includes(PREFIX),
  );
  await page.goto(`${server.url}/customers?q=${PREFIX}`);
  expect(await (await listed0).json()).toMatchObject({ total: 0 });
  await page.getByTestId("customer-table").locator(".ant-empty").waitFor();
  const api = await signIn(server.url, "hn_admin", PASSWORD);
  for (const code of codes) {
    const found = (await (await api.call("GET", `/api/v1/customers?q=${code}`)).json()) as { total: number };
    expect(found.total, code).toBe(0);
  }
});

it("a province administrator replaces last month's revenue and sees it in the months list", async () => {
  const [y, m] = new Date()
    .toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" })
    .split("-")
    .map(Number) as [number, number];
  const month = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  const file = path.join(scratch, "billing.csv");
  writeFileSync(
    file,
    `month,customer_code,product_line,group_paid_yuan,member_paid_yuan\r\n${month},JK00000001,vpmn,1200.50,0\r\n${month},JK00000002,集团专线,800,0.5\r\n`,
  );
  await page.goto(`${server.url}/customers`);
  await page.getByTestId("import-open").click();
  await page.getByRole("tab", { name: zhCN.revenueImport.tabs.revenue }).click();
  await page.getByTestId("revenue-months").waitFor();
  await page.getByTestId("revenue-import-file").locator("input[type=file]").setInputFiles(file);
  const result = page.locator('[data-testid="revenue-import-result"][data-outcome="success"]');
  await result.waitFor();
  await expect.poll(() => result.innerText()).toContain("¥2,001.00");
  const months = page.getByTestId("revenue-months");
  const row = months.locator(`tr[data-row-key="${month}"]`);
  await expect.poll(() => row.innerText()).toContain(zhCN.revenueImport.sources.import);
  expect(await row.innerText()).toContain("¥2,001.00");
});
