import {
  accountEngagementParams,
  accountList,
  accountListMembersBody,
  accountListMembersResult,
  createAccountListBody,
  createDirectEngagementBody,
  directEngagement,
  idParams,
  updateAccountListBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { addDirectEngagement, deleteDirectEngagement, listDirectEngagements } from "./accounts.engagements";
import {
  changeListMembers,
  createAccountList,
  deleteAccountList,
  listAccountLists,
  updateAccountList,
} from "./accounts.lists";

const tags = ["accounts"];
const noContent = z.undefined().describe("Done");

/** Named-account lists with bulk membership, and direct-sales engagements per account. */
export const consoleAccountListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/account-lists",
    {
      schema: {
        operationId: "consoleListAccountLists",
        tags,
        summary: "Named-account lists with their member counts",
        response: { 200: z.object({ items: z.array(accountList) }) },
      },
    },
    async (request) => listAccountLists(serviceContext(request)),
  );

  app.post(
    "/account-lists",
    {
      schema: {
        operationId: "consoleCreateAccountList",
        tags,
        summary: "Create a named-account list (blocking lists make partner registrations a conflict)",
        body: createAccountListBody,
        response: { 201: accountList },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccountList(serviceContext(request), request.body)),
  );

  app.patch(
    "/account-lists/:id",
    {
      schema: {
        operationId: "consoleUpdateAccountList",
        tags,
        summary: "Rename a list, change its description or whether it blocks partners",
        params: idParams,
        body: updateAccountListBody,
        response: { 200: accountList },
      },
    },
    async (request) => updateAccountList(serviceContext(request), request.params.id, request.body),
  );

  app.delete(
    "/account-lists/:id",
    {
      schema: {
        operationId: "consoleDeleteAccountList",
        tags,
        summary: "Delete a list (its accounts stay)",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteAccountList(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/account-lists/:id/members",
    {
      schema: {
        operationId: "consoleAddAccountListMembers",
        tags,
        summary: "Add up to 5,000 accounts to a list (already there: unchanged)",
        params: idParams,
        body: accountListMembersBody,
        response: { 200: accountListMembersResult },
      },
    },
    async (request) => changeListMembers(serviceContext(request), request.params.id, request.body.accountIds, "add"),
  );

  app.post(
    "/account-lists/:id/members/remove",
    {
      schema: {
        operationId: "consoleRemoveAccountListMembers",
        tags,
        summary: "Remove up to 5,000 accounts from a list",
        params: idParams,
        body: accountListMembersBody,
        response: { 200: accountListMembersResult },
      },
    },
    async (request) => changeListMembers(serviceContext(request), request.params.id, request.body.accountIds, "remove"),
  );

  app.get(
    "/accounts/:id/engagements",
    {
      schema: {
        operationId: "consoleListDirectEngagements",
        tags,
        summary: "Direct-sales engagements with the account, newest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(directEngagement) }) },
      },
    },
    async (request) => listDirectEngagements(serviceContext(request), request.params.id),
  );

  app.post(
    "/accounts/:id/engagements",
    {
      schema: {
        operationId: "consoleAddDirectEngagement",
        tags,
        summary: "Record a direct-sales engagement (the conflict check's look-back reads it)",
        params: idParams,
        body: createDirectEngagementBody,
        response: { 201: directEngagement },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addDirectEngagement(serviceContext(request), request.params.id, request.body)),
  );

  app.delete(
    "/accounts/:id/engagements/:engagementId",
    {
      schema: {
        operationId: "consoleDeleteDirectEngagement",
        tags,
        summary: "Delete a direct-sales engagement",
        params: accountEngagementParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteDirectEngagement(serviceContext(request), request.params.id, request.params.engagementId);
      return reply.status(204).send();
    },
  );
};
