// Transport for the API: one error type, the CSRF token, and a typed fetch.
import type { ErrorBody, ValidationIssue } from "@symbiont/contracts";

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

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (login, me, public invitation endpoints). */
  anonymous?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
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

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
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

export interface PageParams {
  q?: string;
  limit?: number;
  offset?: number;
}
