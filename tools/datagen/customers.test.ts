import { beforeAll, describe, expect, it } from "vitest";
import {
  creditCodeProblem,
  divisionFitsSection,
  isMsisdn,
} from "../../src/domain/customers/rules/archive.ts";
import { CHINA_MOBILE_ABC } from "../../src/domain/customers/rules/default-rule-sets.ts";
import { type CustomerFacts, classify } from "../../src/domain/customers/rules/grading.ts";
import { type ArchivePlan, type CustomerRow, last24Months, planArchive } from "./customers.ts";
import { type OrgPlan, planOrg } from "./org.ts";
import { Rng } from "./random.ts";

const HQ = { id: "01940000-0000-7000-8000-000000000000", path: "p01940000000070008000000000000000" };
const SEED = 42;
const TODAY = new Date("2026-06-15T04:00:00Z");

const plan = (seed = SEED, today = TODAY): { org: OrgPlan; archive: ArchivePlan } => {
  const rng = new Rng(seed);
  const org = planOrg(rng, HQ, "demo");
  return { org, archive: planArchive(rng, org, "demo", today) };
};

/** "YYYY-MM-01" of the month `offset` months from the Asia/Shanghai month of `now`. */
const monthOf = (now: Date, offset: number): string => {
  const [y, m] = now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).split("-").map(Number) as [
    number,
    number,
  ];
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
};

/**
 * The grading facts exactly as service/grading.ts derives them in SQL: prior calendar year's spend,
 * average monthly spend over the last 12 complete months that have revenue, and the province-wide
 * percent_rank of prior-year spend (ties share the lowest rank).
 */
function factsOf(archive: ArchivePlan, now: Date): Map<string, CustomerFacts> {
  const thisMonth = monthOf(now, 0);
  const yearStart = `${thisMonth.slice(0, 4)}-01-01`;
  const priorYearStart = `${Number(thisMonth.slice(0, 4)) - 1}-01-01`;
  const windowStart = monthOf(now, -12);
  const monthly = new Map<string, Map<string, number>>();
  for (const r of archive.revenue) {
    const months = monthly.get(r.customerId) ?? new Map<string, number>();
    months.set(r.month, (months.get(r.month) ?? 0) + r.groupPaidFen + r.memberPaidFen);
    monthly.set(r.customerId, months);
  }
  const spend = archive.customers.map((c) => {
    let priorYear = 0;
    const window: number[] = [];
    for (const [month, fen] of monthly.get(c.id) ?? []) {
      if (month >= priorYearStart && month < yearStart) priorYear += fen;
      if (month >= windowStart && month < thisMonth) window.push(fen);
    }
    const avg = window.length === 0 ? 0 : window.reduce((s, f) => s + f, 0) / window.length;
    return { c, priorYear, avg };
  });
  const sorted = spend.map((s) => s.priorYear).sort((a, b) => a - b);
  const n = sorted.length;
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return new Map(
    spend.map(({ c, priorYear, avg }) => [
      c.id,
      {
        handsets: c.handsets,
        employees: c.employees,
        avgMonthlySpendFen: Math.round(avg),
        priorYearSpendFen: priorYear,
        spendPercentile: n > 1 ? (below(priorYear) / (n - 1)) * 100 : 0,
        industrySection: c.industrySection,
        industryDivision: c.industryDivision,
        clusterType: c.clusterType,
        important: c.important,
        tags: c.tags,
      },
    ]),
  );
}

let org: OrgPlan;
let archive: ArchivePlan;
beforeAll(() => {
  ({ org, archive } = plan());
});

