import { z } from "zod";
import { ListQuery, listOf } from "../../platform/http/pagination.ts";
import { Job, JobQueued } from "../../platform/jobs/contracts.ts";

export const CustomerStatus = z.enum(["potential", "active", "at_risk", "churned", "won_back"]);
export const ClusterType = z.enum(["building", "park", "market", "street"]);
export const Payer = z.enum(["group", "member"]);
export const Rank = z.enum(["bureau", "division", "section", "other"]);
export const DecisionRole = z.enum(["decision_maker", "influencer", "user", "technical", "purchaser"]);
export const RuleSetKind = z.enum(["grade", "value_tier", "market_segment", "smat_type"]);

const PersonRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const Customer = z.object({
  id: z.uuid(),
  provinceId: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  industrySection: z.string().nullable(),
  industryDivision: z.string().nullable(),
  address: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  cluster: z.string().nullable(),
  clusterType: ClusterType.nullable(),
  employees: z.number().int().nullable(),
  handsets: z.number().int().nullable(),
  parentId: z.uuid().nullable(),
  homeOrgUnitId: z
    .uuid()
    .nullable()
    .describe(
      "a cross-region group's own site, when it is owned higher up, by the unit covering its subsidiaries",
    ),
  status: CustomerStatus,
  accountManager: PersonRef,
  customerEngineer: PersonRef,
  important: z.boolean(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  grade: z.string().nullable(),
  valueTier: z.string().nullable(),
  marketSegment: z.string().nullable(),
  smatType: z.string().nullable(),
  memberCount: z.number().int(),
  revenueToDateFen: z.number().int().describe("this calendar year's revenue so far, in fen"),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

const csv = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .optional();

export const CustomerListQuery = ListQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe("substring of the name, short name, code or credit code"),
  grade: csv.describe("comma-separated grades, e.g. A,B"),
  valueTier: csv,
  marketSegment: csv,
  status: csv,
  industrySection: csv,
  orgUnitId: z.uuid().optional().describe("customers of this unit and its subtree"),
  accountManagerId: z.uuid().optional(),
  cluster: z.string().trim().max(60).optional(),
  important: z.enum(["true", "false"]).optional(),
  tag: z.string().trim().max(40).optional(),
  sort: z.enum(["name", "code", "grade", "revenueToDate", "handsets", "updatedAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .describe("unified social credit code (GB 32100-2015), 18 characters with a check character");

export const CustomerCreate = z.object({
  name: z.string().trim().min(2).max(100),
  shortName: optionalText(40),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe("generated when left out"),
  creditCode: CreditCode.nullable().optional(),
  industrySection: z
    .string()
    .trim()
    .regex(/^[A-T]$/, "a GB/T 4754 section letter A–T")
    .nullable()
    .optional(),
  industryDivision: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "a two-digit GB/T 4754 division")
    .nullable()
    .optional(),
  address: optionalText(200),
  orgUnitId: z.uuid(),
  cluster: optionalText(60),
  clusterType: ClusterType.nullable().optional(),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
  handsets: z.number().int().min(0).max(10_000_000).nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  status: CustomerStatus.optional(),
  accountManagerId: z.uuid().nullable().optional(),
  customerEngineerId: z.uuid().nullable().optional(),
  important: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  notes: optionalText(2000),
});
export const CustomerUpdate = CustomerCreate.omit({ code: true, status: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export const StatusChange = z.object({
  version: z.number().int().min(1),
  status: CustomerStatus,
  reason: z.string().trim().min(2).max(500),
});

export const Member = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  msisdn: z.string().describe("masked unless the caller holds pii:read"),
  name: z.string().nullable(),
  payer: Payer,
  authentic: z.boolean(),
  verifiedAt: z.string().nullable(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
});
export const MemberListQuery = ListQuery.extend({
  q: z.string().trim().max(20).optional().describe("digits of the number"),
  payer: Payer.optional(),
  current: z.enum(["true", "false"]).optional().describe("true: only lines still in the group (default)"),
});
export const MemberCreate = z.object({
  msisdn: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "an 11-digit mainland mobile number"),
  name: z.string().trim().max(40).nullable().optional(),
  payer: Payer.default("member"),
  authentic: z.boolean().default(false),
  verifiedAt: z.iso.date().nullable().optional(),
  joinedAt: z.iso.date().optional(),
});
export const MemberLeave = z.object({ leftAt: z.iso.date().optional() });
export const MemberSummary = z.object({
  total: z.number().int(),
  groupPaid: z.number().int(),
  memberPaid: z.number().int(),
  authentic: z.number().int(),
  authenticityRate: z.number().describe("0–1"),
});

export const Contact = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  rank: Rank,
  decisionRole: DecisionRole,
  vipCard: z.enum(["diamond", "gold", "silver"]).nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  birthday: z.string().nullable(),
  interests: z.string().nullable(),
  relationshipStrength: z.number().int().nullable(),
  lastContactAt: z.string().nullable(),
  reportsToId: z.uuid().nullable(),
  version: z.number().int(),
});
export const ContactCreate = z.object({
  name: z.string().trim().min(1).max(40),
  title: optionalText(60),
  rank: Rank.default("other"),
  decisionRole: DecisionRole,
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "an 11-digit mainland mobile number")
    .nullable()
    .optional(),
  email: z.email().nullable().optional(),
  birthday: z.iso.date().nullable().optional(),
  interests: optionalText(200),
  relationshipStrength: z.number().int().min(1).max(5).nullable().optional(),
  lastContactAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reportsToId: z.uuid().nullable().optional(),
});
export const ContactUpdate = ContactCreate.partial().extend({ version: z.number().int().min(1) });

export const GradeHistoryEntry = z.object({
  kind: RuleSetKind,
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  ruleId: z.string().nullable(),
  reason: z.string(),
  changedAt: z.string(),
});

export const CustomerOverview = z.object({
  customer: Customer.extend({
    accountManager: PersonRef,
    revenueToDateFen: z.number().int(),
    revenueLast12MonthsFen: z.number().int(),
  }),
  members: MemberSummary,
  contacts: z.array(Contact),
  revenue: z.array(
    z.object({ month: z.string(), groupPaidFen: z.number().int(), memberPaidFen: z.number().int() }),
  ),
  gradeHistory: z.array(GradeHistoryEntry),
  statusHistory: z.array(
    z.object({
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
  subsidiaries: z.array(z.object({ id: z.uuid(), name: z.string(), orgUnitName: z.string() })),
  parentGroup: z
    .object({ id: z.uuid(), code: z.string(), name: z.string(), orgUnitName: z.string() })
    .nullable()
    .describe("the group this customer belongs to, shown even when the parent is outside the caller's scope"),
  products: z.array(z.unknown()).describe("filled by the catalogue capability"),
  tickets: z.array(z.unknown()).describe("filled by the service desk"),
  visits: z.array(z.unknown()).describe("filled by the sales capability"),
  risk: z.unknown().nullable().describe("filled by the insight capability"),
});

const FactField = z.enum([
  "handsets",
  "employees",
  "avgMonthlySpendFen",
  "priorYearSpendFen",
  "spendPercentile",
  "industrySection",
  "industryDivision",
  "clusterType",
  "important",
  "tags",
]);
export const RuleCondition = z.discriminatedUnion("op", [
  z.object({ field: FactField, op: z.enum(["gte", "lt"]), value: z.number() }),
  z.object({ field: FactField, op: z.literal("in"), value: z.array(z.string()).min(1) }),
  z.object({ field: FactField, op: z.literal("eq"), value: z.union([z.string(), z.boolean()]) }),
  z.object({ field: z.literal("tags"), op: z.literal("has"), value: z.string().min(1) }),
  z.object({ field: FactField, op: z.literal("present"), value: z.boolean() }),
]);
const ClassLabel = {
  code: z.string().trim().min(1).max(40),
  labelZh: z.string().min(1).max(40),
  labelEn: z.string().min(1).max(60),
};
export const RuleSetDefinition = z.object({
  classes: z
    .array(
      z.object({
        ...ClassLabel,
        rules: z.array(
          z.object({
            id: z.string().trim().min(1).max(60),
            description: z.string().trim().min(1).max(300),
            all: z.array(RuleCondition).min(1),
          }),
        ),
      }),
    )
    .min(1),
  fallback: z.object({ ...ClassLabel, reason: z.string().min(1).max(300) }).nullable(),
});
export const RuleSet = z.object({
  id: z.uuid(),
  kind: RuleSetKind,
  name: z.string(),
  revision: z.number().int(),
  status: z.enum(["draft", "active", "retired"]),
  definition: RuleSetDefinition,
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export const RuleSetCreate = z.object({
  kind: RuleSetKind,
  name: z.string().trim().min(1).max(80),
  definition: RuleSetDefinition,
  provinceId: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe("group HQ names the province; others act on their own"),
});
export const RuleSetPreview = z.object({
  total: z.number().int(),
  changed: z.number().int(),
  moves: z.record(z.string(), z.number().int()).describe('"A→B": how many customers would move'),
});
export const RegradeResult = z.object({
  customers: z.number().int(),
  changed: z.record(RuleSetKind, z.number().int()),
});
export const RegradeQueued = JobQueued.describe("poll GET /api/v1/jobs/{id}; its result is a RegradeResult");
export const RuleSetActivated = z.object({ ruleSet: RuleSet, job: Job.describe("the province's re-grade") });
export const RegradeBody = z.object({
  customerId: z.uuid().optional().describe("only this customer; all in the province when left out"),
  provinceId: z.number().int().min(1).max(99).optional().describe("group HQ names the province to re-grade"),
});

export const ArchiveField = z.enum([
  "creditCode",
  "industrySection",
  "address",
  "handsets",
  "employees",
  "accountManager",
  "decisionMaker",
  "decisionMakerMobile",
]);
export const CustomerCompleteness = z.object({
  score: z.number().int().describe("0–100, share of archive fields filled"),
  complete: z.boolean(),
  missing: z.array(ArchiveField),
});
const Rate = z.number().describe("0–1");
export const ArchiveCompleteness = z.object({
  byClass: z.array(
    z.object({
      grade: z.string().nullable(),
      customers: z.number().int(),
      complete: z.number().int(),
      rate: Rate,
      target: Rate.nullable().describe("001: A/B 95%, C 80%"),
      met: z.boolean(),
    }),
  ),
  memberAuthenticity: z.object({
    members: z.number().int(),
    authentic: z.number().int(),
    rate: Rate,
    target: Rate,
    met: z.boolean(),
  }),
  missing: z.array(z.object({ field: ArchiveField, customers: z.number().int() })),
  byOrgUnit: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      level: z.string(),
      customers: z.number().int(),
      complete: z.number().int(),
      rate: Rate,
    }),
  ),
});

export const AssignBody = z.object({
  customerIds: z.array(z.uuid()).min(1).max(1000),
  accountManagerId: z.uuid().nullable().describe("null leaves the customers without an account manager"),
  reason: z.string().trim().min(2).max(500),
});
export const AssignResult = z.object({ assigned: z.number().int(), unchanged: z.number().int() });
export const AccountManagerLoad = z.object({
  id: z.uuid(),
  name: z.string(),
  username: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  customers: z.number().int(),
  ratio: z.number().describe("customers ÷ the 1:50 norm of seed 001"),
  overloaded: z.boolean(),
});
export const AssignmentHistoryEntry = z.object({
  fromAccountManager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  toAccountManager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reason: z.string(),
  changedAt: z.string(),
});

const CustomerRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  orgUnitName: z.string(),
  version: z.number().int(),
});
export const DuplicatePair = z.object({
  a: CustomerRef,
  b: CustomerRef,
  reasons: z.array(z.enum(["same_credit_code", "similar_name_and_address", "near_identical_name"])),
  nameSimilarity: z.number(),
  addressSimilarity: z.number(),
});
export const DuplicateQuery = ListQuery.extend({ orgUnitId: z.uuid().optional() });
export const DuplicateList = listOf(DuplicatePair).extend({
  scan: z.object({
    lastFinishedAt: z
      .string()
      .nullable()
      .describe("when the pairs listed were found; null before the first scan"),
    open: Job.nullable().describe("a scan queued or running now"),
  }),
});
export const DuplicateScanBody = z.object({
  provinceId: z.number().int().min(1).max(99).optional().describe("group HQ names the province"),
});
export const MergeBody = z.object({
  duplicateId: z.uuid().describe("the record to fold into this one; it leaves every list"),
  version: z.number().int().min(1).describe("the surviving customer's version"),
  duplicateVersion: z.number().int().min(1),
});
export const Merge = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  status: z.enum(["pending", "confirmed", "undone"]),
  moved: z.object({
    members: z.number().int(),
    contacts: z.number().int(),
    revenueRows: z.number().int(),
    subsidiaries: z.number().int(),
    filledFields: z.array(z.string()),
  }),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});

