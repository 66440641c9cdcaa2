import {
  createLeadBody,
  declineLeadBody,
  idParams,
  leadDetail,
  leadListQuery,
  leadPage,
  leadRoutingSettings,
  leadStatusBody,
  offerLeadBody,
  publicReferralBody,
  publicReferralForm,
  publicReferralResult,
  reciprocityList,
  referralCodeParams,
  referralLink,
  referralTargets,
  sendReferralBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestMeta, serviceContext } from "../../platform/http/request-context";
import { getLeadReciprocity } from "./leads.reciprocity";
import {
  createReferralLink,
  getPublicReferralForm,
  getReferralLink,
  listReferralTargets,
  sendReferral,
  submitPublicReferral,
} from "./leads.referrals";
import { acceptLead, claimLead, declineLead, updateLeadStatus } from "./leads.respond";
import {
  createLead,
  getLead,
  getLeadRouting,
  listLeads,
  offerLead,
  poolLead,
  updateLeadRouting,
} from "./leads.service";

const tags = ["leads"];

/** Accept, decline and progress: the same on both surfaces (the service knows who is asking). */
const respondRoutes =
  (surface: "console" | "portal"): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/leads/:id/accept",
      {
        schema: {
          operationId: `${surface}AcceptLead`,
          tags,
          summary: "Accept a lead or referral sent to you",
          params: idParams,
          response: { 200: leadDetail },
        },
      },
      async (request) => acceptLead(serviceContext(request), request.params.id),
    );
    app.post(
      "/leads/:id/decline",
      {
        schema: {
          operationId: `${surface}DeclineLead`,
          tags,
          summary: "Decline a lead or referral sent to you, with a reason the sender sees",
          params: idParams,
          body: declineLeadBody,
          response: { 200: leadDetail },
        },
      },
      async (request) => declineLead(serviceContext(request), request.params.id, request.body),
    );
    app.post(
      "/leads/:id/status",
      {
        schema: {
          operationId: `${surface}UpdateLeadStatus`,
          tags,
          summary: "Report progress (contacted, qualified, converted, lost); the sender sees it at once",
          params: idParams,
          body: leadStatusBody,
          response: { 200: leadDetail },
        },
      },
      async (request) => updateLeadStatus(serviceContext(request), request.params.id, request.body),
    );
  };

