import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { migrationStatus } from "../../db";

const health = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });
const readiness = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["embedded", "postgres"]),
  reason: z.string().optional(),
  migrations: z.object({ applied: z.number(), expected: z.number() }).optional(),
});

/** Liveness never touches the database; readiness checks it and the migration history. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/healthz",
    {
      logLevel: "warn",
      schema: { operationId: "health", tags: ["system"], summary: "The process is up", response: { 200: health } },
    },
    async () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    "/readyz",
    {
      logLevel: "warn",
      schema: {
        operationId: "readiness",
        tags: ["system"],
        summary: "The database answers and its migrations are current",
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const { database } = app.deps;
      try {
        const status = await migrationStatus(database);
        const migrations = { applied: status.applied, expected: status.expected };
        if (!status.current) {
          return reply
            .status(503)
            .send({ status: "not_ready", database: database.kind, reason: "migrations pending", migrations });
        }
        return { status: "ready" as const, database: database.kind, migrations };
      } catch (error) {
        app.log.warn({ err: error }, "readiness check failed");
        return reply.status(503).send({ status: "not_ready", database: database.kind, reason: "database unreachable" });
      }
    },
  );
};
