import type {
  AgreementAcceptanceList,
  AgreementAcceptanceRecord,
  AgreementDetail,
  AgreementRecord,
  AgreementVersionRecord,
  ApplicationDetail,
  ApplicationFormInfo,
  ApplicationPage,
  ApplyBody,
  ApplyResult,
  ApproveApplicationResult,
  CreateAgreementBody,
  CreateJourneyTemplateBody,
  IdealPartnerProfile,
  IppCriterion,
  IppUpdateResult,
  JourneyStepInput,
  JourneyTemplateList,
  JourneyTemplateRecord,
  OnboardingMetrics,
  OnboardingTaskList,
  PartnerAgreementList,
  PartnerJourneyList,
  UpdateAgreementBody,
  UpdateJourneyStepBody,
  UpdateJourneyTemplateBody,
} from "@symbiont/contracts";
import { request } from "../http";

/** Agreements, onboarding journeys and recruitment. */
export const lifecycleEndpoints = {
  agreements: {
    list: (params: { programId?: string; includeArchived?: boolean }, signal?: AbortSignal) =>
      request<{ items: AgreementRecord[] }>("GET", "/api/console/agreements", { query: { ...params }, signal }),
    get: (id: string, signal?: AbortSignal) =>
      request<AgreementDetail>("GET", `/api/console/agreements/${encodeURIComponent(id)}`, { signal }),
    create: (body: CreateAgreementBody) => request<AgreementDetail>("POST", "/api/console/agreements", { body }),
    update: (id: string, body: UpdateAgreementBody) =>
      request<AgreementDetail>("PATCH", `/api/console/agreements/${encodeURIComponent(id)}`, { body }),
    publish: (id: string, body: { bodyMarkdown: string; requiresReacceptance: boolean }) =>
      request<AgreementVersionRecord>("POST", `/api/console/agreements/${encodeURIComponent(id)}/versions`, { body }),
    acceptances: (id: string, signal?: AbortSignal) =>
      request<AgreementAcceptanceList>("GET", `/api/console/agreements/${encodeURIComponent(id)}/acceptances`, {
        signal,
      }),
    /** The CSV download (a plain link). */
    acceptancesCsvUrl: (id: string) => `/api/console/agreements/${encodeURIComponent(id)}/acceptances.csv`,
    forPartner: (partnerId: string, signal?: AbortSignal) =>
      request<PartnerAgreementList & { acceptances: AgreementAcceptanceRecord[] }>(
        "GET",
        `/api/console/partners/${encodeURIComponent(partnerId)}/agreements`,
        { signal },
      ),
    own: (signal?: AbortSignal) => request<PartnerAgreementList>("GET", "/api/portal/agreements", { signal }),
    accept: (versionId: string) =>
      request<AgreementAcceptanceRecord>("POST", `/api/portal/agreements/${encodeURIComponent(versionId)}/accept`),
  },

  onboarding: {
    templates: (params: { programId?: string }, signal?: AbortSignal) =>
      request<JourneyTemplateList>("GET", "/api/console/onboarding/templates", { query: { ...params }, signal }),
    createTemplate: (body: CreateJourneyTemplateBody) =>
      request<JourneyTemplateRecord>("POST", "/api/console/onboarding/templates", { body }),
    updateTemplate: (id: string, body: UpdateJourneyTemplateBody) =>
      request<JourneyTemplateRecord>("PATCH", `/api/console/onboarding/templates/${encodeURIComponent(id)}`, { body }),
    deleteTemplate: (id: string) =>
      request<void>("DELETE", `/api/console/onboarding/templates/${encodeURIComponent(id)}`),
    addStep: (id: string, body: JourneyStepInput) =>
      request<JourneyTemplateRecord>("POST", `/api/console/onboarding/templates/${encodeURIComponent(id)}/steps`, {
        body,
      }),
    updateStep: (id: string, stepId: string, body: UpdateJourneyStepBody) =>
      request<JourneyTemplateRecord>(
        "PATCH",
        `/api/console/onboarding/templates/${encodeURIComponent(id)}/steps/${encodeURIComponent(stepId)}`,
        { body },
      ),
    deleteStep: (id: string, stepId: string) =>
      request<JourneyTemplateRecord>(
        "DELETE",
        `/api/console/onboarding/templates/${encodeURIComponent(id)}/steps/${encodeURIComponent(stepId)}`,
      ),
    reorder: (id: string, stepIds: string[]) =>
      request<JourneyTemplateRecord>("PUT", `/api/console/onboarding/templates/${encodeURIComponent(id)}/order`, {
        body: { stepIds },
      }),
    tasks: (
      params: { overdue?: boolean; ownerSide?: "partner" | "vendor"; programId?: string },
      signal?: AbortSignal,
    ) => request<OnboardingTaskList>("GET", "/api/console/onboarding/tasks", { query: { ...params }, signal }),
    metrics: (params: { programId?: string }, signal?: AbortSignal) =>
      request<OnboardingMetrics>("GET", "/api/console/onboarding/metrics", { query: { ...params }, signal }),
    forPartner: (partnerId: string, signal?: AbortSignal) =>
      request<PartnerJourneyList>("GET", `/api/console/partners/${encodeURIComponent(partnerId)}/onboarding`, {
        signal,
      }),
    completeForPartner: (partnerId: string, stepId: string) =>
      request<PartnerJourneyList>(
        "POST",
        `/api/console/partners/${encodeURIComponent(partnerId)}/onboarding/steps/${encodeURIComponent(stepId)}/complete`,
      ),
    own: (signal?: AbortSignal) => request<PartnerJourneyList>("GET", "/api/portal/onboarding", { signal }),
    completeOwn: (stepId: string) =>
      request<PartnerJourneyList>("POST", `/api/portal/onboarding/steps/${encodeURIComponent(stepId)}/complete`),
  },

  recruitment: {
    applications: (
      params: { status?: string; programId?: string; sort?: "fit" | "received"; limit?: number; offset?: number },
      signal?: AbortSignal,
    ) => request<ApplicationPage>("GET", "/api/console/applications", { query: { ...params }, signal }),
    application: (id: string, signal?: AbortSignal) =>
      request<ApplicationDetail>("GET", `/api/console/applications/${encodeURIComponent(id)}`, { signal }),
    assign: (id: string, vetterId: string) =>
      request<ApplicationDetail>("POST", `/api/console/applications/${encodeURIComponent(id)}/assign`, {
        body: { vetterId },
      }),
    approve: (id: string) =>
      request<ApproveApplicationResult>("POST", `/api/console/applications/${encodeURIComponent(id)}/approve`),
    reject: (id: string, reason: string) =>
      request<ApplicationDetail>("POST", `/api/console/applications/${encodeURIComponent(id)}/reject`, {
        body: { reason },
      }),
    ipp: (programId: string, signal?: AbortSignal) =>
      request<IdealPartnerProfile>("GET", `/api/console/programs/${encodeURIComponent(programId)}/ipp`, { signal }),
    saveIpp: (programId: string, criteria: IppCriterion[]) =>
      request<IppUpdateResult>("PUT", `/api/console/programs/${encodeURIComponent(programId)}/ipp`, {
        body: { criteria },
      }),
    form: (workspaceSlug: string, programSlug: string, signal?: AbortSignal) =>
      request<ApplicationFormInfo>(
        "GET",
        `/api/public/apply/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(programSlug)}`,
        { signal, anonymous: true },
      ),
    apply: (workspaceSlug: string, programSlug: string, body: ApplyBody) =>
      request<ApplyResult>(
        "POST",
        `/api/public/apply/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(programSlug)}`,
        { body, anonymous: true },
      ),
  },

  // ── programs and tiers ──
};