describe("the demo archive's size", () => {
  it("has 2,000 customers, ~60,000 member lines, 3 key persons each and 24 months of revenue", () => {
    expect(archive.customers).toHaveLength(2000);
    expect(archive.members.length).toBeGreaterThanOrEqual(50_000);
    expect(archive.members.length).toBeLessThanOrEqual(70_000);
    expect(archive.contacts).toHaveLength(6000);
    const months = [...new Set(archive.revenue.map((r) => r.month))].sort();
    expect(months).toHaveLength(24);
    expect(months).toEqual(last24Months(TODAY));
    expect(months[0]).toBe("2024-06-01");
    expect(months.at(-1)).toBe("2026-05-01");
  });

  it("the 24 months end with the last complete month in Asia/Shanghai", () => {
    expect(last24Months(new Date("2026-06-30T16:30:00Z")).at(-1)).toBe("2026-06-01");
    expect(last24Months(new Date("2026-06-30T15:30:00Z")).at(-1)).toBe("2026-05-01");
    expect(last24Months(new Date("2026-01-05T00:00:00Z"))).toHaveLength(24);
    expect(last24Months(new Date("2026-01-05T00:00:00Z")).at(-1)).toBe("2025-12-01");
    expect(last24Months(new Date("2026-01-05T00:00:00Z"))[0]).toBe("2024-01-01");
  });
});

describe("determinism", () => {
  it("the same seed and day give identical output", () => {
    const again = plan();
    expect(again.org).toEqual(org);
    expect(again.archive).toEqual(archive);
  });

  it("another seed gives another province", () => {
    const other = plan(SEED + 1);
    expect(other.archive.customers[0]!.id).not.toBe(archive.customers[0]!.id);
    expect(other.archive.customers.map((c) => c.creditCode)).not.toEqual(
      archive.customers.map((c) => c.creditCode),
    );
  });
});

describe("archive quality", () => {
  it("every credit code is valid (GB 32100-2015) and unique", () => {
    for (const c of archive.customers) expect(creditCodeProblem(c.creditCode), c.creditCode).toBeNull();
    expect(new Set(archive.customers.map((c) => c.creditCode)).size).toBe(2000);
  });

  it("codes and ids are unique; every industry division fits its section", () => {
    expect(new Set(archive.customers.map((c) => c.code)).size).toBe(2000);
    expect(new Set(archive.customers.map((c) => c.id)).size).toBe(2000);
    for (const c of archive.customers) {
      expect(
        divisionFitsSection(c.industrySection, c.industryDivision),
        `${c.name} ${c.industryDivision}`,
      ).toBe(true);
    }
  });

  it("names are unique, and only a repeated name carries a distinguishing suffix", () => {
    const names = archive.customers.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const seen = new Set<string>();
    let suffixed = 0;
    for (const name of names) {
      const plain = name.replace(/（[^）]*）$/, "");
      if (plain !== name) {
        suffixed++;
        expect(seen.has(plain), `${name} is suffixed though ${plain} was not used before`).toBe(true);
      }
      seen.add(plain);
    }
    expect(suffixed).toBeLessThan(names.length / 2);
  });

  it("every MSISDN is a mobile number, unique among the lines in a group", () => {
    const seen = new Set<string>();
    for (const m of archive.members) {
      expect(isMsisdn(m.msisdn), m.msisdn).toBe(true);
      expect(seen.has(m.msisdn), m.msisdn).toBe(false);
      seen.add(m.msisdn);
    }
    const ids = new Set(archive.customers.map((c) => c.id));
    for (const m of archive.members) expect(ids.has(m.customerId)).toBe(true);
  });

  it("every customer sits in a grid; its AM holds account_manager and works in the same county", () => {
    const units = new Map(org.units.map((u) => [u.id, u]));
    const users = new Map(org.users.map((u) => [u.id, u]));
    let owned = 0;
    for (const c of archive.customers) {
      const grid = units.get(c.orgUnitId)!;
      expect(grid.level).toBe("grid");
      if (c.accountManagerId) {
        owned++;
        const am = users.get(c.accountManagerId);
        expect(am?.roles, c.name).toContain("account_manager");
        const home = units.get(am!.orgUnitId)!;
        expect([home.id, home.parentId], c.name).toContain(grid.parentId);
      }
      if (c.customerEngineerId) expect(users.get(c.customerEngineerId)?.roles).toContain("customer_engineer");
    }
    expect(owned).toBeGreaterThan(1900);
  });

  it("every customer has a decision maker and two key persons reporting to them", () => {
    const byCustomer = new Map<string, typeof archive.contacts>();
    for (const c of archive.contacts)
      byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
    expect(byCustomer.size).toBe(2000);
    for (const people of byCustomer.values()) {
      expect(people).toHaveLength(3);
      const boss = people.filter((p) => p.reportsToId === null);
      expect(boss).toHaveLength(1);
      expect(boss[0]!.decisionRole).toBe("decision_maker");
      for (const p of people) if (p !== boss[0]) expect(p.reportsToId).toBe(boss[0]!.id);
      for (const p of people) expect(isMsisdn(p.mobile)).toBe(true);
    }
  });

  it("subsidiaries point at another customer of the archive, never at themselves or in a loop", () => {
    const byId = new Map(archive.customers.map((c) => [c.id, c]));
    const children = archive.customers.filter((c) => c.parentId);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) {
      const parent = byId.get(c.parentId!);
      expect(parent).toBeDefined();
      expect(parent!.id).not.toBe(c.id);
      expect(parent!.parentId).toBeNull();
    }
  });

  it("revenue is whole fen, never negative, and absent for potential customers", () => {
    const potential = new Set(archive.customers.filter((c) => c.status === "potential").map((c) => c.id));
    expect(potential.size).toBeGreaterThan(0);
    for (const r of archive.revenue) {
      expect(Number.isInteger(r.groupPaidFen) && Number.isInteger(r.memberPaidFen)).toBe(true);
      expect(r.groupPaidFen).toBeGreaterThanOrEqual(0);
      expect(r.memberPaidFen).toBeGreaterThanOrEqual(0);
      expect(potential.has(r.customerId)).toBe(false);
    }
  });
});

