import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertMetricData } from "./metrics.fixtures";

const harness = useTestApp();
let world: World;

// Partner A sourced a 10k deal (won in 20 days) and touched a lost one; partner B touched a 30k win.
beforeAll(async () => {
  world = await createWorld(harness.database, "Scorecards");
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  await harness.database.db.execute(sql`
    update partners set types = '{reseller}', regions = '{emea}', stage = 'active', activated_at = '2026-01-01T00:00:00Z'
    where workspace_id = ${world.workspaceId}`);
  await insertMetricData(harness.database, world.workspaceId, {
    accounts: [
      { key: "A1", region: "EMEA" },
      { key: "A2", region: "EMEA" },
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
      {
        key: "o5",
        account: "A1",
        outcome: "lost",
        amount: 1_500_000,
        opened: "2026-02-01",
        closed: "2026-04-01",
        touchedBy: [a],
      },
    ],
  });
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/console/metrics/refresh",
    headers: world.vendor.admin.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toMatchObject({ dealRows: 3 });
});

describe("partner scorecards", () => {
  it("shows a partner's figures, trend and time to first revenue", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: `/api/console/metrics/partners/${world.partnerA.id}/scorecard?from=2026-01-01&to=2026-06-30`,
      headers: world.vendor.partner_manager.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const card = response.json();
    expect(card.metrics).toMatchObject({
      won: 1,
      lost: 1,
      winRate: 0.5,
      sourcedMinor: 1_000_000,
      influencedMinor: 1_000_000,
      attributedMinor: 1_000_000,
      averageWonCycleDays: 20,
      touchpoints: 1,
    });
    expect(card.trend.map((m: { month: string }) => m.month)).toEqual(["2026-01-01", "2026-02-01", "2026-04-01"]);
    expect(card.timeToFirstRevenueDays).toBe(20);
    expect(card.reciprocity).toEqual({ sentToPartner: 0, receivedFromPartner: 0, ratio: null });
    // A has the lower attributed revenue of two partners: percentile rank 25; both have no pipeline: 50.
    const health = Object.fromEntries(
      card.health.components.map((c: { key: string; value: number | null }) => [c.key, c.value]),
    );
    expect(health.revenue).toBe(25);
    expect(health.pipeline).toBe(50);
    expect(health.enablement).toBeNull();
    expect(["green", "yellow", "red"]).toContain(card.health.band);

    // The second request reads the partner's entry of the stored population: the same card.
    const again = await harness.app.inject({
      method: "GET",
      url: `/api/console/metrics/partners/${world.partnerA.id}/scorecard?from=2026-01-01&to=2026-06-30`,
      headers: world.vendor.partner_manager.headers,
    });
    expect(again.json()).toEqual(card);
  });

  it("gives a partner its own scorecard only, and no benchmark below five peers", async () => {
    const own = await harness.app.inject({
      method: "GET",
      url: "/api/portal/metrics/scorecard?from=2026-01-01&to=2026-06-30",
      headers: world.partnerUsers.partner_user.headers,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().partner.id).toBe(world.partnerA.id);
    expect(own.json().metrics.sourcedMinor).toBe(1_000_000);
    const bench = await harness.app.inject({
      method: "GET",
      url: "/api/portal/metrics/benchmark?from=2026-01-01&to=2026-06-30",
      headers: world.partnerUsers.partner_admin.headers,
    });
    expect(bench.statusCode, bench.body).toBe(200);
    const body = bench.json();
    expect(body.peerGroup.peers).toBe(1);
    for (const metric of body.metrics) expect(metric.peers).toEqual({ peers: 1, insufficient: true });
    expect(bench.body).not.toContain(world.partnerB.id);
    expect(bench.body).not.toContain(world.partnerB.name);
  });

  it("shows quartiles once five peers exist, without identities", async () => {
    await harness.database.db.execute(sql`
      insert into partners (workspace_id, name, types, regions, stage)
      select ${world.workspaceId}, 'Peer ' || g, '{reseller}', '{emea}', 'active' from generate_series(1, 4) g`);
    const bench = await harness.app.inject({
      method: "GET",
      url: "/api/portal/metrics/benchmark?from=2026-01-01&to=2026-06-30",
      headers: world.partnerUsers.partner_admin.headers,
    });
    const body = bench.json();
    expect(body.peerGroup.peers).toBe(5);
    const won = body.metrics.find((m: { key: string }) => m.key === "won_deals");
    // Peers' won deals: B 1, four new peers 0 → quartiles 0, 0, 0; you: 1
    expect(won).toMatchObject({ you: 1, peers: { peers: 5, q1: 0, median: 0, q3: 0 } });
    expect(bench.body).not.toContain("Peer 1");

    // A partner created since the refresh is not in the stored population: no figures, and the
    // health of a partner with nothing (below both ranked partners' revenue, level on pipeline).
    const peer = await harness.database.db.execute(
      sql`select id from partners where workspace_id = ${world.workspaceId} and name = 'Peer 1'`,
    );
    const card = await harness.app.inject({
      method: "GET",
      url: `/api/console/metrics/partners/${String(peer.rows[0]?.id)}/scorecard?from=2026-01-01&to=2026-06-30`,
      headers: world.vendor.partner_manager.headers,
    });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().metrics).toMatchObject({ won: 0, lost: 0, attributedMinor: 0 });
    const health = Object.fromEntries(
      card.json().health.components.map((c: { key: string; value: number | null }) => [c.key, c.value]),
    );
    expect(health).toMatchObject({ revenue: 0, pipeline: 50, engagement: 0 });
  });
});
