import type {
  AccountActivity,
  AccountList,
  AccountPage,
  AccountRecord,
  AccountStatus,
  DirectEngagement,
  ImportKindInfo,
  ImportMappingBody,
  ImportRun,
} from "@symbiont/contracts";
import { api } from "../api";

const id = encodeURIComponent;

export interface AccountListParams {
  q?: string;
  status?: string;
  listId?: string;
  ownerId?: string;
  country?: string;
  industry?: string;
  size?: string;
  sort?: string;
  dir?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The account book, named-account lists and direct engagements. */
export const accountsApi = {
  list: (params: AccountListParams, signal?: AbortSignal) =>
    api.raw<AccountPage>("GET", `/api/console/accounts${query(params)}`, undefined, signal),
  get: (accountId: string, signal?: AbortSignal) =>
    api.raw<AccountRecord>("GET", `/api/console/accounts/${id(accountId)}`, undefined, signal),
  create: (body: { name: string; domain?: string | null; country?: string | null; industry?: string | null }) =>
    api.raw<AccountRecord>("POST", "/api/console/accounts", body),
  setStatus: (accountId: string, status: AccountStatus) =>
    api.raw<AccountRecord>("POST", `/api/console/accounts/${id(accountId)}/status`, { status }),
  activity: (accountId: string, signal?: AbortSignal) =>
    api.raw<AccountActivity>("GET", `/api/console/accounts/${id(accountId)}/activity`, undefined, signal),
  engagements: (accountId: string, signal?: AbortSignal) =>
    api.raw<{ items: DirectEngagement[] }>(
      "GET",
      `/api/console/accounts/${id(accountId)}/engagements`,
      undefined,
      signal,
    ),
  addEngagement: (accountId: string, body: { engagedAt: string; kind: string; note?: string | null }) =>
    api.raw<DirectEngagement>("POST", `/api/console/accounts/${id(accountId)}/engagements`, body),
  deleteEngagement: (accountId: string, engagementId: string) =>
    api.raw<void>("DELETE", `/api/console/accounts/${id(accountId)}/engagements/${id(engagementId)}`),
  lists: (signal?: AbortSignal) =>
    api.raw<{ items: AccountList[] }>("GET", "/api/console/account-lists", undefined, signal),
  createList: (body: { name: string; description?: string | null; blocksPartners: boolean }) =>
    api.raw<AccountList>("POST", "/api/console/account-lists", body),
  deleteList: (listId: string) => api.raw<void>("DELETE", `/api/console/account-lists/${id(listId)}`),
  addMembers: (listId: string, accountIds: string[]) =>
    api.raw<{ changed: number; memberCount: number }>("POST", `/api/console/account-lists/${id(listId)}/members`, {
      accountIds,
    }),
  removeMembers: (listId: string, accountIds: string[]) =>
    api.raw<{ changed: number; memberCount: number }>(
      "POST",
      `/api/console/account-lists/${id(listId)}/members/remove`,
      { accountIds },
    ),
};

/** The generic CSV import of any registered kind. */
export const importsApi = {
  kinds: (signal?: AbortSignal) =>
    api.raw<{ items: ImportKindInfo[] }>("GET", "/api/console/imports", undefined, signal),
  upload: (kind: string, fileName: string, contentBase64: string) =>
    api.raw<ImportRun>("POST", `/api/console/imports/${id(kind)}/uploads`, { fileName, contentBase64 }),
  get: (kind: string, runId: string, signal?: AbortSignal) =>
    api.raw<ImportRun>("GET", `/api/console/imports/${id(kind)}/runs/${id(runId)}`, undefined, signal),
  validate: (kind: string, runId: string, body: ImportMappingBody) =>
    api.raw<ImportRun>("PUT", `/api/console/imports/${id(kind)}/runs/${id(runId)}/mapping`, body),
  start: (kind: string, runId: string) =>
    api.raw<ImportRun>("POST", `/api/console/imports/${id(kind)}/runs/${id(runId)}/start`),
  recent: (kind: string, signal?: AbortSignal) =>
    api.raw<{ items: ImportRun[] }>("GET", `/api/console/imports/${id(kind)}`, undefined, signal),
};
