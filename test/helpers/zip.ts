import { crc32, deflateRawSync } from "node:zlib";

/**
 * Writes a zip from named parts, in the order given — to build workbooks whose parts come in an order,
 * or with a feature (stored entries, a trailing comment, encryption flags), that spreadsheet programs
 * produce but our own writer does not.
 */
export function zipOf(
  parts: [name: string, content: string | Buffer][],
  options: { store?: boolean; comment?: string; encryptedFlag?: boolean } = {},
): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const data = options.store ? raw : deflateRawSync(raw);
    const fileName = Buffer.from(name, "utf8");
    const flags = (options.encryptedFlag ? 1 : 0) | 0x800;
    const method = options.store ? 0 : 8;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const central = Buffer.concat(directory);
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, central, end, comment]);
}
