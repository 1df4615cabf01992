/**
 * The product lines revenue is reported by: the seed catalogue's voice, data/information and industry
 * lines (DOMAIN.md "Products", seeds 001 and 004; 001's KPI splits informatization revenue the same way).
 * Codes are what the billing export and the API carry; the web shows the names from its dictionaries.
 */
export const PRODUCT_LINES = [
  "vpmn",
  "group_sms",
  "mas",
  "ringback",
  "dedicated_line",
  "internet_line",
  "idc",
  "industry_app",
  "voice",
] as const;
export type ProductLine = (typeof PRODUCT_LINES)[number];
