import { dashboard, dashboardFilters } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { getDashboard } from "./reports.dashboard";

const tags = ["reports"];

/** The executive dashboard (its figures drill down through `GET /metrics/drilldown`). */
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
};
