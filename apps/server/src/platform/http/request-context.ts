import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../authz";
import type { AppDeps, RequestMeta, ServiceContext } from "../context";
import { AppError } from "../errors";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route registered, for coverage checks (the isolation matrix must name them all). */
    routeTable: { method: string; url: string }[];
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers["user-agent"];
  return {
    requestId: String(request.id),
    ipAddress: request.ip ?? null,
    userAgent: typeof agent === "string" ? agent : null,
  };
}

/** The service context of an authenticated request (the surface guard has run). */
export function serviceContext(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return { ...request.server.deps, ...requestMeta(request), actor: request.actor };
}

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
