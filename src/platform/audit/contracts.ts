import { z } from "zod";
import { ListQuery } from "../http/pagination.ts";

export const AuditEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  source: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const AuditQuery = ListQuery.extend({
  actorId: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe("ISO 8601, inclusive"),
  to: z.iso.datetime({ offset: true }).optional().describe("ISO 8601, exclusive"),
});
