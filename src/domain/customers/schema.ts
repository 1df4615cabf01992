import { getTableColumns, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, provinceId, updatedAt, version } from "../../platform/db/columns.ts";

/** Business codes for customers created without one: JK10000001, JK10000002, … */
export const customerCodeSeq = pgSequence("customer_code_seq", { startWith: 10000001 });

export const CUSTOMER_STATUSES = ["potential", "active", "at_risk", "churned", "won_back"] as const;

/** 集团客户: an organisation, its archive fields, owner and classification (DOMAIN.md "Core objects"). */
export const customer = pgTable(
  "customer",
  {
    provinceId: provinceId(),
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    creditCode: text("credit_code"),
    industrySection: text("industry_section"),
    industryDivision: text("industry_division"),
    address: text("address"),
    orgUnitId: uuid("org_unit_id").notNull(),
    cluster: text("cluster"),
    clusterType: text("cluster_type", { enum: ["building", "park", "market", "street"] }),
    employees: integer("employees"),
    handsets: integer("handsets"),
    parentId: uuid("parent_id"),
    /**
     * A cross-region parent group is owned by the lowest org unit covering it and all its subsidiaries
     * (org_unit_id); this keeps the unit of its own site, so the ownership can be worked out again
     * when subsidiaries come or go. Null when the group sits in its own unit.
     */
    homeOrgUnitId: uuid("home_org_unit_id"),
    status: text("status", { enum: CUSTOMER_STATUSES }).notNull().default("active"),
    accountManagerId: uuid("account_manager_id"),
    customerEngineerId: uuid("customer_engineer_id"),
    important: boolean("important").notNull().default(false),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    grade: text("grade"),
    valueTier: text("value_tier"),
    marketSegment: text("market_segment"),
    smatType: text("smat_type"),
    /** Set when this record was merged into another (a duplicate); such records leave every list. */
    mergedIntoId: uuid("merged_into_id"),
    /**
     * The characters and character pairs of the full and short names (rules/search-grams.ts), for the
     * search index. Writers may send them ready-made; where a row comes without them, or its names change
     * without them, a trigger works them out (drizzle/0021). `customerColumns` leaves it out of selects.
     */
    searchGrams: text("search_grams").array(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "customer_pk", columns: [t.provinceId, t.id] }),
    uniqueIndex("customer_code_unique_per_province").on(t.provinceId, t.code),
    // Sparse columns get partial indexes: most customers have no engineer, parent or credit code yet,
    // and an import should not pay for indexing their blanks (each look-up names a value anyway).
    index("customer_credit_code_idx").on(t.provinceId, t.creditCode).where(sql`${t.creditCode} is not null`),
    // Lists always leave merged records out; with merged_into_id in the key, counting a unit's, an
    // AM's, a grade's or a status's customers never reads the table (index-only scans).
    // The filters people combine with a city's or county's subtree ride along, so "A-class customers
    // of this city" is counted from the index alone, unit by unit.
    index("customer_org_unit_idx").on(
      t.provinceId,
      t.orgUnitId,
      t.mergedIntoId,
      t.grade,
      t.status,
      t.marketSegment,
      t.valueTier,
    ),
    // A unit's customers in name order: a city's or county's page is picked from the index alone, its
    // units' entries top-N sorted, instead of walking the province's name index (ADR 0005).
    index("customer_unit_name_idx").on(t.provinceId, t.orgUnitId, t.mergedIntoId, t.name, t.id),
    index("customer_account_manager_idx").on(t.provinceId, t.accountManagerId, t.mergedIntoId),
    index("customer_engineer_idx")
      .on(t.provinceId, t.customerEngineerId)
      .where(sql`${t.customerEngineerId} is not null`),
    index("customer_grade_idx").on(t.provinceId, t.grade, t.mergedIntoId),
    index("customer_status_idx").on(t.provinceId, t.status, t.mergedIntoId),
    index("customer_segment_idx").on(t.provinceId, t.marketSegment, t.mergedIntoId),
    index("customer_value_tier_idx").on(t.provinceId, t.valueTier, t.mergedIntoId),
    index("customer_parent_idx").on(t.provinceId, t.parentId).where(sql`${t.parentId} is not null`),
    // The list's sort orders, with the id that breaks ties: a page is read off the index instead of
    // sorting the whole scope, even when thousands share a value (a re-grade touches every row at once).
    index("customer_name_idx").on(t.provinceId, t.name, t.id),
    index("customer_updated_idx").on(t.provinceId, t.updatedAt, t.id),
    index("customer_handsets_idx").on(t.provinceId, sql`${t.handsets} desc nulls last`, t.id),
    // Substring search of any length, two-character words included (migration 0009, search_grams).
    index("customer_search_grams").using("gin", t.searchGrams),
  ],
);

