import {
  approveRegistrationBody,
  attachmentParams,
  bulkApproveBody,
  bulkApproveResult,
  checkRegistrationBody,
  consoleRegistration,
  consoleRegistrationList,
  consoleRegistrationListQuery,
  createRegistrationBody,
  createRegistrationPolicyBody,
  decideExtensionBody,
  extensionParams,
  idParams,
  partnerCheck,
  portalRegistration,
  portalRegistrationList,
  portalRegistrationListQuery,
  registrationPolicyList,
  registrationPolicyQuery,
  registrationPolicyRecord,
  rejectRegistrationBody,
  requestExtensionBody,
  requestInfoBody,
  updateRegistrationBody,
  uploadAttachmentQuery,
  withdrawRegistrationBody,
} from "@symbiont/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, readAttachment, uploadAttachment } from "./deals.attachments";
import { convertRegistration, decideExtension } from "./deals.lifecycle";
import { listRegistrationPolicies, publishRegistrationPolicy } from "./deals.policy-service";
import {
  checkBeforeRegister,
  createRegistration,
  deleteDraft,
  getOwnRegistration,
  listOwnRegistrations,
  requestExtension,
  submitRegistration,
  updateRegistration,
  withdrawRegistration,
} from "./deals.portal";
import {
  approveRegistration,
  bulkApprove,
  getRegistrationForReview,
  listRegistrationQueue,
  recheckRegistration,
  rejectRegistration,
  requestInformation,
} from "./deals.review";

const tags = ["deal registration"];
const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .describe("Send the same key again to get the first result back instead of a second registration"),
});

const download = async (
  request: FastifyRequest<{ Params: { id: string; attachmentId: string } }>,
  reply: FastifyReply,
) => {
  const file = await readAttachment(serviceContext(request), request.params.id, request.params.attachmentId);
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header("x-content-type-options", "nosniff")
    .send(file.bytes);
};
const downloadSchema = (operationId: string) => ({
  operationId,
  tags,
  summary: "Download an evidence file",
  params: attachmentParams,
  produces: ["application/octet-stream"],
  response: { 200: z.any() },
});

