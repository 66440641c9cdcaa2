import type { Dashboard, SectionDrilldownPage } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { partners } from "../partners";
import { insertDeals } from "./attribution.fixtures";
import { recomputeAttributionJob } from "./attribution.snapshots";

const harness = useTestApp();
let world: World;
let deals: { id: string; touchIds: string[] }[];
const Q1 = "from=2026-01-01&to=2026-03-31";

// Linear credit: Acme (300,000) has one touch of A and two of B → A 100,000, B 200,000; Globex
// (100,000) B's alone. A is a reseller, B a referral partner, so the role filter isolates A's credit.
beforeAll(async () => {
  world = await createWorld(harness.database, "Override metrics");
  const A = world.partnerA.id;
  const B = world.partnerB.id;
  for (const [id, types] of [
    [A, ["reseller"]],
    [B, ["referral"]],
  ] as const) {
    await harness.database.db
      .update(partners)
      .set({ types: [...types] })
      .where(and(eq(partners.workspaceId, world.workspaceId), eq(partners.id, id)));
  }
  deals = await insertDeals(harness.database, world.workspaceId, [
    {
      name: "Acme renewal",
      outcome: "won",
      amountMinor: 300_000,
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-02-01T00:00:00Z",
      touches: [
        { partnerId: A, type: "referral", at: "2026-01-02T00:00:00Z" },
        { partnerId: B, type: "demo", at: "2026-01-10T00:00:00Z" },
        { partnerId: B, type: "co_sell_meeting", at: "2026-01-20T00:00:00Z" },
      ],
    },
    {
      name: "Globex",
      outcome: "won",
      amountMinor: 100_000,
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-02-10T00:00:00Z",
      touches: [{ partnerId: B, at: "2026-01-06T00:00:00Z" }],
    },
  ]);
});

const admin = () => world.vendor.admin.headers;

