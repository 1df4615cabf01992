/**
 * The columns of a billing export (docs/revenue-import.md). A header may be the Chinese name, the
 * English one (`customer_code` or `customerCode`), both (`客户编码 (customer_code)`), or a name another
 * billing system uses for it; other columns (a customer's name, a city) are ignored.
 */
export interface RevenueColumn {
  key: "month" | "customerCode" | "productLine" | "groupPaidYuan" | "memberPaidYuan";
  zh: string;
  /** The documented English header. */
  en: string;
  aliases: readonly string[];
  help: { zh: string; en: string };
}

export const REVENUE_COLUMNS: readonly RevenueColumn[] = [
  {
    key: "month",
    zh: "月份",
    en: "month",
    aliases: ["账期", "账务月份", "统计月份", "billing_month", "period"],
    help: { zh: "YYYY-MM，如 2026-05（也可写 202605）", en: "YYYY-MM, e.g. 2026-05 (202605 also works)" },
  },
  {
    key: "customerCode",
    zh: "客户编码",
    en: "customer_code",
    aliases: ["集团编码", "集团客户编码", "customer"],
    help: { zh: "集客中的客户编码，如 JK00000001", en: "The customer's code in Jike, e.g. JK00000001" },
  },
  {
    key: "productLine",
    zh: "产品线",
    en: "product_line",
    aliases: ["产品", "产品类型", "业务类型", "product"],
    help: {
      zh: "产品线代码（如 vpmn）或中文名（如 集团V网）",
      en: "A product line code (vpmn) or its Chinese name",
    },
  },
  {
    key: "groupPaidYuan",
    zh: "集团统付金额",
    en: "group_paid_yuan",
    aliases: ["集团付费", "集团付费金额", "统付金额", "group_paid"],
    help: {
      zh: "集团统一付费的金额（元），最多两位小数",
      en: "Paid by the group, in yuan, at most two decimals",
    },
  },
  {
    key: "memberPaidYuan",
    zh: "个人付费金额",
    en: "member_paid_yuan",
    aliases: ["个人付费", "成员付费金额", "member_paid"],
    help: {
      zh: "成员个人付费的金额（元），最多两位小数",
      en: "Paid by the members, in yuan, at most two decimals",
    },
  },
];

/** `月份 (month)`: how error messages and the documentation name a column. */
export const revenueHeader = (column: RevenueColumn): string => `${column.zh} (${column.en})`;
