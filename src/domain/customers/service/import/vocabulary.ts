import type { ProductLine } from "../../rules/product-lines.ts";

/**
 * The closed vocabularies an import accepts, in English (the API's codes) or Chinese (what users type),
 * and what the template's drop-down lists and the export show.
 */
export interface ChoiceLabel {
  zh: string;
  en: string;
  /** Other spellings users write for the same value. */
  aliases?: readonly string[];
}
export type Choices<T extends string> = Readonly<Record<T, ChoiceLabel>>;

export const STATUS_CHOICES: Choices<"potential" | "active" | "at_risk" | "churned" | "won_back"> = {
  potential: { zh: "潜在", en: "potential", aliases: ["潜在客户"] },
  active: { zh: "在网", en: "active", aliases: ["在网客户", "正常"] },
  at_risk: { zh: "预警", en: "at_risk", aliases: ["预警客户", "风险"] },
  churned: { zh: "流失", en: "churned", aliases: ["流失客户", "离网"] },
  won_back: { zh: "赢回", en: "won_back", aliases: ["赢回客户"] },
};

export const CLUSTER_TYPE_CHOICES: Choices<"building" | "park" | "market" | "street"> = {
  building: { zh: "楼宇", en: "building", aliases: ["商务楼宇"] },
  park: { zh: "园区", en: "park", aliases: ["产业园区", "工业园区"] },
  market: { zh: "专业市场", en: "market", aliases: ["市场"] },
  street: { zh: "商业街", en: "street", aliases: ["商业街区", "街区"] },
};

export const PAYER_CHOICES: Choices<"group" | "member"> = {
  group: { zh: "集团", en: "group", aliases: ["集团付费", "统一付费"] },
  member: { zh: "个人", en: "member", aliases: ["个人付费", "成员"] },
};

export const RANK_CHOICES: Choices<"bureau" | "division" | "section" | "other"> = {
  bureau: { zh: "厅局", en: "bureau", aliases: ["厅局级", "局级"] },
  division: { zh: "处", en: "division", aliases: ["处级"] },
  section: { zh: "科", en: "section", aliases: ["科级"] },
  other: { zh: "其他", en: "other" },
};

export const DECISION_ROLE_CHOICES: Choices<
  "decision_maker" | "influencer" | "user" | "technical" | "purchaser"
> = {
  decision_maker: { zh: "决策者", en: "decision_maker", aliases: ["决策人"] },
  influencer: { zh: "影响者", en: "influencer", aliases: ["影响人"] },
  user: { zh: "使用者", en: "user", aliases: ["使用人"] },
  technical: { zh: "技术负责人", en: "technical", aliases: ["技术"] },
  purchaser: { zh: "采购", en: "purchaser", aliases: ["采购负责人", "采购人"] },
};

/** A billing export names the line by its code or its Chinese name (001's KPI list, DOMAIN.md "KPIs"). */
export const PRODUCT_LINE_CHOICES: Choices<ProductLine> = {
  vpmn: { zh: "集团V网", en: "vpmn", aliases: ["V网", "VPMN", "集团VPMN"] },
  group_sms: { zh: "集团短信", en: "group_sms", aliases: ["集团短信通", "group SMS"] },
  mas: { zh: "移动信使", en: "mas", aliases: ["MAS", "移动信使MAS"] },
  ringback: { zh: "集团彩铃", en: "ringback", aliases: ["彩铃"] },
  dedicated_line: { zh: "集团专线", en: "dedicated_line", aliases: ["专线", "数据专线"] },
  internet_line: { zh: "互联网专线", en: "internet_line", aliases: ["互联网接入"] },
  idc: { zh: "IDC", en: "idc", aliases: ["数据中心"] },
  industry_app: { zh: "行业应用", en: "industry_app", aliases: ["行业应用类"] },
  voice: { zh: "语音", en: "voice", aliases: ["集团语音"] },
};

export const RELATIONSHIP_CHOICES = ["1", "2", "3", "4", "5"] as const;

/** 是/否 as typed in Chinese spreadsheets, and the forms other systems export. */
export const YES = ["是", "y", "yes", "true", "1", "√", "✓"] as const;
export const NO = ["否", "n", "no", "false", "0", "×", "✗"] as const;

/** Lower-case, no spaces, `-` as `_`: "At-Risk" and "at_risk" are the same choice. */
export const normaliseChoice = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export function choiceLookup<T extends string>(choices: Choices<T>): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const [value, label] of Object.entries(choices) as [T, ChoiceLabel][]) {
    for (const spelling of [value, label.zh, label.en, ...(label.aliases ?? [])]) {
      lookup.set(normaliseChoice(spelling), value);
    }
  }
  return lookup;
}

export const zhLabel = <T extends string>(choices: Choices<T>, value: T | null | undefined): string =>
  value ? choices[value].zh : "";
