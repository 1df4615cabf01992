import { z } from "zod";

/**
 * The closed vocabulary of permissions. Roles are data (table `role_permission`), so an operator grants
 * these to its own roles at runtime; code checks permissions, never role names.
 */
export const Permission = z.enum([
  "org:read", // see the org tree in scope
  "org:write", // create, rename, move, deactivate org units
  "user:read", // list the users of the org subtree
  "user:write", // create, edit, disable users; reset passwords; revoke sessions
  "role:write", // define roles and grant permissions
  "audit:read", // read the audit log of the province
  "pii:read", // see personal data unmasked (phone numbers, ID numbers)
  "customer:read", // see every group customer of the org subtree
  "customer:read_own", // see only the customers one owns as account manager or customer engineer
  "customer:write", // create and edit customers, members and key persons within one's scope
  "customer:assign", // assign or transfer customers between account managers
  "grading:write", // edit grading rule sets and re-grade customers
  "revenue:import", // replace a month of the province's revenue facts with the billing system's export
]);
export type Permission = z.infer<typeof Permission>;
export const ALL_PERMISSIONS: readonly Permission[] = Permission.options;
