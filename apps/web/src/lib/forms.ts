import type { z } from "zod";
import { ApiError } from "./api";

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** Run a schema client-side and turn its issues into per-field messages (first message wins). */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!errors[key]) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/** Map `body.<field>` validation issues of an API error onto form fields. */
export function fieldErrorsFromApi(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.startsWith("body.") ? issue.path.slice(5) : issue.path === "body" ? "_form" : null;
    if (path === null) continue;
    if (!errors[path]) errors[path] = issue.message;
  }
  return errors;
}

/** A sentence for the top of a form or a toast. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "FORBIDDEN":
        return "Your role does not allow this action. Ask a workspace admin if you need access.";
      case "RATE_LIMITED":
        return "Too many attempts in a short time. Wait a minute and try again.";
      case "CSRF_TOKEN_INVALID":
        return "Your session token is out of date. Reload the page and try again.";
      case "VALIDATION_FAILED":
        return error.issues.length > 0 ? "Check the highlighted fields." : error.message;
      default:
        return error.message;
    }
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong. Please try again.";
}

export const PASSWORD_HINT = "At least 10 characters. A passphrase of a few unrelated words works well.";
