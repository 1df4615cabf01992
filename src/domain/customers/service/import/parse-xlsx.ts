import { createRequire } from "node:module";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { SheetCollector, sheetKindOf } from "./columns.ts";
import { ImportFileUnreadable } from "./errors.ts";
import { sheetNameOf, workbookSheets } from "./sheet-names.ts";
import type { Cell, Issue, SheetData, SheetKind } from "./types.ts";

/** A cell value as exceljs gives it (rich text, formulas, links, errors) reduced to what we read. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text?: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) return plainCell(v.result);
    if ("text" in v) return plainCell(v.text);
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

/**
 * What the streaming reader keeps to itself: the shared strings it cached, its (overridable) shared
 * strings parser, and each worksheet's raw XML chunks.
 */
interface ReaderInternals extends AsyncIterable<WorksheetInternals> {
  sharedStrings?: unknown[];
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}
interface WorksheetInternals {
  name?: string;
  id?: number | string;
  iterator?: AsyncIterable<Buffer | string>;
}
type SaxEvent =
  | { eventType: "opentag"; value: { name: string; attributes: Record<string, string> } }
  | { eventType: "closetag"; value: { name: string } }
  | { eventType: "text"; value: string };

const require = createRequire(import.meta.url);
/** The SAX helper (saxes) exceljs's own worksheet reader uses. */
const parseSax = require("exceljs/lib/utils/parse-sax") as (
  chunks: AsyncIterable<string>,
) => AsyncIterable<SaxEvent[]>;

const Reader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Record<string, string>,
) => ReaderInternals;

/**
 * exceljs decodes every inflated chunk of XML on its own, so a Chinese character split between two chunks
 * becomes U+FFFD — a few hundred garbled names in a 100,000-row file (exceljs issues #2063, #2084). An
 * entry stream set to UTF-8 hands over whole characters; worksheets are decoded the same way below.
 */
class Utf8WorkbookReader extends Reader {
  override _parseSharedStrings(entry: Readable) {
    entry.setEncoding("utf8");
    return super._parseSharedStrings(entry);
  }

  /**
   * A zip may hold a worksheet before xl/workbook.xml (exceljs's own writer adds entries in no fixed
   * order); exceljs then names the sheet from a model it has not read yet and fails. Hiding the
   * relationships until the workbook is read makes it park such worksheets and read them afterwards.
   */
  private rels: unknown;
  get workbookRels(): unknown {
    return (this as unknown as { model?: unknown }).model ? this.rels : undefined;
  }
  set workbookRels(value: unknown) {
    this.rels = value;
  }
}

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks)
    yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** "AB12" → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function cellValue(type: string, text: string | null, shared: unknown[]): Cell {
  if (text === null) return null;
  switch (type) {
    case "s":
      return plainCell(shared[Number(text)]);
    case "b":
      return text === "1";
    case "inlineStr":
    case "str":
    case "e":
      return text;
    case "d":
      return new Date(text);
    default: {
      const n = Number(text);
      return Number.isNaN(n) ? text : n;
    }
  }
}

/**
 * The rows of one worksheet's XML, cell values only: building exceljs's Row and Cell objects (with their
 * styles) took 40% of the reading time and most of its garbage. Without styles, a date cell is its serial
 * day number, which the date parser reads.
 */
async function readRows(
  chunks: AsyncIterable<Buffer | string>,
  shared: unknown[],
  onRow: (row: number, cells: Cell[]) => void,
): Promise<void> {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = 0;
  let type = "n";
  let text: string | null = null;
  let inCell = false;
  let capturing = false;
  let phonetic = false;
  for await (const events of parseSax(utf8(chunks))) {
    for (const event of events) {
      if (event.eventType === "text") {
        if (capturing) text += event.value;
      } else if (event.eventType === "opentag") {
        const { name, attributes } = event.value;
        if (name === "c") {
          column = attributes.r ? columnNumber(attributes.r) : column + 1;
          type = attributes.t ?? "n";
          text = null;
          inCell = true;
        } else if ((name === "v" || name === "t") && inCell && !phonetic) {
          capturing = true;
          text ??= "";
        } else if (name === "row") {
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          column = 0;
        } else if (name === "rPh") {
          phonetic = true;
        }
      } else {
        const { name } = event.value;
        if (name === "v" || name === "t") capturing = false;
        else if (name === "c") {
          if (column > 0) cells[column - 1] = cellValue(type, text, shared);
          inCell = false;
        } else if (name === "row") onRow(rowNumber, cells);
        else if (name === "rPh") phonetic = false;
      }
    }
  }
}

export interface WorkbookContent {
  sheets: SheetData[];
  issues: Issue[];
  /** Every sheet name, for the message when none is recognised. */
  sheetNames: string[];
}

async function bytesOf(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Streams the workbook with exceljs's WorkbookReader (unzipping, shared strings) and keeps only the
 * known columns of the archive sheets, so a 100,000-row file never sits in memory as a workbook model
 * (the file itself does, compressed: uploads are capped at 50 MiB). Sheet names come from the zip's
 * index (sheet-names.ts) wherever exceljs failed to match them.
 */
export async function readWorkbook(source: Readable): Promise<WorkbookContent> {
  let file: Buffer;
  try {
    file = await bytesOf(source);
  } catch (error) {
    throw new ImportFileUnreadable(error instanceof Error ? error.message : String(error));
  }
  const listed = await workbookSheets(file);
  const reader = new Utf8WorkbookReader(Readable.from([file]), {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const collectors = new Map<SheetKind, SheetCollector>();
  const issues: Issue[] = [];
  const sheetNames: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = sheetNameOf(sheet, listed) ?? `Sheet${sheet.id ?? sheetNames.length + 1}`;
      sheetNames.push(name);
      const kind = sheetKindOf(name);
      const seen = kind ? collectors.get(kind) : undefined;
      if (!kind || seen) {
        // Read past it: a worksheet left unread would hold up the rest of the zip.
        if (sheet.iterator) for await (const _ of sheet.iterator);
      }
      if (!kind) continue;
      if (seen) {
        issues.push({
          sheet: name,
          row: 1,
          column: "",
          field: "",
          value: "",
          personal: false,
          code: "duplicate_sheet",
          params: { kind, other: seen.data.name },
        });
        continue;
      }
      if (!sheet.iterator) throw new Error("this version of exceljs does not expose worksheet XML");
      const collector = new SheetCollector(kind, name);
      collectors.set(kind, collector);
      await readRows(sheet.iterator, reader.sharedStrings ?? [], (row, cells) => collector.add(row, cells));
    }
  } catch (error) {
    throw new ImportFileUnreadable(error instanceof Error ? error.message : String(error));
  }
  const sheets: SheetData[] = [];
  for (const collector of collectors.values()) {
    issues.push(...collector.finish());
    sheets.push(collector.data);
  }
  return { sheets, issues, sheetNames };
}
