import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sheetNamesByPart } from "./sheet-names.ts";

async function workbookWith(names: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const name of names) book.addWorksheet(name).addRow(["x"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("sheetNamesByPart", () => {
  it("names every worksheet part as the workbook does, Chinese and escaped characters included", async () => {
    const names = await sheetNamesByPart(await workbookWith(["客户 Customers", "成员 & <Members>", "说明"]));
    expect([...names.values()].sort()).toEqual(["客户 Customers", "成员 & <Members>", "说明"].sort());
    expect(names.get("1")).toBe("客户 Customers");
  });

  it("follows the relationships, not the order: sheet parts renumbered still get their own names", async () => {
    const zip = await JSZip.loadAsync(await workbookWith(["客户 Customers", "成员 Members"]));
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string"))
      .replace("worksheets/sheet1.xml", "worksheets/sheet9.xml")
      .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml");
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const names = await sheetNamesByPart(await zip.generateAsync({ type: "nodebuffer" }));
    expect(names.get("9")).toBe("客户 Customers");
    expect(names.get("1")).toBe("成员 Members");
  });

  it("answers no names for a file that is not a workbook, leaving the refusal to the reader", async () => {
    expect((await sheetNamesByPart(Buffer.from("这不是一个工作簿"))).size).toBe(0);
  });
});
