import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertDeals } from "./attribution.fixtures";
import { recomputeAttributionJob } from "./attribution.snapshots";

const harness = useTestApp();
let world: World;
let deals: { id: string; touchIds: string[] }[];

const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
const fixtureDir =
  process.env.CHANNELATTRIBUTION_FIXTURES ?? join(repoRoot, "..", "shared", "fixtures", "channelattribution");
const hasFixture = existsSync(join(fixtureDir, "Data.csv"));

beforeAll(async () => {
  world = await createWorld(harness.database, "Attribution routes");
  const A = world.partnerA.id;
  const B = world.partnerB.id;
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
    {
      name: "Initech",
      outcome: "lost",
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-02-10T00:00:00Z",
      touches: [{ partnerId: A, at: "2026-01-06T00:00:00Z" }],
    },
  ]);
});

const as = (role: keyof World["vendor"]) => world.vendor[role].headers;

async function recompute(models: string[]) {
  const created = await harness.app.inject({
    method: "POST",
    url: "/api/console/attribution/snapshots",
    headers: as("admin"),
    payload: { models, cutoffAt: "2026-03-01T00:00:00Z" },
  });
  expect(created.statusCode, created.body).toBe(202);
  const body = created.json() as { batchId: string; items: { id: string; model: string; status: string }[] };
  expect(body.items.map((i) => i.status)).toEqual(models.map(() => "queued"));
  await harness.deps.jobs.runNow(recomputeAttributionJob, { workspaceId: world.workspaceId, batchId: body.batchId });
  return body.items;
}

