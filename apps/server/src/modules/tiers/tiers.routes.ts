import {
  approveTierProposalBody,
  createTierBody,
  idParams,
  partnerSignals,
  portalTierView,
  putPartnerSignalsBody,
  rejectTierProposalBody,
  reorderTiersBody,
  simulateTiersBody,
  tierEvaluationResult,
  tierList,
  tierProposal,
  tierProposalPage,
  tierProposalQuery,
  tierRecord,
  tierSimulation,
  updateTierBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { getOwnTierStanding } from "./tiers.portal";
import { approveTierProposal, evaluateProgramNow, listTierProposals, rejectTierProposal } from "./tiers.proposals";
import { createTier, deleteTier, listTiers, reorderTiers, updateTier } from "./tiers.service";
import { getPartnerSignals, putPartnerSignals } from "./tiers.signals";
import { simulateTierChange } from "./tiers.simulation";

const tags = ["tiers"];
const noContent = z.undefined().describe("Done");

export const consoleTierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/programs/:id/tiers",
    {
      schema: {
        operationId: "consoleListTiers",
        tags,
        summary: "A program's tiers, lowest first, with how many partners hold each",
        params: idParams,
        response: { 200: tierList },
      },
    },
    async (request) => listTiers(serviceContext(request), request.params.id),
  );
  app.post(
    "/programs/:id/tiers",
    {
      schema: {
        operationId: "consoleCreateTier",
        tags,
        summary: "Add a tier above the program's current top tier",
        params: idParams,
        body: createTierBody,
        response: { 201: tierRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTier(serviceContext(request), request.params.id, request.body)),
  );
  app.post(
    "/programs/:id/tiers/reorder",
    {
      schema: {
        operationId: "consoleReorderTiers",
        tags,
        summary: "Set the order of a program's tiers (all of them, lowest first)",
        params: idParams,
        body: reorderTiersBody,
        response: { 200: tierList },
      },
    },
    async (request) => reorderTiers(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/programs/:id/tiers/simulate",
    {
      schema: {
        operationId: "consoleSimulateTiers",
        tags,
        summary: "Which partners would move if a tier's criteria changed (writes nothing)",
        params: idParams,
        body: simulateTiersBody,
        response: { 200: tierSimulation },
      },
    },
    async (request) => simulateTierChange(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/programs/:id/tiers/evaluate",
    {
      schema: {
        operationId: "consoleEvaluateProgramTiers",
        tags,
        summary: "Run the daily tier evaluation for this program now",
        params: idParams,
        response: { 200: tierEvaluationResult },
      },
    },
    async (request) => evaluateProgramNow(serviceContext(request), request.params.id),
  );
  app.patch(
    "/tiers/:id",
    {
      schema: {
        operationId: "consoleUpdateTier",
        tags,
        summary: "Change a tier's name, criteria, checks, benefits or obligations",
        params: idParams,
        body: updateTierBody,
        response: { 200: tierRecord },
      },
    },
    async (request) => updateTier(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/tiers/:id",
    {
      schema: {
        operationId: "consoleDeleteTier",
        tags,
        summary: "Delete a tier no partner holds",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteTier(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/partners/:id/signals",
    {
      schema: {
        operationId: "consoleGetPartnerSignals",
        tags,
        summary: "Manually maintained tier signals and checks of a partner",
        params: idParams,
        response: { 200: partnerSignals },
      },
    },
    async (request) => getPartnerSignals(serviceContext(request), request.params.id),
  );
  app.put(
    "/partners/:id/signals",
    {
      schema: {
        operationId: "consolePutPartnerSignals",
        tags,
        summary: "Set manual tier signals (certified people, points, engagement, check:<key>)",
        params: idParams,
        body: putPartnerSignalsBody,
        response: { 200: partnerSignals },
      },
    },
    async (request) => putPartnerSignals(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    "/tier-proposals",
    {
      schema: {
        operationId: "consoleListTierProposals",
        tags,
        summary: "Tier change proposals, newest first",
        querystring: tierProposalQuery,
        response: { 200: tierProposalPage },
      },
    },
    async (request) => listTierProposals(serviceContext(request), request.query),
  );
  app.post(
    "/tier-proposals/:id/approve",
    {
      schema: {
        operationId: "consoleApproveTierProposal",
        tags,
        summary: "Accept a proposal: the partner moves to the proposed tier",
        params: idParams,
        body: approveTierProposalBody,
        response: { 200: tierProposal },
      },
    },
    async (request) => approveTierProposal(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/tier-proposals/:id/reject",
    {
      schema: {
        operationId: "consoleRejectTierProposal",
        tags,
        summary: "Turn a proposal down, with the reason",
        params: idParams,
        body: rejectTierProposalBody,
        response: { 200: tierProposal },
      },
    },
    async (request) => rejectTierProposal(serviceContext(request), request.params.id, request.body),
  );
};

export const portalTierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tier",
    {
      schema: {
        operationId: "portalGetTierStanding",
        tags,
        summary: "Your tier in each program, its benefits, and what the next tier still needs",
        response: { 200: portalTierView },
      },
    },
    async (request) => getOwnTierStanding(serviceContext(request)),
  );
};
