import { errorCodes } from "@symbiont/contracts";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerErrorHandler, toAppError } from "../http/error-handler";
import { AppError, errorStatus, fieldError } from ".";

describe("errors", () => {
  it("maps every shared error code to a 4xx or 5xx status", () => {
    for (const code of errorCodes) {
      expect(errorStatus[code], code).toBeGreaterThanOrEqual(400);
      expect(new AppError(code).statusCode).toBe(errorStatus[code]);
    }
  });

  it("turns request validation failures into issues with dotted paths", async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    app.post("/x", { schema: { body: z.object({ partner: z.object({ email: z.email() }) }) } }, async () => "ok");
    const response = await app.inject({ method: "POST", url: "/x", payload: { partner: { email: "x" } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().details.issues).toEqual([expect.objectContaining({ path: "body.partner.email" })]);
    await app.close();
  });

  it("hides unknown errors behind INTERNAL", () => {
    expect(toAppError(new Error("secret detail")).code).toBe("INTERNAL");
  });

  it("builds a field error for checks only a service can make", () => {
    const error = fieldError("body.email", "taken", "USER_EMAIL_TAKEN");
    expect(error.statusCode).toBe(409);
    expect(error.details).toEqual({ issues: [{ path: "body.email", message: "taken", code: "invalid" }] });
  });
});
