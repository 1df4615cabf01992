import type { z } from "zod";
import type {
  AccountManagerLoad as AccountManagerLoadSchema,
  ArchiveCompleteness as ArchiveCompletenessSchema,
  ArchiveField as ArchiveFieldSchema,
  AssignBody as AssignBodySchema,
  AssignmentHistoryEntry as AssignmentHistoryEntrySchema,
  AssignResult as AssignResultSchema,
  ClusterType as ClusterTypeSchema,
  ContactCreate as ContactCreateSchema,
  Contact as ContactSchema,
  ContactUpdate as ContactUpdateSchema,
  CustomerCompleteness as CustomerCompletenessSchema,
  CustomerCreate as CustomerCreateSchema,
  CustomerOverview as CustomerOverviewSchema,
  Customer as CustomerSchema,
  CustomerStatus as CustomerStatusSchema,
  CustomerUpdate as CustomerUpdateSchema,
  DecisionRole as DecisionRoleSchema,
  DuplicateList as DuplicateListSchema,
  DuplicatePair as DuplicatePairSchema,
  GradeHistoryEntry as GradeHistoryEntrySchema,
  GroupSummary as GroupSummarySchema,
  ImportErrorItem as ImportErrorItemSchema,
  ImportQuery as ImportQuerySchema,
  ImportRejectedDetails as ImportRejectedDetailsSchema,
  ImportResult as ImportResultSchema,
  MemberCreate as MemberCreateSchema,
  Member as MemberSchema,
  MemberSummary as MemberSummarySchema,
  MergeBody as MergeBodySchema,
  Merge as MergeSchema,
  Payer as PayerSchema,
  Rank as RankSchema,
  RevenueImportResult as RevenueImportResultSchema,
  RevenueMonth as RevenueMonthSchema,
  RuleSetKind as RuleSetKindSchema,
  StatusChange as StatusChangeSchema,
} from "../../../src/domain/customers/contracts.ts";
import type {
  LoginResult as LoginResultSchema,
  Me,
  OrgLevel,
  OrgUnit,
  OrgUnitCreate as OrgUnitCreateSchema,
  OrgUnitUpdate as OrgUnitUpdateSchema,
  PasswordResetResult as PasswordResetResultSchema,
  RoleCreate as RoleCreateSchema,
  Role as RoleSchema,
  User,
  UserCreate as UserCreateSchema,
  UserUpdate as UserUpdateSchema,
} from "../../../src/domain/org/contracts.ts";
import type { AuditEvent as AuditEventSchema } from "../../../src/platform/audit/contracts.ts";
import type {
  NotificationList as NotificationListSchema,
  Notification as NotificationSchema,
} from "../../../src/platform/notifications/contracts.ts";

export type { Me, OrgLevel, OrgUnit, User };
export type Permission = Me["permissions"][number];
export type LoginResult = z.infer<typeof LoginResultSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type RoleCreate = z.input<typeof RoleCreateSchema>;
export type OrgUnitCreate = z.input<typeof OrgUnitCreateSchema>;
export type OrgUnitUpdate = z.input<typeof OrgUnitUpdateSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserUpdate = z.input<typeof UserUpdateSchema>;
export type PasswordResetResult = z.infer<typeof PasswordResetResultSchema>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;

export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;
export type CustomerCreate = z.input<typeof CustomerCreateSchema>;
export type CustomerUpdate = z.input<typeof CustomerUpdateSchema>;
export type CustomerOverview = z.infer<typeof CustomerOverviewSchema>;
export type StatusChange = z.input<typeof StatusChangeSchema>;
export type ClusterType = z.infer<typeof ClusterTypeSchema>;
export type Payer = z.infer<typeof PayerSchema>;
export type Rank = z.infer<typeof RankSchema>;
export type DecisionRole = z.infer<typeof DecisionRoleSchema>;
export type RuleSetKind = z.infer<typeof RuleSetKindSchema>;
export type GradeHistoryEntry = z.infer<typeof GradeHistoryEntrySchema>;
export type Member = z.infer<typeof MemberSchema>;
export type MemberCreate = z.input<typeof MemberCreateSchema>;
export type MemberSummary = z.infer<typeof MemberSummarySchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type ContactCreate = z.input<typeof ContactCreateSchema>;
export type ContactUpdate = z.input<typeof ContactUpdateSchema>;
export type VipCard = NonNullable<Contact["vipCard"]>;
export type ArchiveField = z.infer<typeof ArchiveFieldSchema>;
export type CustomerCompleteness = z.infer<typeof CustomerCompletenessSchema>;
export type ArchiveCompleteness = z.infer<typeof ArchiveCompletenessSchema>;
export type AssignBody = z.input<typeof AssignBodySchema>;
export type AssignResult = z.infer<typeof AssignResultSchema>;
export type AccountManagerLoad = z.infer<typeof AccountManagerLoadSchema>;
export type AssignmentHistoryEntry = z.infer<typeof AssignmentHistoryEntrySchema>;
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;
export type DuplicateList = z.infer<typeof DuplicateListSchema>;
export type DuplicateReason = DuplicatePair["reasons"][number];
/** A group as seen from any of its parts: the parent, each subsidiary and what the caller may open. */
export type GroupSummary = z.infer<typeof GroupSummarySchema>;
export type GroupPart = GroupSummary["subsidiaries"][number];
export type MergeBody = z.input<typeof MergeBodySchema>;
export type Merge = z.infer<typeof MergeSchema>;

/** The three kinds of rows an import file carries (a CSV holds one of them). */
export type ImportKind = z.infer<typeof ImportQuerySchema>["kind"];
export type ImportResult = z.infer<typeof ImportResultSchema>;
/** One problem in a rejected import file: where it is, what is wrong and how to fix it. */
export type ImportRowError = z.infer<typeof ImportErrorItemSchema>;
/** The `details` of a 422 `import_rejected`: nothing was imported. */
export type ImportRejection = z.infer<typeof ImportRejectedDetailsSchema>;

/** What a monthly revenue import replaced: the file's totals and each month before and after. */
export type RevenueImportResult = z.infer<typeof RevenueImportResultSchema>;
/** One month of revenue the province holds, and who loaded it last. */
export type RevenueMonth = z.infer<typeof RevenueMonthSchema>;

export interface Page<T> {
  items: T[];
  total: number;
}

/** A list whose count stops at a cap: past it `total` is the cap and `totalExact` is false ("10,000+"). */
export interface CappedPage<T> extends Page<T> {
  totalExact: boolean;
}
