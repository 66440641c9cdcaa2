import type { HeadlineMetrics } from "@symbiont/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertMetricData } from "./metrics.fixtures";

const harness = useTestApp();
let world: World;

// A hand-worked ecosystem for the period 2026-01-01 … 2026-06-30 (181 days; previous period
// 2025-07-04 … 2025-12-31). Amounts in USD cents. A1, A2 are EMEA; A3, A4 NA; all 51-200 employees.
beforeAll(async () => {
  world = await createWorld(harness.database, "Metrics");
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  await insertMetricData(harness.database, world.workspaceId, {
    accounts: [
      { key: "A1", region: "EMEA" },
      { key: "A2", region: "EMEA" },
      { key: "A3", region: "NA" },
      { key: "A4", region: "NA" },
    ],
    deals: [
      {
        key: "o1",
        account: "A1",
        outcome: "won",
        amount: 1_000_000,
        opened: "2026-01-01",
        closed: "2026-01-21",
        sourcedBy: a,
      },
      {
        key: "o2",
        account: "A2",
        outcome: "won",
        amount: 3_000_000,
        opened: "2026-02-01",
        closed: "2026-03-13",
        touchedBy: [b],
      },
      { key: "o3", account: "A3", outcome: "won", amount: 2_000_000, opened: "2026-01-10", closed: "2026-03-11" },
      { key: "o4", account: "A4", outcome: "lost", amount: 2_000_000, opened: "2026-01-05", closed: "2026-02-04" },
      {
        key: "o5",
        account: "A1",
        outcome: "lost",
        amount: 1_500_000,
        opened: "2026-02-01",
        closed: "2026-04-01",
        touchedBy: [a],
      },
      { key: "o6", account: "A3", outcome: "open", amount: 500_000, opened: "2026-05-01" },
      { key: "o7", account: "A2", outcome: "open", amount: 800_000, opened: "2026-06-01", touchedBy: [b] },
      { key: "o8", account: "A3", outcome: "won", amount: 4_000_000, opened: "2025-06-01", closed: "2025-10-01" },
    ],
    revenue: [
      { account: "A1", kind: "new", on: "2025-03-01", amount: 1_000_000 },
      { account: "A1", kind: "expansion", on: "2026-02-01", amount: 200_000 },
      { account: "A3", kind: "new", on: "2025-04-01", amount: 2_000_000 },
      { account: "A3", kind: "churn", on: "2026-05-01", amount: 2_000_000 },
      { account: "A2", kind: "new", on: "2026-03-13", amount: 3_000_000 },
    ],
  });
  const admin = world.vendor.admin.headers;
  const post = async (url: string, payload: unknown) => {
    const response = await harness.app.inject({ method: "POST", url, headers: admin, payload: payload as object });
    expect(response.statusCode, response.body).toBeLessThan(300);
  };
  // 3,650,000 over 2026 → 181/365 of it in the period = 1,810,000; MDF 190,000 in March: cost 2,000,000.
  await post("/api/console/metrics/cost-lines", {
    category: "partner_team",
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    amountMinor: 3_650_000,
    currency: "USD",
  });
  await post("/api/console/metrics/cost-lines", {
    category: "mdf",
    periodStart: "2026-03-01",
    periodEnd: "2026-03-31",
    amountMinor: 190_000,
    currency: "usd",
  });
  await post("/api/console/metrics/spend", {
    channel: "sales",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    amountMinor: 500_000,
    currency: "USD",
  });
  await post("/api/console/metrics/spend", {
    channel: "marketing",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    amountMinor: 300_000,
    currency: "USD",
  });
  await post("/api/console/metrics/refresh", undefined);
});

