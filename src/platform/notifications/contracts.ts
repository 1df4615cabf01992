import { z } from "zod";
import { ListQuery } from "../http/pagination.ts";

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationQuery = ListQuery.extend({ unread: z.enum(["true", "false"]).optional() });
export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
});
