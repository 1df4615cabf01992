import { type Catalogue, IMPORT_MESSAGES, SHARED_MESSAGES } from "../import/messages.ts";

/**
 * What each problem of a billing export says and how to fix it, in Chinese and English; they land in
 * the API answer, the CLI and the error report (opened in Excel), so the server writes them itself.
 */
export const REVENUE_MESSAGES = {
  ...SHARED_MESSAGES,
  bad_code: IMPORT_MESSAGES.bad_code,
  no_rows: () => ({
    zh: ["文件中没有数据行", "第 1 行为表头，从第 2 行起每行一个客户、一个月份、一个产品线的收入"],
    en: [
      "The file holds no rows",
      "Row 1 is the header; from row 2 on, one row per customer, month and product line",
    ],
  }),
  too_many_rows: (p) => ({
    zh: [`一个文件最多 ${p.max} 行`, "按月份拆分成多个文件分别导入"],
    en: [`A file may hold at most ${p.max} rows`, "Split it into one file per month"],
  }),
  bad_month: () => ({
    zh: ["不是有效的月份", "按 YYYY-MM 填写，如 2026-05（也可写 202605）"],
    en: ["Not a valid month", "Write it as YYYY-MM, e.g. 2026-05 (202605 also works)"],
  }),
  future_month: (p) => ({
    zh: [`月份晚于本月（${p.latest}），尚未出账`, "检查月份是否填错；只能导入本月及以前的收入"],
    en: [
      `The month is after this month (${p.latest}) and cannot have been billed`,
      "Check the month; revenue can be imported up to this month",
    ],
  }),
  unknown_product_line: (p) => ({
    zh: [`“${p.value}”不是已知的产品线`, `填写以下代码或中文名之一：${p.allowedZh}`],
    en: [`"${p.value}" is not a known product line`, `Use one of: ${p.allowedEn}`],
  }),
  bad_amount: () => ({
    zh: ["金额不是数字", "填写以元为单位的数字，如 1234.50，不带单位和文字"],
    en: ["The amount is not a number", "Write the amount in yuan, e.g. 1234.50, without units or words"],
  }),
  negative_amount: () => ({
    zh: ["金额不能为负数", "填写实收金额（0 或正数）；冲销调账请在计费系统处理后重新导出"],
    en: [
      "The amount cannot be negative",
      "Write the amount billed (0 or more); settle reversals in billing and export again",
    ],
  }),
  too_many_decimals: () => ({
    zh: ["金额最多两位小数（精确到分）", "四舍五入到分，如 12.35"],
    en: ["At most two decimals (fen)", "Round it to fen, e.g. 12.35"],
  }),
  amount_too_large: () => ({
    zh: ["金额过大，超过 13 位整数", "检查是否多了数字，或单位是否为分而不是元"],
    en: [
      "The amount has more than 13 digits of yuan",
      "Check for extra digits, or an amount in fen instead of yuan",
    ],
  }),
  unknown_customer: (p) => ({
    zh: [`本省没有客户编码 ${p.value}`, "填写集客中该客户的客户编码（可在客户列表中查到），或先建档再导入"],
    en: [
      `No customer of this province has the code ${p.value}`,
      "Use the customer's code in Jike (see the customer list), or create the customer first",
    ],
  }),
  customer_other_province: (p) => ({
    zh: [
      `客户编码 ${p.value} 属于其他省份（${p.province}），不在您的数据权限范围内`,
      "每个文件只导入本省的收入；其他省份的数据请由该省导入",
    ],
    en: [
      `The code ${p.value} belongs to another province (${p.province}), outside your data scope`,
      "Import only this province's revenue; that province imports its own",
    ],
  }),
  customer_merged: (p) => ({
    zh: [
      `客户编码 ${p.value} 是一条已合并的重复记录，保留的客户是 ${p.survivor}`,
      `把编码改为 ${p.survivor}`,
    ],
    en: [
      `The code ${p.value} is a duplicate merged into customer ${p.survivor}`,
      `Change the code to ${p.survivor}`,
    ],
  }),
} satisfies Catalogue;
