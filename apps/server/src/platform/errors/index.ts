import type { ErrorCode, ValidationIssue } from "@symbiont/contracts";

/** HTTP status of every error code: one exhaustive table. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF_TOKEN_INVALID: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_LOCKED: 423,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_PASSWORD_INCORRECT: 400,
  AUTH_PASSWORD_REUSED: 400,
  AUTH_RESET_TOKEN_INVALID: 400,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  API_KEY_EXPIRED: 401,
  INVITATION_INVALID: 404,
  INVITATION_EXPIRED: 410,
  INVITATION_ALREADY_USED: 410,
  INVITATION_REVOKED: 410,
  USER_EMAIL_TAKEN: 409,
  USER_CANNOT_CHANGE_OWN_ROLE: 409,
  USER_LAST_ADMIN: 409,
  PARTNER_NAME_TAKEN: 409,
  PARTNER_DOMAIN_TAKEN: 409,
  PARTNER_STAGE_TRANSITION_INVALID: 409,
  PARTNER_CUSTOM_FIELD_KEY_TAKEN: 409,
  IMPORT_FILE_INVALID: 400,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_NOT_READY: 409,
  AGREEMENT_VERSION_SUPERSEDED: 409,
  APPLICATION_DUPLICATE: 409,
  APPLICATION_ALREADY_DECIDED: 409,
  APPLICATIONS_CLOSED: 409,
  ONBOARDING_STEP_NOT_MANUAL: 409,
  PROGRAM_SLUG_TAKEN: 409,
  PROGRAM_ARCHIVED: 409,
  TIER_IN_USE: 409,
  TIER_PROPOSAL_NOT_PENDING: 409,
  ATTRIBUTION_SNAPSHOT_NOT_COMPLETE: 409,
  ATTRIBUTION_OVERRIDE_NOT_ALLOWED: 409,
  ATTRIBUTION_OVERRIDE_EXISTS: 409,
  ATTRIBUTION_OVERRIDE_REVERTED: 409,
  ATTRIBUTION_PATH_FILE_INVALID: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  REGISTRATION_STATE_INVALID: 409,
  REGISTRATION_BLOCKED: 409,
  REGISTRATION_EXTENSION_INVALID: 409,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  LEAD_TRANSITION_INVALID: 409,
  LEAD_ALREADY_CLAIMED: 409,
  LEAD_NO_ELIGIBLE_PARTNER: 409,
};

export interface AppErrorOptions {
  message?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

/** The one error type services throw. The HTTP layer turns it into the standard body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? defaultMessages[code] ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.statusCode = errorStatus[code];
    this.details = options.details;
    this.headers = options.headers;
  }
}

const defaultMessages: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: "Some fields are not valid",
  UNAUTHENTICATED: "Sign in to continue",
  FORBIDDEN: "Your role does not allow this",
  NOT_FOUND: "Not found",
  CSRF_TOKEN_INVALID: "The form expired; reload the page and try again",
  RATE_LIMITED: "Too many attempts; wait a moment and try again",
  INTERNAL: "Internal error",
};

/** A validation failure on one field that only a service can judge (uniqueness aside). */
export function fieldError(path: string, message: string, code: ErrorCode = "VALIDATION_FAILED"): AppError {
  const issues: ValidationIssue[] = [{ path, message, code: "invalid" }];
  return new AppError(code, { message, details: { issues } });
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", { message: what });
export const forbidden = (message?: string) => new AppError("FORBIDDEN", message ? { message } : {});
