import type { Readable } from "node:stream";
import { PRODUCT_LINES } from "../../rules/product-lines.ts";
import { matchColumn } from "../import/columns.ts";
import { ImportFileTooLarge, ImportFileUnreadable } from "../import/errors.ts";
import { CharsetDecoder, csvRecordStream, MixedEncoding, type TextEncoding } from "../import/parse-csv.ts";
import type { IssueSink } from "../import/row-reader.ts";
import { parseCode } from "../import/values.ts";
import { choiceLookup, normaliseChoice, PRODUCT_LINE_CHOICES } from "../import/vocabulary.ts";
import { REVENUE_COLUMNS, type RevenueColumn, revenueHeader } from "./columns.ts";
import { parseMonth, parseYuan } from "./values.ts";

/** Three months of the largest province (200,000 customers × 3 lines) fit; more is a mistake. */
export const MAX_REVENUE_ROWS = 2_000_000;

/**
 * The rows of a billing export, held by column (numbers in arrays, each code and month stored once):
 * 600,000 rows take a few dozen megabytes instead of hundreds as objects.
 */
export interface RevenueFile {
  encoding: TextEncoding;
  /** Distinct customer codes; `customer[i]` indexes them. */
  codes: string[];
  /** Distinct months, 'YYYY-MM'; `month[i]` indexes them. */
  months: string[];
  /** Header text as the file spells it, by column key. */
  headers: Map<RevenueColumn["key"], string>;
  rowNumber: number[];
  customer: number[];
  month: number[];
  /** Index into PRODUCT_LINES. */
  line: number[];
  groupFen: number[];
  memberFen: number[];
}

const LINE_LOOKUP = choiceLookup(PRODUCT_LINE_CHOICES);
const LINE_INDEX = new Map<string, number>(PRODUCT_LINES.map((line, i) => [line, i]));
const ALLOWED_ZH = PRODUCT_LINES.map((l) => `${l}（${PRODUCT_LINE_CHOICES[l].zh}）`).join("、");
const ALLOWED_EN = PRODUCT_LINES.join(", ");

/**
 * Reads a CSV export as it streams in, checking each row on its own (month, product line, amounts,
 * repeats inside the file) and filing every problem; customer codes are checked afterwards, in batches.
 */
