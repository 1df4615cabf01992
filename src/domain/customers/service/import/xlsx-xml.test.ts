import { describe, expect, it } from "vitest";
import type { Cell } from "./types.ts";
import { sharedStrings, unescapeXml, workbookSheets, worksheetRows } from "./xlsx-xml.ts";

const rowsOf = (xml: string, shared: string[] = []) => {
  const rows: [number, Cell[]][] = [];
  worksheetRows(xml, shared, (row, cells) => rows.push([row, cells]));
  return rows;
};
const sheet = (data: string, prefix = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:C3"/><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

describe("shared strings", () => {
  it("joins rich-text runs, leaves out phonetic guides and unescapes entities", () => {
    const xml = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
      <si><t>湖南移动</t></si>
      <si><r><rPr><b/><sz val="11"/></rPr><t>长沙</t></r><r><t xml:space="preserve"> 分公司</t></r></si>
      <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
      <si><t>A &amp; B &lt;集团&gt; &#23458;&#x6237;</t></si>
      <si/>
    </sst>`;
    expect(sharedStrings(xml)).toEqual(["湖南移动", "长沙 分公司", "東京", "A & B <集团> 客户", ""]);
  });
});

describe("worksheet rows", () => {
  it("reads each cell type Excel writes: shared, inline, number, boolean, error, formula result, date", () => {
    const xml = sheet(
      `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>行内</t></is></c><c r="C1"><v>42.5</v></c></row>` +
        `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2"><f>SUM(C1:C1)</f><v>42.5</v></c></row>` +
        `<row r="3"><c r="A3" t="str"><f>A1&amp;"x"</f><v>客户x</v></c><c r="C3" t="d"><v>2026-12-08T00:00:00Z</v></c></row>`,
    );
    expect(rowsOf(xml, ["客户"])).toEqual([
      [1, ["客户", "行内", 42.5]],
      [2, [true, "#N/A", 42.5]],
      [3, ["客户x", undefined, new Date("2026-12-08T00:00:00Z")]],
    ]);
  });

  it("places cells by their reference, and follows on without one; empty and self-closed cells stay empty", () => {
    const xml = sheet(
      `<row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c><c r="AA4" s="2"/></row><row r="7"/><row><c t="s"><v>0</v></c></row>`,
    );
    const rows = rowsOf(xml, ["后"]);
    expect(rows.map(([r]) => r)).toEqual([4, 7, 8]);
    expect(rows[0]![1].slice(0, 4)).toEqual([undefined, undefined, 3, 4]);
    expect(rows[0]![1]).toHaveLength(4);
    expect(rows[1]![1]).toEqual([]);
    expect(rows[2]![1]).toEqual(["后"]);
  });

  it("reads sheets whose elements carry a namespace prefix, and skips comments", () => {
    const xml = sheet(
      `<!-- 导出 <c r="A1"> --><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>`,
      "x:",
    );
    expect(rowsOf(xml)).toEqual([[1, ["前缀"]]]);
  });

  it("gives no rows for a sheet without data", () => {
    expect(rowsOf(sheet("").replace("<sheetData></sheetData>", "<sheetData/>"))).toEqual([]);
  });
});

describe("workbook sheets", () => {
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
    <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
  </Relationships>`;
  const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
    <sheets><sheet name="客户 &amp; Customers" sheetId="1" r:id="rId3"/><sheet name="图表" sheetId="2" r:id="rId2"/><sheet name='成员' sheetId="3" r:id="rId1"/></sheets>
  </workbook>`;

  it("lists worksheets in workbook order with the parts their relationships name, chart sheets left out", () => {
    expect(workbookSheets(workbook, rels)).toEqual([
      { name: "客户 & Customers", path: "xl/worksheets/sheet9.xml" },
      { name: "成员", path: "xl/worksheets/sheet1.xml" },
    ]);
  });

  it("unescapes numeric and named references, and leaves unknown ones as written", () => {
    expect(unescapeXml("&#x96C6;&#23458; &unknown; &amp;amp;")).toBe("集客 &unknown; &amp;");
  });
});
