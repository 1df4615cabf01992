import type { Readable } from "node:stream";
import { SHEETS, SheetCollector } from "./columns.ts";
import { ImportFileTooLarge, ImportFileUnreadable } from "./errors.ts";
import { csvRecords, decodeText, sniffDelimiter } from "./parse-csv.ts";
import { readWorkbook, type WorkbookContent } from "./parse-xlsx.ts";
import type { SheetKind } from "./types.ts";

export type FileFormat = "xlsx" | "csv";

/** By the file name, the way users tell them apart; an old binary .xls is named as such. */
export function formatOf(fileName: string): FileFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xls") throw new ImportFileUnreadable("an old .xls workbook: save it as .xlsx in Excel first");
  throw new ImportFileUnreadable(`".${ext ?? ""}" files are not supported`);
}

async function bytesOf(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A CSV holds one kind of row, the one the caller names. */
export async function readCsv(source: Readable, fileName: string, kind: SheetKind): Promise<WorkbookContent> {
  const { text } = decodeText(await bytesOf(source));
  const collector = new SheetCollector(kind, fileName || SHEETS[kind].name);
  let row = 0;
  for (const record of csvRecords(text, sniffDelimiter(text))) collector.add(++row, record);
  const issues = collector.finish();
  return { sheets: [collector.data], issues, sheetNames: [collector.data.name] };
}

/** Reads the whole upload; one cut off at the size limit is refused rather than half imported. */
export async function readImportFile(input: {
  fileName: string;
  source: Readable;
  kind: SheetKind;
}): Promise<WorkbookContent> {
  const truncated = () => (input.source as Readable & { truncated?: boolean }).truncated === true;
  try {
    const content =
      formatOf(input.fileName) === "xlsx"
        ? await readWorkbook(input.source)
        : await readCsv(input.source, input.fileName, input.kind);
    if (truncated()) throw new ImportFileTooLarge();
    return content;
  } catch (error) {
    throw truncated() ? new ImportFileTooLarge() : error;
  }
}