/** Every customer column but the search grams, which only the search index needs. */
export const customerColumns = (() => {
  const { searchGrams: _grams, ...columns } = getTableColumns(customer);
  return columns;
})();

/** 集团成员: one line (MSISDN) of a group; paid by the group (统一付费) or by the person (个人付费). */
export const member = pgTable(
  "member",
  {
    provinceId: provinceId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    msisdn: text("msisdn").notNull(),
    name: text("name"),
    payer: text("payer", { enum: ["group", "member"] })
      .notNull()
      .default("member"),
    authentic: boolean("authentic").notNull().default(false),
    verifiedAt: date("verified_at"),
    joinedAt: date("joined_at").notNull(),
    leftAt: date("left_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "member_pk", columns: [t.provinceId, t.id] }),
    // A line belongs to one group at a time; a line that left may join again later.
    uniqueIndex("member_msisdn_unique_while_in_group")
      .on(t.provinceId, t.msisdn)
      .where(sql`${t.leftAt} is null`),
    // With the leaving date, payer and authenticity in the key, a group's current lines are counted
    // from the index alone (the list's line counts, the 360° members summary): no heap visit per line.
    index("member_customer_idx").on(t.provinceId, t.customerId, t.leftAt, t.payer, t.authentic),
    foreignKey({
      name: "member_customer_fk",
      columns: [t.provinceId, t.customerId],
      foreignColumns: [customer.provinceId, customer.id],
    }),
  ],
);

/** 关键人: a person in the customer's decision chain (000, 003); rank drives the VIP card (004). */
export const contact = pgTable(
  "contact",
  {
    provinceId: provinceId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    rank: text("rank", { enum: ["bureau", "division", "section", "other"] })
      .notNull()
      .default("other"),
    decisionRole: text("decision_role", {
      enum: ["decision_maker", "influencer", "user", "technical", "purchaser"],
    }).notNull(),
    mobile: text("mobile"),
    email: text("email"),
    birthday: date("birthday"),
    interests: text("interests"),
    relationshipStrength: smallint("relationship_strength"),
    lastContactAt: timestamp("last_contact_at", { withTimezone: true }),
    reportsToId: uuid("reports_to_id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "contact_pk", columns: [t.provinceId, t.id] }),
    index("contact_customer_idx").on(t.provinceId, t.customerId),
    foreignKey({
      name: "contact_customer_fk",
      columns: [t.provinceId, t.customerId],
      foreignColumns: [customer.provinceId, customer.id],
    }),
  ],
);

/** Monthly revenue per customer and product line, split by who pays (group vs member), in fen. */
export const revenueFact = pgTable(
  "revenue_fact",
  {
    provinceId: provinceId(),
    customerId: uuid("customer_id").notNull(),
    month: date("month").notNull(),
    productLine: text("product_line").notNull(),
    groupPaidFen: bigint("group_paid_fen", { mode: "number" }).notNull().default(0),
    memberPaidFen: bigint("member_paid_fen", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "revenue_fact_pk", columns: [t.provinceId, t.customerId, t.month, t.productLine] }),
    index("revenue_fact_month_idx").on(t.provinceId, t.month),
  ],
);

/**
 * Each customer's revenue per calendar year, kept by triggers on revenue_fact (drizzle/0011): the list
 * sorts and the 360° header read "revenue to date" here instead of summing a year of facts per row.
 */
export const revenueYear = pgTable(
  "customer_revenue_year",
  {
    provinceId: provinceId(),
    customerId: uuid("customer_id").notNull(),
    year: smallint("year").notNull(),
    groupPaidFen: bigint("group_paid_fen", { mode: "number" }).notNull().default(0),
    memberPaidFen: bigint("member_paid_fen", { mode: "number" }).notNull().default(0),
    totalFen: bigint("total_fen", { mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`group_paid_fen + member_paid_fen`),
  },
  (t) => [primaryKey({ name: "customer_revenue_year_pk", columns: [t.provinceId, t.customerId, t.year] })],
);

/**
 * One row per month of revenue facts a province holds: what was loaded (rows, customers, totals in fen),
 * when, by whom and from which import, so the months list reads a few rows instead of millions of facts.
 * A month is loaded whole (the billing system's monthly export replaces it), so these figures are the
 * month's as loaded; a later merge of duplicates moves revenue between customers but keeps the totals.
 */
export const revenueMonth = pgTable(
  "revenue_month",
  {
    provinceId: provinceId(),
    month: date("month").notNull(),
    rowCount: integer("row_count").notNull(),
    customerCount: integer("customer_count").notNull(),
    groupPaidFen: bigint("group_paid_fen", { mode: "number" }).notNull(),
    memberPaidFen: bigint("member_paid_fen", { mode: "number" }).notNull(),
    // import: a billing export uploaded by someone; generated: the demo data or facts present before imports.
    source: text("source", { enum: ["import", "generated"] }).notNull(),
    importRunId: uuid("import_run_id"),
    loadedBy: uuid("loaded_by"),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "revenue_month_pk", columns: [t.provinceId, t.month] })],
);