export async function readRevenueFile(
  input: { fileName: string; source: Readable; latestMonth: string },
  sink: IssueSink,
): Promise<RevenueFile> {
  if (!/\.(csv|txt)$/i.test(input.fileName)) {
    throw new ImportFileUnreadable("a billing export is a .csv file: in Excel, save it as CSV UTF-8 or CSV");
  }
  const file: RevenueFile = {
    encoding: "utf-8",
    codes: [],
    months: [],
    headers: new Map(),
    rowNumber: [],
    customer: [],
    month: [],
    line: [],
    groupFen: [],
    memberFen: [],
  };
  const codeIndex = new Map<string, number>();
  const monthIndex = new Map<string, number>();
  const firstRow = new Map<number, number>();
  let positions: number[] | null = null;
  let row = 0;
  let overflow = false;
  // Without every column the rows cannot be read; the header's problems say what to add.
  let headerComplete = false;
  const issue = (
    key: RevenueColumn["key"] | "",
    code: string,
    params: Record<string, string | number> = {},
    value = "",
  ) =>
    sink.push({
      sheet: input.fileName,
      row,
      column: key
        ? (file.headers.get(key) ?? revenueHeader(REVENUE_COLUMNS.find((c) => c.key === key)!))
        : "",
      field: key,
      value,
      personal: false,
      code,
      params,
    });

  const bindHeader = (cells: string[]) => {
    positions = REVENUE_COLUMNS.map(() => -1);
    cells.forEach((text, position) => {
      const column = matchColumn(REVENUE_COLUMNS, text);
      if (!column) return;
      const i = REVENUE_COLUMNS.indexOf(column);
      if (positions![i]! >= 0) {
        issue(column.key, "duplicate_column", {}, text.trim());
        return;
      }
      positions![i] = position;
      file.headers.set(column.key, text.trim());
    });
    for (const [i, column] of REVENUE_COLUMNS.entries()) {
      if (positions[i]! < 0) issue(column.key, "missing_column");
    }
  };

  const readRow = (cells: string[], at: readonly number[]) => {
    const text = (i: number): string => (cells[at[i]!] ?? "").trim();
    const [monthText, codeText, lineText, groupText, memberText] = [
      text(0),
      text(1),
      text(2),
      text(3),
      text(4),
    ];
    if (!monthText && !codeText && !lineText && !groupText && !memberText) return;
    if (file.rowNumber.length >= MAX_REVENUE_ROWS) {
      if (!overflow) issue("", "too_many_rows", { max: MAX_REVENUE_ROWS });
      overflow = true;
      return;
    }
    let ok = true;
    const month = parseMonth(monthText, input.latestMonth);
    if (!month.ok) {
      issue("month", month.code, month.params, monthText);
      ok = false;
    }
    const code = parseCode(codeText);
    if (!code.ok || code.value === null) {
      issue("customerCode", codeText ? "bad_code" : "required", {}, codeText);
      ok = false;
    }
    const line = lineText ? LINE_LOOKUP.get(normaliseChoice(lineText)) : undefined;
    if (!line) {
      if (lineText)
        issue(
          "productLine",
          "unknown_product_line",
          { value: lineText, allowedZh: ALLOWED_ZH, allowedEn: ALLOWED_EN },
          lineText,
        );
      else issue("productLine", "required");
      ok = false;
    }
    const group = parseYuan(groupText);
    if (!group.ok) {
      issue("groupPaidYuan", group.code, group.params, groupText);
      ok = false;
    }
    const member = parseYuan(memberText);
    if (!member.ok) {
      issue("memberPaidYuan", member.code, member.params, memberText);
      ok = false;
    }
    if (!ok || !month.ok || !code.ok || !line || !group.ok || !member.ok) return;
    let c = codeIndex.get(code.value!);
    if (c === undefined) {
      c = file.codes.push(code.value!) - 1;
      codeIndex.set(code.value!, c);
    }
    let m = monthIndex.get(month.value);
    if (m === undefined) {
      m = file.months.push(month.value) - 1;
      monthIndex.set(month.value, m);
    }
    const l = LINE_INDEX.get(line)!;
    // One number per (customer, month, line): codes and months are far fewer than 2^21 and 2^12.
    const key = (c * 4096 + m) * 16 + l;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      issue("customerCode", "duplicate_in_file", { firstRow: earlier }, codeText);
      return;
    }
    firstRow.set(key, row);
    file.rowNumber.push(row);
    file.customer.push(c);
    file.month.push(m);
    file.line.push(l);
    file.groupFen.push(group.value);
    file.memberFen.push(member.value);
  };

  const decoder = new CharsetDecoder();
  const truncated = () => (input.source as Readable & { truncated?: boolean }).truncated === true;
  try {
    for await (const records of csvRecordStream(input.source, decoder)) {
      for (const cells of records) {
        row++;
        if (positions) {
          if (headerComplete) readRow(cells, positions);
        } else if (cells.some((c) => c.trim() !== "")) {
          bindHeader(cells);
          headerComplete = positions!.every((p) => p >= 0);
        }
      }
    }
  } catch (error) {
    if (truncated()) throw new ImportFileTooLarge();
    if (error instanceof MixedEncoding) throw new ImportFileUnreadable(error.message);
    throw error;
  }
  if (truncated()) throw new ImportFileTooLarge();
  if (!positions) {
    row = 1;
    bindHeader([]);
  }
  if (file.rowNumber.length === 0 && sink.count === 0) {
    row = 1;
    issue("", "no_rows");
  }
  file.encoding = decoder.encoding ?? "utf-8";
  return file;
}
