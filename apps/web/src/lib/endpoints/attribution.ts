import type {
  AttributionComparison,
  AttributionDeal,
  AttributionExplanation,
  AttributionOverride,
  AttributionResults,
  AttributionSnapshot,
  CreateAttributionOverrideBody,
  CreateAttributionSnapshotsBody,
  PathAnalysisBody,
  PathAnalysisResult,
  PortalAttributionSummary,
} from "@symbiont/contracts";
import { request } from "../http";

const snapshotUrl = (id: string) => `/api/console/attribution/snapshots/${encodeURIComponent(id)}`;

/** Attribution snapshots, explanations, overrides and path-file analysis. */
export const attributionEndpoints = {
  snapshots: (signal?: AbortSignal) =>
    request<{ items: AttributionSnapshot[] }>("GET", "/api/console/attribution/snapshots", { signal }),
  recompute: (body: CreateAttributionSnapshotsBody) =>
    request<{ batchId: string; items: AttributionSnapshot[] }>("POST", "/api/console/attribution/snapshots", { body }),
  snapshot: (id: string, signal?: AbortSignal) => request<AttributionSnapshot>("GET", snapshotUrl(id), { signal }),
  results: (id: string, signal?: AbortSignal) =>
    request<AttributionResults>("GET", `${snapshotUrl(id)}/results`, { signal }),
  comparison: (id: string, signal?: AbortSignal) =>
    request<AttributionComparison>("GET", `${snapshotUrl(id)}/comparison`, { signal }),
  explanation: (id: string, opportunityId: string, signal?: AbortSignal) =>
    request<AttributionExplanation>("GET", `${snapshotUrl(id)}/opportunities/${encodeURIComponent(opportunityId)}`, {
      signal,
    }),
  partnerDeals: (id: string, partnerId: string, page: { limit: number; offset: number }, signal?: AbortSignal) =>
    request<{ items: AttributionDeal[]; total: number }>(
      "GET",
      `${snapshotUrl(id)}/partners/${encodeURIComponent(partnerId)}/deals`,
      { query: page, signal },
    ),
  overrides: (id: string, signal?: AbortSignal) =>
    request<{ items: AttributionOverride[] }>("GET", `${snapshotUrl(id)}/overrides`, { signal }),
  createOverride: (id: string, body: CreateAttributionOverrideBody) =>
    request<AttributionOverride>("POST", `${snapshotUrl(id)}/overrides`, { body }),
  revertOverride: (overrideId: string, reason: string) =>
    request<AttributionOverride>(
      "POST",
      `/api/console/attribution/overrides/${encodeURIComponent(overrideId)}/revert`,
      {
        body: { reason },
      },
    ),
  analysePaths: (body: PathAnalysisBody) =>
    request<PathAnalysisResult>("POST", "/api/console/attribution/path-analysis", { body }),
  portalSummary: (signal?: AbortSignal) =>
    request<PortalAttributionSummary>("GET", "/api/portal/attribution", { signal }),
};
