import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/app";

const harness = useTestApp();

describe("HTTP platform", () => {
  it("answers liveness without the database and readiness with the migration status", async () => {
    const health = await harness.app.inject({ method: "GET", url: "/healthz" });
    expect(health.json()).toMatchObject({ status: "ok" });
    const ready = await harness.app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    const body = ready.json();
    expect(body.status).toBe("ready");
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });

  it("serves an OpenAPI 3.1 document where every API route has an operationId, tags and responses", async () => {
    const response = await harness.app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = response.json();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const ids = new Set<string>();
    for (const { path, method, op } of operations) {
      const label = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, label).toEqual(expect.any(String));
      expect(ids.has(op.operationId as string), `${label} duplicates an operationId`).toBe(false);
      ids.add(op.operationId as string);
      expect(op.tags, label).toEqual(expect.arrayContaining([expect.any(String)]));
      if (path.startsWith("/api/")) expect(Object.keys(op.responses as object), label).toContain("400");
    }
  });

  it("serves the interactive reference at /docs", async () => {
    const response = await harness.app.inject({ method: "GET", url: "/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("swagger");
  });

  it("answers unknown API routes with the standard error body and a request id", async () => {
    const response = await harness.app.inject({ method: "GET", url: "/api/console/nope" });
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: 404, code: "NOT_FOUND", requestId: response.headers["x-request-id"] });
  });

  it("rejects a non-JSON body and a broken JSON body with 400, never 500", async () => {
    const text = await harness.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "email=x",
    });
    expect(text.statusCode).toBe(415 === text.statusCode ? 415 : 400);
    const broken = await harness.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("VALIDATION_FAILED");
  });

  it("sets security headers", async () => {
    const response = await harness.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});