describe("the grade mix under the default rule set (001: A ~5%, B ~25%, C ~70%)", () => {
  const mixOf = (customers: CustomerRow[], facts: Map<string, CustomerFacts>) => {
    const mix: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (const c of customers) {
      const code = classify(CHINA_MOBILE_ABC, facts.get(c.id)!).code!;
      mix[code] = (mix[code] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, v / customers.length]));
  };

  it.each([
    [SEED, TODAY.toISOString()],
    [7, "2026-01-10T04:00:00.000Z"],
    [2024, "2026-11-23T04:00:00.000Z"],
  ])("seed %i on %s lands within sensible bands", (seed, day) => {
    const today = new Date(day);
    const { archive: a } = seed === SEED && day === TODAY.toISOString() ? { archive } : plan(seed, today);
    const mix = mixOf(a.customers, factsOf(a, today));
    console.info(
      `grade mix, seed ${seed}: A ${(mix.A! * 100).toFixed(1)}%, B ${(mix.B! * 100).toFixed(1)}%, C ${(mix.C! * 100).toFixed(1)}%`,
    );
    expect(Object.keys(mix).sort()).toEqual(["A", "B", "C"]);
    expect(mix.A).toBeGreaterThanOrEqual(0.03);
    expect(mix.A).toBeLessThanOrEqual(0.12);
    expect(mix.B).toBeGreaterThanOrEqual(0.15);
    expect(mix.B).toBeLessThanOrEqual(0.35);
    expect(mix.C).toBeGreaterThanOrEqual(0.55);
    expect(mix.C).toBeLessThanOrEqual(0.8);
  });

  it("the top 5% by prior-year spend are about 5% of customers", () => {
    const facts = [...factsOf(archive, TODAY).values()];
    const top = facts.filter((f) => f.spendPercentile >= 95).length / facts.length;
    expect(top).toBeGreaterThan(0.04);
    expect(top).toBeLessThan(0.06);
    expect(Math.max(...facts.map((f) => f.spendPercentile))).toBe(100);
    expect(Math.min(...facts.map((f) => f.spendPercentile))).toBe(0);
  });
});
