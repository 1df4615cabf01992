import { PRODUCT_LINES } from "../../src/domain/customers/rules/product-lines.ts";
import type { OrgPlan, Scale } from "./org.ts";
import { mobile, personName, type Rng } from "./random.ts";

/**
 * The demo archive: ~2,000 group customers over the grids (A/B/C near 5/25/70%), ~60,000 member lines,
 * ~6,000 key persons and 24 months of revenue per product line. Industries, sizes and spend are drawn
 * so that the default rule sets (001, 003, 004) produce a realistic mix.
 */
export interface CustomerRow {
  provinceId: number;
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  creditCode: string;
  industrySection: string;
  industryDivision: string;
  address: string;
  orgUnitId: string;
  cluster: string | null;
  clusterType: "building" | "park" | "market" | "street" | null;
  employees: number;
  handsets: number;
  parentId: string | null;
  status: "potential" | "active" | "at_risk" | "churned" | "won_back";
  accountManagerId: string | null;
  customerEngineerId: string | null;
  important: boolean;
  tags: string[];
}
export interface MemberRow {
  provinceId: number;
  id: string;
  customerId: string;
  msisdn: string;
  name: string;
  payer: "group" | "member";
  authentic: boolean;
  verifiedAt: string | null;
  joinedAt: string;
}
export interface ContactRow {
  provinceId: number;
  id: string;
  customerId: string;
  name: string;
  title: string;
  rank: "bureau" | "division" | "section" | "other";
  decisionRole: "decision_maker" | "influencer" | "user" | "technical" | "purchaser";
  mobile: string;
  relationshipStrength: number;
  reportsToId: string | null;
}
export interface RevenueRow {
  provinceId: number;
  customerId: string;
  month: string;
  productLine: string;
  groupPaidFen: number;
  memberPaidFen: number;
}
export interface ArchivePlan {
  customers: CustomerRow[];
  members: MemberRow[];
  contacts: ContactRow[];
  revenue: RevenueRow[];
}

