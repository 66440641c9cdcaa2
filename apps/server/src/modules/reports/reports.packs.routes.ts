import { boardPack, createBoardPackBody, dashboardExportQuery, idParams } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { exportDashboardTable } from "./reports.exports";
import { createBoardPack, downloadBoardPack, getBoardPack, listBoardPacks } from "./reports.packs";

const tags = ["reports"];

/** CSV/XLSX export of the dashboard's tables, and board packs (queued, rendered, downloaded). */
export const consoleBoardPackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard/export",
    {
      schema: {
        operationId: "consoleExportDashboardTable",
        tags,
        summary: "One dashboard table (same filters as the page) as CSV or XLSX",
        querystring: dashboardExportQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: z.string().describe("CSV (UTF-8 with BOM) or an XLSX workbook") },
      },
    },
    async (request, reply) => {
      const { table, format, ...filters } = request.query;
      const file = await exportDashboardTable(serviceContext(request), table, format, filters);
      return (
        reply
          .header("content-type", file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          // Bytes bypass the serializer; the schema documents what they carry.
          .send(file.body as unknown as string)
      );
    },
  );

  app.get(
    "/board-packs",
    {
      schema: {
        operationId: "consoleListBoardPacks",
        tags,
        summary: "Generated board packs, newest first",
        response: { 200: z.object({ items: z.array(boardPack) }) },
      },
    },
    async (request) => listBoardPacks(serviceContext(request)),
  );

  app.post(
    "/board-packs",
    {
      schema: {
        operationId: "consoleCreateBoardPack",
        tags,
        summary: "Generate a board pack (PDF) for the given filters, as a background job",
        body: createBoardPackBody,
        response: { 202: boardPack },
      },
    },
    async (request, reply) => reply.status(202).send(await createBoardPack(serviceContext(request), request.body)),
  );

  app.get(
    "/board-packs/:id",
    {
      schema: {
        operationId: "consoleGetBoardPack",
        tags,
        summary: "A board pack with its progress",
        params: idParams,
        response: { 200: boardPack },
      },
    },
    async (request) => getBoardPack(serviceContext(request), request.params.id),
  );

  app.get(
    "/board-packs/:id/download",
    {
      schema: {
        operationId: "consoleDownloadBoardPack",
        tags,
        summary: "The PDF of a completed board pack",
        params: idParams,
        produces: ["application/pdf"],
        response: { 200: z.string().describe("PDF") },
      },
    },
    async (request, reply) => {
      const file = await downloadBoardPack(serviceContext(request), request.params.id);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.bytes as unknown as string);
    },
  );
};
