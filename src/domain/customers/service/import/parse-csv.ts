/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, quoted when they hold a comma, a
 * quote (doubled) or a line break; lines end in CRLF, LF or CR. Chinese Excel saves "CSV" in GBK and
 * "CSV UTF-8" with a byte-order mark, so the bytes are decoded first.
 */

export type TextEncoding = "utf-8" | "utf-16le" | "gbk";

/** Valid UTF-8 (with or without BOM) is UTF-8; a UTF-16 BOM is UTF-16; anything else is read as GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk" };
  }
}

/** Excel's "Unicode text" is tab-separated; everything else here uses commas. */
export function sniffDelimiter(text: string): "," | "\t" {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

/** Yields one array of fields per record; a record may span lines when a quoted field holds a break. */
export function* csvRecords(text: string, delimiter = ","): Generator<string[]> {
  const length = text.length;
  let i = 0;
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStart = true;
  while (i < length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = "";
      fieldStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      record.push(field);
      yield record;
      record = [];
      field = "";
      fieldStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStart = false;
    i++;
  }
  // The last record, unless the text ended with a line break.
  if (field !== "" || record.length > 0 || quoted) {
    record.push(field);
    yield record;
  }
}

export const parseCsv = (text: string, delimiter = ","): string[][] => [...csvRecords(text, delimiter)];
