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

describe("section drill-down: attribution flow by role", () => {
  const credits = (page: SectionDrilldownPage) =>
    page.kind === "credits" ? page.items.map((d) => [d.name, d.creditMinor, d.partners.map((p) => p.creditMinor)]) : [];

  it("lists the won deals a role's partners have credit on, with the credit summing to the flow's figure", async () => {
    // Linear split over involved partners. H1 2026: O1 (100,000) involves A alone → A 100,000;
    // O2 (60,000) involves A and B → 30,000 each; O4's only touch (B) is voided → direct.
    // Reseller (A) = 130,000, referral (B) = 30,000.
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.flow.map((f) => [f.role, f.influencedMinor])).toEqual([
      ["reseller", 130_000],
      ["referral", 30_000],
    ]);
    const reseller = await drill("section=attribution_role&flowRole=reseller");
    expect(reseller).toMatchObject({
      kind: "credits",
      section: "attribution_role",
      total: 2,
      creditTotalMinor: 130_000,
    });
    expect(reseller.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(reseller.model).toContain("linear split over involved partners");
    expect(reseller.model).toContain("Reseller");
    // Most recent close first; the deal's whole amount beside the role's credit on it.
    expect(credits(reseller)).toEqual([
      ["O2 Cobalt expansion", 30_000, [30_000]],
      ["O1 Aalto platform", 100_000, [100_000]],
    ]);
    if (reseller.kind !== "credits") return;
    expect(reseller.items[0]).toMatchObject({
      opportunityId: ids.o2,
      accountName: "Cobalt Inc",
      region: "NA",
      amountMinor: 60_000,
      closedAt: "2026-04-02T12:00:00.000Z",
      partners: [{ id: world.partnerA.id, name: world.partnerA.name, creditMinor: 30_000 }],
    });
    const sum = reseller.items.reduce((total, deal) => total + deal.creditMinor, 0);
    expect(sum).toBe(d.flow.find((f) => f.role === "reseller")?.influencedMinor);

    const referral = await drill("section=attribution_role&flowRole=referral");
    expect(credits(referral)).toEqual([["O2 Cobalt expansion", 30_000, [30_000]]]);
    expect(referral).toMatchObject({ total: 1, creditTotalMinor: 30_000 });
    // Paged: the total and the credit total stay those of the whole list.
    const second = await drill("section=attribution_role&flowRole=reseller&limit=1&offset=1");
    expect(credits(second)).toEqual([["O1 Aalto platform", 100_000, [100_000]]]);
    expect(second).toMatchObject({ total: 2, creditTotalMinor: 130_000 });
    const beyond = await drill("section=attribution_role&flowRole=reseller&offset=5");
    expect(beyond).toMatchObject({ total: 2, creditTotalMinor: 130_000, items: [] });
    expect((await drill("section=attribution_role&flowRole=unspecified")).total).toBe(0);
  });

  it("honours the dashboard's filters and the whole months the flow reads", async () => {
    // The role filter keeps partners holding the role: B only, so no reseller row.
    expect((await drill("section=attribution_role&flowRole=reseller&role=referral")).total).toBe(0);
    expect(await drill("section=attribution_role&flowRole=referral&role=referral")).toMatchObject({
      creditTotalMinor: 30_000,
    });
    expect((await drill(`section=attribution_role&flowRole=reseller&partnerId=${world.partnerB.id}`)).total).toBe(0);
    const onlyA = await drill(`section=attribution_role&flowRole=reseller&partnerId=${world.partnerA.id}`);
    expect(onlyA).toMatchObject({ creditTotalMinor: 130_000 });
    // 15 March to 10 April: the read model is monthly, so March and April whole (O1 on 1 March, O2 on 2 April).
    const part = "from=2026-03-15&to=2026-04-10";
    const d = await get<Dashboard>(`/api/console/dashboard?${part}`);
    const page = await get<SectionDrilldownPage>(
      `/api/console/metrics/drilldown/sections?${part}&section=attribution_role&flowRole=reseller`,
    );
    expect(page.period).toEqual({ from: "2026-03-01", to: "2026-04-30" });
    expect(page.model).toContain("the read model is monthly");
    expect(page).toMatchObject({ total: 2, creditTotalMinor: 130_000 });
    expect(d.flow.find((f) => f.role === "reseller")?.influencedMinor).toBe(130_000);
    // 2025 H2: O8 (50,000, A alone) closed 1 October.
    const h2 = await get<SectionDrilldownPage>(
      "/api/console/metrics/drilldown/sections?from=2025-07-01&to=2025-12-31&section=attribution_role&flowRole=reseller",
    );
    expect(credits(h2)).toEqual([["O8 Aalto 2025", 50_000, [50_000]]]);
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
    ["section=attribution_role", "query.flowRole"],
    ["section=attribution_role&flowRole=wizard", "query.flowRole"],
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
