import type { Readable } from "node:stream";
import { SheetCollector, sheetKindOf } from "./columns.ts";
import { ImportFileUnreadable } from "./errors.ts";
import type { Issue, SheetData, SheetKind } from "./types.ts";
import { sharedStrings, workbookSheets, worksheetRows } from "./xlsx-xml.ts";
import { entryBytes, type ZipEntry, ZipUnreadable, zipEntries } from "./zip.ts";

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

/** A part of the workbook as text; UTF-8 decoded whole, so no character is split between chunks. */
function partText(file: Buffer, entries: Map<string, ZipEntry>, path: string): string | null {
  const entry = entries.get(path);
  return entry ? entryBytes(file, entry).toString("utf8") : null;
}

/**
 * Reads the archive sheets of a workbook: the zip's directory names its parts, the workbook lists the
 * worksheets, and only the known columns of the archive sheets are kept (uploads are capped at 50 MiB;
 * each sheet's XML is inflated in turn and dropped once read). Parts are found by name, so the order a
 * producer wrote them in does not matter.
 */
export async function readWorkbook(source: Readable): Promise<WorkbookContent> {
  const collectors = new Map<SheetKind, SheetCollector>();
  const issues: Issue[] = [];
  const sheetNames: string[] = [];
  try {
    const file = await bytesOf(source);
    const entries = zipEntries(file);
    const workbook = partText(file, entries, "xl/workbook.xml");
    const rels = partText(file, entries, "xl/_rels/workbook.xml.rels");
    if (workbook === null || rels === null)
      throw new ZipUnreadable(
        "no_workbook",
        "the zip archive holds no workbook (xl/workbook.xml); save the file as .xlsx",
      );
    const stringsXml = partText(file, entries, "xl/sharedStrings.xml");
    const shared = stringsXml === null ? [] : sharedStrings(stringsXml);
    for (const sheet of workbookSheets(workbook, rels)) {
      sheetNames.push(sheet.name);
      const kind = sheetKindOf(sheet.name);
      if (!kind) continue;
      const seen = collectors.get(kind);
      if (seen) {
        issues.push({
          sheet: sheet.name,
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
      const xml = partText(file, entries, sheet.path);
      if (xml === null)
        throw new ZipUnreadable(
          "damaged",
          `the workbook lists ${sheet.name} but the file lacks ${sheet.path}`,
        );
      const collector = new SheetCollector(kind, sheet.name);
      collectors.set(kind, collector);
      worksheetRows(xml, shared, (row, cells) => collector.add(row, cells));
    }
  } catch (error) {
    if (error instanceof ZipUnreadable) throw new ImportFileUnreadable(error.message, error.reason);
    throw new ImportFileUnreadable(error instanceof Error ? error.message : String(error));
  }
  const sheets: SheetData[] = [];
  for (const collector of collectors.values()) {
    issues.push(...collector.finish());
    sheets.push(collector.data);
  }
  return { sheets, issues, sheetNames };
}