async function headline(query: string): Promise<HeadlineMetrics> {
  const response = await harness.app.inject({
    method: "GET",
    url: `/api/console/metrics/headline?from=2026-01-01&to=2026-06-30${query}`,
    headers: world.vendor.analyst.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const metricOf = (result: HeadlineMetrics, key: string) => result.metrics.find((m) => m.key === key);

describe("headline metrics", () => {
  it("computes every headline figure as worked out by hand", async () => {
    const result = await headline("");
    expect(result.previousPeriod).toEqual({ from: "2025-07-04", to: "2025-12-31" });
    expect(result.refreshedAt).not.toBeNull();
    const v = (key: string) => metricOf(result, key)?.value;
    expect(v("sourced_revenue")).toBe(1_000_000);
    expect(v("influenced_revenue")).toBe(4_000_000);
    expect(v("sourced_influenced_ratio")).toBe(0.25);
    expect(v("attributed_revenue")).toBe(4_000_000);
    expect(v("won_deals")).toBe(3);
    expect(v("open_deals")).toBe(2);
    expect(v("win_rate")).toBe(0.6);
    expect(v("average_won_amount")).toBe(2_000_000);
    expect(v("average_cycle_days")).toBe(40);
    expect(v("median_cycle_days")).toBe(40);
    // 2 open × 2,000,000 × 0.6 ÷ 40 days
    expect(v("sales_velocity")).toBeCloseTo(60_000, 6);
    expect(v("program_cost")).toBeCloseTo(2_000_000, 6);
    // (4,000,000 × 0.75 − 2,000,000) ÷ 2,000,000
    expect(v("ropi")).toBeCloseTo(0.5, 9);
    expect(metricOf(result, "ropi")?.model).toBe(result.attributionModel);
    // (500,000 + 300,000) ÷ 1 new customer (A2); no new customer came through a sourced deal
    expect(v("cac")).toBe(800_000);
    expect(v("partner_cac")).toBeNull();
    expect(v("nrr_partner")).toBeCloseTo(1.2, 12);
    expect(v("grr_partner")).toBe(1);
    expect(v("nrr_other")).toBe(0);
    expect(v("grr_other")).toBe(0);
  });

  it("compares with the previous period", async () => {
    const result = await headline("");
    expect(metricOf(result, "won_deals")).toMatchObject({ value: 3, previous: 1, change: 2 });
    expect(metricOf(result, "sourced_revenue")).toMatchObject({ previous: 0, change: null });
  });

  it("splits partner-involved and direct-only deals, with the uplift", async () => {
    const result = await headline("");
    expect(result.groups.partner).toMatchObject({ won: 2, lost: 1, open: 1, wonAmount: 4_000_000 });
    expect(result.groups.partner.winRate).toBeCloseTo(2 / 3, 12);
    expect(result.groups.direct).toMatchObject({ won: 1, lost: 1, open: 1, winRate: 0.5 });
    expect(result.uplift.winRate.difference).toBeCloseTo(1 / 6, 12);
    expect(result.uplift.dealSize.difference).toBe(0);
    expect(result.uplift.cycleDays.difference).toBe(-30);
    expect(result.uplift.winRate.matched).toEqual({ partner: 3, direct: 2, strata: 1 });
    expect(result.retention.partnerAttached).toMatchObject({ start: 1_000_000, expansion: 200_000, accounts: 1 });
    expect(result.retention.other).toMatchObject({ start: 2_000_000, churn: 2_000_000, accounts: 1 });
  });

  it("slices by region and by partner", async () => {
    const emea = await headline("&region=emea");
    expect(metricOf(emea, "won_deals")?.value).toBe(2);
    expect(metricOf(emea, "win_rate")?.value).toBeCloseTo(2 / 3, 12);
    const partnerA = await headline(`&partnerId=${world.partnerA.id}`);
    const v = (key: string) => metricOf(partnerA, key)?.value;
    expect(v("sourced_revenue")).toBe(1_000_000);
    expect(v("influenced_revenue")).toBe(1_000_000);
    expect(v("attributed_revenue")).toBe(1_000_000);
    expect(v("win_rate")).toBe(0.5);
    // Partner A has no cost line of its own.
    expect(v("program_cost")).toBe(0);
  });

  it("drills down to the records behind a figure", async () => {
    const drill = async (query: string) => {
      const response = await harness.app.inject({
        method: "GET",
        url: `/api/console/metrics/drilldown?from=2026-01-01&to=2026-06-30&${query}`,
        headers: world.vendor.analyst.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const sourced = await drill("metric=sourced_revenue");
    expect(sourced.kind).toBe("deals");
    expect(sourced.items.map((d: { name: string }) => d.name)).toEqual(["Deal o1"]);
    expect(sourced.items[0].partners).toEqual([{ id: world.partnerA.id, name: world.partnerA.name }]);
    const closed = await drill("metric=win_rate&limit=2");
    expect(closed.total).toBe(5);
    expect(closed.items).toHaveLength(2);
    expect((await drill("metric=win_rate&region=NA")).total).toBe(2);
    expect((await drill("metric=open_deals")).items.map((d: { name: string }) => d.name).sort()).toEqual([
      "Deal o6",
      "Deal o7",
    ]);
    const costs = await drill("metric=ropi");
    expect(costs.kind).toBe("cost_lines");
    expect(costs.total).toBe(2);
    const none = await harness.app.inject({
      method: "GET",
      url: "/api/console/metrics/drilldown?metric=nrr_partner",
      headers: world.vendor.analyst.headers,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.issues[0].path).toBe("query.metric");
  });

  it("names the field of a bad filter", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: "/api/console/metrics/headline?from=2026-06-30&to=2026-01-01",
      headers: world.vendor.admin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe("query.to");
  });
});
