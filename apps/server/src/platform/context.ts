import type { Logger } from "pino";
import type { Config } from "../config/env";
import type { Database } from "../db";
import type { AuditSource } from "./audit";
import type { Actor } from "./authz";
import type { JobQueue } from "./jobs";

/** Long-lived dependencies, built once per process. */
export interface AppDeps {
  config: Config;
  database: Database;
  jobs: JobQueue;
  logger: Logger;
}

/** Where a request comes from, before we know who it is. */
export interface RequestMeta {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** What every service function receives: the dependencies, the actor, and the request. */
export interface ServiceContext extends AppDeps, RequestMeta {
  actor: Actor;
}

export function auditSource(ctx: ServiceContext): AuditSource {
  return { actor: ctx.actor, requestId: ctx.requestId, ipAddress: ctx.ipAddress };
}
