import { z } from "zod";

/**
 * Every error code the API can answer with. The server maps each to one HTTP status
 * (apps/server/src/platform/errors); the web app switches on `code`.
 */
export const errorCodes = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "CSRF_TOKEN_INVALID",
  "RATE_LIMITED",
  "INTERNAL",
  "SERVICE_UNAVAILABLE",
  "AUTH_INVALID_CREDENTIALS",
  "AUTH_ACCOUNT_LOCKED",
  "AUTH_ACCOUNT_DISABLED",
  "AUTH_SESSION_EXPIRED",
  "AUTH_PASSWORD_INCORRECT",
  "AUTH_PASSWORD_REUSED",
  "AUTH_RESET_TOKEN_INVALID",
  "API_KEY_INVALID",
  "API_KEY_REVOKED",
  "API_KEY_EXPIRED",
  "INVITATION_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_ALREADY_USED",
  "INVITATION_REVOKED",
  "USER_EMAIL_TAKEN",
  "USER_CANNOT_CHANGE_OWN_ROLE",
  "USER_LAST_ADMIN",
  "PARTNER_NAME_TAKEN",
  "PARTNER_DOMAIN_TAKEN",
  "PARTNER_STAGE_TRANSITION_INVALID",
  "PARTNER_CUSTOM_FIELD_KEY_TAKEN",
  "IMPORT_FILE_INVALID",
  "IMPORT_HAS_ERRORS",
  "IMPORT_NOT_READY",
  "AGREEMENT_VERSION_SUPERSEDED",
  "APPLICATION_DUPLICATE",
  "APPLICATION_ALREADY_DECIDED",
  "APPLICATIONS_CLOSED",
  "ONBOARDING_STEP_NOT_MANUAL",
  "PROGRAM_SLUG_TAKEN",
  "PROGRAM_ARCHIVED",
  "TIER_IN_USE",
  "TIER_PROPOSAL_NOT_PENDING",
  "ATTRIBUTION_SNAPSHOT_NOT_COMPLETE",
  "ATTRIBUTION_OVERRIDE_NOT_ALLOWED",
  "ATTRIBUTION_OVERRIDE_EXISTS",
  "ATTRIBUTION_OVERRIDE_REVERTED",
  "ATTRIBUTION_PATH_FILE_INVALID",
  "IDEMPOTENCY_KEY_REUSED",
  "REGISTRATION_STATE_INVALID",
  "REGISTRATION_BLOCKED",
  "REGISTRATION_EXTENSION_INVALID",
  "ATTACHMENT_TOO_LARGE",
  "ATTACHMENT_TYPE_NOT_ALLOWED",
  "LEAD_TRANSITION_INVALID",
  "LEAD_ALREADY_CLAIMED",
  "LEAD_NO_ELIGIBLE_PARTNER",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const validationIssue = z.object({
  path: z.string().describe("Dotted path of the offending field, e.g. `body.email`"),
  message: z.string(),
  code: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssue>;

export const errorBody = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    code: z.string(),
    message: z.string(),
    details: z
      .object({
        issues: z.array(validationIssue).optional(),
      })
      .catchall(z.unknown())
      .optional(),
    requestId: z.string(),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof errorBody>;
