import JSZip from "jszip";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML attribute text → its characters (&amp;, &#x5BA2;, &#23458; …). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const attributes = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));

/** A worksheet as the workbook lists it: its name, its sheetId and the number of its part (sheet3.xml → "3"). */
export interface SheetEntry {
  name: string;
  sheetId: string;
  part: string;
}

/**
 * The workbook's worksheets, read from the zip's own index: exceljs's streaming reader now and then
 * fails to match a worksheet to its entry in xl/workbook.xml when the process is busy, and then calls it
 * "Sheet<part>" — a valid file refused as having no known sheet. Only xl/workbook.xml and its
 * relationships are inflated.
 */
export async function workbookSheets(file: Buffer): Promise<SheetEntry[]> {
  const zip = await JSZip.loadAsync(file).catch(() => null);
  const [workbook, rels] = await Promise.all([
    zip?.file("xl/workbook.xml")?.async("string"),
    zip?.file("xl/_rels/workbook.xml.rels")?.async("string"),
  ]);
  if (!workbook || !rels) return [];
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(tag);
    const part = a.get("Target")?.match(/worksheets\/sheet(\d+)\.xml$/)?.[1];
    if (part && a.get("Id")) targets.set(a.get("Id")!, part);
  }
  const sheets: SheetEntry[] = [];
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(tag);
    const rel = [...a].find(([key]) => key.endsWith(":id"))?.[1];
    const part = targets.get(rel ?? "");
    const name = a.get("name");
    if (part && name) sheets.push({ name, sheetId: a.get("sheetId") ?? "", part });
  }
  return sheets;
}

/**
 * The name of a worksheet exceljs emitted: its own when it matched the sheet to the workbook, else
 * (its default "Sheet<part>", the id still the part's number) the workbook's name for that part.
 */
export function sheetNameOf(sheet: { name?: string; id?: number | string }, sheets: readonly SheetEntry[]) {
  const id = String(sheet.id ?? "");
  const named = sheets.find((s) => s.sheetId === id)?.name;
  if (sheet.name && (sheet.name !== `Sheet${id}` || named === sheet.name)) return sheet.name;
  return sheets.find((s) => s.part === id)?.name ?? sheet.name;
}
