import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipOf } from "../../../../../test/helpers/zip.ts";
import { entryBytes, ZipUnreadable, zipEntries } from "./zip.ts";

const text = (file: Buffer, name: string) => {
  const entry = zipEntries(file).get(name);
  if (!entry) throw new Error(`no ${name}`);
  return entryBytes(file, entry).toString("utf8");
};

describe("zip entries", () => {
  it("lists and inflates the parts of a workbook a spreadsheet writer made", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("客户").addRow(["湖南压测科技有限公司"]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const names = [...zipEntries(file).keys()];
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    expect(text(file, "xl/workbook.xml")).toContain('name="客户"');
  });

  it("reads stored (uncompressed) parts, UTF-8 names and archives with a trailing comment", () => {
    const file = zipOf([["说明/readme.txt", "集团客户档案"]], { store: true, comment: "exported by 某系统" });
    expect(text(file, "说明/readme.txt")).toBe("集团客户档案");
  });

  it("says a file is not a zip, or is damaged, or is password-protected", () => {
    expect(() => zipEntries(Buffer.from("code,name\nJK1,长沙\n"))).toThrow(ZipUnreadable);
    expect(() => zipEntries(Buffer.from("code,name\nJK1,长沙\n"))).toThrow(/not a zip archive/);

    const good = zipOf([["a.xml", "<a/>"]]);
    const cut = good.subarray(0, 10);
    expect(() => zipEntries(cut)).toThrow(ZipUnreadable);

    const damaged = Buffer.from(good);
    damaged.writeUInt32LE(0, 0); // the local header's signature
    expect(() => entryBytes(damaged, zipEntries(damaged).get("a.xml")!)).toThrow(/damaged/);

    // What Excel writes for a workbook with an opening password: an OLE compound file.
    const excelLocked = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    expect(() => zipEntries(excelLocked)).toThrow(/password-protected/);

    const locked = zipOf([["a.xml", "<a/>"]], { encryptedFlag: true });
    expect(() => entryBytes(locked, zipEntries(locked).get("a.xml")!)).toThrow(/password-protected/);
  });

  it("refuses a part that inflates beyond what its directory entry says (a zip bomb)", () => {
    const file = zipOf([["big.xml", "x".repeat(100_000)]]);
    const entry = { ...zipEntries(file).get("big.xml")!, size: 10 };
    expect(() => entryBytes(file, entry)).toThrow(/cannot be decompressed/);
  });
});
