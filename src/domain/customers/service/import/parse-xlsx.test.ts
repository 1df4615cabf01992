import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipOf } from "../../../../../test/helpers/zip.ts";
import { ImportFileUnreadable } from "./errors.ts";
import { readWorkbook } from "./parse-xlsx.ts";
import { parseDate } from "./values.ts";
import { entryBytes, zipEntries } from "./zip.ts";

async function streamed(rows: (string | number | null)[][], useSharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings, useStyles: false });
  const sheet = writer.addWorksheet("客户 Customers");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

const read = (file: Buffer) => readWorkbook(Readable.from([file]));

describe("readWorkbook", () => {
  // The XML of a sheet arrives in inflated chunks of ~16 KB; a Chinese character split between two of
  // them must not turn into U+FFFD (exceljs's own reader does that: exceljs#2063).
  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("keeps every Chinese character of a large sheet intact (%s)", async (_kind, shared) => {
    const names = Array.from({ length: 20_000 }, (_, i) => `湖南省长沙市第${i}号测试科技有限公司`);
    const file = await streamed(
      [["客户编码 (code)", "客户名称 (name)"], ...names.map((name, i) => [`C${i}`, name])],
      shared,
    );
    const { sheets, issues } = await read(file);
    expect(issues.filter((i) => i.code !== "missing_column")).toEqual([]);
    const rows = sheets[0]!.rows;
    expect(rows).toHaveLength(names.length);
    const nameAt = sheets[0]!.index.get("name")!;
    const garbled = rows.filter((r, i) => r.cells[nameAt] !== names[i]);
    expect(garbled.map((r) => r.cells[nameAt])).toEqual([]);
    expect(rows.at(-1)!.row).toBe(names.length + 1);
  });

  it("reads numbers, booleans, dates, formulas, rich text and empty cells as plain values", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("说明 README").addRow(["ignored"]);
    const sheet = book.addWorksheet("成员 Members");
    sheet.addRow(["customerCode", "msisdn", "name", "authentic", "joinedAt", "payer"]);
    sheet.addRow([
      { richText: [{ text: "JK" }, { font: { bold: true }, text: "001" }] },
      13912345678,
      "张三 & 李四 <x>",
      true,
      new Date(Date.UTC(2024, 2, 1)),
      { formula: 'IF(1=1,"集团","个人")', result: "集团" },
    ]);
    sheet.addRow(["JK002", { formula: "13900000000+1", result: 13900000001 }, null, false]);
    sheet.addRow([]);
    const { sheets, sheetNames, issues } = await read(Buffer.from(await book.xlsx.writeBuffer()));
    expect(sheetNames).toEqual(["说明 README", "成员 Members"]);
    expect(issues).toEqual([]);
    const [first, second] = sheets[0]!.rows;
    const at = (key: string) => sheets[0]!.index.get(key)!;
    expect(first!.row).toBe(2);
    expect(first!.cells[at("customerCode")]).toBe("JK001");
    expect(first!.cells[at("msisdn")]).toBe(13912345678);
    expect(first!.cells[at("name")]).toBe("张三 & 李四 <x>");
    expect(first!.cells[at("authentic")]).toBe(true);
    expect(parseDate(first!.cells[at("joinedAt")]!)).toEqual({ ok: true, value: "2024-03-01" });
    expect(first!.cells[at("payer")]).toBe("集团");
    expect(second!.cells[at("msisdn")]).toBe(13900000001);
    expect(second!.cells[at("name")]).toBeNull();
    expect(second!.cells[at("authentic")]).toBe(false);
    expect(sheets[0]!.rows).toHaveLength(2);
  });

  it("names a second sheet of the same kind as a problem", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("客户").addRow(["code"]);
    book.addWorksheet("Customers").addRow(["code"]);
    const { issues } = await read(Buffer.from(await book.xlsx.writeBuffer()));
    expect(issues.map((i) => [i.sheet, i.code])).toContainEqual(["Customers", "duplicate_sheet"]);
  });

  it("finds each sheet by the workbook's own index, whatever order the zip holds its parts in", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("说明").addRow(["本表不导入"]);
    book.addWorksheet("客户 Customers").addRow(["客户编码 (code)", "客户名称 (name)"]);
    book.getWorksheet("客户 Customers")!.addRow(["JK1", "湖南长沙某科技有限公司"]);
    const original = Buffer.from(await book.xlsx.writeBuffer());
    const entries = zipEntries(original);
    // Worksheets first, workbook.xml last: files from some systems come so.
    const names = [...entries.keys()].sort(
      (a, b) => Number(b.includes("worksheets")) - Number(a.includes("worksheets")),
    );
    const reordered = zipOf(names.reverse().map((n) => [n, entryBytes(original, entries.get(n)!)]));
    const { sheets, sheetNames } = await read(reordered);
    expect(sheetNames).toEqual(["说明", "客户 Customers"]);
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([["客户 Customers", 1]]);
    expect(sheets[0]!.rows[0]!.cells[sheets[0]!.index.get("name")!]).toBe("湖南长沙某科技有限公司");
  });

  it("says what is wrong with a zip that is not a workbook", async () => {
    await expect(read(zipOf([["word/document.xml", "<w:document/>"]]))).rejects.toThrow(/no workbook/);
  });

  it("refuses what is not a workbook", async () => {
    await expect(read(Buffer.from("code,name\nJK1,长沙\n"))).rejects.toBeInstanceOf(ImportFileUnreadable);
  });

  it("names the reason a workbook is unreadable, so the page can say how to fix it", async () => {
    const locked = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    await expect(read(locked)).rejects.toMatchObject({ details: { field: "file", reason: "encrypted" } });
    await expect(read(Buffer.from("code,name\n"))).rejects.toMatchObject({ details: { reason: "not_zip" } });
    await expect(read(zipOf([["word/document.xml", "<w:document/>"]]))).rejects.toMatchObject({
      details: { reason: "no_workbook" },
    });
  });
});
