import {
  accountActivity,
  accountActivityQuery,
  accountListQuery,
  accountPage,
  accountRecord,
  accountStatusBody,
  bulkUpsertAccountsBody,
  bulkUpsertAccountsResult,
  createAccountBody,
  externalIdParams,
  idParams,
  updateAccountBody,
  upsertAccountBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireVendor } from "../../platform/authz";
import { serviceContext } from "../../platform/http/request-context";
import { listAccountActivity } from "./accounts.activity";
import { getAccount, listAccounts } from "./accounts.queries";
import {
  bulkUpsertAccounts,
  changeAccountStatus,
  createAccount,
  updateAccount,
  upsertAccountByExternalId,
} from "./accounts.service";

const tags = ["accounts"];

/** The account book for vendor staff: search, create, update, upsert by CRM id, activity. */
export const consoleAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/accounts",
    {
      schema: {
        operationId: "consoleListAccounts",
        tags,
        summary: "Accounts with search (name or domain), filters, sort, page and total",
        querystring: accountListQuery,
        response: { 200: accountPage },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      requireVendor(ctx.actor);
      return listAccounts(ctx.database.db, ctx.actor.workspaceId, request.query);
    },
  );

  app.post(
    "/accounts",
    {
      schema: {
        operationId: "consoleCreateAccount",
        tags,
        summary: "Create an account (match keys are derived from name, domain, country and phone)",
        body: createAccountBody,
        response: { 201: accountRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccount(serviceContext(request), request.body)),
  );

  app.post(
    "/accounts/bulk-upsert",
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        operationId: "consoleBulkUpsertAccounts",
        tags,
        summary: "Create or update up to 5,000 accounts by external id in one transaction (all or nothing)",
        body: bulkUpsertAccountsBody,
        response: { 200: bulkUpsertAccountsResult },
      },
    },
    async (request) => bulkUpsertAccounts(serviceContext(request), request.body),
  );

  app.put(
    "/accounts/by-external-id/:externalId",
    {
      schema: {
        operationId: "consoleUpsertAccount",
        tags,
        summary: "Create or update the account with this CRM id (idempotent); 201 when created",
        params: externalIdParams,
        body: upsertAccountBody,
        response: { 200: accountRecord, 201: accountRecord },
      },
    },
    async (request, reply) => {
      const { account, created } = await upsertAccountByExternalId(
        serviceContext(request),
        request.params.externalId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(account);
    },
  );

  app.get(
    "/accounts/:id",
    {
      schema: {
        operationId: "consoleGetAccount",
        tags,
        summary: "One account with its owner and lists",
        params: idParams,
        response: { 200: accountRecord },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      requireVendor(ctx.actor);
      return getAccount(ctx.database.db, ctx.actor.workspaceId, request.params.id);
    },
  );

  app.patch(
    "/accounts/:id",
    {
      schema: {
        operationId: "consoleUpdateAccount",
        tags,
        summary: "Change an account's fields (match keys are recomputed)",
        params: idParams,
        body: updateAccountBody,
        response: { 200: accountRecord },
      },
    },
    async (request) => updateAccount(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    "/accounts/:id/status",
    {
      schema: {
        operationId: "consoleChangeAccountStatus",
        tags,
        summary: "Set prospect, customer or churned (customer since defaults to today)",
        params: idParams,
        body: accountStatusBody,
        response: { 200: accountRecord },
      },
    },
    async (request) => changeAccountStatus(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    "/accounts/:id/activity",
    {
      schema: {
        operationId: "consoleAccountActivity",
        tags,
        summary: "The account's activity from the audit trail, newest first",
        params: idParams,
        querystring: accountActivityQuery,
        response: { 200: accountActivity },
      },
    },
    async (request) => listAccountActivity(serviceContext(request), request.params.id, request.query),
  );
};
