import {
  createJourneyTemplateBody,
  idParams,
  journeyStepInput,
  journeyTemplateList,
  journeyTemplateListQuery,
  journeyTemplateRecord,
  onboardingMetrics,
  onboardingMetricsQuery,
  onboardingTaskList,
  onboardingTaskQuery,
  partnerJourneyList,
  partnerStepParams,
  reorderJourneyStepsBody,
  stepIdParams,
  templateStepParams,
  updateJourneyStepBody,
  updateJourneyTemplateBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { getOnboardingMetrics } from "./onboarding.metrics";
import {
  completeStepManually,
  getOwnOnboarding,
  getPartnerOnboarding,
  listOnboardingTasks,
} from "./onboarding.service";
import {
  addJourneyStep,
  createJourneyTemplate,
  deleteJourneyStep,
  deleteJourneyTemplate,
  getJourneyTemplate,
  listJourneyTemplates,
  reorderJourneySteps,
  updateJourneyStep,
  updateJourneyTemplate,
} from "./onboarding.templates";

const tags = ["onboarding"];
const noContent = z.undefined().describe("Done");

export const consoleOnboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/onboarding/templates",
    {
      schema: {
        operationId: "consoleListJourneyTemplates",
        tags,
        summary: "Onboarding journey templates, per program",
        querystring: journeyTemplateListQuery,
        response: { 200: journeyTemplateList },
      },
    },
    async (request) => listJourneyTemplates(serviceContext(request), request.query),
  );
  app.post(
    "/onboarding/templates",
    {
      schema: {
        operationId: "consoleCreateJourneyTemplate",
        tags,
        body: createJourneyTemplateBody,
        response: { 201: journeyTemplateRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createJourneyTemplate(serviceContext(request), request.body)),
  );
  app.get(
    "/onboarding/templates/:id",
    {
      schema: {
        operationId: "consoleGetJourneyTemplate",
        tags,
        params: idParams,
        response: { 200: journeyTemplateRecord },
      },
    },
    async (request) => getJourneyTemplate(serviceContext(request), request.params.id),
  );
  app.patch(
    "/onboarding/templates/:id",
    {
      schema: {
        operationId: "consoleUpdateJourneyTemplate",
        tags,
        summary: "Rename a journey or make it the program's default",
        params: idParams,
        body: updateJourneyTemplateBody,
        response: { 200: journeyTemplateRecord },
      },
    },
    async (request) => updateJourneyTemplate(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/onboarding/templates/:id",
    {
      schema: {
        operationId: "consoleDeleteJourneyTemplate",
        tags,
        summary: "Delete a journey no partner has started",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteJourneyTemplate(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    "/onboarding/templates/:id/steps",
    {
      schema: {
        operationId: "consoleAddJourneyStep",
        tags,
        params: idParams,
        body: journeyStepInput,
        response: { 201: journeyTemplateRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addJourneyStep(serviceContext(request), request.params.id, request.body)),
  );
  app.patch(
    "/onboarding/templates/:id/steps/:stepId",
    {
      schema: {
        operationId: "consoleUpdateJourneyStep",
        tags,
        params: templateStepParams,
        body: updateJourneyStepBody,
        response: { 200: journeyTemplateRecord },
      },
    },
    async (request) =>
      updateJourneyStep(serviceContext(request), request.params.id, request.params.stepId, request.body),
  );
  app.delete(
    "/onboarding/templates/:id/steps/:stepId",
    {
      schema: {
        operationId: "consoleDeleteJourneyStep",
        tags,
        params: templateStepParams,
        response: { 200: journeyTemplateRecord },
      },
    },
    async (request) => deleteJourneyStep(serviceContext(request), request.params.id, request.params.stepId),
  );
  app.put(
    "/onboarding/templates/:id/order",
    {
      schema: {
        operationId: "consoleReorderJourneySteps",
        tags,
        summary: "Set the order of a journey's steps",
        params: idParams,
        body: reorderJourneyStepsBody,
        response: { 200: journeyTemplateRecord },
      },
    },
    async (request) => reorderJourneySteps(serviceContext(request), request.params.id, request.body.stepIds),
  );
  app.get(
    "/onboarding/tasks",
    {
      schema: {
        operationId: "consoleListOnboardingTasks",
        tags,
        summary: "Open onboarding steps across partners (vendor-owned first); overdue=true keeps late ones",
        querystring: onboardingTaskQuery,
        response: { 200: onboardingTaskList },
      },
    },
    async (request) => listOnboardingTasks(serviceContext(request), request.query),
  );
  app.get(
    "/onboarding/metrics",
    {
      schema: {
        operationId: "consoleGetOnboardingMetrics",
        tags,
        summary: "Time to complete onboarding, to first deal registration and to first won deal, per activation cohort",
        querystring: onboardingMetricsQuery,
        response: { 200: onboardingMetrics },
      },
    },
    async (request) => getOnboardingMetrics(serviceContext(request), request.query),
  );
  app.get(
    "/partners/:id/onboarding",
    {
      schema: {
        operationId: "consoleGetPartnerOnboarding",
        tags,
        summary: "A partner's onboarding journeys with every step",
        params: idParams,
        response: { 200: partnerJourneyList },
      },
    },
    async (request) => getPartnerOnboarding(serviceContext(request), request.params.id),
  );
  app.post(
    "/partners/:id/onboarding/steps/:stepId/complete",
    {
      schema: {
        operationId: "consoleCompleteOnboardingStep",
        tags,
        summary: "Tick a manual or vendor-owned step",
        params: partnerStepParams,
        response: { 200: partnerJourneyList },
      },
    },
    async (request) =>
      completeStepManually(serviceContext(request), { partnerId: request.params.id, stepId: request.params.stepId }),
  );
};

export const portalOnboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/onboarding",
    {
      schema: {
        operationId: "portalGetOnboarding",
        tags,
        summary: "Your organization's onboarding journey: steps, due dates, overdue flags",
        response: { 200: partnerJourneyList },
      },
    },
    async (request) => getOwnOnboarding(serviceContext(request)),
  );
  app.post(
    "/onboarding/steps/:stepId/complete",
    {
      schema: {
        operationId: "portalCompleteOnboardingStep",
        tags,
        summary: "Tick one of your own manual steps",
        params: stepIdParams,
        response: { 200: partnerJourneyList },
      },
    },
    async (request) => completeStepManually(serviceContext(request), { stepId: request.params.stepId }),
  );
};
