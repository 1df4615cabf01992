import ExcelJS from "exceljs";
import { type Actor, requirePermission } from "../../../platform/auth/actor.ts";
import { type ColumnDef, headerOf, SHEETS } from "./import/columns.ts";
import { SHEET_KINDS } from "./import/types.ts";

/** Rows of the data sheets that carry the drop-down lists and the text format. */
const PREPARED_ROWS = 5000;
const README = "说明 README";

const GENERAL_NOTES: [zh: string, en: string][] = [
  [
    "一个文件要么全部导入，要么全部不导入：只要有一处问题，就不会写入任何数据，并列出全部问题（可下载错误报告，逐条修改后重新导入整个文件）。",
    "Files are all or nothing: with any problem nothing is written, and every problem is listed (download the error report, fix them and import the whole file again).",
  ],
  [
    "第 1 行是表头，请勿修改；从第 2 行起每行一条记录。第 2 行是示例，原样保留时导入会跳过，也可以直接删除。",
    "Row 1 holds the headers; leave it as it is. One record per row from row 2. Row 2 is an example: skipped when left untouched, or delete it.",
  ],
  ["表头为红色的列必填。", "Columns with a red header are required."],
  [
    "日期一律写成 YYYY-MM-DD（如 2024-03-01）。模板不含金额列。",
    "Write dates as YYYY-MM-DD (e.g. 2024-03-01). The template has no amount columns.",
  ],
  [
    "客户编码已存在时，这一行更新该客户；更新时空白单元格保持原值不变（要清空某项，请在客户页面修改）。",
    "An existing customer code updates that customer; empty cells keep the stored values (clear a field on the customer's page).",
  ],
  [
    "成员和关键人可以引用本文件“客户”表中的客户，也可以引用系统中您能看到的已有客户。不需要的工作表可以留空或删除。",
    "Members and key persons may refer to customers of this file or to existing customers you can see. Leave out the sheets you do not need.",
  ],
  [
    "也可以导入 CSV 文件（UTF-8 或 GBK 编码），每个 CSV 只含一种数据，导入时选择其类型；表头与本模板相同。",
    "CSV files (UTF-8 or GBK) are accepted too: one kind of record per file, chosen when importing, with the same headers.",
  ],
  ["文件最大 50 MB，每个工作表最多 200,000 行。", "Files of up to 50 MB, at most 200,000 rows per sheet."],
];

type ListValidations = { add(range: string, validation: ExcelJS.DataValidation): void };
const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1);

function addDataSheet(workbook: ExcelJS.Workbook, columns: readonly ColumnDef[], name: string) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: headerOf(c),
    key: c.key,
    width: c.width ?? Math.max(14, headerOf(c).length + 4),
    style: c.text ? { numFmt: "@" } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${c.required ? "必填 Required. " : ""}${c.help.zh}\n${c.help.en}`;
    if (c.required) cell.font = { bold: true, color: { argb: "FFC00000" } };
  });
  const example = sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  example.font = { italic: true, color: { argb: "FF808080" } };
  const validations = (sheet as unknown as { dataValidations: ListValidations }).dataValidations;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${c.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "可选值 Choices",
      error: `请从下拉列表中选择：${c.list.join("、")}`,
    });
  });
}

function addReadme(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(README);
  sheet.columns = [
    { key: "sheet", width: 18 },
    { key: "column", width: 30 },
    { key: "required", width: 10 },
    { key: "zh", width: 60 },
    { key: "en", width: 60 },
    { key: "example", width: 24 },
    { key: "choices", width: 30 },
  ];
  sheet.addRow(["集客 客户档案导入模板 · Jike customer archive import template"]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([]);
  GENERAL_NOTES.forEach(([zh, en], i) => {
    const row = sheet.addRow([`${i + 1}.`, "", "", zh, en]);
    row.alignment = { wrapText: true, vertical: "top" };
  });
  sheet.addRow([]);
  const head = sheet.addRow([
    "工作表 Sheet",
    "列 Column",
    "必填 Required",
    "说明",
    "Description",
    "示例 Example",
    "可选值 Choices",
  ]);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  for (const kind of SHEET_KINDS) {
    const def = SHEETS[kind];
    for (const c of def.columns) {
      const row = sheet.addRow([
        def.name,
        headerOf(c),
        c.required ? "是 Yes" : "",
        c.help.zh,
        c.help.en,
        c.example,
        c.list?.join("、") ?? "",
      ]);
      row.alignment = { wrapText: true, vertical: "top" };
    }
  }
}

async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jike";
  for (const kind of SHEET_KINDS) addDataSheet(workbook, SHEETS[kind].columns, SHEETS[kind].name);
  addReadme(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template never changes while the server runs, so it is built once. */
let cached: Promise<Buffer> | null = null;

/** The import template: the three archive sheets with an example row and drop-down lists, and a README. */
export function importTemplate(actor: Actor): Promise<Buffer> {
  requirePermission(actor, "customer:write");
  cached ??= buildTemplate().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export const TEMPLATE_FILE_NAME = "jike-customer-import-template.xlsx";