describe("snapshots over HTTP", () => {
  it("recomputes in a job, then shows results, comparison, explanation and deals", async () => {
    const items = await recompute(["linear", "first", "last"]);
    const linear = items.find((i) => i.model === "linear")!;

    const status = await harness.app.inject({
      url: `/api/console/attribution/snapshots/${linear.id}`,
      headers: as("analyst"),
    });
    expect(status.json()).toMatchObject({ status: "completed", progress: 1, counts: { wonDeals: 2, lostDeals: 1 } });

    const results = (
      await harness.app.inject({
        url: `/api/console/attribution/snapshots/${linear.id}/results`,
        headers: as("analyst"),
      })
    ).json();
    const byPartner = Object.fromEntries(results.channels.map((c: { partnerId: string }) => [c.partnerId, c]));
    expect(byPartner[world.partnerA.id]).toMatchObject({ label: world.partnerA.name, deals: 1 });
    expect(byPartner[world.partnerA.id].revenueMinor).toBeCloseTo(100_000, 6);
    expect(byPartner[world.partnerB.id].revenueMinor).toBeCloseTo(300_000, 6);

    const comparison = (
      await harness.app.inject({
        url: `/api/console/attribution/snapshots/${linear.id}/comparison`,
        headers: as("analyst"),
      })
    ).json();
    expect(comparison.models.map((m: { model: string }) => m.model)).toEqual(["first", "last", "linear"]);
    const rowA = comparison.rows.find((r: { partnerId: string }) => r.partnerId === world.partnerA.id);
    expect(rowA.conversions).toEqual([1, 0, expect.closeTo(1 / 3, 12)]);

    const explanation = (
      await harness.app.inject({
        url: `/api/console/attribution/snapshots/${linear.id}/opportunities/${deals[0]!.id}`,
        headers: as("analyst"),
      })
    ).json();
    expect(explanation.opportunity.name).toBe("Acme renewal");
    expect(explanation.touches.map((t: { touchType: string }) => t.touchType)).toEqual([
      "referral",
      "demo",
      "co_sell_meeting",
    ]);
    expect(explanation.touches.map((t: { shares: number[] }) => t.shares)).toEqual([
      [1, 0, expect.closeTo(1 / 3, 12)],
      [0, 0, expect.closeTo(1 / 3, 12)],
      [0, 1, expect.closeTo(1 / 3, 12)],
    ]);
    expect(explanation.touches[0].touchpointId).toBe(deals[0]!.touchIds[0]);

    const partnerDeals = (
      await harness.app.inject({
        url: `/api/console/attribution/snapshots/${linear.id}/partners/${world.partnerB.id}/deals?limit=1`,
        headers: as("analyst"),
      })
    ).json();
    expect(partnerDeals.total).toBe(2);
    expect(partnerDeals.items).toHaveLength(1);
    expect(partnerDeals.items[0]).toMatchObject({ name: "Acme renewal", touches: 2 });
    expect(partnerDeals.items[0].share).toBeCloseTo(2 / 3, 12);
  });

  it("applies a manager's override beside the computed figures and reverts it", async () => {
    const [linear] = await recompute(["linear"]);
    const url = `/api/console/attribution/snapshots/${linear!.id}`;
    const created = await harness.app.inject({
      method: "POST",
      url: `${url}/overrides`,
      headers: as("partner_manager"),
      payload: {
        opportunityId: deals[1]!.id,
        splits: [
          { partnerId: world.partnerA.id, share: 0.25 },
          { partnerId: world.partnerB.id, share: 0.75 },
        ],
        reason: "Partner A ran the workshop that opened the deal",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await harness.app.inject({
      method: "POST",
      url: `${url}/overrides`,
      headers: as("admin"),
      payload: { opportunityId: deals[1]!.id, splits: [{ partnerId: world.partnerA.id, share: 1 }], reason: "Again" },
    });
    expect(again.json().code).toBe("ATTRIBUTION_OVERRIDE_EXISTS");

    const results = (await harness.app.inject({ url: `${url}/results`, headers: as("admin") })).json();
    const A = results.channels.find((c: { partnerId: string }) => c.partnerId === world.partnerA.id);
    expect(results.activeOverrides).toBe(1);
    expect(A.revenueMinor).toBeCloseTo(100_000, 6); // computed figure unchanged
    expect(A.adjustedRevenueMinor).toBeCloseTo(125_000, 6);
    expect(A.adjustedConversions).toBeCloseTo(1 / 3 + 0.25, 12);

    const reverted = await harness.app.inject({
      method: "POST",
      url: `/api/console/attribution/overrides/${created.json().id}/revert`,
      headers: as("admin"),
      payload: { reason: "Agreed at the review that the split stands" },
    });
    expect(reverted.statusCode, reverted.body).toBe(200);
    const after = (await harness.app.inject({ url: `${url}/results`, headers: as("admin") })).json();
    const A2 = after.channels.find((c: { partnerId: string }) => c.partnerId === world.partnerA.id);
    expect(A2.adjustedRevenueMinor).toBeCloseTo(100_000, 6);
    const history = (await harness.app.inject({ url: `${url}/overrides`, headers: as("admin") })).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0].revertedAt).not.toBeNull();
  });

  it("shows a partner only its own figures and deals", async () => {
    const [linear] = await recompute(["linear"]);
    const summary = (
      await harness.app.inject({ url: "/api/portal/attribution", headers: world.partnerUsers.partner_user.headers })
    ).json();
    expect(summary.models).toHaveLength(1);
    expect(summary.models[0].revenueMinor).toBeCloseTo(100_000, 6);
    const own = (
      await harness.app.inject({
        url: `/api/portal/attribution/snapshots/${linear!.id}/deals`,
        headers: world.partnerUsers.partner_user.headers,
      })
    ).json();
    expect(own.items.map((d: { name: string }) => d.name)).toEqual(["Acme renewal"]);
    const other = (
      await harness.app.inject({
        url: `/api/portal/attribution/snapshots/${linear!.id}/deals`,
        headers: world.partnerBAdmin.headers,
      })
    ).json();
    expect(other.items.map((d: { name: string }) => d.name).sort()).toEqual(["Acme renewal", "Globex"]);
  });
});

describe("path-file analysis", () => {
  const post = (payload: Record<string, unknown>) =>
    harness.app.inject({
      method: "POST",
      url: "/api/console/attribution/path-analysis",
      headers: as("analyst"),
      payload,
    });

  it("reports bad lines by number and rejects the file, or skips them when asked", async () => {
    const content = "path;total_conversions;total_null\na > b;1;0\na >  > b;1;0\nb;-2;1\nb;1;2\n";
    const rejected = await post({ content, models: ["linear"] });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().code).toBe("ATTRIBUTION_PATH_FILE_INVALID");
    expect(rejected.json().details.lines.map((l: { line: number }) => l.line)).toEqual([3, 4]);

    const skipped = await post({ content, models: ["linear", "time-decay", "markov"], onInvalid: "skip" });
    expect(skipped.statusCode, skipped.body).toBe(200);
    const body = skipped.json();
    expect(body).toMatchObject({ ok: false, journeys: 2, skippedLines: 2 });
    expect(body.models[1].error).toMatch(/time/); // time decay needs times; the others still run
    const a = body.channels.find((c: { channel: string }) => c.channel === "a");
    expect(a.conversions[0]).toBeCloseTo(0.5, 12);
    expect(body.channels.reduce((s: number, c: { conversions: number[] }) => s + c.conversions[2]!, 0)).toBeCloseTo(
      2,
      9,
    );
  });

  it.skipIf(!hasFixture)(
    "compares models on ChannelAttribution's Data.csv (skipped when the fixture is absent)",
    async () => {
      const content = readFileSync(join(fixtureDir, "Data.csv"), "utf8");
      const response = await post({ content, models: ["first", "last", "linear", "markov"] });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.journeys).toBe(10_000);
      expect(body.totals.conversions).toBe(19_785);
      const alpha = body.channels.find((c: { channel: string }) => c.channel === "alpha");
      expect(alpha.conversions.slice(0, 3)).toEqual([6308, 8447, expect.closeTo(7574.718594, 4)]);
    },
  );
});