export const portalRegistrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    [...ATTACHMENT_TYPES],
    { parseAs: "buffer", bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.post(
    "/registrations/:id/attachments",
    {
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        operationId: "portalUploadRegistrationAttachment",
        tags,
        summary: "Attach an evidence file (the raw bytes as the body, its type as Content-Type; at most 10 MB)",
        params: idParams,
        querystring: uploadAttachmentQuery,
        response: { 200: portalRegistration },
      },
    },
    async (request) =>
      uploadAttachment(serviceContext(request), request.params.id, {
        fileName: request.query.fileName,
        contentType: request.headers["content-type"] ?? "",
        bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.from(JSON.stringify(request.body ?? "")),
      }),
  );
  app.get(
    "/registrations/:id/attachments/:attachmentId",
    { schema: downloadSchema("portalDownloadRegistrationAttachment") },
    download,
  );
  app.get(
    "/registrations",
    {
      schema: {
        operationId: "portalListRegistrations",
        tags,
        summary: "Your organization's registrations, newest first, with the count expiring this week",
        querystring: portalRegistrationListQuery,
        response: { 200: portalRegistrationList },
      },
    },
    async (request) => listOwnRegistrations(serviceContext(request), request.query),
  );
  app.post(
    "/registrations",
    {
      schema: {
        operationId: "portalCreateRegistration",
        tags,
        summary: "Save a draft registration, or submit it at once with `submit: true`",
        headers: idempotencyHeaders,
        body: createRegistrationBody,
        response: { 201: portalRegistration },
      },
    },
    async (request, reply) => {
      const result = await createRegistration(
        serviceContext(request),
        request.body,
        request.headers["idempotency-key"],
      );
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(result.body);
    },
  );
  app.post(
    "/registrations/check",
    {
      schema: {
        operationId: "portalCheckRegistration",
        tags,
        summary: "Check before you register: whether the company is likely already covered (nothing is stored)",
        body: checkRegistrationBody,
        response: { 200: partnerCheck },
      },
    },
    async (request) => checkBeforeRegister(serviceContext(request), request.body),
  );
  app.get(
    "/registrations/:id",
    { schema: { operationId: "portalGetRegistration", tags, params: idParams, response: { 200: portalRegistration } } },
    async (request) => getOwnRegistration(serviceContext(request), request.params.id),
  );
  app.patch(
    "/registrations/:id",
    {
      schema: {
        operationId: "portalUpdateRegistration",
        tags,
        summary: "Edit a draft, or after submission the fields the rules still allow",
        params: idParams,
        body: updateRegistrationBody,
        response: { 200: portalRegistration },
      },
    },
    async (request) => updateRegistration(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/registrations/:id",
    {
      schema: {
        operationId: "portalDeleteRegistration",
        tags,
        summary: "Delete a draft (submitted registrations are withdrawn instead)",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteDraft(serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/registrations/:id/submit",
    {
      schema: {
        operationId: "portalSubmitRegistration",
        tags,
        summary: "Submit a draft: the conflict check and the rules of engagement run at once",
        params: idParams,
        response: { 200: portalRegistration },
      },
    },
    async (request) => submitRegistration(serviceContext(request), request.params.id),
  );
  app.post(
    "/registrations/:id/withdraw",
    {
      schema: {
        operationId: "portalWithdrawRegistration",
        tags,
        params: idParams,
        body: withdrawRegistrationBody,
        response: { 200: portalRegistration },
      },
    },
    async (request) => withdrawRegistration(serviceContext(request), request.params.id, request.body?.reason),
  );
  app.post(
    "/registrations/:id/extensions",
    {
      schema: {
        operationId: "portalRequestRegistrationExtension",
        tags,
        summary: "Ask for more protection time on an approved registration",
        params: idParams,
        body: requestExtensionBody,
        response: { 200: portalRegistration },
      },
    },
    async (request) => requestExtension(serviceContext(request), request.params.id, request.body),
  );
};

export const consoleRegistrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/registrations/:id/attachments/:attachmentId",
    { schema: downloadSchema("consoleDownloadRegistrationAttachment") },
    download,
  );
  app.get(
    "/registrations",
    {
      schema: {
        operationId: "consoleListRegistrations",
        tags,
        summary: "The review queue (open registrations, soonest SLA first) or every registration",
        querystring: consoleRegistrationListQuery,
        response: { 200: consoleRegistrationList },
      },
    },
    async (request) => listRegistrationQueue(serviceContext(request), request.query),
  );
  app.post(
    "/registrations/bulk-approve",
    {
      schema: {
        operationId: "consoleBulkApproveRegistrations",
        tags,
        summary: "Approve registrations whose conflict check is clear; the others are reported, not approved",
        body: bulkApproveBody,
        response: { 200: bulkApproveResult },
      },
    },
    async (request) => bulkApprove(serviceContext(request), request.body.ids),
  );
  app.get(
    "/registrations/:id",
    {
      schema: {
        operationId: "consoleGetRegistration",
        tags,
        summary: "A registration with its conflict evidence, competing records and the partner's history",
        params: idParams,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => getRegistrationForReview(serviceContext(request), request.params.id),
  );
  app.post(
    "/registrations/:id/check",
    {
      schema: {
        operationId: "consoleRecheckRegistration",
        tags,
        summary: "Run the conflict check again (with trigram search) and store its evidence",
        params: idParams,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => recheckRegistration(serviceContext(request), request.params.id),
  );
  app.post(
    "/registrations/:id/approve",
    {
      schema: {
        operationId: "consoleApproveRegistration",
        tags,
        summary: "Approve; a blocked registration needs `override: true` and a reason",
        params: idParams,
        body: approveRegistrationBody,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => approveRegistration(serviceContext(request), request.params.id, request.body ?? {}),
  );
  app.post(
    "/registrations/:id/reject",
    {
      schema: {
        operationId: "consoleRejectRegistration",
        tags,
        params: idParams,
        body: rejectRegistrationBody,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => rejectRegistration(serviceContext(request), request.params.id, request.body.reason),
  );
  app.post(
    "/registrations/:id/request-info",
    {
      schema: {
        operationId: "consoleRequestRegistrationInfo",
        tags,
        summary: "Ask the partner for more information; their next edit answers it",
        params: idParams,
        body: requestInfoBody,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => requestInformation(serviceContext(request), request.params.id, request.body.message),
  );
  app.post(
    "/registrations/:id/convert",
    {
      schema: {
        operationId: "consoleConvertRegistration",
        tags,
        summary: "Convert an approved registration into a partner-sourced opportunity",
        params: idParams,
        response: { 200: consoleRegistration },
      },
    },
    async (request) => convertRegistration(serviceContext(request), request.params.id),
  );
  app.post(
    "/registrations/:id/extensions/:extensionId/decide",
    {
      schema: {
        operationId: "consoleDecideRegistrationExtension",
        tags,
        params: extensionParams,
        body: decideExtensionBody,
        response: { 200: consoleRegistration },
      },
    },
    async (request) =>
      decideExtension(serviceContext(request), request.params.id, request.params.extensionId, request.body),
  );
  app.get(
    "/registration-policies",
    {
      schema: {
        operationId: "consoleListRegistrationPolicies",
        tags,
        summary: "The rules of engagement in force (for a program or the workspace default) and every version",
        querystring: registrationPolicyQuery,
        response: { 200: registrationPolicyList },
      },
    },
    async (request) => listRegistrationPolicies(serviceContext(request), request.query.programId),
  );
  app.post(
    "/registration-policies",
    {
      schema: {
        operationId: "consolePublishRegistrationPolicy",
        tags,
        summary: "Publish a new version of the rules of engagement",
        body: createRegistrationPolicyBody,
        response: { 201: registrationPolicyRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishRegistrationPolicy(serviceContext(request), request.body)),
  );
};