async function send(method: "GET" | "POST", url: string, payload?: object) {
  const response = await harness.app.inject({ method, url, headers: admin(), ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** The dashboard after a read-model refresh (the refresh reads the attribution credit). */
async function dashboardAfterRefresh(query = ""): Promise<Dashboard> {
  await send("POST", "/api/console/metrics/refresh");
  return send("GET", `/api/console/dashboard?${Q1}${query}`);
}

const attributed = (d: Dashboard) => d.headline.find((f) => f.key === "attributed_revenue");

describe("attributed revenue with manual overrides", () => {
  it("credits an overridden deal by its splits on the dashboard, and by the computed credit once reverted", async () => {
    const created = await send("POST", "/api/console/attribution/snapshots", {
      models: ["linear"],
      cutoffAt: "2026-03-01T00:00:00Z",
    });
    await harness.deps.jobs.runNow(recomputeAttributionJob, {
      workspaceId: world.workspaceId,
      batchId: created.batchId,
    });
    const snapshotId = created.items[0].id as string;

    const before = await dashboardAfterRefresh("&role=reseller");
    expect(attributed(before)?.value).toBeCloseTo(100_000, 6);
    expect(before.model).toMatch(/^Linear attribution, snapshot .* manual overrides applied \(0\)$/);

    // The manager gives A a quarter of Globex: A 100,000 + 25,000; B keeps 75,000 of it.
    const override = await send("POST", `/api/console/attribution/snapshots/${snapshotId}/overrides`, {
      opportunityId: deals[1]?.id,
      splits: [
        { partnerId: world.partnerA.id, share: 0.25 },
        { partnerId: world.partnerB.id, share: 0.75 },
      ],
      reason: "Partner A ran the workshop that opened the deal",
    });
    const reseller = await dashboardAfterRefresh("&role=reseller");
    expect(attributed(reseller)?.value).toBeCloseTo(125_000, 6);
    expect(reseller.model).toMatch(/manual overrides applied \(1\)$/);
    expect(attributed(reseller)?.model).toBe(reseller.model);
    const all = await send("GET", `/api/console/dashboard?${Q1}`);
    // Moving credit between partners leaves the total where it was.
    expect(attributed(all)?.value).toBeCloseTo(400_000, 6);
    expect(all.topPartners.map((p: { name: string; influencedMinor: number }) => [p.name, p.influencedMinor])).toEqual([
      [world.partnerB.name, 275_000],
      [world.partnerA.name, 125_000],
    ]);
    const scorecard = await send("GET", `/api/console/metrics/partners/${world.partnerA.id}/scorecard?${Q1}`);
    expect(scorecard.metrics.attributedMinor).toBeCloseTo(125_000, 6);

    await send("POST", `/api/console/attribution/overrides/${override.id}/revert`, { reason: "The split stands" });
    const reverted = await dashboardAfterRefresh("&role=reseller");
    expect(attributed(reverted)?.value).toBeCloseTo(100_000, 6);
    expect(reverted.model).toMatch(/manual overrides applied \(0\)$/);
  });
});

describe("attribution flow drill-down under a snapshot", () => {
  it("lists each deal's credit for a role from the snapshot, overrides applied, adding up to the flow", async () => {
    const created = await send("POST", "/api/console/attribution/snapshots", {
      models: ["linear"],
      cutoffAt: "2026-03-01T00:00:00Z",
    });
    await harness.deps.jobs.runNow(recomputeAttributionJob, {
      workspaceId: world.workspaceId,
      batchId: created.batchId,
    });
    const snapshotId = created.items[0].id as string;
    const roleDeals = async (role: string): Promise<SectionDrilldownPage> =>
      send("GET", `/api/console/metrics/drilldown/sections?${Q1}&section=attribution_role&flowRole=${role}`);
    const rows = (page: SectionDrilldownPage) =>
      page.kind === "credits" ? page.items.map((d) => [d.name, Math.round(d.creditMinor)]) : [];
    const flow = (d: Dashboard, role: string) => d.flow.find((f) => f.role === role)?.influencedMinor;

    // Linear over touches: A (reseller) one touch of three on Acme → 100,000; B (referral) two of
    // three on Acme → 200,000 and Globex alone → 100,000. (The split over partners would give 150,000 each.)
    const d = await dashboardAfterRefresh();
    const reseller = await roleDeals("reseller");
    expect(rows(reseller)).toEqual([["Acme renewal", 100_000]]);
    expect(reseller.model).toBe(
      `${d.model}: credit of partners whose first role is Reseller, on won deals closed 2026-01-01 to 2026-03-31; partner slicers apply to the credited partners`,
    );
    const referral = await roleDeals("referral");
    expect(rows(referral)).toEqual([
      ["Globex", 100_000],
      ["Acme renewal", 200_000],
    ]);
    if (referral.kind !== "credits" || reseller.kind !== "credits") return;
    expect(referral.creditTotalMinor).toBeCloseTo(300_000, 6);
    expect(flow(d, "referral")).toBeCloseTo(referral.creditTotalMinor, 6);
    expect(flow(d, "reseller")).toBeCloseTo(reseller.creditTotalMinor, 6);

    // A quarter of Globex to A: the reseller row gains the deal at 25,000, the referral row keeps 75,000 of it.
    const override = await send("POST", `/api/console/attribution/snapshots/${snapshotId}/overrides`, {
      opportunityId: deals[1]?.id,
      splits: [
        { partnerId: world.partnerA.id, share: 0.25 },
        { partnerId: world.partnerB.id, share: 0.75 },
      ],
      reason: "Partner A ran the workshop that opened the deal",
    });
    const after = await dashboardAfterRefresh();
    const resellerAfter = await roleDeals("reseller");
    expect(rows(resellerAfter)).toEqual([
      ["Globex", 25_000],
      ["Acme renewal", 100_000],
    ]);
    expect(rows(await roleDeals("referral"))).toEqual([
      ["Globex", 75_000],
      ["Acme renewal", 200_000],
    ]);
    if (resellerAfter.kind !== "credits") return;
    expect(flow(after, "reseller")).toBeCloseTo(125_000, 6);
    expect(resellerAfter.creditTotalMinor).toBeCloseTo(125_000, 6);
    await send("POST", `/api/console/attribution/overrides/${override.id}/revert`, { reason: "The split stands" });
    await dashboardAfterRefresh();
  });
});
