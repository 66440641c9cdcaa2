import type {
  AddProgramMembersBody,
  AgreementAcceptanceList,
  AgreementAcceptanceRecord,
  AgreementDetail,
  AgreementRecord,
  AgreementVersionRecord,
  ApiKeyRecord,
  ApplicationDetail,
  ApplicationFormInfo,
  ApplicationPage,
  ApplyBody,
  ApplyResult,
  ApproveApplicationResult,
  AuditEventPage,
  AuthSession,
  ChangePasswordBody,
  CreateAgreementBody,
  CreateApiKeyBody,
  CreateCustomFieldBody,
  CreatedApiKey,
  CreateJourneyTemplateBody,
  CreatePartnerBody,
  CreatePartnerInvitationBody,
  CreateProgramBody,
  CreateTierBody,
  CreateVendorInvitationBody,
  CustomFieldDefinition,
  CustomFieldDefinitionList,
  ErrorBody,
  IdealPartnerProfile,
  InvitationPage,
  InvitationPreview,
  InvitationRecord,
  IppCriterion,
  IppUpdateResult,
  JourneyStepInput,
  JourneyTemplateList,
  JourneyTemplateRecord,
  LoginBody,
  OnboardingMetrics,
  OnboardingTaskList,
  OwnPartnerRecord,
  PartnerAgreementList,
  PartnerBulkBody,
  PartnerBulkResult,
  PartnerDirectorySettings,
  PartnerJourneyList,
  PartnerManagerList,
  PartnerPage,
  PartnerRecord,
  PartnerSignals,
  PartnerStageChangeBody,
  PartnerTimelinePage,
  PasswordResetLink,
  PortalProgram,
  PortalTierView,
  ProgramList,
  ProgramMemberPage,
  ProgramRecord,
  PutPartnerSignalsBody,
  Role,
  SessionInfo,
  SimulateTiersBody,
  TierEvaluationResult,
  TierList,
  TierProposal,
  TierProposalPage,
  TierProposalStatus,
  TierRecord,
  TierSimulation,
  UpdateAgreementBody,
  UpdateCustomFieldBody,
  UpdateJourneyStepBody,
  UpdateJourneyTemplateBody,
  UpdatePartnerBody,
  UpdateProgramBody,
  UpdateTierBody,
  UserPage,
  UserRecord,
  ValidationIssue,
} from "@symbiont/contracts";

/** Every failed API call becomes one of these; switch on `code`, not on `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ValidationIssue[];
  readonly requestId: string | null;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: ValidationIssue[];
    requestId?: string | null;
    details?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

// ── session plumbing ────────────────────────────────────────────────────────

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthenticatedHandler = (error: ApiError) => void;
let onUnauthenticated: UnauthenticatedHandler | null = null;

/** Called whenever an authenticated call answers 401: the session is gone. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | null): void {
  onUnauthenticated = handler;
}

// ── transport ───────────────────────────────────────────────────────────────

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (login, me, public invitation endpoints). */
  anonymous?: boolean;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.message === "string";
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({
      status: 0,
      code: "NETWORK_ERROR",
      message: "Symbiont could not be reached. Check your connection and try again.",
    });
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (!response.ok) {
    const error = isErrorBody(payload)
      ? new ApiError({
          status: response.status,
          code: payload.code,
          message: payload.message,
          issues: payload.details?.issues,
          requestId: payload.requestId ?? response.headers.get("x-request-id"),
          details: payload.details,
        })
      : new ApiError({
          status: response.status,
          code: response.status >= 500 ? "INTERNAL" : "UNKNOWN",
          message:
            response.status >= 500
              ? "Something went wrong on our side. Please try again in a moment."
              : `The request failed (HTTP ${response.status}).`,
          requestId: response.headers.get("x-request-id"),
        });
    if (response.status === 401 && !options.anonymous && onUnauthenticated) onUnauthenticated(error);
    throw error;
  }

  return payload as T;
}

