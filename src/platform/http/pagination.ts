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

/**
 * A list over data that can run to hundreds of thousands of rows counts exactly up to a cap; beyond it
 * `total` is the cap and `totalExact` is false ("10,000+").
 */
export const cappedListOf = <T extends z.ZodType>(item: T) =>
  listOf(item).extend({
    totalExact: z.boolean().describe("false when there are more than `total` rows (the count stops there)"),
  });
