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

/**
 * Each worksheet's name by the number of its part ("3" for xl/worksheets/sheet3.xml), read from the
 * zip's own index: exceljs's streaming reader now and then loses the small workbook parts it takes the
 * names from when the process is busy, and a sheet without its name would be refused as unknown. Only
 * xl/workbook.xml and its relationships are inflated.
 */
export async function sheetNamesByPart(file: Buffer): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const zip = await JSZip.loadAsync(file).catch(() => null);
  const [workbook, rels] = await Promise.all([
    zip?.file("xl/workbook.xml")?.async("string"),
    zip?.file("xl/_rels/workbook.xml.rels")?.async("string"),
  ]);
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(tag);
    const part = a.get("Target")?.match(/worksheets\/sheet(\d+)\.xml$/)?.[1];
    if (part && a.get("Id")) targets.set(a.get("Id")!, part);
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(tag);
    const rel = [...a].find(([key]) => key.endsWith(":id"))?.[1];
    const part = targets.get(rel ?? "");
    if (part && a.get("name")) names.set(part, a.get("name")!);
  }
  return names;
}
