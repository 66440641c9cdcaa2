import {
  createImportBody,
  importKindInfo,
  importKindParams,
  importMappingBody,
  importRun,
  importRunParams,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../http/request-context";
import {
  createImport,
  getImport,
  listImportKindInfos,
  listImports,
  startImport,
  validateImport,
} from "./imports.service";

const tags = ["imports"];

/** The generic CSV import: upload → mapping suggestions → validation report → job → report. */
export const consoleImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/imports",
    {
      schema: {
        operationId: "consoleListImportKinds",
        tags,
        summary: "What can be imported, with the fields a column can map to",
        response: { 200: z.object({ items: z.array(importKindInfo) }) },
      },
    },
    async (request) => listImportKindInfos(serviceContext(request)),
  );

  app.get(
    "/imports/:kind",
    {
      schema: {
        operationId: "consoleListImports",
        tags,
        summary: "Recent imports of a kind",
        params: importKindParams,
        response: { 200: z.object({ items: z.array(importRun) }) },
      },
    },
    async (request) => listImports(serviceContext(request), request.params.kind),
  );

  app.post(
    "/imports/:kind/uploads",
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        operationId: "consoleUploadImport",
        tags,
        summary: "Upload a CSV (UTF-8 or UTF-16, base64); answers its columns, a preview and a suggested mapping",
        params: importKindParams,
        body: createImportBody,
        response: { 201: importRun },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createImport(serviceContext(request), request.params.kind, request.body)),
  );

  app.get(
    "/imports/:kind/runs/:id",
    {
      schema: {
        operationId: "consoleGetImport",
        tags,
        summary: "An import with its progress and report",
        params: importRunParams,
        response: { 200: importRun },
      },
    },
    async (request) => getImport(serviceContext(request), request.params.kind, request.params.id),
  );

  app.put(
    "/imports/:kind/runs/:id/mapping",
    {
      schema: {
        operationId: "consoleValidateImport",
        tags,
        summary: "Set the column mapping and validate every row: the preview report (changes nothing)",
        params: importRunParams,
        body: importMappingBody,
        response: { 200: importRun },
      },
    },
    async (request) => validateImport(serviceContext(request), request.params.kind, request.params.id, request.body),
  );

  app.post(
    "/imports/:kind/runs/:id/start",
    {
      schema: {
        operationId: "consoleStartImport",
        tags,
        summary: "Import in one transaction as a background job (reject: all or nothing; skip: the valid rows)",
        params: importRunParams,
        response: { 202: importRun },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startImport(serviceContext(request), request.params.kind, request.params.id)),
  );
};
