import type {
  CreateLeadBody,
  DeclineLeadBody,
  LeadDetail,
  LeadKind,
  LeadPage,
  LeadRoutingSettings,
  LeadStatus,
  LeadStatusBody,
  OfferLeadBody,
  PublicReferralBody,
  PublicReferralForm,
  PublicReferralResult,
  ReciprocityRow,
  ReferralLink,
  ReferralTargets,
  SendReferralBody,
} from "@symbiont/contracts";
import { request } from "../http";

export interface LeadListParams {
  status?: LeadStatus | undefined;
  kind?: LeadKind | undefined;
  box?: "inbox" | "sent" | "vendor" | undefined;
  q?: string | undefined;
  partnerId?: string | undefined;
  limit?: number;
  offset?: number;
}

type Surface = "console" | "portal";
const leadPath = (surface: Surface, id: string, suffix = "") =>
  `/api/${surface}/leads/${encodeURIComponent(id)}${suffix}`;

/** Leads and referrals, on both surfaces, and the public referral form. */
export const leadEndpoints = {
  list: (surface: Surface, params: LeadListParams, signal?: AbortSignal) =>
    request<LeadPage>("GET", `/api/${surface}/leads`, { query: { ...params }, signal }),
  get: (surface: Surface, id: string, signal?: AbortSignal) =>
    request<LeadDetail>("GET", leadPath(surface, id), { signal }),
  accept: (surface: Surface, id: string) => request<LeadDetail>("POST", leadPath(surface, id, "/accept")),
  decline: (surface: Surface, id: string, body: DeclineLeadBody) =>
    request<LeadDetail>("POST", leadPath(surface, id, "/decline"), { body }),
  updateStatus: (surface: Surface, id: string, body: LeadStatusBody) =>
    request<LeadDetail>("POST", leadPath(surface, id, "/status"), { body }),
  create: (body: CreateLeadBody) => request<LeadDetail>("POST", "/api/console/leads", { body }),
  offer: (id: string, body: OfferLeadBody) => request<LeadDetail>("POST", leadPath("console", id, "/offer"), { body }),
  pool: (id: string) => request<LeadDetail>("POST", leadPath("console", id, "/pool")),
  routing: (signal?: AbortSignal) => request<LeadRoutingSettings>("GET", "/api/console/lead-routing", { signal }),
  updateRouting: (body: LeadRoutingSettings) =>
    request<LeadRoutingSettings>("PUT", "/api/console/lead-routing", { body }),
  reciprocity: (signal?: AbortSignal) =>
    request<{ items: ReciprocityRow[] }>("GET", "/api/console/lead-reciprocity", { signal }),
  claim: (id: string) => request<LeadDetail>("POST", leadPath("portal", id, "/claim")),
  sendReferral: (body: SendReferralBody) => request<LeadDetail>("POST", "/api/portal/referrals", { body }),
  referralTargets: (signal?: AbortSignal) =>
    request<ReferralTargets>("GET", "/api/portal/referral-targets", { signal }),
  referralLink: (signal?: AbortSignal) => request<ReferralLink>("GET", "/api/portal/referral-link", { signal }),
  createReferralLink: () => request<ReferralLink>("POST", "/api/portal/referral-link"),
  publicForm: (code: string, signal?: AbortSignal) =>
    request<PublicReferralForm>("GET", `/api/public/referrals/${encodeURIComponent(code)}`, {
      signal,
      anonymous: true,
    }),
  submitPublic: (code: string, body: PublicReferralBody) =>
    request<PublicReferralResult>("POST", `/api/public/referrals/${encodeURIComponent(code)}`, {
      body,
      anonymous: true,
    }),
};
