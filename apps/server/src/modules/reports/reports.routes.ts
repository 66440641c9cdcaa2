import { dashboard, dashboardFilters, dashboardRecordPage, dashboardRecordsQuery } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { getDashboard } from "./reports.dashboard";
import { getFigureRecords } from "./reports.records";

const tags = ["reports"];

/** The executive dashboard and the records behind each of its figures. */
export const consoleDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard",
    {
      schema: {
        operationId: "consoleGetDashboard",
        tags,
        summary: "Headline figures, trends, attribution flow, top and at-risk partners, regions",
        querystring: dashboardFilters,
        response: { 200: dashboard },
      },
    },
    async (request) => getDashboard(serviceContext(request), request.query),
  );

  app.get(
    "/dashboard/records",
    {
      schema: {
        operationId: "consoleListDashboardRecords",
        tags,
        summary: "The opportunities behind a dashboard figure (same filters), largest first",
        querystring: dashboardRecordsQuery,
        response: { 200: dashboardRecordPage },
      },
    },
    async (request) => getFigureRecords(serviceContext(request), request.query),
  );
};
