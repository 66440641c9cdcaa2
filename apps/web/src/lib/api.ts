import type {
  ApiKeyRecord,
  AuditEventPage,
  AuthSession,
  ChangePasswordBody,
  CreateApiKeyBody,
  CreateCustomFieldBody,
  CreatedApiKey,
  CreatePartnerBody,
  CreatePartnerInvitationBody,
  CreateVendorInvitationBody,
  CustomFieldDefinition,
  CustomFieldDefinitionList,
  InvitationPage,
  InvitationPreview,
  InvitationRecord,
  LoginBody,
  OwnPartnerRecord,
  PartnerBulkBody,
  PartnerBulkResult,
  PartnerDirectorySettings,
  PartnerManagerList,
  PartnerPage,
  PartnerRecord,
  PartnerStageChangeBody,
  PartnerTimelinePage,
  PasswordResetLink,
  Role,
  SessionInfo,
  UpdateCustomFieldBody,
  UpdatePartnerBody,
  UserPage,
  UserRecord,
} from "@symbiont/contracts";
import { lifecycleEndpoints } from "./endpoints/lifecycle";
import { programEndpoints } from "./endpoints/programs";
import { reportEndpoints } from "./endpoints/reports";
import { scorecardEndpoints } from "./endpoints/scorecards";
import { buildUrl, type Method, type PageParams, request } from "./http";

export {
  ApiError,
  getCsrfToken,
  isApiError,
  type PageParams,
  setCsrfToken,
  setUnauthenticatedHandler,
} from "./http";

// ── endpoints ───────────────────────────────────────────────────────────────

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
  ...lifecycleEndpoints,
  ...programEndpoints,
  // ── executive reporting ──
  ...reportEndpoints,
  ...scorecardEndpoints,
};
