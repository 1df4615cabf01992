import { describe, expect, it } from "vitest";
import { CharsetDecoder, CsvParser, csvRecordStream, MixedEncoding, parseCsv } from "./parse-csv.ts";

/** The bytes cut into pieces of `size`, as a stream hands them over. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, size: number) {
  const decoder = new CharsetDecoder();
  const records: string[][] = [];
  for await (const batch of csvRecordStream(pieces(bytes, size), decoder)) records.push(...batch);
  return { records, encoding: decoder.encoding };
}

// 客户 in GBK is BF CD BB A7; 中文 is D6 D0 CE C4.
const GBK_ROW = [0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a];

describe("CsvParser", () => {
  const tricky = 'a,"b,""c""\r\nd",e\r\n"",x\rlast,"open\n';

  it("reads the same records whatever the pieces the text arrives in", () => {
    const whole = parseCsv(tricky);
    expect(whole).toEqual([
      ["a", 'b,"c"\r\nd', "e"],
      ["", "x"],
      ["last", "open\n"],
    ]);
    for (let cut = 0; cut <= tricky.length; cut++) {
      for (let second = cut; second <= tricky.length; second++) {
        const parser = new CsvParser();
        const records = [
          ...parser.push(tricky.slice(0, cut)),
          ...parser.push(tricky.slice(cut, second)),
          ...parser.push(tricky.slice(second)),
          ...parser.end(),
        ];
        expect(records, `cut at ${cut} and ${second}`).toEqual(whole);
      }
    }
  });
});

describe("csvRecordStream", () => {
  it("reads a GBK file split in the middle of its characters", async () => {
    const header = Buffer.from("month,customer_code\r\n");
    const bytes = Buffer.concat([header, Buffer.from(GBK_ROW.flatMap(() => GBK_ROW).slice(0, 11 * 200))]);
    for (const size of [1, 3, 7, 64, 4096]) {
      const { records, encoding } = await readAll(bytes, size);
      expect(encoding, `pieces of ${size}`).toBe("gbk");
      expect(records[0]).toEqual(["month", "customer_code"]);
      expect(
        records.slice(1).every((r) => r[0] === "客户" && r[1] === "中文"),
        `pieces of ${size}`,
      ).toBe(true);
    }
  });

  it("reads UTF-8 with a byte-order mark and finds a tab-separated header", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("月份\t客户编码\n2026-01\t中文"),
    ]);
    for (const size of [1, 2, 5, 1000]) {
      const { records, encoding } = await readAll(bytes, size);
      expect(encoding).toBe("utf-8");
      expect(records).toEqual([
        ["月份", "客户编码"],
        ["2026-01", "中文"],
      ]);
    }
  });

  it("judges the encoding on the first non-ASCII bytes, however far into the file they come", async () => {
    const ascii = Buffer.from(`${"JK00000001,vpmn,1.00\n".repeat(5000)}`);
    const { records, encoding } = await readAll(Buffer.concat([ascii, Buffer.from(GBK_ROW)]), 65536);
    expect(encoding).toBe("gbk");
    expect(records.at(-1)).toEqual(["客户", "中文"]);
    expect(records).toHaveLength(5001);
  });

  it("refuses a file that turns from UTF-8 into GBK half way", async () => {
    const utf8 = Buffer.from(`中文,${"x".repeat(5000)}\n`);
    const bytes = Buffer.concat([utf8, Buffer.from(GBK_ROW)]);
    await expect(readAll(bytes, 1024)).rejects.toBeInstanceOf(MixedEncoding);
  });
});
