import {
  agreementAcceptanceList,
  agreementAcceptanceRecord,
  agreementDetail,
  agreementListQuery,
  agreementRecord,
  agreementVersionParams,
  agreementVersionRecord,
  createAgreementBody,
  idParams,
  partnerAgreementList,
  publishAgreementVersionBody,
  updateAgreementBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { acceptAgreementVersion, listOwnAgreements } from "./agreements.portal";
import {
  createAgreement,
  exportAgreementAcceptancesCsv,
  getAgreement,
  getPartnerAgreements,
  listAgreementAcceptances,
  listAgreements,
  listAgreementVersions,
  publishAgreementVersion,
  updateAgreement,
} from "./agreements.service";

const tags = ["agreements"];

export const consoleAgreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/agreements",
    {
      schema: {
        operationId: "consoleListAgreements",
        tags,
        summary: "Agreements of every program (or one), with their newest version",
        querystring: agreementListQuery,
        response: { 200: z.object({ items: z.array(agreementRecord) }) },
      },
    },
    async (request) => listAgreements(serviceContext(request), request.query),
  );
  app.post(
    "/agreements",
    {
      schema: {
        operationId: "consoleCreateAgreement",
        tags,
        summary: "Create an agreement with its first version (admins and partner managers)",
        body: createAgreementBody,
        response: { 201: agreementDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgreement(serviceContext(request), request.body)),
  );
  app.get(
    "/agreements/:id",
    { schema: { operationId: "consoleGetAgreement", tags, params: idParams, response: { 200: agreementDetail } } },
    async (request) => getAgreement(serviceContext(request), request.params.id),
  );
  app.patch(
    "/agreements/:id",
    {
      schema: {
        operationId: "consoleUpdateAgreement",
        tags,
        summary: "Rename or archive an agreement",
        params: idParams,
        body: updateAgreementBody,
        response: { 200: agreementDetail },
      },
    },
    async (request) => updateAgreement(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    "/agreements/:id/versions",
    {
      schema: {
        operationId: "consoleListAgreementVersions",
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(agreementVersionRecord) }) },
      },
    },
    async (request) => listAgreementVersions(serviceContext(request), request.params.id),
  );
  app.post(
    "/agreements/:id/versions",
    {
      schema: {
        operationId: "consolePublishAgreementVersion",
        tags,
        summary: "Publish a new version; it may require every partner to accept again",
        params: idParams,
        body: publishAgreementVersionBody,
        response: { 201: agreementVersionRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishAgreementVersion(serviceContext(request), request.params.id, request.body)),
  );
  app.get(
    "/agreements/:id/acceptances",
    {
      schema: {
        operationId: "consoleListAgreementAcceptances",
        tags,
        params: idParams,
        response: { 200: agreementAcceptanceList },
      },
    },
    async (request) => listAgreementAcceptances(serviceContext(request), request.params.id),
  );
  app.get(
    "/agreements/:id/acceptances.csv",
    {
      schema: {
        operationId: "consoleExportAgreementAcceptances",
        tags,
        summary: "The acceptance record as CSV",
        params: idParams,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const csv = await exportAgreementAcceptancesCsv(serviceContext(request), request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="acceptances-${request.params.id}.csv"`)
        .serializer((payload: unknown) => String(payload))
        .send(csv);
    },
  );
  app.get(
    "/partners/:id/agreements",
    {
      schema: {
        operationId: "consoleGetPartnerAgreements",
        tags,
        summary: "A partner's agreements: status per agreement and every acceptance",
        params: idParams,
        response: { 200: partnerAgreementList.extend({ acceptances: z.array(agreementAcceptanceRecord) }) },
      },
    },
    async (request) => getPartnerAgreements(serviceContext(request), request.params.id),
  );
};

export const portalAgreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/agreements",
    {
      schema: {
        operationId: "portalListAgreements",
        tags,
        summary: "The agreements of your programs and whether your organization accepted them",
        response: { 200: partnerAgreementList },
      },
    },
    async (request) => listOwnAgreements(serviceContext(request)),
  );
  app.post(
    "/agreements/:versionId/accept",
    {
      schema: {
        operationId: "portalAcceptAgreement",
        tags,
        summary: "Accept an agreement version for your organization (partner admins)",
        params: agreementVersionParams,
        response: { 200: agreementAcceptanceRecord },
      },
    },
    async (request) => acceptAgreementVersion(serviceContext(request), request.params.versionId),
  );
};