/** Status lifecycle history (potential → active → at-risk → churned → won back). */
export const customerStatusHistory = pgTable(
  "customer_status_history",
  {
    provinceId: provinceId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "customer_status_history_pk", columns: [t.provinceId, t.id] }),
    index("customer_status_history_customer_idx").on(t.provinceId, t.customerId, t.changedAt),
  ],
);

/** Grading rule sets as data, versioned: kind = grade | value_tier | market_segment | smat_type. */
export const gradingRuleSet = pgTable(
  "grading_rule_set",
  {
    provinceId: provinceId(),
    id: id(),
    kind: text("kind", { enum: ["grade", "value_tier", "market_segment", "smat_type"] }).notNull(),
    name: text("name").notNull(),
    revision: integer("revision").notNull(),
    status: text("status", { enum: ["draft", "active", "retired"] })
      .notNull()
      .default("draft"),
    definition: jsonb("definition").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "grading_rule_set_pk", columns: [t.provinceId, t.id] }),
    uniqueIndex("grading_rule_set_revision_unique_per_kind").on(t.provinceId, t.kind, t.revision),
    uniqueIndex("grading_rule_set_one_active_per_kind")
      .on(t.provinceId, t.kind)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Every classification change, with the rule that fired and why (DOMAIN.md "history kept"). */
export const gradeHistory = pgTable(
  "grade_history",
  {
    provinceId: provinceId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    kind: text("kind").notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    ruleSetId: uuid("rule_set_id"),
    ruleId: text("rule_id"),
    reason: text("reason").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "grade_history_pk", columns: [t.provinceId, t.id] }),
    index("grade_history_customer_idx").on(t.provinceId, t.customerId, t.changedAt),
  ],
);

