import {
  apiKeyList,
  createdApiKey,
  createdInvitation,
  createPartnerApiKeyBody,
  createPartnerInvitationBody,
  createVendorApiKeyBody,
  createVendorInvitationBody,
  idParams,
  invitationPage,
  pageQuery,
  passwordResetLink,
  updatePartnerUserBody,
  updateVendorUserBody,
  userListQuery,
  userPage,
  userRecord,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { createPasswordResetFor } from "./auth.service";
import { createInvitation, listInvitations, revokeInvitation } from "./invitations";
import { listPeople, updatePerson } from "./users";

const noContent = z.undefined().describe("Done");

/**
 * People, invitations and API keys. The same use cases serve both surfaces; the services scope
 * them (staff → workspace, partner admins → their own organization).
 */
function peopleRoutes(surface: "console" | "portal"): FastifyPluginAsyncZod {
  const vendor = surface === "console";
  const op = (name: string) => `${surface}${name}`;
  return async (app) => {
    app.get(
      "/users",
      {
        schema: {
          operationId: op("ListUsers"),
          tags: ["users"],
          summary: vendor ? "Vendor staff of the workspace (admins)" : "People of your partner organization",
          querystring: userListQuery,
          response: { 200: userPage },
        },
      },
      async (request) => listPeople(serviceContext(request), request.query),
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          operationId: op("UpdateUser"),
          tags: ["users"],
          summary: "Rename, change the role of, disable or re-enable a person",
          params: idParams,
          body: vendor ? updateVendorUserBody : updatePartnerUserBody,
          response: { 200: userRecord },
        },
      },
      async (request) => updatePerson(serviceContext(request), request.params.id, request.body),
    );

    app.post(
      "/users/:id/password-reset",
      {
        schema: {
          operationId: op("CreatePasswordResetLink"),
          tags: ["users"],
          summary: "Create a single-use password reset link (valid 1 hour) to give to this person",
          params: idParams,
          response: { 201: passwordResetLink },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPasswordResetFor(serviceContext(request), request.params.id)),
    );

    app.get(
      "/invitations",
      {
        schema: {
          operationId: op("ListInvitations"),
          tags: ["invitations"],
          summary: "Invitations sent, newest first",
          querystring: pageQuery,
          response: { 200: invitationPage },
        },
      },
      async (request) => listInvitations(serviceContext(request), request.query),
    );

    app.post(
      "/invitations",
      {
        schema: {
          operationId: op("CreateInvitation"),
          tags: ["invitations"],
          summary: "Invite someone; the accept link is returned once",
          body: vendor ? createVendorInvitationBody : createPartnerInvitationBody,
          response: { 201: createdInvitation },
        },
      },
      async (request, reply) => reply.status(201).send(await createInvitation(serviceContext(request), request.body)),
    );

    app.delete(
      "/invitations/:id",
      {
        schema: {
          operationId: op("RevokeInvitation"),
          tags: ["invitations"],
          summary: "Withdraw a pending invitation",
          params: idParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await revokeInvitation(serviceContext(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      "/api-keys",
      {
        schema: {
          operationId: op("ListApiKeys"),
          tags: ["api-keys"],
          summary: "API keys",
          response: { 200: apiKeyList },
        },
      },
      async (request) => listApiKeys(serviceContext(request)),
    );

    app.post(
      "/api-keys",
      {
        schema: {
          operationId: op("CreateApiKey"),
          tags: ["api-keys"],
          summary: "Create an API key; the secret is returned once",
          body: vendor ? createVendorApiKeyBody : createPartnerApiKeyBody,
          response: { 201: createdApiKey },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiKey(serviceContext(request), request.body)),
    );

    app.delete(
      "/api-keys/:id",
      {
        schema: {
          operationId: op("RevokeApiKey"),
          tags: ["api-keys"],
          summary: "Revoke an API key at once",
          params: idParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await revokeApiKey(serviceContext(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}

export const consolePeopleRoutes = peopleRoutes("console");
export const portalPeopleRoutes = peopleRoutes("portal");
