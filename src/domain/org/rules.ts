import { ALL_PERMISSIONS, type Permission } from "../../platform/auth/permissions.ts";
import type { OrgLevel } from "./contracts.ts";

/**
 * HQ → province → city → county → grid (seed 000). A city may hold grids directly: urban districts are
 * often gridded without a county branch in between.
 */
export const CHILD_LEVELS: Record<OrgLevel, readonly OrgLevel[]> = {
  hq: ["province"],
  province: ["city"],
  city: ["county", "grid"],
  county: ["grid"],
  grid: [],
};

export const canHoldChild = (parent: OrgLevel, child: OrgLevel): boolean =>
  CHILD_LEVELS[parent].includes(child);

/** A unit cannot move under itself or its own subtree (the tree would become a cycle). */
export const isWithinSubtree = (unitPath: string, candidatePath: string): boolean =>
  candidatePath === unitPath || candidatePath.startsWith(`${unitPath}.`);

/** The path of a moved descendant: its old suffix below the moved unit, under the new prefix. */
export function rebasePath(descendantPath: string, oldUnitPath: string, newUnitPath: string): string {
  if (!isWithinSubtree(oldUnitPath, descendantPath))
    throw new Error(`${descendantPath} is not under ${oldUnitPath}`);
  return newUnitPath + descendantPath.slice(oldUnitPath.length);
}

export interface LoginFailureState {
  failedLogins: number;
  lockedUntil: Date | null;
}

/**
 * After a failed login: count it, and lock the account once `threshold` failures run in a row. A
 * successful login resets the count, so only consecutive failures lock.
 */
export function afterFailedLogin(
  failedLogins: number,
  policy: { threshold: number; minutes: number },
  now: Date,
): LoginFailureState {
  const failures = failedLogins + 1;
  if (policy.threshold > 0 && failures >= policy.threshold) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000) };
  }
  return { failedLogins: failures, lockedUntil: null };
}

export const isLocked = (lockedUntil: Date | null, now: Date): boolean =>
  lockedUntil !== null && lockedUntil.getTime() > now.getTime();

export interface RoleDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: readonly Permission[];
}

// The audit log is read per province, so only province-wide managers read it by default.
const MANAGER: readonly Permission[] = ["org:read", "user:read", "customer:read", "customer:assign"];
const HQ_MANAGER: readonly Permission[] = [...MANAGER, "audit:read"];
// A month's revenue is replaced for the whole province at once, so its managers load the billing export.
const PROVINCE_MANAGER: readonly Permission[] = [...HQ_MANAGER, "revenue:import"];
// Account managers and engineers work their own customers (001: one AM per ~50 groups).
const OWNER: readonly Permission[] = ["org:read", "customer:read_own", "customer:write"];
// Hotline agents, back office, analysts and product staff serve or study every customer in scope.
const SERVING: readonly Permission[] = ["org:read", "customer:read"];

/** The built-in roles every province starts with (DOMAIN.md "Who uses it"); operators edit them freely. */
export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  { code: "admin", nameZh: "系统管理员", nameEn: "Administrator", permissions: ALL_PERMISSIONS },
  { code: "hq_manager", nameZh: "集团总部管理者", nameEn: "HQ manager", permissions: HQ_MANAGER },
  {
    code: "province_manager",
    nameZh: "省公司集客部经理",
    nameEn: "Province manager",
    permissions: PROVINCE_MANAGER,
  },
  { code: "city_manager", nameZh: "市分公司集客部经理", nameEn: "City manager", permissions: MANAGER },
  { code: "county_manager", nameZh: "县分公司经理", nameEn: "County manager", permissions: MANAGER },
  { code: "account_manager", nameZh: "客户经理", nameEn: "Account manager", permissions: OWNER },
  {
    code: "customer_engineer",
    nameZh: "客户工程师",
    nameEn: "Customer engineer",
    permissions: ["org:read", "customer:read_own"],
  },
  { code: "service_agent", nameZh: "客服代表", nameEn: "Service agent", permissions: SERVING },
  { code: "backoffice", nameZh: "后台支撑", nameEn: "Back office", permissions: SERVING },
  {
    code: "analyst",
    nameZh: "市场洞察分析师",
    nameEn: "Marketing analyst",
    permissions: [...SERVING, "grading:write"],
  },
  { code: "product_manager", nameZh: "产品经理", nameEn: "Product manager", permissions: SERVING },
  {
    code: "channel_manager",
    nameZh: "渠道经理",
    nameEn: "Channel manager",
    permissions: ["org:read", "user:read"],
  },
  { code: "partner", nameZh: "合作伙伴", nameEn: "Partner", permissions: ["customer:read_own"] },
];
