/**
 * Pure rules of the customer archive: identifiers, derived cards, and the grading engine that evaluates
 * rule sets held as data. No I/O here.
 */

// GB 32100-2015 unified social credit code: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
// the last is a check character over the first 17 with weights 3^i mod 31.
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = "length" | "characters" | "check_digit";
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return "length";
  if ([...code].some((c) => !CREDIT_ALPHABET.includes(c))) return "characters";
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : "check_digit";
}

/** Mainland mobile numbers: 11 digits, 13–19 prefixes. */
export const isMsisdn = (value: string): boolean => /^1[3-9]\d{9}$/.test(value);

/** 004: a key person's rank (or equivalent) sets the VIP card: bureau → diamond, division → gold, section → silver. */
export type Rank = "bureau" | "division" | "section" | "other";
export const VIP_CARD_BY_RANK: Record<Rank, "diamond" | "gold" | "silver" | null> = {
  bureau: "diamond",
  division: "gold",
  section: "silver",
  other: null,
};

/** GB/T 4754-2017 sections and the two-digit divisions each holds. */
export const INDUSTRY_SECTIONS: Record<string, { zh: string; en: string; divisions: [number, number] }> = {
  A: { zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery", divisions: [1, 5] },
  B: { zh: "采矿业", en: "Mining", divisions: [6, 12] },
  C: { zh: "制造业", en: "Manufacturing", divisions: [13, 43] },
  D: { zh: "电力、热力、燃气及水生产和供应业", en: "Electricity, heat, gas and water", divisions: [44, 46] },
  E: { zh: "建筑业", en: "Construction", divisions: [47, 50] },
  F: { zh: "批发和零售业", en: "Wholesale and retail", divisions: [51, 52] },
  G: { zh: "交通运输、仓储和邮政业", en: "Transport, storage and post", divisions: [53, 60] },
  H: { zh: "住宿和餐饮业", en: "Accommodation and catering", divisions: [61, 62] },
  I: {
    zh: "信息传输、软件和信息技术服务业",
    en: "Information transmission, software and IT services",
    divisions: [63, 65],
  },
  J: { zh: "金融业", en: "Finance", divisions: [66, 69] },
  K: { zh: "房地产业", en: "Real estate", divisions: [70, 70] },
  L: { zh: "租赁和商务服务业", en: "Leasing and business services", divisions: [71, 72] },
  M: { zh: "科学研究和技术服务业", en: "Scientific research and technical services", divisions: [73, 75] },
  N: {
    zh: "水利、环境和公共设施管理业",
    en: "Water, environment and public facilities",
    divisions: [76, 79],
  },
  O: { zh: "居民服务、修理和其他服务业", en: "Resident, repair and other services", divisions: [80, 82] },
  P: { zh: "教育", en: "Education", divisions: [83, 83] },
  Q: { zh: "卫生和社会工作", en: "Health and social work", divisions: [84, 85] },
  R: { zh: "文化、体育和娱乐业", en: "Culture, sports and entertainment", divisions: [86, 90] },
  S: {
    zh: "公共管理、社会保障和社会组织",
    en: "Public administration and social organisations",
    divisions: [91, 96],
  },
  T: { zh: "国际组织", en: "International organisations", divisions: [97, 97] },
};

/** A division ("66") must fall inside its section's range (J = 66–69). */
export function divisionFitsSection(section: string, division: string): boolean {
  const range = INDUSTRY_SECTIONS[section]?.divisions;
  const n = Number(division);
  return range !== undefined && /^\d{2}$/.test(division) && n >= range[0] && n <= range[1];
}

export type CustomerStatus = "potential" | "active" | "at_risk" | "churned" | "won_back";
/** The lifecycle (Jike's own choice, DOMAIN.md): a churned customer comes back only as "won back". */
export const STATUS_TRANSITIONS: Record<CustomerStatus, readonly CustomerStatus[]> = {
  potential: ["active", "churned"],
  active: ["at_risk", "churned"],
  at_risk: ["active", "churned"],
  churned: ["won_back"],
  won_back: ["active", "at_risk", "churned"],
};
export const canMoveStatus = (from: CustomerStatus, to: CustomerStatus): boolean =>
  STATUS_TRANSITIONS[from].includes(to);
