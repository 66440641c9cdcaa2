import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app";
import { describeIsolation, type IsolationCase, type IsolationContext } from "../../test/isolation";
import { importIsolationCases } from "./accounts/accounts.import.isolation";
import { accountIsolationCases } from "./accounts/accounts.isolation";
import { agreementIsolationCases } from "./agreements/agreements.isolation";
import { attributionIsolationCases } from "./attribution/attribution.isolation";
import { auditIsolationCases } from "./audit/audit.isolation";
import { registrationIsolationCases } from "./deals/deals.isolation";
import { identityIsolationCases, identityPublicRoutes } from "./identity/identity.isolation";
import { leadIsolationCases, leadPublicRoutes } from "./leads/leads.isolation";
import { metricIsolationCases } from "./metrics/metrics.isolation";
import { onboardingIsolationCases } from "./onboarding/onboarding.isolation";
import { partnerImportIsolationCases } from "./partners/partners.import.isolation";
import { partnerIsolationCases } from "./partners/partners.isolation";
import { programIsolationCases } from "./programs/programs.isolation";
import { recruitmentIsolationCases, recruitmentPublicRoutes } from "./recruitment/recruitment.isolation";
import { reportIsolationCases } from "./reports/reports.isolation";
import { revenueIsolationCases } from "./revenue/revenue.isolation";
import { tierIsolationCases } from "./tiers/tiers.isolation";
import { touchpointIsolationCases } from "./touchpoints/touchpoints.isolation";

// Every module lists its routes' isolation cases in `<module>.isolation.ts`; this file runs them
// all and fails when an API route joins the app without joining the matrix.
const harness = useTestApp();
const context: IsolationContext = { database: () => harness.database, app: () => harness.app };

const modules: Record<string, IsolationCase[]> = {
  partnerImports: partnerImportIsolationCases(context),
  identity: identityIsolationCases(context),
  partners: partnerIsolationCases(context),
  audit: auditIsolationCases(context),
  programs: programIsolationCases(context),
  tiers: tierIsolationCases(context),
  agreements: agreementIsolationCases(context),
  onboarding: onboardingIsolationCases(context),
  recruitment: recruitmentIsolationCases(context),
  reports: reportIsolationCases(context),
  attribution: attributionIsolationCases(context),
  imports: importIsolationCases(context),
  accounts: accountIsolationCases(context),
  revenue: revenueIsolationCases(context),
  touchpoints: touchpointIsolationCases(context),
  registrations: registrationIsolationCases(context),
  leads: leadIsolationCases(context),
  metrics: metricIsolationCases(context),
};

/** Routes deliberately outside the matrix, each with the reason. */
const outsideMatrix: Record<string, string> = {
  ...identityPublicRoutes,
  ...recruitmentPublicRoutes,
  ...leadPublicRoutes,
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
