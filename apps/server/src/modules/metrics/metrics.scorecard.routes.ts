import { idParams, partnerScorecard, scorecardQuery } from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContext } from "../../platform/http/request-context";
import { getOwnScorecardView, getPartnerScorecardView } from "./metrics.scorecard-view";

const tags = ["metrics"];

/** The scorecard pages of the console (any partner) and the portal (the partner's own). */
export const consoleScorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partners/:id/scorecard",
    {
      schema: {
        operationId: "consoleGetPartnerScorecard",
        tags,
        summary: "A partner's figures, trend, tier progress, health and peer benchmarks",
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: partnerScorecard },
      },
    },
    async (request) => getPartnerScorecardView(serviceContext(request), request.params.id, request.query),
  );
};

export const portalScorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/scorecard",
    {
      schema: {
        operationId: "portalGetScorecard",
        tags,
        summary: "My partner's scorecard with anonymous benchmarks against similar partners",
        querystring: scorecardQuery,
        response: { 200: partnerScorecard },
      },
    },
    async (request) => getOwnScorecardView(serviceContext(request), request.query),
  );
};
