import { describe, expect, it } from "vitest";
import { searchFold, searchGrams } from "./search-grams.ts";

describe("search grams", () => {
  it("are every character and adjacent pair of both names, in order, none across whitespace", () => {
    expect(searchGrams("长沙银行", "长行")).toEqual([
      "长",
      "沙",
      "长沙",
      "银",
      "沙银",
      "行",
      "银行",
      "长",
      "行",
      "长行",
    ]);
    expect(searchGrams("湖南　移动", null)).toEqual(["湖", "南", "湖南", "移", "动", "移动"]);
  });

  it("fold Latin capitals only, the same in every database locale", () => {
    expect(searchFold("TCL 科技 ÄÖ")).toBe("tcl 科技 ÄÖ");
    expect(searchGrams("IBM", "")).toEqual(["i", "b", "ib", "m", "bm"]);
  });

  it("walk code points, so a character outside the BMP is one gram", () => {
    expect(searchGrams("𠀋记", null)).toEqual(["𠀋", "记", "𠀋记"]);
  });
});
