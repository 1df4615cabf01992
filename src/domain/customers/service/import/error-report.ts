import ExcelJS from "exceljs";
import type { PublicImportError } from "./present.ts";

const COLUMNS = [
  { header: "工作表 Sheet", key: "sheet", width: 18 },
  { header: "行 Row", key: "row", width: 8 },
  { header: "列 Column", key: "column", width: 24 },
  { header: "值 Value", key: "value", width: 22 },
  { header: "问题 Problem", key: "message", width: 50 },
  { header: "修改建议 How to fix", key: "fix", width: 50 },
] as const;

/** The problems of a rejected file as a workbook: where each is, what is wrong, how to fix it. */
export async function buildErrorReport(input: {
  fileName: string;
  createdAt: Date;
  errors: readonly PublicImportError[];
  errorCount: number;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = input.createdAt;
  const sheet = workbook.addWorksheet("错误 Errors", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const e of input.errors) {
    sheet.addRow({
      sheet: e.sheet,
      row: e.row,
      column: e.column,
      value: e.value,
      message: e.message,
      fix: e.fix,
    });
  }
  sheet.autoFilter = { from: "A1", to: `F${Math.max(input.errors.length + 1, 1)}` };
  for (const key of ["message", "fix"] as const)
    sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };
  if (input.errorCount > input.errors.length) {
    sheet.addRow([]);
    sheet.addRow([
      `仅列出前 ${input.errors.length} 个问题（共 ${input.errorCount} 个）。Only the first ${input.errors.length} of ${input.errorCount} problems are listed.`,
    ]);
  }
  const about = workbook.addWorksheet("文件 File");
  about.addRows([
    ["文件 File", input.fileName],
    ["导入时间 Imported at", input.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })],
    ["问题数 Problems", input.errorCount],
    [
      "结果 Result",
      "未导入任何数据：修正全部问题后重新导入整个文件。Nothing was imported: fix every problem and import the whole file again.",
    ],
  ]);
  about.getColumn(1).width = 22;
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
