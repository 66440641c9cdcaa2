import {
  createPartnerBody,
  idParams,
  ownPartnerRecord,
  partnerBulkBody,
  partnerBulkResult,
  partnerListQuery,
  partnerManagerList,
  partnerPage,
  partnerRecord,
  partnerStageChangeBody,
  partnerTimelinePage,
  partnerTimelineQuery,
  updateOwnPartnerBody,
  updatePartnerBody,
  userPage,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { bulkUpdatePartners, changePartnerStage } from "./partners.lifecycle";
import {
  createPartner,
  getOwnPartner,
  getPartner,
  listPartnerManagers,
  listPartnerPeople,
  listPartners,
  updateOwnPartner,
  updatePartner,
} from "./partners.service";
import { getPartnerTimeline } from "./partners.timeline";

const tags = ["partners"];

export const consolePartnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partners",
    {
      schema: {
        operationId: "consoleListPartners",
        tags,
        summary: "The partner directory: search, filter, sort and paginate",
        description:
          "`q` searches name, legal name and domain. `stage`, `type` and `region` take comma-separated lists.",
        querystring: partnerListQuery,
        response: { 200: partnerPage },
      },
    },
    async (request) => listPartners(serviceContext(request), request.query),
  );
  app.get(
    "/partners/:id",
    {
      schema: {
        operationId: "consoleGetPartner",
        tags,
        summary: "A partner's profile",
        params: idParams,
        response: { 200: partnerRecord },
      },
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
  app.patch(
    "/partners/:id",
    {
      schema: {
        operationId: "consoleUpdatePartner",
        tags,
        summary: "Edit a partner's profile (admins and partner managers); null clears a field",
        params: idParams,
        body: updatePartnerBody,
        response: { 200: partnerRecord },
      },
    },
    async (request) => updatePartner(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/partners/:id/stage",
    {
      schema: {
        operationId: "consoleChangePartnerStage",
        tags,
        summary: "Move a partner along the lifecycle; illegal moves answer 409 naming the allowed stages",
        params: idParams,
        body: partnerStageChangeBody,
        response: { 200: partnerRecord },
      },
    },
    async (request) => changePartnerStage(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/partners/bulk",
    {
      schema: {
        operationId: "consoleBulkUpdatePartners",
        tags,
        summary: "Assign a manager, add or remove a tag, or change the stage of many partners (all or nothing)",
        body: partnerBulkBody,
        response: { 200: partnerBulkResult },
      },
    },
    async (request) => bulkUpdatePartners(serviceContext(request), request.body),
  );
  app.get(
    "/partners/:id/timeline",
    {
      schema: {
        operationId: "consoleGetPartnerTimeline",
        tags,
        summary: "A partner's activity: stage changes, domain events and audit entries, newest first",
        params: idParams,
        querystring: partnerTimelineQuery,
        response: { 200: partnerTimelinePage },
      },
    },
    async (request) => getPartnerTimeline(serviceContext(request), request.params.id, request.query),
  );
  app.get(
    "/partners/:id/people",
    {
      schema: {
        operationId: "consoleListPartnerPeople",
        tags,
        summary: "The people of a partner organization",
        params: idParams,
        response: { 200: userPage },
      },
    },
    async (request) => listPartnerPeople(serviceContext(request), request.params.id),
  );
  app.get(
    "/partner-managers",
    {
      schema: {
        operationId: "consoleListPartnerManagers",
        tags,
        summary: "Active staff who can be assigned as partner managers",
        response: { 200: partnerManagerList },
      },
    },
    async (request) => listPartnerManagers(serviceContext(request)),
  );
};

export const portalPartnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partner",
    {
      schema: {
        operationId: "portalGetOwnPartner",
        tags,
        summary: "Your partner organization, with the fields you may edit",
        response: { 200: ownPartnerRecord },
      },
    },
    async (request) => getOwnPartner(serviceContext(request)),
  );
  app.patch(
    "/partner",
    {
      schema: {
        operationId: "portalUpdateOwnPartner",
        tags,
        summary: "Edit your organization's profile (partner admins; only the fields your vendor allows)",
        body: updateOwnPartnerBody,
        response: { 200: ownPartnerRecord },
      },
    },
    async (request) => updateOwnPartner(serviceContext(request), request.body),
  );
};
