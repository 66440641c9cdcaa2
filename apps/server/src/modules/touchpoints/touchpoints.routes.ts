import {
  bulkUpsertResult,
  bulkUpsertTouchpointsBody,
  createTouchpointBody,
  idParams,
  portalTouchpointList,
  portalTouchpointQuery,
  touchpointList,
  touchpointListQuery,
  touchpointRecord,
  voidTouchpointBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { listOwnTouchpoints } from "./touchpoints.portal";
import { bulkUpsertTouchpoints, createTouchpoint, listTouchpoints, voidTouchpoint } from "./touchpoints.service";

const tags = ["touchpoints"];

export const consoleTouchpointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/touchpoints",
    {
      schema: {
        operationId: "consoleListTouchpoints",
        tags,
        summary: "The partner touchpoint ledger, newest first",
        querystring: touchpointListQuery,
        response: { 200: touchpointList },
      },
    },
    async (request) => listTouchpoints(serviceContext(request), request.query),
  );
  app.post(
    "/touchpoints",
    {
      schema: {
        operationId: "consoleCreateTouchpoint",
        tags,
        summary: "Record a partner's contribution to an opportunity or an account",
        body: createTouchpointBody,
        response: { 201: touchpointRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createTouchpoint(serviceContext(request), request.body)),
  );
  app.post(
    "/touchpoints/bulk",
    {
      schema: {
        operationId: "consoleBulkUpsertTouchpoints",
        tags,
        summary: "Create or update up to 5,000 touchpoints by external id in one transaction",
        body: bulkUpsertTouchpointsBody,
        response: { 200: bulkUpsertResult },
      },
    },
    async (request) => bulkUpsertTouchpoints(serviceContext(request), request.body.items),
  );
  app.post(
    "/touchpoints/:id/void",
    {
      schema: {
        operationId: "consoleVoidTouchpoint",
        tags,
        summary: "Void a touchpoint with a reason (entries are never deleted)",
        params: idParams,
        body: voidTouchpointBody,
        response: { 200: touchpointRecord },
      },
    },
    async (request) => voidTouchpoint(serviceContext(request), request.params.id, request.body.reason),
  );
};

export const portalTouchpointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/touchpoints",
    {
      schema: {
        operationId: "portalListTouchpoints",
        tags,
        summary: "Your organization's recorded contributions",
        querystring: portalTouchpointQuery,
        response: { 200: portalTouchpointList },
      },
    },
    async (request) => listOwnTouchpoints(serviceContext(request), request.query),
  );
};
