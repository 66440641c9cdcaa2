import {
  applicationDetail,
  applicationFormInfo,
  applicationListQuery,
  applicationPage,
  applyBody,
  applyParams,
  applyResult,
  approveApplicationResult,
  assignVetterBody,
  idealPartnerProfile,
  idParams,
  ippUpdateResult,
  programIdParams,
  rejectApplicationBody,
  updateIppBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requestMeta, serviceContext } from "../../platform/http/request-context";
import {
  approveApplication,
  assignVetter,
  getApplication,
  listApplications,
  rejectApplication,
} from "./applications.service";
import { getApplicationForm, submitApplication } from "./apply.service";
import { getIpp, updateIpp } from "./ipp.service";

const tags = ["recruitment"];

export const consoleRecruitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/programs/:programId/ipp",
    {
      schema: {
        operationId: "consoleGetIdealPartnerProfile",
        tags,
        summary: "A program's Ideal Partner Profile: weighted criteria with scoring rules",
        params: programIdParams,
        response: { 200: idealPartnerProfile },
      },
    },
    async (request) => getIpp(serviceContext(request), request.params.programId),
  );
  app.put(
    "/programs/:programId/ipp",
    {
      schema: {
        operationId: "consoleUpdateIdealPartnerProfile",
        tags,
        summary: "Replace the profile; every open application of the program is rescored",
        params: programIdParams,
        body: updateIppBody,
        response: { 200: ippUpdateResult },
      },
    },
    async (request) => updateIpp(serviceContext(request), request.params.programId, request.body.criteria),
  );
  app.get(
    "/applications",
    {
      schema: {
        operationId: "consoleListApplications",
        tags,
        summary: "The vetting queue, by fit score or by date received",
        querystring: applicationListQuery,
        response: { 200: applicationPage },
      },
    },
    async (request) => listApplications(serviceContext(request), request.query),
  );
  app.get(
    "/applications/:id",
    {
      schema: {
        operationId: "consoleGetApplication",
        tags,
        summary: "An application: answers, fit breakdown and duplicate warnings",
        params: idParams,
        response: { 200: applicationDetail },
      },
    },
    async (request) => getApplication(serviceContext(request), request.params.id),
  );
  app.post(
    "/applications/:id/assign",
    {
      schema: {
        operationId: "consoleAssignApplication",
        tags,
        params: idParams,
        body: assignVetterBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => assignVetter(serviceContext(request), request.params.id, request.body.vetterId),
  );
  app.post(
    "/applications/:id/approve",
    {
      schema: {
        operationId: "consoleApproveApplication",
        tags,
        summary: "Approve: the partner starts onboarding and the applicant is invited as partner admin",
        params: idParams,
        response: { 200: approveApplicationResult },
      },
    },
    async (request) => approveApplication(serviceContext(request), request.params.id),
  );
  app.post(
    "/applications/:id/reject",
    {
      schema: {
        operationId: "consoleRejectApplication",
        tags,
        params: idParams,
        body: rejectApplicationBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => rejectApplication(serviceContext(request), request.params.id, request.body.reason),
  );
};

/** The public application page's API: no sign-in, rate-limited per client address. */
export const publicApplyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/apply/:workspaceSlug/:programSlug",
    {
      schema: {
        operationId: "publicGetApplicationForm",
        tags,
        summary: "What the public application form of a program asks, and whether it is open",
        security: [],
        params: applyParams,
        response: { 200: applicationFormInfo },
      },
    },
    async (request) => getApplicationForm(request.server.deps, requestMeta(request), request.params),
  );
  app.post(
    "/apply/:workspaceSlug/:programSlug",
    {
      schema: {
        operationId: "publicSubmitApplication",
        tags,
        summary: "Apply to become a partner",
        security: [],
        params: applyParams,
        body: applyBody,
        response: { 201: applyResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitApplication(request.server.deps, requestMeta(request), request.params, request.body)),
  );
};
