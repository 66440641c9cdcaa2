import type {
  AddProgramMembersBody,
  CreateProgramBody,
  CreateTierBody,
  PartnerSignals,
  PortalProgram,
  PortalTierView,
  ProgramList,
  ProgramMemberPage,
  ProgramRecord,
  PutPartnerSignalsBody,
  SimulateTiersBody,
  TierEvaluationResult,
  TierList,
  TierProposal,
  TierProposalPage,
  TierProposalStatus,
  TierRecord,
  TierSimulation,
  UpdateProgramBody,
  UpdateTierBody,
} from "@symbiont/contracts";
import { type PageParams, request } from "../http";

/** Programs and tiers. */
export const programEndpoints = {
  programs: {
    list: (params: { includeArchived?: boolean }, signal?: AbortSignal) =>
      request<ProgramList>("GET", "/api/console/programs", {
        query: { includeArchived: params.includeArchived ? "true" : undefined },
        signal,
      }),
    get: (id: string, signal?: AbortSignal) =>
      request<ProgramRecord>("GET", `/api/console/programs/${encodeURIComponent(id)}`, { signal }),
    create: (body: CreateProgramBody) => request<ProgramRecord>("POST", "/api/console/programs", { body }),
    update: (id: string, body: UpdateProgramBody) =>
      request<ProgramRecord>("PATCH", `/api/console/programs/${encodeURIComponent(id)}`, { body }),
    setArchived: (id: string, archived: boolean) =>
      request<ProgramRecord>(
        "POST",
        `/api/console/programs/${encodeURIComponent(id)}/${archived ? "archive" : "restore"}`,
      ),
    members: (id: string, params: PageParams, signal?: AbortSignal) =>
      request<ProgramMemberPage>("GET", `/api/console/programs/${encodeURIComponent(id)}/members`, {
        query: { ...params },
        signal,
      }),
    addMembers: (id: string, body: AddProgramMembersBody) =>
      request<{ added: number; alreadyMembers: number }>(
        "POST",
        `/api/console/programs/${encodeURIComponent(id)}/members`,
        { body },
      ),
    removeMember: (id: string, partnerId: string) =>
      request<void>(
        "DELETE",
        `/api/console/programs/${encodeURIComponent(id)}/members/${encodeURIComponent(partnerId)}`,
      ),
    own: (signal?: AbortSignal) => request<{ items: PortalProgram[] }>("GET", "/api/portal/programs", { signal }),
  },

  tiers: {
    list: (programId: string, signal?: AbortSignal) =>
      request<TierList>("GET", `/api/console/programs/${encodeURIComponent(programId)}/tiers`, { signal }),
    create: (programId: string, body: CreateTierBody) =>
      request<TierRecord>("POST", `/api/console/programs/${encodeURIComponent(programId)}/tiers`, { body }),
    update: (id: string, body: UpdateTierBody) =>
      request<TierRecord>("PATCH", `/api/console/tiers/${encodeURIComponent(id)}`, { body }),
    remove: (id: string) => request<void>("DELETE", `/api/console/tiers/${encodeURIComponent(id)}`),
    reorder: (programId: string, tierIds: string[]) =>
      request<TierList>("POST", `/api/console/programs/${encodeURIComponent(programId)}/tiers/reorder`, {
        body: { tierIds },
      }),
    simulate: (programId: string, body: SimulateTiersBody) =>
      request<TierSimulation>("POST", `/api/console/programs/${encodeURIComponent(programId)}/tiers/simulate`, {
        body,
      }),
    evaluate: (programId: string) =>
      request<TierEvaluationResult>("POST", `/api/console/programs/${encodeURIComponent(programId)}/tiers/evaluate`),
    proposals: (
      params: { status?: TierProposalStatus; programId?: string; partnerId?: string; limit?: number; offset?: number },
      signal?: AbortSignal,
    ) => request<TierProposalPage>("GET", "/api/console/tier-proposals", { query: { ...params }, signal }),
    approve: (id: string, reason?: string) =>
      request<TierProposal>("POST", `/api/console/tier-proposals/${encodeURIComponent(id)}/approve`, {
        body: reason ? { reason } : {},
      }),
    reject: (id: string, reason: string) =>
      request<TierProposal>("POST", `/api/console/tier-proposals/${encodeURIComponent(id)}/reject`, {
        body: { reason },
      }),
    signals: (partnerId: string, signal?: AbortSignal) =>
      request<PartnerSignals>("GET", `/api/console/partners/${encodeURIComponent(partnerId)}/signals`, { signal }),
    saveSignals: (partnerId: string, body: PutPartnerSignalsBody) =>
      request<PartnerSignals>("PUT", `/api/console/partners/${encodeURIComponent(partnerId)}/signals`, { body }),
    own: (signal?: AbortSignal) => request<PortalTierView>("GET", "/api/portal/tier", { signal }),
  },
};
