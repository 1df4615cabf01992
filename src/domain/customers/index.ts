/** The customer archive's public face: other contexts and the server import only this file. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { JobKind } from "../../platform/jobs/runner.ts";
import { assignmentRoutes } from "./routes/assignment.ts";
import { completenessRoutes } from "./routes/completeness.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { customerRoutes } from "./routes/customers.ts";
import { duplicateRoutes } from "./routes/duplicates.ts";
import { gradingRoutes } from "./routes/grading.ts";
import { importExportRoutes } from "./routes/import-export.ts";
import { keyAccountRoutes } from "./routes/key-accounts.ts";
import { memberRoutes } from "./routes/members.ts";
import { revenueRoutes } from "./routes/revenue.ts";
import { duplicateScanJob } from "./service/duplicates.ts";
import { regradeJob } from "./service/grading.ts";

export { customersSchema } from "./schema.ts";
export { scanDuplicates } from "./service/duplicates.ts";
export { ensureDefaultRuleSets, regrade } from "./service/grading.ts";
export { rehomeGroups } from "./service/groups.ts";
export { importRevenueFile } from "./service/revenue/import-revenue.ts";

/** The archive's batch work, run by the platform's job runner. */
export const customerJobs = [regradeJob, duplicateScanJob] as JobKind<never, unknown>[];

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(customerRoutes);
  await app.register(memberRoutes);
  await app.register(contactRoutes);
  await app.register(gradingRoutes);
  await app.register(completenessRoutes);
  await app.register(assignmentRoutes);
  await app.register(duplicateRoutes);
  await app.register(keyAccountRoutes);
  await app.register(importExportRoutes);
  await app.register(revenueRoutes);
};