interface Industry {
  section: string;
  divisions: string[];
  weight: number;
  names: ((place: string, rng: Rng) => string)[];
  ranks: boolean;
}
const pick = <T>(rng: Rng, items: readonly T[]) => rng.pick(items);
const WORDS = [
  "华兴",
  "湘江",
  "宏达",
  "鑫源",
  "恒通",
  "瑞丰",
  "天成",
  "金盛",
  "远航",
  "博雅",
  "中诚",
  "汇丰",
  "新锐",
  "永泰",
  "嘉禾",
];
const INDUSTRIES: Industry[] = [
  {
    section: "C",
    divisions: ["13", "26", "34", "35", "38", "39"],
    weight: 18,
    ranks: false,
    names: [
      (p, r) => `${p}${pick(r, WORDS)}机械制造有限公司`,
      (_p, r) => `湖南${pick(r, WORDS)}电子科技有限公司`,
      (p, r) => `${p}${pick(r, WORDS)}食品有限公司`,
    ],
  },
  {
    section: "F",
    divisions: ["51", "52"],
    weight: 15,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}商贸有限公司`, (p, r) => `${p}${pick(r, WORDS)}超市连锁有限公司`],
  },
  {
    section: "S",
    divisions: ["92", "93", "94"],
    weight: 8,
    ranks: true,
    names: [
      (p) => `${p}人民政府办公室`,
      (p) => `${p}公安局`,
      (p) => `${p}市场监督管理局`,
      (p) => `${p}人力资源和社会保障局`,
    ],
  },
  {
    section: "P",
    divisions: ["83"],
    weight: 7,
    ranks: true,
    names: [
      (p, r) => `${p}第${pick(r, ["一", "二", "三", "四", "五"])}中学`,
      (p) => `${p}实验小学`,
      (p) => `${p}职业技术学校`,
    ],
  },
  {
    section: "Q",
    divisions: ["84"],
    weight: 5,
    ranks: true,
    names: [
      (p, r) => `${p}第${pick(r, ["一", "二", "三"])}人民医院`,
      (p) => `${p}中医医院`,
      (p) => `${p}妇幼保健院`,
    ],
  },
  {
    section: "J",
    divisions: ["67", "68", "68", "69", "66"],
    weight: 3,
    ranks: false,
    names: [
      (p, r) => `${pick(r, ["中国工商银行", "中国建设银行", "长沙银行", "华融湘江银行"])}${p}支行`,
      (p, r) => `${pick(r, ["中国人寿", "平安保险", "方正证券"])}${p}营业部`,
    ],
  },
  {
    section: "G",
    divisions: ["54", "54", "58", "59"],
    weight: 5,
    ranks: false,
    names: [
      (p, r) => `${p}${pick(r, WORDS)}物流有限公司`,
      (p) => `${p}公路客运有限公司`,
      (p, r) => `${p}${pick(r, WORDS)}仓储有限公司`,
    ],
  },
  {
    section: "I",
    divisions: ["64", "64", "65", "65", "64", "65", "63"],
    weight: 3,
    ranks: false,
    names: [
      (p, r) => `${p}${pick(r, WORDS)}软件有限公司`,
      (_p, r) => `湖南${pick(r, WORDS)}信息技术有限公司`,
    ],
  },
  {
    section: "D",
    divisions: ["44", "45", "46"],
    weight: 1,
    ranks: false,
    names: [(p) => `国网${p}供电公司`, (p) => `${p}自来水有限公司`, (p) => `${p}燃气有限公司`],
  },
  {
    section: "E",
    divisions: ["47", "48", "50"],
    weight: 6,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}建设工程有限公司`],
  },
  {
    section: "H",
    divisions: ["61", "62"],
    weight: 5,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}大酒店`, (p, r) => `${p}${pick(r, WORDS)}餐饮管理有限公司`],
  },
  {
    section: "K",
    divisions: ["70"],
    weight: 4,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}置业有限公司`, (p, r) => `${p}${pick(r, WORDS)}物业管理有限公司`],
  },
  {
    section: "L",
    divisions: ["71", "72"],
    weight: 6,
    ranks: false,
    names: [
      (p, r) => `${p}${pick(r, WORDS)}商务咨询有限公司`,
      (p, r) => `${p}${pick(r, WORDS)}人力资源服务有限公司`,
    ],
  },
  {
    section: "M",
    divisions: ["73", "74", "75"],
    weight: 3,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}工程设计研究院`],
  },
  {
    section: "O",
    divisions: ["80", "81"],
    weight: 4,
    ranks: false,
    names: [
      (p, r) => `${p}${pick(r, WORDS)}家政服务有限公司`,
      (p, r) => `${p}${pick(r, WORDS)}汽车维修有限公司`,
    ],
  },
  {
    section: "R",
    divisions: ["86", "87", "89"],
    weight: 3,
    ranks: false,
    names: [(p) => `${p}广播电视台`, (p, r) => `${p}${pick(r, WORDS)}文化传媒有限公司`],
  },
  {
    section: "N",
    divisions: ["77", "78"],
    weight: 2,
    ranks: false,
    names: [(p) => `${p}城市管理和综合执法局环卫处`, (p, r) => `${p}${pick(r, WORDS)}环保科技有限公司`],
  },
  {
    section: "A",
    divisions: ["01", "03"],
    weight: 2,
    ranks: false,
    names: [(p, r) => `${p}${pick(r, WORDS)}农业开发有限公司`],
  },
];
const TOTAL_WEIGHT = INDUSTRIES.reduce((s, i) => s + i.weight, 0);
function pickIndustry(roll: number): Industry {
  let left = roll;
  for (const industry of INDUSTRIES) {
    left -= industry.weight;
    if (left < 0) return industry;
  }
  return INDUSTRIES[0]!;
}

const CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(rng: Rng, section: string): string {
  const kind = section === "S" ? "11" : section === "P" || section === "Q" ? "12" : "91";
  let body = `${kind}430${String(rng.int(100, 999))}`;
  while (body.length < 17) body += CREDIT[rng.int(0, 30)];
  const sum = [...body].reduce((s, c, i) => s + CREDIT.indexOf(c) * WEIGHTS[i]!, 0);
  return body + CREDIT[(31 - (sum % 31)) % 31];
}

const CLUSTERS = [
  { name: "芙蓉国际大厦", type: "building" as const },
  { name: "高新技术产业园", type: "park" as const },
  { name: "红星农产品大市场", type: "market" as const },
  { name: "黄兴路步行街", type: "street" as const },
  { name: "金融中心写字楼", type: "building" as const },
  { name: "经济开发区", type: "park" as const },
];
const TITLES: Record<ContactRow["rank"], string[]> = {
  bureau: ["局长", "院长", "校长", "主任"],
  division: ["处长", "副院长", "办公室主任", "信息中心主任"],
  section: ["科长", "副科长", "信息科长"],
  other: ["总经理", "副总经理", "行政经理", "IT主管", "采购经理", "财务总监"],
};
const ROLES: ContactRow["decisionRole"][] = [
  "decision_maker",
  "influencer",
  "technical",
  "purchaser",
  "user",
];

/** Months as first-day dates, oldest first: the 24 complete months before `today` (Asia/Shanghai). */
export function last24Months(today: Date): string[] {
  const [y, m] = today.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).split("-").map(Number) as [
    number,
    number,
  ];
  return Array.from({ length: 24 }, (_, i) => {
    const index = y * 12 + (m - 1) - 24 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  });
}

/** Customers per generated chunk: enough for fast batched inserts, small enough to stream a province. */
export const CHUNK_CUSTOMERS = 1000;

const CUSTOMERS_AT: Record<Scale, number> = { test: 48, demo: 2000, province: 200_000 };
// Registered member lines per handset: ~29 per customer in the demo; ~20 at province scale, where
// 200,000 groups hold ~4,000,000 lines (J2).
const MEMBER_SHARE: Record<Scale, number> = { test: 0.2, demo: 0.2, province: 0.14 };

/** What the cross-region linking needs to know of each customer, kept while the rest streams past. */
export interface LinkCandidate {
  id: string;
  industrySection: string;
  handsets: number;
}

/**
 * The archive in chunks of `CHUNK_CUSTOMERS` customers with their members, key persons and revenue, so a
 * province of 200,000 customers never sits in memory at once. The draws happen in the same order
 * whatever the chunk size: the same seed gives the same archive. Parents are linked afterwards
 * (`crossRegionLinks`), once every candidate has been seen.
 */
export function* archiveChunks(rng: Rng, org: OrgPlan, scale: Scale, today: Date): Generator<ArchivePlan> {
  const grids = org.units.filter((u) => u.level === "grid");
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const cityIdOf = new Map<string, string>();
  const cityOf = (unitId: string): string | undefined => {
    if (cityIdOf.has(unitId)) return cityIdOf.get(unitId);
    let unit = unitById.get(unitId);
    while (unit && unit.level !== "city") unit = unitById.get(unit.parentId);
    cityIdOf.set(unitId, unit?.id ?? "");
    return unit?.id;
  };
  const amsByGrid = new Map<string, string[]>();
  const engineersByCity = new Map<string, string[]>();
  for (const u of org.users) {
    if (u.roles.includes("account_manager"))
      amsByGrid.set(u.orgUnitId, [...(amsByGrid.get(u.orgUnitId) ?? []), u.id]);
    if (u.roles.includes("customer_engineer")) {
      const city = cityOf(u.orgUnitId);
      if (city) engineersByCity.set(city, [...(engineersByCity.get(city) ?? []), u.id]);
    }
  }
  const countyAm = new Map<string, string>();
  for (const g of grids) {
    const am = amsByGrid.get(g.id)?.[0];
    if (am && !countyAm.has(g.parentId)) countyAm.set(g.parentId, am);
  }
  const months = last24Months(today);
  const total = CUSTOMERS_AT[scale];
  const memberShare = MEMBER_SHARE[scale];
  const epoch = Date.UTC(2025, 0, 1);
  const usedMsisdn = new Set<string>();
  const usedNames = new Set<string>();
  let plan: ArchivePlan = { customers: [], members: [], contacts: [], revenue: [] };

  for (let i = 0; i < total; i++) {
    if (plan.customers.length === CHUNK_CUSTOMERS) {
      yield plan;
      plan = { customers: [], members: [], contacts: [], revenue: [] };
    }
    const grid = grids[i % grids.length]!;
    const county = unitById.get(grid.parentId)!;
    const place = county.name.replace(/分公司$/, "");
    const industry = pickIndustry(rng.next() * TOTAL_WEIGHT);
    const division = rng.pick(industry.divisions);
    const sizeRoll = rng.next();
    const handsets =
      sizeRoll < 0.02 ? rng.int(500, 2500) : sizeRoll < 0.25 ? rng.int(100, 499) : rng.int(10, 99);
    const id = rng.uuid(epoch);
    const clusterPick = rng.next() < 0.25 ? rng.pick(CLUSTERS) : null;
    const statusRoll = rng.next();
    const status =
      statusRoll < 0.85
        ? "active"
        : statusRoll < 0.9
          ? "at_risk"
          : statusRoll < 0.94
            ? "potential"
            : statusRoll < 0.98
              ? "churned"
              : "won_back";
    // Grids with several account managers share their customers out in turn.
    const gridAms = amsByGrid.get(grid.id);
    const am = gridAms
      ? gridAms[Math.floor(i / grids.length) % gridAms.length]!
      : (countyAm.get(county.id) ?? null);
    const engineers = engineersByCity.get(cityOf(grid.id) ?? "") ?? [];
    const tags: string[] = [];
    if (industry.section === "S" && rng.next() < 0.1) tags.push("major_social_influence");
    if (handsets > 400 && rng.next() < 0.2) tags.push("top500_taxpayer");
    const name = industry.names[rng.int(0, industry.names.length - 1)]!(place, rng);
    // Only a repeated name gets a suffix (the grid and a serial), so most demo names read as real ones.
    const unique = usedNames.has(name)
      ? `${name}（${grid.name.replace(place, "").replace("网格", "")}${i}）`
      : name;
    usedNames.add(name);
    plan.customers.push({
      provinceId: grid.provinceId,
      id,
      // Demo codes JK00000001… never meet the sequence's JK10000001… of customers created later.
      code: `JK${String(i + 1).padStart(8, "0")}`,
      name: unique,
      shortName: name.length > 10 ? name.slice(0, 8) : null,
      creditCode: creditCode(rng, industry.section),
      industrySection: industry.section,
      industryDivision: division,
      address: `湖南省${place}${rng.pick(["人民路", "解放路", "建设路", "中山路", "五一大道", "芙蓉路"])}${rng.int(1, 399)}号`,
      orgUnitId: grid.id,
      cluster: clusterPick?.name ?? null,
      clusterType: clusterPick?.type ?? null,
      employees: Math.round(handsets * (1.1 + rng.next())),
      handsets,
      parentId: null,
      status,
      accountManagerId: am,
      customerEngineerId: handsets >= 100 && engineers.length > 0 ? rng.pick(engineers) : null,
      important: industry.ranks && rng.next() < 0.4,
      tags,
    });

    // Member lines: about a fifth of the handsets are registered group members.
    const lines = Math.max(1, Math.round(handsets * memberShare * (0.7 + rng.next() * 0.6)));
    for (let k = 0; k < lines; k++) {
      let msisdn = mobile(rng);
      while (usedMsisdn.has(msisdn)) msisdn = mobile(rng);
      usedMsisdn.add(msisdn);
      const authentic = rng.next() < 0.82;
      plan.members.push({
        provinceId: grid.provinceId,
        id: rng.uuid(epoch),
        customerId: id,
        msisdn,
        name: personName(rng),
        payer: rng.next() < 0.35 ? "group" : "member",
        authentic,
        verifiedAt: authentic ? months[rng.int(12, 23)]! : null,
        joinedAt: months[rng.int(0, 23)]!,
      });
    }

    // Key persons: a decision maker, and two more who report to them.
    const boss = rng.uuid(epoch);
    for (let k = 0; k < 3; k++) {
      const rank: ContactRow["rank"] = industry.ranks
        ? k === 0
          ? rng.pick(["bureau", "division"] as const)
          : rng.pick(["division", "section"] as const)
        : "other";
      plan.contacts.push({
        provinceId: grid.provinceId,
        id: k === 0 ? boss : rng.uuid(epoch),
        customerId: id,
        name: personName(rng),
        title: rng.pick(TITLES[rank]),
        rank,
        decisionRole: k === 0 ? "decision_maker" : ROLES[rng.int(1, ROLES.length - 1)]!,
        mobile: mobile(rng),
        relationshipStrength: rng.int(1, 5),
        reportsToId: k === 0 ? null : boss,
      });
    }

    // Revenue: spend per handset and month, split over a few product lines, with a gentle trend.
    if (status === "potential") continue;
    const arpu = 40 + rng.next() * 110;
    const lineCount = rng.int(2, 4);
    const productLines = [...PRODUCT_LINES].sort(() => rng.next() - 0.5).slice(0, lineCount);
    const trend = (rng.next() - 0.4) * 0.02;
    const groupShare = 0.2 + rng.next() * 0.4;
    months.forEach((month, mi) => {
      if (status === "churned" && mi > 18) return;
      const monthly = handsets * arpu * (1 + trend * mi) * (0.9 + rng.next() * 0.2) * 100;
      for (const line of productLines) {
        const fen = Math.max(0, Math.round(monthly / lineCount));
        plan.revenue.push({
          provinceId: grid.provinceId,
          customerId: id,
          month,
          productLine: line,
          groupPaidFen: Math.round(fen * groupShare),
          memberPaidFen: fen - Math.round(fen * groupShare),
        });
      }
    });
  }
  if (plan.customers.length > 0) yield plan;
}

/**
 * A few cross-region groups: the first three large financial customers become provincial parents, each
 * with three other financial customers — in other counties, as the archive spreads over the grids — as
 * subsidiaries (DOMAIN.md 跨区客户). Returns child id → parent id.
 */
export function crossRegionLinks(candidates: readonly LinkCandidate[]): Map<string, string> {
  const financial = candidates.filter((c) => c.industrySection === "J");
  const parents = financial.filter((c) => c.handsets >= 100).slice(0, 3);
  const parentIds = new Set(parents.map((p) => p.id));
  const links = new Map<string, string>();
  for (const parent of parents) {
    const children = financial.filter((c) => c.id !== parent.id && !links.has(c.id)).slice(0, 3);
    for (const child of children) if (!parentIds.has(child.id)) links.set(child.id, parent.id);
  }
  return links;
}

/** The whole archive in memory, parents linked: for the demo and test scales and their unit tests. */
export function planArchive(rng: Rng, org: OrgPlan, scale: Scale, today: Date): ArchivePlan {
  const plan: ArchivePlan = { customers: [], members: [], contacts: [], revenue: [] };
  for (const chunk of archiveChunks(rng, org, scale, today)) {
    plan.customers.push(...chunk.customers);
    plan.members.push(...chunk.members);
    plan.contacts.push(...chunk.contacts);
    plan.revenue.push(...chunk.revenue);
  }
  const links = crossRegionLinks(plan.customers);
  for (const c of plan.customers) c.parentId = links.get(c.id) ?? null;
  return plan;
}
