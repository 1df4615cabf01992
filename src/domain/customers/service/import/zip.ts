import { inflateRawSync } from "node:zlib";

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Why a workbook's zip cannot be read: the web words each reason with its fix (apiErrorReason.*). */
export type ZipProblem = "not_zip" | "damaged" | "encrypted" | "too_large" | "no_workbook";

export class ZipUnreadable extends Error {
  constructor(
    readonly reason: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

/** No part of an archive upload (50 MiB compressed) may inflate past this: a guard against zip bombs. */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

const COMPOUND_FILE = Buffer.from("d0cf11e0a1b11ae1", "hex");
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The entries of a zip held in memory, from its central directory (the authoritative index: local
 * headers may carry zero sizes when the writer streamed). An .xlsx is such a zip; reading its parts by
 * name means the order a producer wrote them in does not matter.
 */
export function zipEntries(file: Buffer): Map<string, ZipEntry> {
  // Excel saves a password-protected workbook (and an old .xls) as an OLE compound file, not a zip.
  if (file.subarray(0, 8).equals(COMPOUND_FILE))
    throw new ZipUnreadable(
      "encrypted",
      "the workbook is password-protected or in the old Excel format; open it in Excel, remove the password and save it as .xlsx",
    );
  // The end-of-directory record sits in the last 22 bytes, or before a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipUnreadable("not_zip", "the file is not a zip archive (an .xlsx workbook is one)");
  const count = file.readUInt16LE(end + 10);
  const directorySize = file.readUInt32LE(end + 12);
  let at = file.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || at + directorySize > end)
    throw new ZipUnreadable(
      "damaged",
      "the zip archive is damaged or uses ZIP64, which a workbook of this size never needs",
    );
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipUnreadable("damaged", "the zip archive's directory is damaged");
    const nameLength = file.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: file.toString("utf8", at + 46, at + 46 + nameLength),
      encrypted: (file.readUInt16LE(at + 8) & 1) === 1,
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

/** The bytes of one entry, inflated. */
export function entryBytes(file: Buffer, entry: ZipEntry): Buffer {
  if (entry.encrypted)
    throw new ZipUnreadable("encrypted", "the workbook is password-protected; save it without a password");
  if (entry.size > MAX_ENTRY_BYTES)
    throw new ZipUnreadable("too_large", `${entry.name} is too large to read`);
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_HEADER)
    throw new ZipUnreadable("damaged", `${entry.name} is damaged in the zip archive`);
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const data = file.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8)
    throw new ZipUnreadable("damaged", `${entry.name} is compressed in a way workbooks do not use`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    throw new ZipUnreadable("damaged", `${entry.name} cannot be decompressed: ${(error as Error).message}`);
  }
}
