import type {
  BulkUpsertResult,
  CloseOpportunityBody,
  CreateTouchpointBody,
  FxRateItem,
  FxRateRecord,
  FxUpsertResult,
  OpportunityDetail,
  OpportunityList,
  TouchpointRecord,
} from "@symbiont/contracts";
import { request } from "../http";

export interface OpportunityListParams {
  q?: string | undefined;
  outcome?: string | undefined;
  stage?: string | undefined;
  owner?: string | undefined;
  source?: string | undefined;
  partnerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  sort?: string | undefined;
  dir?: "asc" | "desc" | undefined;
  limit?: number;
  offset?: number;
}

/** Opportunities, touchpoints and FX rates. */
export const revenueEndpoints = {
  opportunities: {
    list: (params: OpportunityListParams, signal?: AbortSignal) =>
      request<OpportunityList>("GET", "/api/console/opportunities", { query: { ...params }, signal }),
    get: (id: string, signal?: AbortSignal) =>
      request<OpportunityDetail>("GET", `/api/console/opportunities/${encodeURIComponent(id)}`, { signal }),
    close: (id: string, body: CloseOpportunityBody) =>
      request<OpportunityDetail>("POST", `/api/console/opportunities/${encodeURIComponent(id)}/close`, { body }),
  },
  touchpoints: {
    create: (body: CreateTouchpointBody) => request<TouchpointRecord>("POST", "/api/console/touchpoints", { body }),
    void: (id: string, reason: string) =>
      request<TouchpointRecord>("POST", `/api/console/touchpoints/${encodeURIComponent(id)}/void`, {
        body: { reason },
      }),
  },
  fxRates: {
    list: (params: { currency?: string | undefined; offset?: number }, signal?: AbortSignal) =>
      request<{ items: FxRateRecord[]; total: number; reportingCurrency: string }>("GET", "/api/console/fx-rates", {
        query: { ...params, limit: 200 },
        signal,
      }),
    upsert: (body: FxRateItem) => request<FxUpsertResult>("PUT", "/api/console/fx-rates", { body }),
    bulk: (items: FxRateItem[]) => request<FxUpsertResult>("POST", "/api/console/fx-rates/bulk", { body: { items } }),
  },
  partners: (signal?: AbortSignal) =>
    request<{ items: { id: string; name: string }[]; total: number }>("GET", "/api/console/partners", {
      query: { limit: 200, sort: "name" },
      signal,
    }),
};
export type { BulkUpsertResult };