export const consoleLeadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/leads",
    {
      schema: {
        operationId: "consoleListLeads",
        tags,
        summary: "Leads and referrals of the workspace",
        querystring: leadListQuery,
        response: { 200: leadPage },
      },
    },
    async (request) => listLeads(serviceContext(request), request.query),
  );
  app.post(
    "/leads",
    {
      schema: {
        operationId: "consoleCreateLead",
        tags,
        summary: "Record a lead; optionally offer it to a partner or place it in the pool",
        body: createLeadBody,
        response: { 201: leadDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createLead(serviceContext(request), request.body)),
  );
  app.get(
    "/leads/:id",
    {
      schema: {
        operationId: "consoleGetLead",
        tags,
        summary: "A lead with its offers and timeline",
        params: idParams,
        response: { 200: leadDetail },
      },
    },
    async (request) => getLead(serviceContext(request), request.params.id),
  );
  app.post(
    "/leads/:id/offer",
    {
      schema: {
        operationId: "consoleOfferLead",
        tags,
        summary: "Offer a lead to a partner with an accept deadline (no partner: the routing rule picks)",
        params: idParams,
        body: offerLeadBody,
        response: { 200: leadDetail },
      },
    },
    async (request) => offerLead(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/leads/:id/pool",
    {
      schema: {
        operationId: "consolePoolLead",
        tags,
        summary: "Place a lead in the pool; the first partner to claim it gets it",
        params: idParams,
        response: { 200: leadDetail },
      },
    },
    async (request) => poolLead(serviceContext(request), request.params.id),
  );
  await app.register(respondRoutes("console"));
  app.get(
    "/lead-routing",
    {
      schema: {
        operationId: "consoleGetLeadRouting",
        tags,
        summary: "How timed-out offers move on",
        response: { 200: leadRoutingSettings },
      },
    },
    async (request) => getLeadRouting(serviceContext(request)),
  );
  app.put(
    "/lead-routing",
    {
      schema: {
        operationId: "consoleUpdateLeadRouting",
        tags,
        summary: "Set the routing rule (round robin or ranked list) and the accept deadline",
        body: leadRoutingSettings,
        response: { 200: leadRoutingSettings },
      },
    },
    async (request) => updateLeadRouting(serviceContext(request), request.body),
  );
  app.get(
    "/lead-reciprocity",
    {
      schema: {
        operationId: "consoleGetLeadReciprocity",
        tags,
        summary: "Leads given, accepted and converted per pair of sides",
        querystring: z.object({ partnerId: z.uuid().optional() }),
        response: { 200: reciprocityList },
      },
    },
    async (request) => getLeadReciprocity(serviceContext(request), request.query),
  );
};

export const portalLeadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/leads",
    {
      schema: {
        operationId: "portalListLeads",
        tags,
        summary: "Leads and referrals sent to or by your organization (status=pooled: the pool)",
        querystring: leadListQuery.omit({ partnerId: true }),
        response: { 200: leadPage },
      },
    },
    async (request) => listLeads(serviceContext(request), request.query),
  );
  app.get(
    "/leads/:id",
    {
      schema: {
        operationId: "portalGetLead",
        tags,
        summary: "A lead or referral of yours (contact details once you hold it)",
        params: idParams,
        response: { 200: leadDetail },
      },
    },
    async (request) => getLead(serviceContext(request), request.params.id),
  );
  app.post(
    "/leads/:id/claim",
    {
      schema: {
        operationId: "portalClaimLead",
        tags,
        summary: "Claim a lead from the pool (first claim wins)",
        params: idParams,
        response: { 200: leadDetail },
      },
    },
    async (request) => claimLead(serviceContext(request), request.params.id),
  );
  await app.register(respondRoutes("portal"));
  app.post(
    "/referrals",
    {
      schema: {
        operationId: "portalSendReferral",
        tags,
        summary: "Refer a company to the vendor or to another partner",
        body: sendReferralBody,
        response: { 201: leadDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await sendReferral(serviceContext(request), request.body)),
  );
  app.get(
    "/referral-targets",
    {
      schema: {
        operationId: "portalListReferralTargets",
        tags,
        summary: "Partners you can refer to",
        response: { 200: referralTargets },
      },
    },
    async (request) => listReferralTargets(serviceContext(request)),
  );
  app.get(
    "/referral-link",
    {
      schema: {
        operationId: "portalGetReferralLink",
        tags,
        summary: "Your public referral link and how many referrals it brought",
        response: { 200: referralLink },
      },
    },
    async (request) => getReferralLink(serviceContext(request)),
  );
  app.post(
    "/referral-link",
    {
      schema: {
        operationId: "portalCreateReferralLink",
        tags,
        summary: "Create your referral link, or replace it (the old one stops working)",
        response: { 201: referralLink },
      },
    },
    async (request, reply) => reply.status(201).send(await createReferralLink(serviceContext(request))),
  );
};

export const publicReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/referrals/:code",
    {
      schema: {
        operationId: "publicGetReferralForm",
        tags,
        summary: "Who a referral link belongs to",
        security: [],
        params: referralCodeParams,
        response: { 200: publicReferralForm },
      },
    },
    async (request) => getPublicReferralForm(request.server.deps, requestMeta(request), request.params.code),
  );
  app.post(
    "/referrals/:code",
    {
      schema: {
        operationId: "publicSubmitReferral",
        tags,
        summary: "Send a referral through a partner's link",
        security: [],
        params: referralCodeParams,
        body: publicReferralBody,
        response: { 201: publicReferralResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitPublicReferral(request.server.deps, requestMeta(request), request.params.code, request.body)),
  );
};
