import { z } from "zod";

/** `limit` defaults to 20 and larger values are clamped to 200, not rejected (DESIGN.md, API conventions). */
export const MAX_LIMIT = 200;
export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .transform((n) => Math.min(n, MAX_LIMIT)),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });
