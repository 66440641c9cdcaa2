import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app";
import { describeIsolation, type IsolationCase, type IsolationContext } from "../../test/isolation";
import { auditIsolationCases } from "./audit/audit.isolation";
import { identityIsolationCases, identityPublicRoutes } from "./identity/identity.isolation";
import { partnerIsolationCases } from "./partners/partners.isolation";

// Every module lists its routes' isolation cases in `<module>.isolation.ts`; this file runs them
// all and fails when an API route joins the app without joining the matrix.
const harness = useTestApp();
const context: IsolationContext = { database: () => harness.database };

const modules: Record<string, IsolationCase[]> = {
  identity: identityIsolationCases(context),
  partners: partnerIsolationCases(context),
  audit: auditIsolationCases(context),
};

/** Routes deliberately outside the matrix, each with the reason. */
const outsideMatrix: Record<string, string> = {
  ...identityPublicRoutes,
  "GET /api/openapi.json": "public API description",
};

for (const [name, cases] of Object.entries(modules)) {
  describe(`isolation matrix: ${name}`, () => describeIsolation(harness, cases));
}

it("covers every API route (new routes must join the matrix)", () => {
  const covered = new Set(
    Object.values(modules)
      .flat()
      .map((c) => `${c.method} ${c.route}`),
  );
  const missing = harness.app.routeTable
    .filter((route) => route.url.startsWith("/api/"))
    .map((route) => `${route.method} ${route.url}`)
    .filter((key) => !covered.has(key) && !(key in outsideMatrix));
  expect(missing).toEqual([]);
});
