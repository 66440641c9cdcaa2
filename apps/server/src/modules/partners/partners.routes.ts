import { createPartnerBody, idParams, partnerListQuery, partnerPage, partnerRecord } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { createPartner, getOwnPartner, getPartner, listPartners } from "./partners.service";

const tags = ["partners"];

export const consolePartnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partners",
    {
      schema: {
        operationId: "consoleListPartners",
        tags,
        summary: "Partner organizations, searchable by name",
        querystring: partnerListQuery,
        response: { 200: partnerPage },
      },
    },
    async (request) => listPartners(serviceContext(request), request.query),
  );
  app.get(
    "/partners/:id",
    {
      schema: { operationId: "consoleGetPartner", tags, params: idParams, response: { 200: partnerRecord } },
    },
    async (request) => getPartner(serviceContext(request), request.params.id),
  );
  app.post(
    "/partners",
    {
      schema: {
        operationId: "consoleCreatePartner",
        tags,
        summary: "Add a partner organization (admins and partner managers)",
        body: createPartnerBody,
        response: { 201: partnerRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createPartner(serviceContext(request), request.body)),
  );
};

export const portalPartnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partner",
    {
      schema: {
        operationId: "portalGetOwnPartner",
        tags,
        summary: "Your partner organization",
        response: { 200: partnerRecord },
      },
    },
    async (request) => getOwnPartner(serviceContext(request)),
  );
};
