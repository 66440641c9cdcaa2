import type { ErrorBody, ValidationIssue } from "@symbiont/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../errors";

const contextNames: Record<string, string> = {
  querystring: "query",
  params: "params",
  body: "body",
  headers: "headers",
};

/** Maps every error to the one body shape; 5xx causes go to the log, never to the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError | Error, request, reply) => {
    const error = toAppError(raw);
    if (error.statusCode >= 500) request.log.error({ err: raw }, "request failed");
    else if (error.code === "INTERNAL") request.log.warn({ err: raw }, "request failed");
    const body: ErrorBody = {
      statusCode: error.statusCode,
      error: statusText(error.statusCode),
      code: error.code,
      message: error.statusCode >= 500 ? "Internal error" : error.message,
      requestId: String(request.id),
      ...(error.details && error.statusCode < 500 ? { details: error.details } : {}),
    };
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.statusCode).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      statusCode: 404,
      error: "Not Found",
      code: "NOT_FOUND",
      message: `No route for ${request.method} ${request.url.split("?")[0]}`,
      requestId: String(request.id),
    };
    return reply.status(404).send(body);
  });
}

export function toAppError(raw: unknown): AppError {
  if (raw instanceof AppError) return raw;
  if (hasZodFastifySchemaValidationErrors(raw)) {
    const context = contextNames[(raw as FastifyError).validationContext ?? "body"] ?? "body";
    const issues: ValidationIssue[] = raw.validation.map((issue) => {
      const rest = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
      return {
        path: rest ? `${context}.${rest}` : context,
        message: issue.message ?? "Invalid value",
        code: issue.keyword,
      };
    });
    const first = issues[0];
    return new AppError("VALIDATION_FAILED", {
      message: first ? `${first.path}: ${first.message}` : "Some fields are not valid",
      details: { issues },
    });
  }
  if (raw && typeof raw === "object" && isFastifyError(raw)) {
    if (isResponseSerializationError(raw as FastifyError & { method?: string })) {
      return new AppError("INTERNAL", { cause: raw });
    }
    const status = raw.statusCode ?? 500;
    if (raw.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || raw.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return new AppError("VALIDATION_FAILED", {
        message: raw.message,
        details: { issues: [{ path: "body", message: raw.message, code: raw.code }] },
      });
    }
    if (status === 429) return new AppError("RATE_LIMITED", { message: raw.message });
    if (status >= 400 && status < 500) {
      return new AppError(status === 404 ? "NOT_FOUND" : "VALIDATION_FAILED", {
        message: raw.message,
        details: { issues: [{ path: "body", message: raw.message, code: raw.code ?? "invalid" }] },
      });
    }
  }
  return new AppError("INTERNAL", { cause: raw });
}

function isFastifyError(value: object): value is FastifyError {
  return "code" in value || "statusCode" in value;
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    410: "Gone",
    423: "Locked",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
  };
  return texts[status] ?? "Error";
}