/** Who owned a customer when, and why it moved (001: one AM per ~50 groups; transfers keep history). */
export const assignmentHistory = pgTable(
  "customer_assignment_history",
  {
    provinceId: provinceId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    fromAccountManagerId: uuid("from_account_manager_id"),
    toAccountManagerId: uuid("to_account_manager_id"),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "customer_assignment_history_pk", columns: [t.provinceId, t.id] }),
    index("customer_assignment_history_customer_idx").on(t.provinceId, t.customerId, t.changedAt),
  ],
);

/**
 * A merge of a duplicate into a surviving customer, reversible until confirmed: `moved` records what
 * moved and which empty fields were filled, so an undo restores both records exactly.
 */
export const customerMerge = pgTable(
  "customer_merge",
  {
    provinceId: provinceId(),
    id: id(),
    survivorId: uuid("survivor_id").notNull(),
    mergedId: uuid("merged_id").notNull(),
    status: text("status", { enum: ["pending", "confirmed", "undone"] })
      .notNull()
      .default("pending"),
    moved: jsonb("moved").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "customer_merge_pk", columns: [t.provinceId, t.id] }),
    index("customer_merge_survivor_idx").on(t.provinceId, t.survivorId),
    index("customer_merge_merged_idx").on(t.provinceId, t.mergedId),
  ],
);

/**
 * The yearly key-account list (003 "重点客户名单"): rebuilt each year from the prior year's spend across
 * the province, with each customer's rank and spend at the time.
 */
export const keyAccount = pgTable(
  "key_account",
  {
    provinceId: provinceId(),
    year: smallint("year").notNull(),
    customerId: uuid("customer_id").notNull(),
    rank: integer("rank").notNull(),
    spendFen: bigint("spend_fen", { mode: "number" }).notNull(),
    builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "key_account_pk", columns: [t.provinceId, t.year, t.customerId] }),
    uniqueIndex("key_account_rank_unique_per_year").on(t.provinceId, t.year, t.rank),
  ],
);

/**
 * Likely duplicate pairs of a province, as the last duplicate scan found them (service/duplicates.ts): a
 * scan compares a province's customers in one pass, far too slow for a page request at 200,000
 * customers, so the page reads these rows and a job renews them. `a_id` < `b_id`.
 */
export const duplicateCandidate = pgTable(
  "duplicate_candidate",
  {
    provinceId: provinceId(),
    aId: uuid("a_id").notNull(),
    bId: uuid("b_id").notNull(),
    sameCredit: boolean("same_credit").notNull(),
    nameSimilarity: real("name_similarity").notNull(),
    addressSimilarity: real("address_similarity").notNull(),
    foundAt: timestamp("found_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "duplicate_candidate_pk", columns: [t.provinceId, t.aId, t.bId] }),
    // The page's order: shared credit codes first, then the most alike names.
    index("duplicate_candidate_rank_idx").on(t.provinceId, t.sameCredit, t.nameSimilarity),
  ],
);

export const customersSchema = {
  duplicateCandidate,
  keyAccount,
  customerMerge,
  assignmentHistory,
  customer,
  member,
  contact,
  revenueFact,
  revenueYear,
  revenueMonth,
  customerStatusHistory,
  gradingRuleSet,
  gradeHistory,
};

/**
 * One row per archive file imported, accepted or rejected: what it held, what it changed, and every
 * problem found (at most 10,000), so the error report can be downloaded again later.
 */
export const importRun = pgTable(
  "import_run",
  {
    provinceId: provinceId(),
    id: id(),
    // workbook: an .xlsx of any of the three sheets; customers | members | contacts: a CSV of one kind;
    // revenue: a month's billing export (docs/revenue-import.md).
    kind: text("kind", { enum: ["workbook", "customers", "members", "contacts", "revenue"] }).notNull(),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: ["accepted", "rejected"] }).notNull(),
    counts: jsonb("counts").notNull(),
    errorCount: integer("error_count").notNull().default(0),
    errors: jsonb("errors").notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "import_run_pk", columns: [t.provinceId, t.id] }),
    index("import_run_created_idx").on(t.provinceId, t.createdAt),
  ],
);