const SheetCounts = z.object({
  customers: z.number().int(),
  members: z.number().int(),
  contacts: z.number().int(),
});
export const ImportQuery = z.object({
  kind: z
    .enum(["customers", "members", "contacts"])
    .default("customers")
    .describe(
      "what a CSV file holds; an .xlsx names its sheets 客户 Customers, 成员 Members, 关键人 Key persons",
    ),
});
export const ImportResult = z.object({
  importId: z.uuid(),
  provinceId: z.number().int().describe("the province the file was written into"),
  created: SheetCounts,
  updated: SheetCounts.describe("existing records (same code, line or key person) that changed"),
  unchanged: SheetCounts.describe("existing records the file repeats as they are"),
});
export const ImportErrorItem = z.object({
  sheet: z.string(),
  row: z.number().int().describe("as Excel shows it: the header is row 1"),
  column: z.string().describe("the header text in the file"),
  field: z.string().describe('the column key, e.g. "msisdn"; empty for a problem with the whole sheet'),
  value: z.string().describe("personal values are masked unless the caller holds pii:read"),
  code: z.string(),
  message: z.string(),
  fix: z.string(),
});
export const ImportRejectedDetails = z.object({
  importId: z.uuid(),
  errors: z.array(ImportErrorItem).describe("the first 200"),
  errorCount: z.number().int(),
  errorReport: z.string().describe("URL of the .xlsx listing every problem"),
});
export const ImportRun = z.object({
  id: z.uuid(),
  kind: z.enum(["workbook", "customers", "members", "contacts"]),
  fileName: z.string(),
  status: z.enum(["accepted", "rejected"]),
  counts: z.object({ rows: SheetCounts, created: SheetCounts, updated: SheetCounts, unchanged: SheetCounts }),
  errorCount: z.number().int(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  errorReport: z.string().nullable().describe("URL of the error report, for a rejected file"),
});
export const ImportRunQuery = ListQuery;
export const CustomerExportQuery = CustomerListQuery.omit({ limit: true, offset: true });

export const KeyAccountRebuild = z.object({
  year: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe("the list's year; it is built from the spend of year − 1"),
  size: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe("how many customers; default the top 5% of spenders"),
  provinceId: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe("group HQ names the province; others act on their own"),
});
export const KeyAccountQuery = ListQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) });
export const KeyAccount = z.object({
  rank: z.number().int(),
  spendFen: z.number().int().describe("spend of the prior year, in fen"),
  customer: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    grade: z.string().nullable(),
    orgUnitName: z.string(),
  }),
  builtAt: z.string(),
});

const GroupPart = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  grade: z.string().nullable(),
  status: CustomerStatus,
  orgUnitName: z.string(),
  visible: z.boolean().describe("whether the caller may open this customer's own archive"),
});
/** A cross-region group as seen from any of its parts (DOMAIN.md 跨区客户). */
export const GroupSummary = z.object({
  parent: GroupPart.omit({ status: true }).extend({
    status: CustomerStatus,
    valueTier: z.string().nullable(),
    orgUnitId: z.uuid(),
  }),
  subsidiaries: z.array(GroupPart),
  groupRevenueToDateFen: z
    .number()
    .int()
    .describe("this calendar year's revenue of the parent and all subsidiaries"),
});
export * from "./contracts/revenue.ts";
