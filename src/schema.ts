/** Every context's tables, for Drizzle's relational queries and drizzle-kit. */
import { orgSchema } from "./domain/org/schema.ts";
import { auditEvent } from "./platform/audit/schema.ts";
import { notification } from "./platform/notifications/schema.ts";

export const schema = { ...orgSchema, auditEvent, notification };
