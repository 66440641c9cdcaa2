import type { PartnerScorecard } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { refreshReadModels } from "../metrics";
import { partners } from "../partners";
import { opportunities } from "../revenue";
import { insertReportingEcosystem } from "./reports.fixtures";

const harness = useTestApp();
let world: World;
const H1 = "from=2026-01-01&to=2026-06-30";

beforeAll(async () => {
  world = await createWorld(harness.database, "Scorecards");
  await insertReportingEcosystem(harness.database, world);
  await refreshReadModels(harness.database, world.workspaceId);
});

async function get(url: string, headers: Record<string, string>) {
  const response = await harness.app.inject({ method: "GET", url, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PartnerScorecard;
}

const value = (card: PartnerScorecard, key: string) => card.figures.find((f) => f.key === key);

describe("partner scorecards", () => {
  it("shows a partner its own figures, trend and health signals, with the change from the previous period", async () => {
    const card = await get(`/api/portal/scorecard?${H1}`, world.partnerUsers.partner_user.headers);
    expect(card.partnerId).toBe(world.partnerA.id);
    // A sourced O1 (100,000); attributed credit O1 100,000 + half of O2 60,000; won O1, O2; lost none.
    expect(value(card, "sourced")).toMatchObject({ value: 100_000, previous: 50_000, change: 1 });
    expect(value(card, "attributed")).toMatchObject({ value: 130_000, previous: 50_000, model: card.model });
    expect(value(card, "won_deals")).toMatchObject({ value: 2, previous: 1 });
    expect(value(card, "win_rate")?.value).toBe(1);
    expect(card.trend.find((m) => m.month === "2026-04-01")).toEqual({
      month: "2026-04-01",
      sourcedMinor: 0,
      influencedMinor: 30_000,
    });
    // Touchpoints in H1: O1, O2 and two on Aalto's account; before: O8's.
    expect(card.health.find((h) => h.key === "touchpoints")).toMatchObject({ value: 4, previous: 1 });
    expect(["green", "yellow", "red"]).toContain(card.healthBand);
  });

  it("gives the vendor the same scorecard for any partner, and partner B only its own", async () => {
    const vendorView = await get(
      `/api/console/partners/${world.partnerB.id}/scorecard?${H1}`,
      world.vendor.analyst.headers,
    );
    expect(value(vendorView, "attributed")?.value).toBe(30_000);
    // O2 won and O3 lost, both touched by B.
    expect(value(vendorView, "win_rate")?.value).toBe(0.5);
    const own = await get(`/api/portal/scorecard?${H1}`, world.partnerBAdmin.headers);
    expect(own.partnerId).toBe(world.partnerB.id);
  });

  it("withholds benchmarks below five peers and shows anonymous quartiles from five", async () => {
    const lonely = await get(`/api/portal/scorecard?${H1}`, world.partnerUsers.partner_admin.headers);
    expect(lonely.benchmark).toMatchObject({ available: false, metrics: [] });
    expect(lonely.benchmark?.message).toMatch(/at least 5 active partners/);

    const { db } = harness.database;
    await db
      .update(partners)
      .set({ regions: ["emea"], stage: "active" })
      .where(and(eq(partners.workspaceId, world.workspaceId), eq(partners.id, world.partnerA.id)));
    const peers = await db
      .insert(partners)
      .values(
        [1, 2, 3, 4, 5].map((n) => ({
          workspaceId: world.workspaceId,
          name: `Peer reseller ${n}`,
          types: ["reseller"],
          regions: ["emea", "dach"],
          stage: "active",
        })),
      )
      .returning({ id: partners.id });
    const won = (partnerId: string, amount: number) => ({
      workspaceId: world.workspaceId,
      name: `Peer deal ${amount}`,
      outcome: "won",
      stage: "won",
      amountMinor: amount,
      currency: "USD",
      amountReportingMinor: amount,
      openedAt: new Date("2026-02-01T00:00:00Z"),
      closedAt: new Date("2026-03-01T00:00:00Z"),
      source: "partner_sourced",
      sourcingPartnerId: partnerId,
    });
    await db.insert(opportunities).values([won(peers[0]?.id ?? "", 40_000), won(peers[1]?.id ?? "", 20_000)]);
    await refreshReadModels(harness.database, world.workspaceId);
    const card = await get(`/api/portal/scorecard?${H1}`, world.partnerUsers.partner_admin.headers);
    expect(card.benchmark).toMatchObject({ peers: 5, available: true, message: null });
    // Peers' attributed revenue 0, 0, 0, 20,000, 40,000 → quartiles 0 / 0 / 20,000; A's own 130,000.
    expect(card.benchmark?.metrics.find((m) => m.key === "attributed_revenue")).toMatchObject({
      value: 130_000,
      q1: 0,
      median: 0,
      q3: 20_000,
    });
    expect(JSON.stringify(card.benchmark)).not.toContain("Peer reseller");
  });
});
