import { describe, expect, it } from "vitest";
import { isFutureMonth, monthAlerts } from "./revenue.ts";

describe("monthAlerts", () => {
  it.each([
    ["a new month", { rows: 0, totalFen: 0 }, { rows: 10, totalFen: 100 }, []],
    ["the same month again", { rows: 600, totalFen: 10_000 }, { rows: 600, totalFen: 10_000 }, []],
    ["exactly a fifth fewer rows", { rows: 100, totalFen: 1000 }, { rows: 80, totalFen: 1000 }, []],
    [
      "just over a fifth fewer rows",
      { rows: 100, totalFen: 1000 },
      { rows: 79, totalFen: 1000 },
      ["rows_dropped"],
    ],
    [
      "a total just over a fifth lower",
      { rows: 100, totalFen: 1000 },
      { rows: 100, totalFen: 799 },
      ["total_dropped"],
    ],
    [
      "a half-empty export",
      { rows: 600, totalFen: 9000 },
      { rows: 300, totalFen: 4000 },
      ["rows_dropped", "total_dropped"],
    ],
    ["a month that grows", { rows: 100, totalFen: 1000 }, { rows: 300, totalFen: 5000 }, []],
  ])("%s", (_name, before, after, alerts) => {
    expect(monthAlerts(before, after)).toEqual(alerts);
  });
});

describe("isFutureMonth", () => {
  it("allows the latest month and earlier ones, not the next", () => {
    expect(isFutureMonth("2026-11", "2026-11")).toBe(false);
    expect(isFutureMonth("2025-12", "2026-11")).toBe(false);
    expect(isFutureMonth("2026-12", "2026-11")).toBe(true);
    expect(isFutureMonth("2027-01", "2026-12")).toBe(true);
  });
});
