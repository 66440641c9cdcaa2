import type { Dashboard, SectionDrilldownPage } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertReportingEcosystem } from "../reports/reports.fixtures";
import { refreshReadModels } from "./metrics.refresh";

const harness = useTestApp();
let world: World;
let ids: Awaited<ReturnType<typeof insertReportingEcosystem>>;
const H1 = "from=2026-01-01&to=2026-06-30";

// The reporting ecosystem (reports.fixtures.ts), with the partner health read model pinned: the
// refresh as of 2026-06-30, A activated 2025-11-01 with its first win 2026-03-01 12:00 (120.5 days),
// B activated 2025-11-20 with its first win after the period. A is green and falling (60 → 30),
// B red and never engaged (15 → 0).
beforeAll(async () => {
  world = await createWorld(harness.database, "Drill");
  ids = await insertReportingEcosystem(harness.database, world);
  await refreshReadModels(harness.database, world.workspaceId);
  const pin = (
    id: string,
    activated: string,
    firstWon: string,
    now: number,
    before: number,
    health: number,
    band: string,
  ) =>
    harness.database.db.execute(sql`
      update metric_partner_health set activated_at = ${activated}, first_won_at = ${firstWon},
        engagement_score = ${now}, previous_engagement_score = ${before}, health_score = ${health},
        health_band = ${band}, stage = 'active'
      where workspace_id = ${world.workspaceId} and partner_id = ${id}`);
  await pin(world.partnerA.id, "2025-11-01T00:00:00Z", "2026-03-01T12:00:00Z", 30, 60, 85, "green");
  await pin(world.partnerB.id, "2025-11-20T00:00:00Z", "2026-08-01T12:00:00Z", 0, 15, 40, "red");
  await harness.database.db.execute(sql`
    update metric_refreshes set refreshed_at = '2026-06-30T00:00:00Z' where workspace_id = ${world.workspaceId}`);
});

async function get<T>(url: string): Promise<T> {
  const response = await harness.app.inject({ method: "GET", url, headers: world.vendor.analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const drill = (query: string) => get<SectionDrilldownPage>(`/api/console/metrics/drilldown/sections?${H1}&${query}`);

describe("section drill-down: partners", () => {
  it("lists a time-to-first-revenue cohort's partners with join and first-revenue dates, as the table counts them", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.cohorts).toEqual([{ cohort: "2025-11", partners: 2, reached: 1, meanDays: 120.5, medianDays: 120.5 }]);
    const page = await drill("section=cohort&cohort=2025-11");
    expect(page).toMatchObject({ kind: "partners", section: "cohort", total: 2 });
    expect(page.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(page.model).toContain("2025-11");
    expect(page.model).toContain("2026-06-30");
    if (page.kind !== "partners") return;
    expect(page.items.map((p) => [p.name, p.activatedAt, p.firstRevenueAt, p.daysToFirstRevenue])).toEqual([
      [world.partnerA.name, "2025-11-01T00:00:00.000Z", "2026-03-01T12:00:00.000Z", 120.5],
      // B's first win falls after the period: not revenue yet from the period's point of view.
      [world.partnerB.name, "2025-11-20T00:00:00.000Z", null, null],
    ]);
    // A period ending before A's first win counts neither.
    const early = await get<SectionDrilldownPage>(
      "/api/console/metrics/drilldown/sections?from=2026-01-01&to=2026-02-28&section=cohort&cohort=2025-11",
    );
    expect(early.items.map((p) => ("daysToFirstRevenue" in p ? p.daysToFirstRevenue : "?"))).toEqual([null, null]);
    expect((await drill("section=cohort&cohort=2025-12")).total).toBe(0);
  });

  it("lists a health band's partners with their score and the components behind it", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.health).toEqual({ green: 1, yellow: 0, red: 1 });
    const green = await drill("section=health_band&band=green");
    expect(green).toMatchObject({ kind: "partners", total: 1 });
    expect(green.model).toContain("2026-06-30");
    if (green.kind !== "partners") return;
    const [a] = green.items;
    expect(a).toMatchObject({ partnerId: world.partnerA.id, healthScore: 85, healthBand: "green" });
    // 365 days to the refresh: A's credit 100,000 (O1) + 30,000 (half of O2) + 50,000 (O8) ranks above
    // B's 30,000 → 75th percentile; no partner has open pipeline → both 50; engagement as stored.
    const value = (key: string) => a?.components.find((c) => c.key === key);
    expect(value("revenue")).toMatchObject({ value: 75, used: true });
    expect(value("pipeline")).toMatchObject({ value: 50, used: true });
    expect(value("engagement")).toMatchObject({ value: 30, used: true });
    expect(value("enablement")).toMatchObject({ value: null, used: false });
    const red = await drill("section=health_band&band=red");
    expect(red.items.map((p) => ("partnerId" in p ? p.partnerId : ""))).toEqual([world.partnerB.id]);
    // The role filter narrows the band as it narrows the figure: B is a referral partner.
    expect((await drill("section=health_band&band=red&role=reseller")).total).toBe(0);
  });

  it("lists every partner at risk", async () => {
    const page = await drill("section=at_risk");
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      partnerId: world.partnerA.id,
      engagementScore: 30,
      previousEngagementScore: 60,
    });
  });
});

