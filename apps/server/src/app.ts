import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { errorBody } from "@symbiont/contracts";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { consoleAccountListRoutes, consoleAccountRoutes } from "./modules/accounts";
import { consoleAgreementRoutes, portalAgreementRoutes } from "./modules/agreements";
import { consoleAttributionRoutes, portalAttributionRoutes } from "./modules/attribution";
import { consoleAuditRoutes } from "./modules/audit";
import { consoleRegistrationRoutes, portalRegistrationRoutes } from "./modules/deals";
import { authRoutes, consolePeopleRoutes, guards, portalPeopleRoutes } from "./modules/identity";
import { consoleLeadRoutes, portalLeadRoutes, publicReferralRoutes } from "./modules/leads";
import {
  consoleMetricRoutes,
  consoleScorecardRoutes,
  portalMetricRoutes,
  portalScorecardRoutes,
} from "./modules/metrics";
import { consoleOnboardingRoutes, portalOnboardingRoutes } from "./modules/onboarding";
import {
  consolePartnerImportRoutes,
  consolePartnerRoutes,
  consolePartnerSettingsRoutes,
  portalPartnerRoutes,
} from "./modules/partners";
import { consoleProgramRoutes, portalProgramRoutes } from "./modules/programs";
import { consoleRecruitmentRoutes, publicApplyRoutes } from "./modules/recruitment";
import { consoleBoardPackRoutes, consoleDashboardRoutes } from "./modules/reports";
import { consoleRevenueRoutes, portalRevenueRoutes } from "./modules/revenue";
import { consoleTierRoutes, portalTierRoutes } from "./modules/tiers";
import "./imports";
import { consoleTouchpointRoutes, portalTouchpointRoutes } from "./modules/touchpoints";
import type { AppDeps } from "./platform/context";
import { registerErrorHandler } from "./platform/http/error-handler";
import { systemRoutes } from "./platform/http/system.routes";
import { consoleImportRoutes } from "./platform/imports";

export const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

const errorStatuses = [400, 401, 403, 404, 409, 410, 413, 415, 422, 423, 429, 500] as const;
const REQUEST_ID = /^[\w.-]{1,64}$/;

export interface BuildAppOptions {
  /** Serve the built SPA (off in tests that only speak to the API). */
  serveWeb?: boolean;
}

/** Builds the HTTP application without listening; tests call `inject` on it. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers["x-request-id"];
      return typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("deps", deps);
  app.decorateRequest("actor", null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  const routeTable: { method: string; url: string }[] = [];
  app.decorate("routeTable", routeTable);
  // Every API route documents the error body for every error status it can answer with.
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routeTable.push({ method, url: route.url });
    if (!route.url.startsWith("/api/") || !route.schema) return;
    const response = (route.schema.response ?? {}) as Record<string | number, unknown>;
    for (const status of errorStatuses) response[status] ??= errorBody;
    route.schema.response = response;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Symbiont API",
        version: "0.1.0",
        description:
          "Partner relationship management and partner-value analytics. Console routes serve vendor staff and " +
          "integrations; portal routes serve partner users. Authenticate with the session cookie (and the " +
          "`x-csrf-token` header on mutations) or with `Authorization: Bearer <api key>`.",
        license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "symbiont_session" },
          apiKey: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  const guard = guards(deps);
  await app.register(systemRoutes);
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes, { prefix: "/api/auth" });
  await app.register(publicApplyRoutes, { prefix: "/api/public" });
  await app.register(publicReferralRoutes, { prefix: "/api/public" });
  await app.register(
    async (scope) => {
      scope.addHook("onRequest", guard.console);
      await scope.register(consolePeopleRoutes);
      await scope.register(consolePartnerRoutes);
      await scope.register(consolePartnerImportRoutes);
      await scope.register(consolePartnerSettingsRoutes);
      await scope.register(consoleAuditRoutes);
      await scope.register(consoleProgramRoutes);
      await scope.register(consoleTierRoutes);
      await scope.register(consoleAgreementRoutes);
      await scope.register(consoleOnboardingRoutes);
      await scope.register(consoleRecruitmentRoutes);
      await scope.register(consoleDashboardRoutes);
      await scope.register(consoleBoardPackRoutes);
      await scope.register(consoleScorecardRoutes);
      await scope.register(consoleAttributionRoutes);
      await scope.register(consoleImportRoutes);
      await scope.register(consoleAccountRoutes);
      await scope.register(consoleAccountListRoutes);
      await scope.register(consoleRevenueRoutes);
      await scope.register(consoleTouchpointRoutes);
      await scope.register(consoleRegistrationRoutes);
      await scope.register(consoleLeadRoutes);
      await scope.register(consoleMetricRoutes);
    },
    { prefix: "/api/console" },
  );
  await app.register(
    async (scope) => {
      scope.addHook("onRequest", guard.portal);
      await scope.register(portalPeopleRoutes);
      await scope.register(portalScorecardRoutes);
      await scope.register(portalPartnerRoutes);
      await scope.register(portalProgramRoutes);
      await scope.register(portalTierRoutes);
      await scope.register(portalAgreementRoutes);
      await scope.register(portalOnboardingRoutes);
      await scope.register(portalAttributionRoutes);
      await scope.register(portalRevenueRoutes);
      await scope.register(portalTouchpointRoutes);
      await scope.register(portalRegistrationRoutes);
      await scope.register(portalLeadRoutes);
      await scope.register(portalMetricRoutes);
    },
    { prefix: "/api/portal" },
  );

  if (options.serveWeb && existsSync(webDist)) await registerWeb(app);
  return app;
}

/** Serves the SPA; any non-API GET that accepts HTML gets index.html so deep links work. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: "1h" });
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/")) {
      return reply.callNotFound();
    }
    const file = path.slice(1);
    if (file && !file.includes("..") && existsSync(`${webDist}/${file}`) && !file.endsWith("/")) {
      const immutable = file.startsWith("assets/");
      return reply.sendFile(file, { maxAge: immutable ? 31_536_000_000 : 0, immutable });
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
