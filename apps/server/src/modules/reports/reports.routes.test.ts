import type { Dashboard, DrilldownPage } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { refreshReadModels } from "../metrics";
import { insertReportingEcosystem } from "./reports.fixtures";

const harness = useTestApp();
let world: World;
let ids: Awaited<ReturnType<typeof insertReportingEcosystem>>;
const H1 = "from=2026-01-01&to=2026-06-30";

beforeAll(async () => {
  world = await createWorld(harness.database, "Reports");
  ids = await insertReportingEcosystem(harness.database, world);
  await refreshReadModels(harness.database, world.workspaceId);
});

async function get<T>(url: string): Promise<T> {
  const response = await harness.app.inject({ method: "GET", url, headers: world.vendor.analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const figure = (d: Dashboard, key: string) => {
  const found = d.headline.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
};

describe("executive dashboard", () => {
  it("computes the headline figures and their change from the records", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.period).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
      previousFrom: "2025-07-04",
      previousTo: "2025-12-31",
    });
    // Sourced: O1 (100,000). Previous: O8 (50,000) → +100 %.
    expect(figure(d, "sourced_revenue")).toMatchObject({
      value: 100_000,
      previous: 50_000,
      change: 1,
      drill: "sourced_revenue",
    });
    // Influenced: O1 + O2 (touched); O4's touchpoint is voided, O3 was lost. Previous: O8.
    expect(figure(d, "influenced_revenue")).toMatchObject({ value: 160_000, previous: 50_000 });
    expect(figure(d, "influenced_revenue").change).toBeCloseTo(2.2, 10);
    expect(figure(d, "sourced_influenced_ratio").value).toBeCloseTo(0.625, 10);
    // Linear split: O1 100,000 to A; O2 60,000 shared by A and B — all of it to the partners.
    expect(figure(d, "attributed_revenue")).toMatchObject({ value: 160_000, model: d.model });
    expect(d.model).toBe("linear split over involved partners");
    expect(figure(d, "ropi")).toMatchObject({ value: null, model: d.model, drill: "ropi" });
    expect(figure(d, "ropi").note).toMatch(/program cost/);
    // Every headline metric of the engine is a tile, and says its period.
    expect(d.headline).toHaveLength(19);
    for (const tile of d.headline) expect(tile.definition).toContain("2026-01-01 to 2026-06-30");
    // CAC opens its spend entries (and the dialog its new customers).
    expect(figure(d, "cac").drill).toBe("cac");
    expect(d.closedDeals).toBe(6);
    expect(d.refreshedAt).not.toBeNull();
  });

  it("estimates the win-rate uplift with its interval, deal size and cycle by group", async () => {
    const { uplift } = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    // partner-involved: O1, O2 won, O3 lost → 2/3; direct-only: O4 won, O5, O6 lost → 1/3.
    expect(uplift.partnerWinRate).toBeCloseTo(2 / 3, 10);
    expect(uplift.directWinRate).toBeCloseTo(1 / 3, 10);
    expect(uplift.difference).toBeCloseTo(1 / 3, 10);
    expect(uplift.partnerDeals).toBe(3);
    expect(uplift.directDeals).toBe(3);
    // Six deals cannot prove anything: the interval must contain zero.
    expect(uplift.low).toBeLessThan(0);
    expect(uplift.high).toBeGreaterThan(0);
    expect(uplift.partnerAvgWonMinor).toBe(80_000);
    expect(uplift.directAvgWonMinor).toBe(50_000);
    expect(uplift.partnerCycleDays).toBeCloseTo(55, 6);
    expect(uplift.directCycleDays).toBeCloseTo(30, 6);
  });

  it("splits NRR and GRR between partner-attached and other accounts, new customers excluded", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    // Aalto: 1,000 + 200 − 50 → 1.15 / 0.95. Delta: 2,000 churned → 0. Brenner is new in the period.
    expect(d.retention.partnerNrr).toBeCloseTo(1.15, 10);
    expect(d.retention.partnerGrr).toBeCloseTo(0.95, 10);
    expect(d.retention.directNrr).toBe(0);
    expect(d.retention).toMatchObject({ partnerAccounts: 1, directAccounts: 1 });
    expect(figure(d, "nrr_partner")).toMatchObject({ previous: 1 });
    expect(figure(d, "nrr_partner").change).toBeCloseTo(0.15, 10);
    // CLTV: Delta (2,000 recurring) churned in the 181 days → churn 1 × 365 ÷ 181 a year;
    // 2,000 × 0.75 ÷ (365 ÷ 181) = 743.84; Aalto did not churn: no CLTV.
    expect(d.cltv.other).toMatchObject({ arpaMinor: 2_000, accounts: 1 });
    expect(d.cltv.other.churnRate).toBeCloseTo(365 / 181, 10);
    expect(d.cltv.other.cltvMinor).toBeCloseTo((2_000 * 0.75 * 181) / 365, 6);
    expect(d.cltv.partner).toMatchObject({ arpaMinor: 1_000, churnRate: 0, cltvMinor: null });
  });

  it("lists trend, flow by role, top partners with attributed credit, regions and penetration", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.trend.map((p) => p.month)).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
    ]);
    expect(d.trend[2]).toMatchObject({ sourcedMinor: 100_000, influencedMinor: 100_000, directMinor: 50_000 });
    expect(d.trend[3]).toMatchObject({ sourcedMinor: 0, influencedMinor: 60_000, directMinor: 0 });
    expect(d.topPartners).toEqual([
      {
        partnerId: world.partnerA.id,
        name: world.partnerA.name,
        sourcedMinor: 100_000,
        influencedMinor: 130_000,
        wonDeals: 2,
      },
      {
        partnerId: world.partnerB.id,
        name: world.partnerB.name,
        sourcedMinor: 0,
        influencedMinor: 30_000,
        wonDeals: 1,
      },
    ]);
    expect(d.flow).toEqual([
      { role: "reseller", sourcedMinor: 100_000, influencedMinor: 130_000 },
      { role: "referral", sourcedMinor: 0, influencedMinor: 30_000 },
    ]);
    const na = d.regions.find((r) => r.region === "NA");
    expect(na).toMatchObject({ partnerWonMinor: 60_000, directWonMinor: 50_000, wonDeals: 2 });
    expect(na?.winRate).toBeCloseTo(2 / 3, 10);
    expect(na?.partnerShare).toBeCloseTo(60 / 110, 10);
    expect(d.availableRegions).toEqual(["EMEA", "NA"]);
    // Customers with a deal won in H1: Aalto (O1, partner, EMEA) and Cobalt (O2 partner + O4 direct, NA).
    expect(d.penetration.byRegion).toEqual([
      {
        key: "NA",
        customers: 1,
        withPartner: 1,
        withoutPartner: 0,
        revenueMinor: 110_000,
        revenueWithPartnerMinor: 110_000,
        partnerShare: 1,
      },
      {
        key: "EMEA",
        customers: 1,
        withPartner: 1,
        withoutPartner: 0,
        revenueMinor: 100_000,
        revenueWithPartnerMinor: 100_000,
        partnerShare: 1,
      },
    ]);
    expect(d.penetration.byIndustry.map((r) => r.key)).toEqual(["unknown"]);
  });

  it("lists partners whose engagement fell, and the partners by health band", async () => {
    // The read model holds engagement at the last refresh and 90 days before: A fell from 60 to 30,
    // B from 15 to 0 (too little before to call it a fall).
    const set = (id: string, now: number, before: number, band: string) =>
      harness.database.db.execute(sql`
        update metric_partner_health set engagement_score = ${now}, previous_engagement_score = ${before},
          health_score = ${now}, health_band = ${band}, stage = 'active'
        where workspace_id = ${world.workspaceId} and partner_id = ${id}`);
    await set(world.partnerA.id, 30, 60, "red");
    await set(world.partnerB.id, 0, 15, "red");
    // As a refresh would, drop the answers stored from the read model's earlier rows.
    await harness.database.db.execute(sql`delete from metric_view_cache where workspace_id = ${world.workspaceId}`);
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(d.atRisk).toEqual([
      {
        partnerId: world.partnerA.id,
        name: world.partnerA.name,
        score: 30,
        previousScore: 60,
        change: -0.5,
        healthScore: 30,
        healthBand: "red",
      },
    ]);
    expect(d.health.red).toBeGreaterThanOrEqual(2);
    const referral = await get<Dashboard>(`/api/console/dashboard?${H1}&role=referral`);
    expect(referral.atRisk).toEqual([]);
    await refreshReadModels(harness.database, world.workspaceId);
  });

  it("applies region and partner-role filters", async () => {
    const emea = await get<Dashboard>(`/api/console/dashboard?${H1}&region=EMEA`);
    expect(figure(emea, "sourced_revenue").value).toBe(100_000);
    expect(figure(emea, "influenced_revenue").value).toBe(100_000);
    expect(emea.regions.map((r) => r.region)).toEqual(["EMEA"]);
    const referral = await get<Dashboard>(`/api/console/dashboard?${H1}&role=referral`);
    expect(figure(referral, "sourced_revenue").value).toBe(0);
    expect(figure(referral, "influenced_revenue").value).toBe(60_000);
    expect(referral.uplift).toMatchObject({ partnerDeals: 2, directDeals: 3 });
    expect(referral.topPartners.map((p) => p.partnerId)).toEqual([world.partnerB.id]);
  });

  it("shows an empty period as zeros, not errors", async () => {
    const d = await get<Dashboard>("/api/console/dashboard?from=2020-01-01&to=2020-03-31");
    expect(d.closedDeals).toBe(0);
    expect(figure(d, "sourced_revenue")).toMatchObject({ value: 0, change: null });
    expect(d.uplift.difference).toBeNull();
    expect(d.topPartners).toEqual([]);
  });

  it("refuses a period that ends before it starts, naming the field", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: "/api/console/dashboard?from=2026-06-01&to=2026-01-01",
      headers: world.vendor.admin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe("query.from");
  });
});

describe("drill-down", () => {
  it("answers the deals behind a figure through the metric's drill-down, with the partners involved", async () => {
    const page = await get<DrilldownPage>(`/api/console/metrics/drilldown?${H1}&metric=influenced_revenue`);
    expect(page.kind).toBe("deals");
    if (page.kind !== "deals") return;
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.opportunityId)).toEqual([ids.o2, ids.o1]);
    expect(page.items[0]?.partners.map((p) => p.name)).toEqual([world.partnerA.name, world.partnerB.name].sort());
    expect(page.items[1]).toMatchObject({ sourced: true, region: "EMEA", amountMinor: 100_000 });
  });

  it("narrows to one partner (a top partner's row) and pages", async () => {
    const b = await get<DrilldownPage>(
      `/api/console/metrics/drilldown?${H1}&metric=won_deals&partnerId=${world.partnerB.id}`,
    );
    expect(b.items.map((r) => ("opportunityId" in r ? r.opportunityId : r.id))).toEqual([ids.o2]);
    const closed = await get<DrilldownPage>(`/api/console/metrics/drilldown?${H1}&metric=win_rate&limit=2&offset=4`);
    expect(closed.total).toBe(6);
    expect(closed.items).toHaveLength(2);
  });
});
