import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { RevenueImportQuery, RevenueImportResult, RevenueMonth, RevenueMonthsQuery } from "../contracts.ts";
import { ImportFileMissing } from "../service/import/errors.ts";
import { localeOf } from "../service/import/messages.ts";
import { importErrorReport } from "../service/import/runs.ts";
import { importRevenueFile } from "../service/revenue/import-revenue.ts";
import { listRevenueMonths } from "../service/revenue/months.ts";
import { attachment, Workbook, XLSX } from "./attachment.ts";

/** A province month is ~600,000 rows (≈ 35 MB as CSV, more with names): the export is read as it streams. */
export const REVENUE_UPLOAD_LIMIT_MIB = 200;

export const revenueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["revenue"];
  app.post(
    "/api/v1/revenue/import",
    {
      schema: {
        tags,
        summary: "Replace whole months of the province's revenue with the billing system's CSV export",
        description:
          'multipart/form-data with the CSV in the field "file" (docs/revenue-import.md: month, customer_code, ' +
          "product_line, group_paid_yuan, member_paid_yuan; UTF-8 or GBK). Each month in the file replaces " +
          "that month's facts in one transaction, so importing the same file again changes nothing. Any " +
          "problem rejects the whole file with 422 `import_rejected`, listing every problem and the URL of " +
          "the error report. Needs revenue:import and a province-wide scope. Audited.",
        consumes: ["multipart/form-data"],
        querystring: RevenueImportQuery,
        response: { 200: RevenueImportResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const upload = req.isMultipart()
        ? await req.file({ limits: { fileSize: REVENUE_UPLOAD_LIMIT_MIB * 2 ** 20 } })
        : undefined;
      if (!upload) throw new ImportFileMissing();
      try {
        return await importRevenueFile(app.db, actor, {
          fileName: upload.filename,
          source: upload.file,
          dryRun: req.query.dryRun === "true" || req.query.dryRun === "1",
          provinceId: req.query.provinceId,
          locale: localeOf(req.headers["accept-language"]),
        });
      } finally {
        // Whatever happened, the rest of the upload is read off the wire.
        upload.file.resume();
      }
    },
  );

  app.get(
    "/api/v1/revenue/months",
    {
      schema: {
        tags,
        summary:
          "The months of revenue the province holds: rows, customers, totals in fen, last loaded at/by",
        querystring: RevenueMonthsQuery,
        response: { 200: listOf(RevenueMonth), ...errorResponses },
      },
    },
    (req) => listRevenueMonths(app.db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/revenue/imports/:id/errors.xlsx",
    {
      schema: {
        tags,
        summary:
          "The error report of a rejected revenue import: row, column, value, problem and how to fix it",
        params: z.object({ id: z.string() }),
        produces: [XLSX],
        response: { 200: Workbook, ...errorResponses },
      },
    },
    async (req, reply) => {
      const report = await importErrorReport(app.db, actorOf(req), req.params.id, "revenue");
      return attachment(reply, report.fileName).send(report.body);
    },
  );
};
