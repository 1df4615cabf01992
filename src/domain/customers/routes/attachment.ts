import type { FastifyReply } from "fastify";
import { z } from "zod";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const Workbook = z.any().describe("an .xlsx workbook (binary)");

/** An attachment name that survives every browser: ASCII fallback plus the UTF-8 name (RFC 6266). */
export function attachment(reply: FastifyReply, fileName: string): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return reply
    .type(XLSX)
    .header("cache-control", "no-store")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
}
