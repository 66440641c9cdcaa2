import type {
  ConsoleRegistration,
  ConsoleRegistrationSummary,
  CreateRegistrationBody,
  PartnerCheck,
  PortalRegistration,
  PortalRegistrationSummary,
  RegistrationPolicyRecord,
  RegistrationRules,
  RegistrationStatus,
  UpdateRegistrationBody,
} from "@symbiont/contracts";
import { buildUrl, getCsrfToken, request } from "../http";

export interface ConsoleQueueParams {
  queue?: "open" | "all";
  status?: RegistrationStatus;
  decision?: "clear" | "review" | "conflict";
  q?: string;
  limit?: number;
  offset?: number;
}

const enc = encodeURIComponent;

/** Deal registration: the portal's registrations and the console's review workspace. */
export const registrationEndpoints = {
  portal: {
    list: (params: { status?: RegistrationStatus; limit?: number }, signal?: AbortSignal) =>
      request<{ items: PortalRegistrationSummary[]; total: number; expiringThisWeek: number }>(
        "GET",
        "/api/portal/registrations",
        {
          query: { status: params.status, limit: params.limit },
          signal,
        },
      ),
    get: (id: string, signal?: AbortSignal) =>
      request<PortalRegistration>("GET", `/api/portal/registrations/${enc(id)}`, { signal }),
    create: (body: CreateRegistrationBody) =>
      request<PortalRegistration>("POST", "/api/portal/registrations", { body }),
    update: (id: string, body: UpdateRegistrationBody) =>
      request<PortalRegistration>("PATCH", `/api/portal/registrations/${enc(id)}`, { body }),
    submit: (id: string) => request<PortalRegistration>("POST", `/api/portal/registrations/${enc(id)}/submit`),
    withdraw: (id: string, reason?: string) =>
      request<PortalRegistration>("POST", `/api/portal/registrations/${enc(id)}/withdraw`, { body: { reason } }),
    remove: (id: string) => request<void>("DELETE", `/api/portal/registrations/${enc(id)}`),
    requestExtension: (id: string, body: { days: number; reason: string }) =>
      request<PortalRegistration>("POST", `/api/portal/registrations/${enc(id)}/extensions`, { body }),
    check: (
      body: { companyName: string; website?: string; country?: string; contactEmail?: string },
      signal?: AbortSignal,
    ) => request<PartnerCheck>("POST", "/api/portal/registrations/check", { body, signal }),
    /** Uploads one file as the raw request body. */
    async upload(id: string, file: File): Promise<PortalRegistration> {
      const response = await fetch(
        buildUrl(`/api/portal/registrations/${enc(id)}/attachments`, { fileName: file.name }),
        {
          method: "POST",
          credentials: "same-origin",
          headers: {
            "content-type": file.type || "application/octet-stream",
            "x-csrf-token": getCsrfToken() ?? "",
            accept: "application/json",
          },
          body: file,
        },
      );
      const payload = (await response.json().catch(() => null)) as { message?: string } | null;
      if (!response.ok) throw new Error(payload?.message ?? `Upload failed (${response.status})`);
      return payload as PortalRegistration;
    },
    fileUrl: (id: string, attachmentId: string) =>
      `/api/portal/registrations/${enc(id)}/attachments/${enc(attachmentId)}`,
  },
  console: {
    queue: (params: ConsoleQueueParams, signal?: AbortSignal) =>
      request<{ items: ConsoleRegistrationSummary[]; total: number }>("GET", "/api/console/registrations", {
        query: { ...params },
        signal,
      }),
    get: (id: string, signal?: AbortSignal) =>
      request<ConsoleRegistration>("GET", `/api/console/registrations/${enc(id)}`, { signal }),
    recheck: (id: string) => request<ConsoleRegistration>("POST", `/api/console/registrations/${enc(id)}/check`),
    approve: (id: string, body: { override?: boolean; reason?: string }) =>
      request<ConsoleRegistration>("POST", `/api/console/registrations/${enc(id)}/approve`, { body }),
    reject: (id: string, reason: string) =>
      request<ConsoleRegistration>("POST", `/api/console/registrations/${enc(id)}/reject`, { body: { reason } }),
    requestInfo: (id: string, message: string) =>
      request<ConsoleRegistration>("POST", `/api/console/registrations/${enc(id)}/request-info`, { body: { message } }),
    convert: (id: string) => request<ConsoleRegistration>("POST", `/api/console/registrations/${enc(id)}/convert`),
    decideExtension: (id: string, extensionId: string, body: { approve: boolean; reason?: string }) =>
      request<ConsoleRegistration>(
        "POST",
        `/api/console/registrations/${enc(id)}/extensions/${enc(extensionId)}/decide`,
        { body },
      ),
    bulkApprove: (ids: string[]) =>
      request<{ approved: string[]; skipped: { id: string; reason: string }[] }>(
        "POST",
        "/api/console/registrations/bulk-approve",
        {
          body: { ids },
        },
      ),
    policies: (signal?: AbortSignal) =>
      request<{ current: RegistrationPolicyRecord; versions: RegistrationPolicyRecord[] }>(
        "GET",
        "/api/console/registration-policies",
        {
          signal,
        },
      ),
    publishPolicy: (body: { rules: RegistrationRules; note?: string }) =>
      request<RegistrationPolicyRecord>("POST", "/api/console/registration-policies", { body }),
    fileUrl: (id: string, attachmentId: string) =>
      `/api/console/registrations/${enc(id)}/attachments/${enc(attachmentId)}`,
  },
};