describe("section drill-down: accounts", () => {
  it("lists the accounts behind retention and CLTV with their revenue and churn", async () => {
    const partner = await drill("section=retention&side=partner");
    expect(partner).toMatchObject({ kind: "accounts", total: 1 });
    expect(partner.items).toEqual([
      {
        accountId: ids.accounts.emea1,
        name: "Aalto Oy",
        region: "EMEA",
        startMinor: 1_000,
        expansionMinor: 200,
        contractionMinor: 50,
        churnMinor: 0,
        endMinor: 1_150,
        churned: false,
      },
    ]);
    const other = await drill("section=retention&side=other");
    expect(other.items).toEqual([
      expect.objectContaining({
        accountId: ids.accounts.na2,
        startMinor: 2_000,
        churnMinor: 2_000,
        endMinor: 0,
        churned: true,
      }),
    ]);
    expect(other.model).toContain("2026-01-01");
    // NA holds Delta only; EMEA none of the other accounts.
    expect((await drill("section=retention&side=other&region=EMEA")).total).toBe(0);
  });

  it("lists a penetration row's customers with their won revenue and partner attachment", async () => {
    const na = await drill("section=customers&by=region&key=NA");
    expect(na).toMatchObject({ kind: "customers", total: 1 });
    expect(na.items).toEqual([
      {
        accountId: ids.accounts.na1,
        name: "Cobalt Inc",
        region: "NA",
        industry: null,
        wonMinor: 110_000,
        wonDeals: 2,
        withPartner: true,
      },
    ]);
    const unknown = await drill("section=customers&by=industry&key=unknown&limit=1&offset=1");
    expect(unknown.total).toBe(2);
    expect(unknown.items.map((c) => ("accountId" in c ? c.accountId : ""))).toEqual([ids.accounts.emea1]);
    // Referral partners only: Aalto's deal came from a reseller, so it counts as without a partner.
    const referral = await drill("section=customers&by=region&key=EMEA&role=referral");
    expect(referral.items[0]).toMatchObject({ accountId: ids.accounts.emea1, withPartner: false });
  });
});

describe("section drill-down: input", () => {
  it.each([
    ["section=karma", "query.section"],
    ["section=cohort", "query.cohort"],
    ["section=cohort&cohort=2025-13", "query.cohort"],
    ["section=health_band&band=purple", "query.band"],
    ["section=retention", "query.side"],
    ["section=customers&by=region", "query.key"],
    ["section=at_risk&limit=500", "query.limit"],
  ])("answers 400 naming the field for %s", async (query, path) => {
    const response = await harness.app.inject({
      method: "GET",
      url: `/api/console/metrics/drilldown/sections?${query}`,
      headers: world.vendor.admin.headers,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});