// ── endpoints ───────────────────────────────────────────────────────────────

export interface PageParams {
  q?: string;
  limit?: number;
  offset?: number;
}

/** Directory list parameters; `stage`, `type` and `region` are comma-separated lists. */
export interface PartnerListParams {
  q?: string;
  stage?: string;
  type?: string;
  region?: string;
  industry?: string;
  country?: string;
  tag?: string;
  managerId?: string;
  programId?: string;
  tierId?: string;
  sort?: "name" | "createdAt" | "updatedAt" | "stage" | "country";
  dir?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

export interface CreatedInvitation {
  invitation: InvitationRecord;
  acceptUrl: string;
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
}

/** `console` is the vendor-staff API, `portal` the partner API; both share these shapes. */
export type Surface = "console" | "portal";

export const api = {
  /** Any JSON endpoint, for feature modules that keep their endpoint lists beside their pages. */
  raw: <T>(method: Method, path: string, body?: unknown, signal?: AbortSignal) =>
    request<T>(method, path, { ...(body === undefined ? {} : { body }), ...(signal ? { signal } : {}) }),
  auth: {
    login: (body: LoginBody) => request<AuthSession>("POST", "/api/auth/login", { body, anonymous: true }),
    logout: () => request<void>("POST", "/api/auth/logout", { anonymous: true }),
    me: (signal?: AbortSignal) => request<AuthSession>("GET", "/api/auth/me", { signal, anonymous: true }),
    changePassword: (body: ChangePasswordBody) => request<void>("POST", "/api/auth/password", { body }),
    resetPassword: (body: { token: string; newPassword: string }) =>
      request<void>("POST", "/api/auth/password-reset", { body, anonymous: true }),
    invitation: (token: string, signal?: AbortSignal) =>
      request<InvitationPreview>("GET", `/api/auth/invitations/${encodeURIComponent(token)}`, {
        signal,
        anonymous: true,
      }),
    acceptInvitation: (body: { token: string; name: string; password: string }) =>
      request<AuthSession>("POST", "/api/auth/invitations/accept", { body, anonymous: true }),
    sessions: (signal?: AbortSignal) => request<{ items: SessionInfo[] }>("GET", "/api/auth/sessions", { signal }),
    revokeSession: (id: string) => request<void>("DELETE", `/api/auth/sessions/${encodeURIComponent(id)}`),
  },

  users: {
    list: (surface: Surface, params: PageParams, signal?: AbortSignal) =>
      request<UserPage>("GET", `/api/${surface}/users`, { query: { ...params }, signal }),
    update: (surface: Surface, id: string, body: UserPatch) =>
      request<UserRecord>("PATCH", `/api/${surface}/users/${encodeURIComponent(id)}`, { body }),
    createResetLink: (surface: Surface, id: string) =>
      request<PasswordResetLink>("POST", `/api/${surface}/users/${encodeURIComponent(id)}/password-reset`),
  },

  invitations: {
    list: (surface: Surface, params: PageParams, signal?: AbortSignal) =>
      request<InvitationPage>("GET", `/api/${surface}/invitations`, { query: { ...params }, signal }),
    create: (surface: Surface, body: CreateVendorInvitationBody | CreatePartnerInvitationBody) =>
      request<CreatedInvitation>("POST", `/api/${surface}/invitations`, { body }),
    revoke: (surface: Surface, id: string) =>
      request<void>("DELETE", `/api/${surface}/invitations/${encodeURIComponent(id)}`),
  },

  apiKeys: {
    list: (surface: Surface, signal?: AbortSignal) =>
      request<{ items: ApiKeyRecord[] }>("GET", `/api/${surface}/api-keys`, { signal }),
    create: (surface: Surface, body: CreateApiKeyBody | { name: string; role: Role; expiresInDays?: number }) =>
      request<CreatedApiKey>("POST", `/api/${surface}/api-keys`, { body }),
    revoke: (surface: Surface, id: string) =>
      request<void>("DELETE", `/api/${surface}/api-keys/${encodeURIComponent(id)}`),
  },

  audit: {
    list: (filters: AuditFilters & { before?: string; limit?: number }, signal?: AbortSignal) =>
      request<AuditEventPage>("GET", "/api/console/audit-events", { query: { ...filters }, signal }),
  },

  // ── partner directory ──
  partners: {
    list: (params: PartnerListParams, signal?: AbortSignal) =>
      request<PartnerPage>("GET", "/api/console/partners", { query: { ...params }, signal }),
    get: (id: string, signal?: AbortSignal) =>
      request<PartnerRecord>("GET", `/api/console/partners/${encodeURIComponent(id)}`, { signal }),
    create: (body: CreatePartnerBody) => request<PartnerRecord>("POST", "/api/console/partners", { body }),
    update: (id: string, body: UpdatePartnerBody) =>
      request<PartnerRecord>("PATCH", `/api/console/partners/${encodeURIComponent(id)}`, { body }),
    changeStage: (id: string, body: PartnerStageChangeBody) =>
      request<PartnerRecord>("POST", `/api/console/partners/${encodeURIComponent(id)}/stage`, { body }),
    bulk: (body: PartnerBulkBody) => request<PartnerBulkResult>("POST", "/api/console/partners/bulk", { body }),
    timeline: (id: string, params: { before?: string; limit?: number }, signal?: AbortSignal) =>
      request<PartnerTimelinePage>("GET", `/api/console/partners/${encodeURIComponent(id)}/timeline`, {
        query: { ...params },
        signal,
      }),
    managers: (signal?: AbortSignal) => request<PartnerManagerList>("GET", "/api/console/partner-managers", { signal }),
    people: (id: string, signal?: AbortSignal) =>
      request<UserPage>("GET", `/api/console/partners/${encodeURIComponent(id)}/people`, { signal }),
    /** The CSV export of the same filters (a plain link: the browser downloads it). */
    exportUrl: (params: PartnerListParams) => {
      const { limit: _limit, offset: _offset, ...filters } = params;
      return buildUrl("/api/console/partners/export.csv", filters);
    },
    customFields: (signal?: AbortSignal) =>
      request<CustomFieldDefinitionList>("GET", "/api/console/partner-custom-fields", { signal }),
    createCustomField: (body: CreateCustomFieldBody) =>
      request<CustomFieldDefinition>("POST", "/api/console/partner-custom-fields", { body }),
    updateCustomField: (id: string, body: UpdateCustomFieldBody) =>
      request<CustomFieldDefinition>("PATCH", `/api/console/partner-custom-fields/${encodeURIComponent(id)}`, { body }),
    deleteCustomField: (id: string) =>
      request<void>("DELETE", `/api/console/partner-custom-fields/${encodeURIComponent(id)}`),
    directorySettings: (signal?: AbortSignal) =>
      request<PartnerDirectorySettings>("GET", "/api/console/partner-directory-settings", { signal }),
    saveDirectorySettings: (body: PartnerDirectorySettings) =>
      request<PartnerDirectorySettings>("PUT", "/api/console/partner-directory-settings", { body }),
    /** Program and tier names for the directory filters (served by the programs module). */
    programOptions: (signal?: AbortSignal) =>
      request<{ items: { id: string; name: string }[] }>("GET", "/api/console/programs", { signal }),
    tierOptions: (programId: string, signal?: AbortSignal) =>
      request<{ items: { id: string; name: string }[] }>(
        "GET",
        `/api/console/programs/${encodeURIComponent(programId)}/tiers`,
        { signal },
      ),
    own: (signal?: AbortSignal) => request<OwnPartnerRecord>("GET", "/api/portal/partner", { signal }),
    updateOwn: (body: UpdatePartnerBody) => request<OwnPartnerRecord>("PATCH", "/api/portal/partner", { body }),
  },

  // ── agreements, onboarding, recruitment ──
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
