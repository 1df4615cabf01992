import { describe, expect, it } from "vitest";
import { decodeText, parseCsv, sniffDelimiter } from "./parse-csv.ts";

describe("parseCsv", () => {
  it.each([
    [
      "plain fields",
      "a,b,c\n1,2,3\n",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "no line break at the end",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CRLF line ends",
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "old Mac CR line ends",
      "a,b\r1,2\r",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ["empty fields", ",a,,\n", [["", "a", "", ""]]],
    ["a quoted comma", '"长沙,芙蓉",x\n', [["长沙,芙蓉", "x"]]],
    ["doubled quotes", '"say ""hi""",x\n', [['say "hi"', "x"]]],
    [
      "a line break in quotes",
      '"line 1\nline 2",x\r\ny,z\n',
      [
        ["line 1\nline 2", "x"],
        ["y", "z"],
      ],
    ],
    ["a CRLF in quotes", '"a\r\nb",c\r\n', [["a\r\nb", "c"]]],
    ["an empty quoted field", '"",x\n', [["", "x"]]],
    ["a quote inside an unquoted field", 'ab"c,d\n', [['ab"c', "d"]]],
    ["blank lines stay rows", "a\n\nb\n", [["a"], [""], ["b"]]],
    ["a quoted last field without a line end", 'a,"b"', [["a", "b"]]],
  ])("reads %s", (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("reads tab-separated text when the first line has tabs and no commas", () => {
    const text = "a\tb\n1\t2\n";
    expect(sniffDelimiter(text)).toBe("\t");
    expect(parseCsv(text, sniffDelimiter(text))).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(sniffDelimiter("a,b\tc\n")).toBe(",");
  });
});

describe("decodeText", () => {
  const utf8 = Buffer.from("客户编码,名称\nJK1,中文\n", "utf8");
  // 中文 in GBK is D6 D0 CE C4; 客户 is BF CD BB A7.
  const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);

  it("reads valid UTF-8 as UTF-8", () => {
    expect(decodeText(utf8)).toEqual({ text: "客户编码,名称\nJK1,中文\n", encoding: "utf-8" });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const { text, encoding } = decodeText(withBom);
    expect(encoding).toBe("utf-8");
    expect(text.startsWith("客户编码")).toBe(true);
  });

  it("reads bytes that are not valid UTF-8 as GBK", () => {
    expect(decodeText(gbk)).toEqual({ text: "客户,中文\n", encoding: "gbk" });
  });

  it("reads UTF-16 with its byte-order mark", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("中文\t1\n", "utf16le")]);
    expect(decodeText(utf16)).toEqual({ text: "中文\t1\n", encoding: "utf-16le" });
  });

  it("reads plain ASCII as UTF-8", () => {
    expect(decodeText(Buffer.from("a,b\n")).encoding).toBe("utf-8");
  });
});
