/**
 * The few parts of SpreadsheetML an import reads — the workbook's sheet list, shared strings and a
 * worksheet's cell values — scanned straight from the XML text. A general SAX parser spent most of a
 * 100,000-row import's reading time on events and garbage for elements we skip; this reads only the
 * elements that carry values. Styles are not read: a date cell is its serial day number, which the date
 * parser reads. Element names may carry a namespace prefix (`x:row`), as some producers write them.
 */
import type { Cell } from "./types.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text → its characters (&amp;, &#x5BA2;, &#23458; …). */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** One tag: its local name, where it ends, whether it closes itself, and its text for attributes. */
interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  /** Index just past the tag's ">". */
  end: number;
}

const isNameEnd = (c: number) => c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13;

/** The next tag at or after `from`, skipping comments and processing instructions; null at the end. */
function nextTag(xml: string, from: number, limit: number): Tag | null {
  let lt = xml.indexOf("<", from);
  while (lt >= 0 && lt < limit) {
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      // <!-- … -->, <![CDATA[ … ]]> and <? … ?> hold no cell values we read.
      const close = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) : xml.indexOf(">", lt);
      if (close < 0) return null;
      lt = xml.indexOf("<", close);
      continue;
    }
    const closing = c === 47;
    let i = closing ? lt + 2 : lt + 1;
    const nameStart = i;
    while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i++;
    let name = xml.slice(nameStart, i);
    const colon = name.indexOf(":");
    if (colon >= 0) name = name.slice(colon + 1);
    // Attribute values may hold ">" in principle: look for the first ">" outside quotes.
    let quote = 0;
    for (; i < xml.length; i++) {
      const ch = xml.charCodeAt(i);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (i >= xml.length) return null;
    return { name, closing, selfClosing: xml.charCodeAt(i - 1) === 47, start: lt, end: i + 1 };
  }
  return null;
}

/** An attribute of the tag, unescaped; undefined when absent. */
function attribute(xml: string, tag: Tag, name: string): string | undefined {
  let at = xml.indexOf(`${name}=`, tag.start);
  while (at >= 0 && at < tag.end) {
    const before = xml.charCodeAt(at - 1);
    const quote = xml.charCodeAt(at + name.length + 1);
    if ((before === 32 || before === 9 || before === 10 || before === 13) && (quote === 34 || quote === 39)) {
      const valueStart = at + name.length + 2;
      const valueEnd = xml.indexOf(String.fromCharCode(quote), valueStart);
      return unescapeXml(xml.slice(valueStart, valueEnd));
    }
    at = xml.indexOf(`${name}=`, at + 1);
  }
  return undefined;
}

/** The text of a text-only element whose opening tag is `tag` (`<v>`, `<t>`). */
function textOf(xml: string, tag: Tag): { text: string; end: number } {
  if (tag.selfClosing) return { text: "", end: tag.end };
  const close = xml.indexOf("</", tag.end);
  const end = close < 0 ? xml.length : close;
  return { text: unescapeXml(xml.slice(tag.end, end)), end };
}

/**
 * The text of a rich or plain string (`<si>` of the shared strings, `<is>` of an inline string): its
 * `<t>` runs joined, phonetic guides (`<rPh>`, furigana over Japanese names) left out.
 */
function stringItem(xml: string, open: Tag, limit: number): { text: string; end: number } {
  if (open.selfClosing) return { text: "", end: open.end };
  let text = "";
  let phonetic = 0;
  let at = open.end;
  for (;;) {
    const tag = nextTag(xml, at, limit);
    if (!tag) return { text, end: limit };
    at = tag.end;
    if (tag.name === open.name && tag.closing) return { text, end: tag.end };
    if (tag.name === "rPh") {
      if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
    } else if (tag.name === "t" && !tag.closing && phonetic === 0) {
      const t = textOf(xml, tag);
      text += t.text;
      at = t.end;
    }
  }
}

