import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { Guard } from "../../platform/http/request-context";
import { actorFromApiKey } from "./api-keys";
import { csrfTokenFor, safeEqual } from "./secrets";
import { actorFromSession, SESSION_COOKIE } from "./sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the actor from `Authorization: Bearer <api key>` or the session cookie. API keys are
 * not ambient credentials, so only cookie sessions need the CSRF header on mutations.
 */
async function authenticate(deps: AppDeps, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError("API_KEY_INVALID", { message: "Use the header Authorization: Bearer <api key>" });
    request.actor = await actorFromApiKey(deps.database.db, match[1]);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const actor = await actorFromSession(deps.database.db, token);
  if (!actor) return;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    const expected = csrfTokenFor(actor.sessionId ?? "", deps.config.sessionSecret);
    if (typeof sent !== "string" || !safeEqual(sent, expected)) {
      throw new AppError("CSRF_TOKEN_INVALID", {
        message: "Missing or wrong x-csrf-token header; reload the page and try again",
      });
    }
  }
  request.actor = actor;
}

/** Guards for each surface: who must be signed in, and as which kind of user. */
export function guards(deps: AppDeps): { anyone: Guard; console: Guard; portal: Guard; optional: Guard } {
  const required =
    (kind: "vendor" | "partner" | "any"): Guard =>
    async (request: FastifyRequest) => {
      await authenticate(deps, request);
      const actor = request.actor;
      if (!actor) throw new AppError("UNAUTHENTICATED", { message: "Sign in to continue" });
      if (kind === "vendor" && actor.kind !== "vendor") {
        throw new AppError("FORBIDDEN", { message: "The console is for vendor staff; partners use the portal" });
      }
      if (kind === "partner" && actor.kind !== "partner") {
        throw new AppError("FORBIDDEN", { message: "The portal is for partner users; staff use the console" });
      }
    };
  return {
    anyone: required("any"),
    console: required("vendor"),
    portal: required("partner"),
    optional: async (request: FastifyRequest) => {
      await authenticate(deps, request).catch(() => undefined);
    },
  };
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: deps.config.secureCookies });
}
