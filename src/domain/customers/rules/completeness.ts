/**
 * Archive completeness (建档): which fields make a customer's archive complete, and the targets of
 * seed 001 — 95% of A/B-class groups and 80% of C-class groups fully archived, 100% member authenticity.
 * Targets are defaults; a class without a target here has none.
 */
export const ARCHIVE_FIELDS = [
  "creditCode",
  "industrySection",
  "address",
  "handsets",
  "employees",
  "accountManager",
  "decisionMaker",
  "decisionMakerMobile",
] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

export const COMPLETENESS_TARGETS: Record<string, number> = { A: 0.95, B: 0.95, C: 0.8 };
export const MEMBER_AUTHENTICITY_TARGET = 1;

export interface ArchiveSnapshot {
  creditCode: string | null;
  industrySection: string | null;
  address: string | null;
  handsets: number | null;
  employees: number | null;
  accountManagerId: string | null;
  decisionMakers: number;
  decisionMakersWithMobile: number;
}

/** The fields still missing from one customer's archive, in the order staff fill them. */
export function archiveGaps(c: ArchiveSnapshot): ArchiveField[] {
  const filled: Record<ArchiveField, boolean> = {
    creditCode: !!c.creditCode,
    industrySection: !!c.industrySection,
    address: !!c.address?.trim(),
    handsets: c.handsets !== null,
    employees: c.employees !== null,
    accountManager: c.accountManagerId !== null,
    decisionMaker: c.decisionMakers > 0,
    decisionMakerMobile: c.decisionMakersWithMobile > 0,
  };
  return ARCHIVE_FIELDS.filter((f) => !filled[f]);
}

/** 0–100: the share of archive fields filled. */
export const archiveScore = (gaps: readonly ArchiveField[]): number =>
  Math.round(((ARCHIVE_FIELDS.length - gaps.length) / ARCHIVE_FIELDS.length) * 100);

/** Whether a rate meets its class target; classes without a target count as met. */
export const meetsTarget = (grade: string | null, rate: number): boolean =>
  rate >= (grade ? (COMPLETENESS_TARGETS[grade] ?? 0) : 0);