/** xl/sharedStrings.xml → the strings by index. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let at = 0;
  for (;;) {
    const tag = nextTag(xml, at, xml.length);
    if (!tag) return strings;
    at = tag.end;
    if (tag.name === "si" && !tag.closing) {
      const item = stringItem(xml, tag, xml.length);
      strings.push(item.text);
      at = item.end;
    }
  }
}

/** A worksheet as the workbook lists it: its name and the zip entry holding it. */
export interface SheetPart {
  name: string;
  path: string;
}

/** The relationship target of a part of xl/ → its name in the zip ("worksheets/sheet1.xml" → "xl/…"). */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** Every opening (or self-closing) tag of one name in a small part, in order. */
function* openingTags(xml: string, name: string): Generator<Tag> {
  for (let tag = nextTag(xml, 0, xml.length); tag; tag = nextTag(xml, tag.end, xml.length))
    if (tag.name === name && !tag.closing) yield tag;
}

/** xl/workbook.xml with its relationships → its worksheets in workbook order (chart sheets left out). */
export function workbookSheets(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const tag of openingTags(relsXml, "Relationship")) {
    const id = attribute(relsXml, tag, "Id");
    const target = attribute(relsXml, tag, "Target");
    const type = attribute(relsXml, tag, "Type") ?? "";
    if (id && target && type.endsWith("/worksheet")) targets.set(id, partPath(target));
  }
  const sheets: SheetPart[] = [];
  for (const tag of openingTags(workbookXml, "sheet")) {
    const name = attribute(workbookXml, tag, "name");
    const rel = attribute(workbookXml, tag, "r:id") ?? attribute(workbookXml, tag, "id");
    const path = targets.get(rel ?? "");
    if (name !== undefined && path) sheets.push({ name, path });
  }
  return sheets;
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

function cellValue(type: string, text: string | null, shared: readonly string[]): Cell {
  if (text === null) return null;
  switch (type) {
    case "s": {
      const value = shared[Number(text)];
      return value === undefined ? null : value;
    }
    case "b":
      return text === "1" || text === "true";
    case "inlineStr":
    case "str":
    case "e":
      return text;
    case "d":
      return new Date(text);
    default: {
      const n = Number(text);
      return text === "" || Number.isNaN(n) ? text : n;
    }
  }
}

/**
 * Every row of a worksheet's XML with its cell values, in file order: `onRow(row number, cells)` where
 * cells[0] is column A. A formula cell gives its cached result; a row with no cells gives [].
 */
export function worksheetRows(
  xml: string,
  shared: readonly string[],
  onRow: (row: number, cells: Cell[]) => void,
): void {
  const data = xml.indexOf("sheetData");
  if (data < 0) return;
  const limit = xml.length;
  let at = data - 1;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = 0;
  let type = "n";
  let text: string | null = null;
  for (;;) {
    const tag = nextTag(xml, at, limit);
    if (!tag) return;
    at = tag.end;
    switch (tag.name) {
      case "sheetData":
        if (tag.closing || tag.selfClosing) return;
        break;
      case "row":
        if (tag.closing) {
          onRow(rowNumber, cells);
          break;
        }
        rowNumber = Number(attribute(xml, tag, "r") ?? rowNumber + 1);
        cells = [];
        column = 0;
        if (tag.selfClosing) onRow(rowNumber, cells);
        break;
      case "c":
        if (tag.closing) {
          if (column > 0) cells[column - 1] = cellValue(type, text, shared);
          break;
        }
        {
          const ref = attribute(xml, tag, "r");
          column = ref ? columnNumber(ref) : column + 1;
        }
        type = attribute(xml, tag, "t") ?? "n";
        text = null;
        break;
      case "v":
        if (!tag.closing) {
          const v = textOf(xml, tag);
          text = v.text;
          at = v.end;
        }
        break;
      case "is":
        if (!tag.closing) {
          const item = stringItem(xml, tag, limit);
          text = item.text;
          at = item.end;
        }
        break;
      case "f":
        // The formula itself: its cached result follows in <v>.
        if (!tag.closing && !tag.selfClosing) at = textOf(xml, tag).end;
        break;
    }
  }
}
