/** Every context's tables, for Drizzle's relational queries and drizzle-kit. */
import { customersSchema } from "./domain/customers/schema.ts";
import { orgSchema } from "./domain/org/schema.ts";
import { auditEvent } from "./platform/audit/schema.ts";
import { jobRun } from "./platform/jobs/schema.ts";
import { notification } from "./platform/notifications/schema.ts";

export const schema = { ...orgSchema, ...customersSchema, auditEvent, notification, jobRun };
