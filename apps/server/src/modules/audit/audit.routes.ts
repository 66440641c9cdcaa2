import { auditEventPage, auditEventQuery } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listAuditEvents } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { serviceContext } from "../../platform/http/request-context";

/** Vendor admins read the audit log. There is deliberately no route that changes it. */
export async function listWorkspaceAuditEvents(ctx: ServiceContext, query: Parameters<typeof listAuditEvents>[2]) {
  requireVendor(ctx.actor, ["admin"]);
  return listAuditEvents(ctx.database.db, ctx.actor.workspaceId, query);
}

export const consoleAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-events",
    {
      schema: {
        operationId: "consoleListAuditEvents",
        tags: ["audit"],
        summary: "The audit log, newest first, filterable by action, entity, actor and time",
        querystring: auditEventQuery,
        response: { 200: auditEventPage },
      },
    },
    async (request) => listWorkspaceAuditEvents(serviceContext(request), request.query),
  );
};
