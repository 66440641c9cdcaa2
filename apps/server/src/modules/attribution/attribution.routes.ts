import {
  attributionComparison,
  attributionDealPage,
  attributionDealsQuery,
  attributionExplanation,
  attributionOverride,
  attributionOverrideList,
  attributionResults,
  attributionSnapshot,
  attributionSnapshotBatch,
  attributionSnapshotList,
  createAttributionOverrideBody,
  createAttributionSnapshotsBody,
  idParams,
  pathAnalysisBody,
  pathAnalysisResult,
  portalAttributionSummary,
  revertAttributionOverrideBody,
  snapshotOpportunityParams,
  snapshotPartnerParams,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { createOverride, listOverrides, revertOverride } from "./attribution.overrides";
import { analysePathFile } from "./attribution.paths";
import { getOwnAttribution, listOwnDeals } from "./attribution.portal";
import { compareModels, explainOpportunity, getSnapshotResults, listPartnerDeals } from "./attribution.results";
import { createSnapshots, getSnapshot, listSnapshots } from "./attribution.snapshots";

const tags = ["attribution"];

export const consoleAttributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/attribution/snapshots",
    {
      schema: {
        operationId: "consoleListAttributionSnapshots",
        tags,
        summary: "Snapshot history, newest first",
        response: { 200: attributionSnapshotList },
      },
    },
    async (request) => listSnapshots(serviceContext(request)),
  );
  app.post(
    "/attribution/snapshots",
    {
      schema: {
        operationId: "consoleCreateAttributionSnapshots",
        tags,
        summary: "Recompute: one snapshot per model from one read of the deals and touches up to the cut-off",
        body: createAttributionSnapshotsBody,
        response: { 202: attributionSnapshotBatch },
      },
    },
    async (request, reply) => reply.status(202).send(await createSnapshots(serviceContext(request), request.body)),
  );
  app.get(
    "/attribution/snapshots/:id",
    {
      schema: {
        operationId: "consoleGetAttributionSnapshot",
        tags,
        summary: "A snapshot's status, progress, counts and reported inputs",
        params: idParams,
        response: { 200: attributionSnapshot },
      },
    },
    async (request) => getSnapshot(serviceContext(request), request.params.id),
  );
  app.get(
    "/attribution/snapshots/:id/results",
    {
      schema: {
        operationId: "consoleGetAttributionResults",
        tags,
        summary: "Credit per channel (partner, touch type or both), computed and with overrides",
        params: idParams,
        response: { 200: attributionResults },
      },
    },
    async (request) => getSnapshotResults(serviceContext(request), request.params.id),
  );
  app.get(
    "/attribution/snapshots/:id/comparison",
    {
      schema: {
        operationId: "consoleCompareAttributionModels",
        tags,
        summary: "Every model's credit per channel for the snapshot's cut-off",
        params: idParams,
        response: { 200: attributionComparison },
      },
    },
    async (request) => compareModels(serviceContext(request), request.params.id),
  );
  app.get(
    "/attribution/snapshots/:id/opportunities/:opportunityId",
    {
      schema: {
        operationId: "consoleExplainAttribution",
        tags,
        summary: "A deal's touches in time order with each touch's credit under every model",
        params: snapshotOpportunityParams,
        response: { 200: attributionExplanation },
      },
    },
    async (request) => explainOpportunity(serviceContext(request), request.params.id, request.params.opportunityId),
  );
  app.get(
    "/attribution/snapshots/:id/partners/:partnerId/deals",
    {
      schema: {
        operationId: "consoleListAttributedDeals",
        tags,
        summary: "The deals behind a partner's number, largest credit first",
        params: snapshotPartnerParams,
        querystring: attributionDealsQuery,
        response: { 200: attributionDealPage },
      },
    },
    async (request) =>
      listPartnerDeals(serviceContext(request), request.params.id, request.params.partnerId, request.query),
  );
  app.get(
    "/attribution/snapshots/:id/overrides",
    {
      schema: {
        operationId: "consoleListAttributionOverrides",
        tags,
        summary: "Manager overrides of the snapshot's deal splits, reverted ones included",
        params: idParams,
        response: { 200: attributionOverrideList },
      },
    },
    async (request) => listOverrides(serviceContext(request), request.params.id),
  );
  app.post(
    "/attribution/snapshots/:id/overrides",
    {
      schema: {
        operationId: "consoleCreateAttributionOverride",
        tags,
        summary: "Override one deal's split between partners, with the reason",
        params: idParams,
        body: createAttributionOverrideBody,
        response: { 201: attributionOverride },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOverride(serviceContext(request), request.params.id, request.body)),
  );
  app.post(
    "/attribution/overrides/:id/revert",
    {
      schema: {
        operationId: "consoleRevertAttributionOverride",
        tags,
        summary: "Revert an override (it stays in the history)",
        params: idParams,
        body: revertAttributionOverrideBody,
        response: { 200: attributionOverride },
      },
    },
    async (request) => revertOverride(serviceContext(request), request.params.id, request.body.reason),
  );
  app.post(
    "/attribution/path-analysis",
    {
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        operationId: "consoleAnalysePathFile",
        tags,
        summary: "Compare models on a ChannelAttribution-format path file (nothing is stored)",
        body: pathAnalysisBody,
        response: { 200: pathAnalysisResult },
      },
    },
    async (request) => analysePathFile(serviceContext(request), request.body),
  );
};

export const portalAttributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/attribution",
    {
      schema: {
        operationId: "portalGetOwnAttribution",
        tags,
        summary: "Your attributed conversions and revenue under each model of the latest snapshot",
        response: { 200: portalAttributionSummary },
      },
    },
    async (request) => getOwnAttribution(serviceContext(request)),
  );
  app.get(
    "/attribution/snapshots/:id/deals",
    {
      schema: {
        operationId: "portalListOwnAttributedDeals",
        tags,
        summary: "Your deals behind your number in a snapshot",
        params: idParams,
        querystring: attributionDealsQuery,
        response: { 200: attributionDealPage },
      },
    },
    async (request) => listOwnDeals(serviceContext(request), request.params.id, request.query),
  );
};
