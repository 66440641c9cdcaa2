import {
  costLinePage,
  costLineQuery,
  costLineRecord,
  createCostLineBody,
  createSpendBody,
  drilldownPage,
  drilldownQuery,
  headlineMetrics,
  idParams,
  metricDefinitionList,
  metricFilters,
  metricScorecard,
  metricSettingsResponse,
  portalBenchmark,
  portalScorecardQuery,
  putMetricSettingsBody,
  refreshResult,
  sectionDrilldownPage,
  sectionDrilldownQuery,
  spendPage,
  spendRecord,
  updateCostLineBody,
  updateSpendBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import {
  createCostLine,
  createSpend,
  deleteCostLine,
  deleteSpend,
  listCostLines,
  listSpend,
  updateCostLine,
  updateSpend,
} from "./metrics.costs";
import { listDefinitions } from "./metrics.definitions";
import { drilldown } from "./metrics.drilldown";
import { getHeadlineMetrics } from "./metrics.headline";
import { refreshMetricsNow } from "./metrics.jobs";
import { assertCanReadMetrics } from "./metrics.policies";
import { getOwnBenchmark, getOwnScorecard } from "./metrics.portal";
import { getPartnerScorecard } from "./metrics.scorecard";
import { sectionDrilldown } from "./metrics.section-drilldown";
import { getMetricSettings, loadMetricContext, putMetricSettings } from "./metrics.settings";

const tags = ["metrics"];
const noContent = z.undefined().describe("Done");

export const consoleMetricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/metrics/headline",
    {
      schema: {
        operationId: "consoleGetHeadlineMetrics",
        tags,
        summary: "Headline partner metrics for a period and slicers, with the previous period and partner uplift",
        querystring: metricFilters,
        response: { 200: headlineMetrics },
      },
    },
    async (request) => getHeadlineMetrics(serviceContext(request), request.query),
  );
  app.get(
    "/metrics/definitions",
    {
      schema: {
        operationId: "consoleListMetricDefinitions",
        tags,
        summary: "Every metric's name, formula, unit and attribution model",
        response: { 200: metricDefinitionList },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      assertCanReadMetrics(ctx.actor);
      const { attribution } = await loadMetricContext(ctx.database.db, ctx.actor.workspaceId);
      return { items: listDefinitions(attribution.name) };
    },
  );
  app.get(
    "/metrics/drilldown",
    {
      schema: {
        operationId: "consoleDrilldownMetric",
        tags,
        summary: "The records behind a headline figure (deals or cost lines), paged",
        querystring: drilldownQuery,
        response: { 200: drilldownPage },
      },
    },
    async (request) => drilldown(serviceContext(request), request.query),
  );
  app.get(
    "/metrics/drilldown/sections",
    {
      schema: {
        operationId: "consoleDrilldownSection",
        tags,
        summary:
          "The records behind a dashboard section: a cohort's, health band's or the at-risk partners, the accounts behind retention and market penetration, or the deals behind one role of the attribution flow with the role's credit on each, paged",
        querystring: sectionDrilldownQuery,
        response: { 200: sectionDrilldownPage },
      },
    },
    async (request) => sectionDrilldown(serviceContext(request), request.query),
  );
  app.get(
    "/metrics/partners/:id/scorecard",
    {
      schema: {
        operationId: "consoleGetPartnerMetricScorecard",
        tags,
        summary: "A partner's scorecard: figures, trend by month, engagement, health and tiers",
        params: idParams,
        querystring: portalScorecardQuery,
        response: { 200: metricScorecard },
      },
    },
    async (request) => getPartnerScorecard(serviceContext(request), request.params.id, request.query),
  );
  app.post(
    "/metrics/refresh",
    {
      schema: {
        operationId: "consoleRefreshMetrics",
        tags,
        summary: "Rebuild the metric read models now",
        response: { 200: refreshResult },
      },
    },
    async (request) => refreshMetricsNow(serviceContext(request)),
  );
  app.get(
    "/metrics/settings",
    {
      schema: {
        operationId: "consoleGetMetricSettings",
        tags,
        summary: "Engagement weights and half-life, health weights and bands, gross margin",
        response: { 200: metricSettingsResponse },
      },
    },
    async (request) => getMetricSettings(serviceContext(request)),
  );
  app.put(
    "/metrics/settings",
    {
      schema: {
        operationId: "consolePutMetricSettings",
        tags,
        summary: "Change metric settings (the fields given)",
        body: putMetricSettingsBody,
        response: { 200: metricSettingsResponse },
      },
    },
    async (request) => putMetricSettings(serviceContext(request), request.body),
  );
  app.get(
    "/metrics/cost-lines",
    {
      schema: {
        operationId: "consoleListCostLines",
        tags,
        summary: "Partner program cost lines overlapping a period",
        querystring: costLineQuery,
        response: { 200: costLinePage },
      },
    },
    async (request) => listCostLines(serviceContext(request), request.query),
  );
  app.post(
    "/metrics/cost-lines",
    {
      schema: {
        operationId: "consoleCreateCostLine",
        tags,
        summary: "Add a program cost line (incentives, MDF, partner team, tooling, other)",
        body: createCostLineBody,
        response: { 201: costLineRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createCostLine(serviceContext(request), request.body)),
  );
  app.patch(
    "/metrics/cost-lines/:id",
    {
      schema: {
        operationId: "consoleUpdateCostLine",
        tags,
        summary: "Correct a cost line",
        params: idParams,
        body: updateCostLineBody,
        response: { 200: costLineRecord },
      },
    },
    async (request) => updateCostLine(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/metrics/cost-lines/:id",
    {
      schema: {
        operationId: "consoleDeleteCostLine",
        tags,
        summary: "Remove a cost line",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteCostLine(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/metrics/spend",
    {
      schema: {
        operationId: "consoleListChannelSpend",
        tags,
        summary: "Sales, marketing and partner spend entries overlapping a period",
        querystring: costLineQuery,
        response: { 200: spendPage },
      },
    },
    async (request) => listSpend(serviceContext(request), request.query),
  );
  app.post(
    "/metrics/spend",
    {
      schema: {
        operationId: "consoleCreateChannelSpend",
        tags,
        summary: "Enter spend for a period and channel",
        body: createSpendBody,
        response: { 201: spendRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createSpend(serviceContext(request), request.body)),
  );
  app.patch(
    "/metrics/spend/:id",
    {
      schema: {
        operationId: "consoleUpdateChannelSpend",
        tags,
        summary: "Correct a spend entry",
        params: idParams,
        body: updateSpendBody,
        response: { 200: spendRecord },
      },
    },
    async (request) => updateSpend(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/metrics/spend/:id",
    {
      schema: {
        operationId: "consoleDeleteChannelSpend",
        tags,
        summary: "Remove a spend entry",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteSpend(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

export const portalMetricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/metrics/scorecard",
    {
      schema: {
        operationId: "portalGetOwnMetricScorecard",
        tags,
        summary: "Your scorecard: figures, trend by month, engagement, health and tiers",
        querystring: portalScorecardQuery,
        response: { 200: metricScorecard },
      },
    },
    async (request) => getOwnScorecard(serviceContext(request), request.query),
  );
  app.get(
    "/metrics/benchmark",
    {
      schema: {
        operationId: "portalGetOwnBenchmark",
        tags,
        summary: "How you compare with peers of your role and region (quartiles, at least five peers)",
        querystring: portalScorecardQuery,
        response: { 200: portalBenchmark },
      },
    },
    async (request) => getOwnBenchmark(serviceContext(request), request.query),
  );
};
