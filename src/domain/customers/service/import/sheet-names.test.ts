import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sheetNameOf, workbookSheets } from "./sheet-names.ts";

async function workbookWith(names: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const name of names) book.addWorksheet(name).addRow(["x"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("workbookSheets", () => {
  it("lists every worksheet with its part, Chinese and escaped characters included", async () => {
    const sheets = await workbookSheets(await workbookWith(["客户 Customers", "成员 & <Members>", "说明"]));
    expect(sheets.map((s) => s.name)).toEqual(["客户 Customers", "成员 & <Members>", "说明"]);
    expect(sheets[0]).toMatchObject({ part: "1", sheetId: "1" });
  });

  it("follows the relationships, not the order: renumbered parts keep their own names", async () => {
    const zip = await JSZip.loadAsync(await workbookWith(["客户 Customers", "成员 Members"]));
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string"))
      .replace("worksheets/sheet1.xml", "worksheets/sheet9.xml")
      .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml");
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const sheets = await workbookSheets(await zip.generateAsync({ type: "nodebuffer" }));
    expect(sheets.find((s) => s.part === "9")?.name).toBe("客户 Customers");
    expect(sheets.find((s) => s.part === "1")?.name).toBe("成员 Members");
  });

  it("lists nothing for a file that is not a workbook, leaving the refusal to the reader", async () => {
    expect(await workbookSheets(Buffer.from("这不是一个工作簿"))).toEqual([]);
  });
});

describe("sheetNameOf", () => {
  const sheets = [
    { name: "客户 Customers", sheetId: "1", part: "1" },
    { name: "Sheet2", sheetId: "2", part: "3" },
    { name: "成员 Members", sheetId: "5", part: "2" },
  ];
  it("keeps the name the streaming reader matched", () => {
    expect(sheetNameOf({ name: "成员 Members", id: 5 }, sheets)).toBe("成员 Members");
    // A sheet really called "Sheet2" (sheetId 2) stays so, though part 2 holds another sheet.
    expect(sheetNameOf({ name: "Sheet2", id: 2 }, sheets)).toBe("Sheet2");
  });
  it("names from the workbook a sheet the reader left with its default Sheet<part>", () => {
    expect(sheetNameOf({ name: "Sheet1", id: "1" }, sheets)).toBe("客户 Customers");
    expect(sheetNameOf({ name: "Sheet3", id: "3" }, sheets)).toBe("Sheet2");
  });
  it("keeps the reader's name when the workbook cannot be read", () => {
    expect(sheetNameOf({ name: "Sheet1", id: "1" }, [])).toBe("Sheet1");
  });
});
