import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import { listOf } from "../../../platform/http/pagination.ts";
import { actorOf } from "../../../platform/http/types.ts";
import { CustomerExportQuery, ImportQuery, ImportResult, ImportRun, ImportRunQuery } from "../contracts.ts";
import { queueDuplicateScan } from "../service/duplicates.ts";
import { exportCustomers } from "../service/export.ts";
import { ImportFileMissing } from "../service/import/errors.ts";
import { importCustomerFile } from "../service/import/import-file.ts";
import { localeOf } from "../service/import/messages.ts";
import { importErrorReport, listImportRuns } from "../service/import/runs.ts";
import { importTemplate, TEMPLATE_FILE_NAME } from "../service/template.ts";
import { attachment, Workbook, XLSX } from "./attachment.ts";

export const importExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["import & export"];
  app.get(
    "/api/v1/customers/import/template",
    {
      schema: {
        tags,
        summary: "The import template: customers, members and key persons sheets with a README",
        produces: [XLSX],
        response: { 200: Workbook, ...errorResponses },
      },
    },
    async (req, reply) => attachment(reply, TEMPLATE_FILE_NAME).send(await importTemplate(actorOf(req))),
  );

  app.post(
    "/api/v1/customers/import",
    {
      schema: {
        tags,
        summary: "Import customers, members and key persons from .xlsx or CSV, all or nothing",
        description:
          'multipart/form-data with the file in the field "file": an .xlsx (sheets 客户 Customers, 成员 Members, ' +
          "关键人 Key persons) or a CSV in UTF-8 or GBK holding the rows of `kind`. Any problem rejects the " +
          "whole file with 422 `import_rejected`, listing every problem (details.errors, the first 200) and " +
          "the URL of the full error report. Messages follow Accept-Language (Chinese unless English is asked for).",
        consumes: ["multipart/form-data"],
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const upload = req.isMultipart() ? await req.file() : undefined;
      if (!upload) throw new ImportFileMissing();
      try {
        const result = await importCustomerFile(app.db, actor, {
          fileName: upload.filename,
          source: upload.file,
          kind: req.query.kind,
          locale: localeOf(req.headers["accept-language"]),
        });
        // New or renamed customers may duplicate archived ones: look again, in the background.
        if (result.created.customers + result.updated.customers > 0)
          await queueDuplicateScan(app.db, app.jobs, actor, result.provinceId);
        return result;
      } finally {
        // Whatever happened, the rest of the upload is read off the wire.
        upload.file.resume();
      }
    },
  );

  app.get(
    "/api/v1/customers/imports",
    {
      schema: {
        tags,
        summary: "Recent imports of the province, newest first (an account manager sees their own)",
        querystring: ImportRunQuery,
        response: { 200: listOf(ImportRun), ...errorResponses },
      },
    },
    (req) => listImportRuns(app.db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/customers/imports/:id/errors.xlsx",
    {
      schema: {
        tags,
        summary: "The error report of a rejected import: row, column, value, problem and how to fix it",
        params: z.object({ id: z.string() }),
        produces: [XLSX],
        response: { 200: Workbook, ...errorResponses },
      },
    },
    async (req, reply) => {
      const report = await importErrorReport(app.db, actorOf(req), req.params.id);
      return attachment(reply, report.fileName).send(report.body);
    },
  );

  app.get(
    "/api/v1/customers/export",
    {
      schema: {
        tags,
        summary: "The filtered customer list as .xlsx, every page (same filters as GET /api/v1/customers)",
        description:
          "Streamed while it is read; amounts in yuan with two decimals; the importable columns repeat the " +
          "template's headers, so an export can be edited and imported again. Audited.",
        querystring: CustomerExportQuery,
        produces: [XLSX],
        response: { 200: Workbook, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { fileName, stream, done } = await exportCustomers(app.db, actorOf(req), req.query);
      done.catch((error: unknown) => req.log.error({ err: error }, "customer export failed"));
      return attachment(reply, fileName).send(stream);
    },
  );
};
