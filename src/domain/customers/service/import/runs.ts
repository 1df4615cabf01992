import { and, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { type Actor, can } from "../../../../platform/auth/actor.ts";
import { HQ_PROVINCE_ID } from "../../../../platform/db/columns.ts";
import type { Db } from "../../../../platform/db/index.ts";
import { Forbidden, NotFound } from "../../../../platform/errors.ts";
import { isUuid } from "../../../../platform/ids.ts";
import { orgSchema } from "../../../org/index.ts";
import type { ImportRun, ImportRunQuery } from "../../contracts.ts";
import { importRun } from "../../schema.ts";
import { buildErrorReport } from "./error-report.ts";
import { presentErrors } from "./present.ts";
import type { ImportCounts, ImportError } from "./types.ts";

const { appUser } = orgSchema;

/**
 * Who sees which runs: readers of the province's customers see all its runs (HQ: every province);
 * someone who may only import (an account manager) sees their own.
 */
function runScope(actor: Actor): SQL | undefined {
  const province =
    actor.provinceId === HQ_PROVINCE_ID ? undefined : eq(importRun.provinceId, actor.provinceId);
  if (can(actor, "customer:read")) return province;
  if (can(actor, "customer:write") && actor.userId)
    return and(province, eq(importRun.createdBy, actor.userId));
  throw new Forbidden("customer:read");
}

const errorReportUrl = (id: string) => `/api/v1/customers/imports/${id}/errors.xlsx`;
const ARCHIVE_KINDS = ["workbook", "customers", "members", "contacts"] as const;
type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** Archive imports (customers, members, key persons) and monthly revenue imports keep runs apart. */
export type RunFamily = "archive" | "revenue";
const ofFamily = (family: RunFamily): SQL =>
  family === "revenue" ? eq(importRun.kind, "revenue") : ne(importRun.kind, "revenue");

export async function listImportRuns(
  db: Db,
  actor: Actor,
  query: z.infer<typeof ImportRunQuery>,
): Promise<{ items: z.infer<typeof ImportRun>[]; total: number }> {
  const where = and(runScope(actor), inArray(importRun.kind, [...ARCHIVE_KINDS]));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: importRun.id,
        kind: importRun.kind,
        fileName: importRun.fileName,
        status: importRun.status,
        counts: importRun.counts,
        errorCount: importRun.errorCount,
        createdById: importRun.createdBy,
        createdByName: appUser.name,
        createdAt: importRun.createdAt,
      })
      .from(importRun)
      .leftJoin(
        appUser,
        and(eq(appUser.provinceId, importRun.provinceId), eq(appUser.id, importRun.createdBy)),
      )
      .where(where)
      .orderBy(desc(importRun.createdAt), desc(importRun.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(importRun).where(where),
  ]);
  return {
    items: rows.map(({ createdById, createdByName, ...r }) => ({
      ...r,
      kind: r.kind as ArchiveKind,
      counts: r.counts as ImportCounts,
      createdBy: createdById ? { id: createdById, name: createdByName ?? "" } : null,
      createdAt: r.createdAt.toISOString(),
      errorReport: r.status === "rejected" ? errorReportUrl(r.id) : null,
    })),
    total: total?.n ?? 0,
  };
}

/** The error report of a run: for the importer, or anyone reading the customers of its province. */
export async function importErrorReport(
  db: Db,
  actor: Actor,
  id: string,
  family: RunFamily = "archive",
): Promise<{ fileName: string; body: Buffer }> {
  if (!isUuid(id)) throw new NotFound("import_run", id);
  const [run] = await db
    .select()
    .from(importRun)
    .where(
      and(
        eq(importRun.id, id),
        ofFamily(family),
        actor.provinceId === HQ_PROVINCE_ID ? undefined : eq(importRun.provinceId, actor.provinceId),
      ),
    );
  const mine = run !== undefined && run.createdBy !== null && run.createdBy === actor.userId;
  if (!run || !(mine || can(actor, "customer:read"))) throw new NotFound("import_run", id);
  const errors = presentErrors(actor, run.errors as ImportError[]);
  const body = await buildErrorReport({
    fileName: run.fileName,
    createdAt: run.createdAt,
    errors,
    errorCount: run.errorCount,
  });
  const stem = run.fileName.replace(/\.[^.]+$/, "") || "import";
  return { fileName: `${stem}-errors.xlsx`, body };
}
