import { createImportBody, idParams, importMappingBody, importRun, partnerListQuery } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { exportPartnersCsv } from "./partners.export";
import {
  createPartnerImport,
  getPartnerImport,
  listPartnerImports,
  startPartnerImport,
  validatePartnerImport,
} from "./partners.import";

const tags = ["partners"];

/** CSV import (upload → map and validate → import, with progress) and export of the directory. */
export const consolePartnerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partners/export.csv",
    {
      schema: {
        operationId: "consoleExportPartners",
        tags,
        summary: "The filtered directory as CSV (same filters and sort as the list)",
        querystring: partnerListQuery.omit({ limit: true, offset: true }),
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV, UTF-8 with BOM") },
      },
    },
    async (request, reply) => {
      const { sort, dir, ...filters } = request.query;
      const stream = await exportPartnersCsv(serviceContext(request), filters, { field: sort, dir });
      const date = new Date().toISOString().slice(0, 10);
      return (
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="partners-${date}.csv"`)
          // A stream bypasses the serializer; the schema documents what it carries.
          .send(stream as unknown as string)
      );
    },
  );

  app.get(
    "/partner-imports",
    {
      schema: {
        operationId: "consoleListPartnerImports",
        tags,
        summary: "Recent partner imports",
        response: { 200: z.object({ items: z.array(importRun) }) },
      },
    },
    async (request) => listPartnerImports(serviceContext(request)),
  );

  app.post(
    "/partner-imports",
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        operationId: "consoleUploadPartnerImport",
        tags,
        summary: "Upload a CSV (UTF-8 or UTF-16); answers the columns, a preview and a suggested mapping",
        body: createImportBody,
        response: { 201: importRun },
      },
    },
    async (request, reply) => reply.status(201).send(await createPartnerImport(serviceContext(request), request.body)),
  );

  app.get(
    "/partner-imports/:id",
    {
      schema: {
        operationId: "consoleGetPartnerImport",
        tags,
        summary: "An import with its progress and report",
        params: idParams,
        response: { 200: importRun },
      },
    },
    async (request) => getPartnerImport(serviceContext(request), request.params.id),
  );

  app.put(
    "/partner-imports/:id/mapping",
    {
      schema: {
        operationId: "consoleValidatePartnerImport",
        tags,
        summary: "Set the column mapping and validate every row (changes nothing)",
        params: idParams,
        body: importMappingBody,
        response: { 200: importRun },
      },
    },
    async (request) => validatePartnerImport(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    "/partner-imports/:id/start",
    {
      schema: {
        operationId: "consoleStartPartnerImport",
        tags,
        summary: "Import a validated file in one transaction (all or nothing), as a background job",
        params: idParams,
        response: { 202: importRun },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startPartnerImport(serviceContext(request), request.params.id)),
  );
};
