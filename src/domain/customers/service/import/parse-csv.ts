/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, quoted when they hold a comma, a
 * quote (doubled) or a line break; lines end in CRLF, LF or CR. Chinese Excel saves "CSV" in GBK and
 * "CSV UTF-8" with a byte-order mark, so the bytes are decoded first. Both steps work on pieces of a
 * stream, so a file of a million rows never has to be held whole; whole texts go through the same code.
 */

export type TextEncoding = "utf-8" | "utf-16le" | "gbk";

/** A file that starts as UTF-8 and later holds bytes UTF-8 cannot have: two encodings in one file. */
export class MixedEncoding extends Error {
  constructor(readonly atByte: number) {
    super(`the text is not UTF-8 throughout (from byte ${atByte} on): save the whole file in one encoding`);
  }
}

/** Bytes after the first non-ASCII one that the encoding is judged on (a chunk is usually 64 KiB). */
const SNIFF_WINDOW = 1024;

/**
 * Decodes a stream of bytes by the rule Chinese spreadsheets call for: a UTF-16 BOM is UTF-16; valid
 * UTF-8 (with or without BOM) is UTF-8; anything else is GBK. ASCII reads the same in all of them, so
 * the choice waits for the first non-ASCII bytes and is made on them and the kilobyte that follows.
 */
export class CharsetDecoder {
  encoding: TextEncoding | null = null;
  private decoder: TextDecoder | null = null;
  private held: Uint8Array = new Uint8Array(0);
  private bytesSeen = 0;

  write(bytes: Uint8Array): string {
    this.bytesSeen += bytes.length;
    if (this.decoder) return this.decode(bytes, true);
    const all = this.held.length === 0 ? bytes : concat(this.held, bytes);
    this.held = new Uint8Array(0);
    return this.sniff(all, false);
  }

  /** The rest of the text; call once after the last `write`. */
  end(): string {
    const rest = this.decoder ? "" : this.sniff(this.held, true);
    this.held = new Uint8Array(0);
    return rest + (this.decoder ? this.decode(new Uint8Array(0), false) : "");
  }

  private sniff(all: Uint8Array, final: boolean): string {
    if (all.length < 2 && !final) {
      this.held = all;
      return "";
    }
    if (all[0] === 0xff && all[1] === 0xfe) return this.choose("utf-16le", all, final);
    const first = firstNonAscii(all);
    if (first < 0) return Buffer.from(all).toString("latin1");
    if (!final && all.length - first < SNIFF_WINDOW) {
      this.held = all;
      return "";
    }
    try {
      return this.choose("utf-8", all, final);
    } catch (error) {
      if (!(error instanceof MixedEncoding)) throw error;
      this.decoder = null;
      return this.choose("gbk", all, final);
    }
  }

  private choose(encoding: TextEncoding, bytes: Uint8Array, final: boolean): string {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    return this.decode(bytes, !final);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new MixedEncoding(this.bytesSeen - bytes.length);
    }
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** A whole file's bytes as text, by the same rule (a file that is not UTF-8 throughout is GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoder = new CharsetDecoder();
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? "utf-8" };
}

/** Excel's "Unicode text" is tab-separated; everything else here uses commas. */
export function sniffDelimiter(text: string): "," | "\t" {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Splits text into records, piece by piece: a field, a quoted line break or a CRLF may straddle two
 * pieces. `push` returns the records completed so far; `end` the last one.
 */
export class CsvParser {
  private readonly delimiter: number;
  private record: string[] = [];
  private field = "";
  private quoted = false;
  /** A quote was read inside a quoted field: a doubled quote or the field's end, told by what follows. */
  private quoteSeen = false;
  private fieldStart = true;
  /** The last piece ended with CR: a LF starting the next piece belongs to the same line end. */
  private afterCr = false;

  constructor(delimiter: "," | "\t" = ",") {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string): string[][] {
    const out: string[][] = [];
    const n = text.length;
    let i = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false;
          continue;
        }
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          break;
        }
        this.field += text.slice(i, q);
        this.quoteSeen = true;
        i = q + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE && this.fieldStart) {
        this.quoted = true;
        this.fieldStart = false;
        i++;
      } else if (c === this.delimiter) {
        this.record.push(this.field);
        this.field = "";
        this.fieldStart = true;
        i++;
      } else if (c === CR || c === LF) {
        this.record.push(this.field);
        out.push(this.record);
        this.record = [];
        this.field = "";
        this.fieldStart = true;
        i++;
        if (c === CR) {
          if (i === n) this.afterCr = true;
          else if (text.charCodeAt(i) === LF) i++;
        }
      } else {
        // A run of plain characters up to the next delimiter or line end (a quote here is literal).
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === CR || d === LF) break;
          j++;
        }
        this.field += text.slice(i, j);
        this.fieldStart = false;
        i = j;
      }
    }
    return out;
  }

  /** The last record, unless the text ended with a line break. */
  end(): string[][] {
    const openQuote = this.quoted && !this.quoteSeen;
    const last =
      this.field !== "" || this.record.length > 0 || openQuote ? [[...this.record, this.field]] : [];
    this.record = [];
    this.field = "";
    this.quoted = false;
    this.quoteSeen = false;
    this.fieldStart = true;
    return last;
  }
}

/** Yields one array of fields per record; a record may span lines when a quoted field holds a break. */
export function* csvRecords(text: string, delimiter: "," | "\t" = ","): Generator<string[]> {
  const parser = new CsvParser(delimiter);
  yield* parser.push(text);
  yield* parser.end();
}

export const parseCsv = (text: string, delimiter: "," | "\t" = ","): string[][] => [
  ...csvRecords(text, delimiter),
];

/**
 * Records of a CSV byte stream, a batch per piece read: decoded by `CharsetDecoder`, split by the
 * delimiter the first line shows. `decoder.encoding` tells afterwards what the file was.
 */
export async function* csvRecordStream(
  source: AsyncIterable<Uint8Array>,
  decoder = new CharsetDecoder(),
): AsyncGenerator<string[][]> {
  let parser: CsvParser | null = null;
  let head = "";
  const feed = (text: string): string[][] => {
    if (parser) return parser.push(text);
    head += text;
    if (!/[\r\n]/.test(head)) return [];
    parser = new CsvParser(sniffDelimiter(head));
    const records = parser.push(head);
    head = "";
    return records;
  };
  for await (const chunk of source) {
    const records = feed(decoder.write(chunk));
    if (records.length > 0) yield records;
  }
  const tail = feed(decoder.end());
  parser ??= new CsvParser(sniffDelimiter(head));
  const last = [...tail, ...(head ? (parser as CsvParser).push(head) : []), ...(parser as CsvParser).end()];
  if (last.length > 0) yield last;
}
