import {
  bulkUpsertFxRatesBody,
  bulkUpsertOpportunitiesBody,
  bulkUpsertResult,
  bulkUpsertRevenueEventsBody,
  closeOpportunityBody,
  createOpportunityBody,
  createRevenueEventBody,
  fxRateItem,
  fxRateList,
  fxRateListQuery,
  fxUpsertResult,
  idParams,
  mapVariantsBody,
  mapVariantsResult,
  opportunityDetail,
  opportunityList,
  opportunityListQuery,
  portalOpportunityDetail,
  portalOpportunityList,
  portalOpportunityQuery,
  revenueEventList,
  revenueEventListQuery,
  revenueEventRecord,
  updateOpportunityBody,
  upsertOpportunityBody,
  variantQuery,
  variantReport,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { bulkUpsertRevenueEvents, createRevenueEvent, listRevenueEvents } from "./revenue.events.service";
import { getOwnOpportunity, listOwnOpportunities } from "./revenue.portal";
import { bulkUpsertFxRates, listFxRates, upsertFxRate } from "./revenue.rates.service";
import {
  bulkUpsertOpportunities,
  closeOpportunity,
  createOpportunityByHand,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
  upsertOpportunity,
} from "./revenue.service";
import { listVariants, mapVariants } from "./revenue.variants";

const tags = ["revenue"];

export const consoleRevenueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/opportunities",
    {
      schema: {
        operationId: "consoleListOpportunities",
        tags,
        summary: "Opportunities with filters, sorting, paging and totals in the reporting currency",
        querystring: opportunityListQuery,
        response: { 200: opportunityList },
      },
    },
    async (request) => listOpportunities(serviceContext(request), request.query),
  );
  app.post(
    "/opportunities",
    {
      schema: {
        operationId: "consoleCreateOpportunity",
        tags,
        summary: "Create an opportunity (with an external id, the same call twice is one deal)",
        body: createOpportunityBody,
        response: { 201: opportunityDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOpportunityByHand(serviceContext(request), request.body)),
  );
  app.put(
    "/opportunities/upsert",
    {
      schema: {
        operationId: "consoleUpsertOpportunity",
        tags,
        summary: "Create or update one opportunity by its CRM id (idempotent)",
        body: upsertOpportunityBody,
        response: { 200: opportunityDetail },
      },
    },
    async (request) => upsertOpportunity(serviceContext(request), request.body),
  );
  app.post(
    "/opportunities/bulk",
    {
      schema: {
        operationId: "consoleBulkUpsertOpportunities",
        tags,
        summary: "Create or update up to 5,000 opportunities by CRM id in one transaction",
        body: bulkUpsertOpportunitiesBody,
        response: { 200: bulkUpsertResult },
      },
    },
    async (request) => bulkUpsertOpportunities(serviceContext(request), request.body.items),
  );
  app.get(
    "/opportunities/variants",
    {
      schema: {
        operationId: "consoleListOpportunityVariants",
        tags,
        summary: "Product or account spellings that differ only in case, spaces or punctuation",
        querystring: variantQuery,
        response: { 200: variantReport },
      },
    },
    async (request) => listVariants(serviceContext(request), request.query.field),
  );
  app.post(
    "/opportunities/variants",
    {
      schema: {
        operationId: "consoleMapOpportunityVariants",
        tags,
        summary: "Map spellings to one value (accounts: link the deals to one account)",
        body: mapVariantsBody,
        response: { 200: mapVariantsResult },
      },
    },
    async (request) => mapVariants(serviceContext(request), request.body),
  );
  app.get(
    "/opportunities/:id",
    {
      schema: {
        operationId: "consoleGetOpportunity",
        tags,
        summary: "One opportunity with its account, touches, revenue events and classification",
        params: idParams,
        response: { 200: opportunityDetail },
      },
    },
    async (request) => getOpportunity(serviceContext(request), request.params.id),
  );
  app.patch(
    "/opportunities/:id",
    {
      schema: {
        operationId: "consoleUpdateOpportunity",
        tags,
        params: idParams,
        body: updateOpportunityBody,
        response: { 200: opportunityDetail },
      },
    },
    async (request) => updateOpportunity(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/opportunities/:id/close",
    {
      schema: {
        operationId: "consoleCloseOpportunity",
        tags,
        summary: "Close as won or lost; the amount converts at the close date's rate",
        params: idParams,
        body: closeOpportunityBody,
        response: { 200: opportunityDetail },
      },
    },
    async (request) => closeOpportunity(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    "/revenue-events",
    {
      schema: {
        operationId: "consoleListRevenueEvents",
        tags,
        summary: "Recurring-revenue movements per account and period",
        querystring: revenueEventListQuery,
        response: { 200: revenueEventList },
      },
    },
    async (request) => listRevenueEvents(serviceContext(request), request.query),
  );
  app.post(
    "/revenue-events",
    {
      schema: {
        operationId: "consoleCreateRevenueEvent",
        tags,
        body: createRevenueEventBody,
        response: { 201: revenueEventRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createRevenueEvent(serviceContext(request), request.body)),
  );
  app.post(
    "/revenue-events/bulk",
    {
      schema: {
        operationId: "consoleBulkUpsertRevenueEvents",
        tags,
        summary: "Create or update up to 5,000 revenue events by external id in one transaction",
        body: bulkUpsertRevenueEventsBody,
        response: { 200: bulkUpsertResult },
      },
    },
    async (request) => bulkUpsertRevenueEvents(serviceContext(request), request.body.items),
  );
  app.get(
    "/fx-rates",
    {
      schema: {
        operationId: "consoleListFxRates",
        tags,
        summary: "Exchange rates into the reporting currency",
        querystring: fxRateListQuery,
        response: { 200: fxRateList },
      },
    },
    async (request) => listFxRates(serviceContext(request), request.query),
  );
  app.put(
    "/fx-rates",
    {
      schema: {
        operationId: "consoleUpsertFxRate",
        tags,
        summary: "Set one day's rate; amounts dated from then on are recomputed at once",
        body: fxRateItem,
        response: { 200: fxUpsertResult },
      },
    },
    async (request) => upsertFxRate(serviceContext(request), request.body),
  );
  app.post(
    "/fx-rates/bulk",
    {
      schema: {
        operationId: "consoleBulkUpsertFxRates",
        tags,
        summary: "Set up to 5,000 rates; affected amounts are recomputed in the same transaction",
        body: bulkUpsertFxRatesBody,
        response: { 200: fxUpsertResult },
      },
    },
    async (request) => bulkUpsertFxRates(serviceContext(request), request.body.items),
  );
};

export const portalRevenueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/opportunities",
    {
      schema: {
        operationId: "portalListOpportunities",
        tags,
        summary: "The deals your organization sourced or contributed to",
        querystring: portalOpportunityQuery,
        response: { 200: portalOpportunityList },
      },
    },
    async (request) => listOwnOpportunities(serviceContext(request), request.query),
  );
  app.get(
    "/opportunities/:id",
    {
      schema: {
        operationId: "portalGetOpportunity",
        tags,
        params: idParams,
        response: { 200: portalOpportunityDetail },
      },
    },
    async (request) => getOwnOpportunity(serviceContext(request), request.params.id),
  );
};
