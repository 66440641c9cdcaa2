import type { PartnerScorecard, ScorecardQuery } from "@symbiont/contracts";
import { request } from "../http";

/** Partner scorecards: any partner's in the console, the partner's own in the portal. */
export const scorecardEndpoints = {
  scorecards: {
    partner: (partnerId: string, query: ScorecardQuery, signal?: AbortSignal) =>
      request<PartnerScorecard>("GET", `/api/console/partners/${encodeURIComponent(partnerId)}/scorecard`, {
        query: { ...query },
        signal,
      }),
    own: (query: ScorecardQuery, signal?: AbortSignal) =>
      request<PartnerScorecard>("GET", "/api/portal/scorecard", { query: { ...query }, signal }),
  },
};
