import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { computeInWorker, computeInWorkerLending, computeModel } from "./attribution.compute";
import { insertDeals } from "./attribution.fixtures";
import { computeSnapshots, recomputeBatch } from "./attribution.recompute";
import { attributionChannelTotals, attributionCredits, attributionSnapshots } from "./attribution.schema";
import { insertSnapshotBatch } from "./attribution.snapshots";
import { JourneySetBuilder } from "./engine";

const harness = useTestApp();
let world: World;
let deals: { id: string; touchIds: string[] }[];
const cutoffAt = "2026-06-01T00:00:00Z";

beforeAll(async () => {
  world = await createWorld(harness.database, "Attribution recompute");
  const A = world.partnerA.id;
  const B = world.partnerB.id;
  deals = await insertDeals(harness.database, world.workspaceId, [
    // 1: A then B, won 1,000.00
    {
      outcome: "won",
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-02-01T00:00:00Z",
      touches: [
        { partnerId: A, type: "registration", at: "2026-01-02T00:00:00Z" },
        { partnerId: B, at: "2026-01-20T00:00:00Z" },
      ],
    },
    // 2: B only, won 500.00
    {
      outcome: "won",
      amountMinor: 50_000,
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-02-10T00:00:00Z",
      touches: [{ partnerId: B, at: "2026-01-06T00:00:00Z" }],
    },
    // 3: lost after A and B (a null path for Markov)
    {
      outcome: "lost",
      openedAt: "2026-01-05T00:00:00Z",
      closedAt: "2026-03-01T00:00:00Z",
      touches: [
        { partnerId: A, at: "2026-01-07T00:00:00Z" },
        { partnerId: A, at: "2026-01-08T00:00:00Z" },
      ],
    },
    // 4: A's touch is dated after the close: left out and reported
    {
      outcome: "won",
      openedAt: "2026-02-01T00:00:00Z",
      closedAt: "2026-03-01T00:00:00Z",
      touches: [
        { partnerId: B, at: "2026-02-02T00:00:00Z" },
        { partnerId: A, at: "2026-03-05T00:00:00Z" },
      ],
    },
    // 5: no touches at all
    { outcome: "won", openedAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", touches: [] },
    // 6: a currency with no rate: a conversion without revenue
    {
      outcome: "won",
      currency: "EUR",
      amountReportingMinor: null,
      openedAt: "2026-02-01T00:00:00Z",
      closedAt: "2026-03-02T00:00:00Z",
      touches: [{ partnerId: A, at: "2026-02-03T00:00:00Z" }],
    },
    // 7: one touch voided before the cut-off (out), one voided after it (in)
    {
      outcome: "won",
      openedAt: "2026-03-01T00:00:00Z",
      closedAt: "2026-04-01T00:00:00Z",
      touches: [
        { partnerId: A, at: "2026-03-02T00:00:00Z", voidedAt: "2026-03-10T00:00:00Z" },
        { partnerId: B, at: "2026-03-03T00:00:00Z", voidedAt: "2026-07-10T00:00:00Z" },
        { partnerId: A, at: "2026-03-04T00:00:00Z" },
      ],
    },
    // 8: closed after the cut-off
    {
      outcome: "won",
      openedAt: "2026-05-01T00:00:00Z",
      closedAt: "2026-07-01T00:00:00Z",
      touches: [{ partnerId: A, at: "2026-05-02T00:00:00Z" }],
    },
  ]);
});

async function recompute(models: ("linear" | "first" | "last" | "markov" | "shapley")[]) {
  const rows = await insertSnapshotBatch(harness.database.db, world.workspaceId, { models, cutoffAt }, "test");
  await recomputeBatch(harness.database, world.workspaceId, rows[0]!.batchId, { chunkSize: 3 });
  return rows;
}

const totalsOf = (snapshotId: string) =>
  harness.database.db
    .select()
    .from(attributionChannelTotals)
    .where(
      and(
        eq(attributionChannelTotals.workspaceId, world.workspaceId),
        eq(attributionChannelTotals.snapshotId, snapshotId),
      ),
    );

const creditsOf = (snapshotId: string) =>
  harness.database.db
    .select()
    .from(attributionCredits)
    .where(and(eq(attributionCredits.workspaceId, world.workspaceId), eq(attributionCredits.snapshotId, snapshotId)))
    .orderBy(asc(attributionCredits.opportunityId), asc(attributionCredits.position));

describe("recompute", () => {
  it("credits won deals per model, reports bad inputs and respects the cut-off and voids", async () => {
    const [linear, first] = await recompute(["linear", "first"]);
    const [snapshot] = await harness.database.db
      .select()
      .from(attributionSnapshots)
      .where(and(eq(attributionSnapshots.workspaceId, world.workspaceId), eq(attributionSnapshots.id, linear!.id)));
    expect(snapshot?.status).toBe("completed");
    expect(snapshot?.totalConversions).toBeCloseTo(5, 12);
    expect(snapshot?.totalRevenueMinor).toBeCloseTo(350_000, 6);
    expect(snapshot?.counts).toMatchObject({ wonDeals: 5, lostDeals: 1 });
    const issues = Object.fromEntries(
      ((snapshot?.issues ?? []) as { code: string; count: number; opportunityIds: string[] }[]).map((i) => [i.code, i]),
    );
    expect(issues.no_touches?.opportunityIds).toEqual([deals[4]!.id]);
    expect(issues.touch_after_close?.count).toBe(1);
    expect(issues.unknown_currency?.opportunityIds).toEqual([deals[5]!.id]);

    const totals = Object.fromEntries((await totalsOf(linear!.id)).map((t) => [t.channel, t]));
    const A = totals[world.partnerA.id]!;
    const B = totals[world.partnerB.id]!;
    expect(A.conversions).toBeCloseTo(2, 12);
    expect(B.conversions).toBeCloseTo(3, 12);
    expect(A.revenueMinor).toBeCloseTo(100_000, 6);
    expect(B.revenueMinor).toBeCloseTo(250_000, 6);
    expect([A.deals, B.deals]).toEqual([3, 4]);

    const firstTotals = Object.fromEntries((await totalsOf(first!.id)).map((t) => [t.channel, t]));
    // First touch: deals 1, 6 → A; 2, 4, 7 → B (7's first A touch was voided before the cut-off).
    expect(firstTotals[world.partnerA.id]?.conversions).toBe(2);
    expect(firstTotals[world.partnerB.id]?.conversions).toBe(3);

    const credits = await creditsOf(linear!.id);
    const deal7 = credits.filter((c) => c.opportunityId === deals[6]!.id);
    expect(deal7.map((c) => c.touchpointId)).toEqual([deals[6]!.touchIds[1], deals[6]!.touchIds[2]]);
    expect(credits.some((c) => c.opportunityId === deals[2]!.id)).toBe(false); // lost: no credit rows
    expect(credits.some((c) => c.opportunityId === deals[7]!.id)).toBe(false); // after the cut-off
  });

  it("Markov treats lost deals as null paths and its credits add up to the conversions", async () => {
    const [markov] = await recompute(["markov"]);
    const totals = await totalsOf(markov!.id);
    expect(totals.reduce((s, t) => s + t.conversions, 0)).toBeCloseTo(5, 9);
    expect(totals.every((t) => t.removalEffect !== null && t.removalEffect > 0)).toBe(true);
    const credits = await creditsOf(markov!.id);
    expect(credits.reduce((s, c) => s + c.conversions, 0)).toBeCloseTo(5, 9);
  });

  it("gives identical results when recomputed for the same cut-off, whatever was recorded since", async () => {
    const [before] = await recompute(["linear"]);
    await insertDeals(harness.database, world.workspaceId, [
      {
        outcome: "won",
        openedAt: "2026-05-20T00:00:00Z",
        closedAt: "2026-08-01T00:00:00Z",
        touches: [{ partnerId: world.partnerA.id, at: "2026-05-21T00:00:00Z" }],
      },
    ]);
    const [after] = await recompute(["linear"]);
    const strip = (rows: Awaited<ReturnType<typeof creditsOf>>) => rows.map(({ snapshotId: _s, ...rest }) => rest);
    const first = strip(await creditsOf(before!.id));
    expect(first.length).toBeGreaterThan(0);
    expect(strip(await creditsOf(after!.id))).toEqual(first);
    expect(strip(await creditsOf(before!.id))).toEqual(first); // re-reading is stable
  });

  it("refuses to change a completed snapshot, its credits or its totals", async () => {
    const [snapshot] = await recompute(["last"]);
    const { pool } = harness.database;
    await expect(
      pool.query("update attribution_snapshots set model = 'first' where workspace_id = $1 and id = $2", [
        world.workspaceId,
        snapshot!.id,
      ]),
    ).rejects.toThrow(/complete/);
    await expect(
      pool.query("delete from attribution_credits where workspace_id = $1 and snapshot_id = $2", [
        world.workspaceId,
        snapshot!.id,
      ]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      pool.query("update attribution_channel_totals set conversions = 0 where workspace_id = $1 and snapshot_id = $2", [
        world.workspaceId,
        snapshot!.id,
      ]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      pool.query(
        `insert into attribution_channel_totals (workspace_id, snapshot_id, channel, conversions, revenue_minor, deals)
         values ($1, $2, 'extra', 1, 1, 1)`,
        [world.workspaceId, snapshot!.id],
      ),
    ).rejects.toThrow(/completed snapshot/);
  });
});

describe("credit writes", () => {
  // The embedded database's wire bridge has no COPY FROM STDIN, so binary COPY runs on PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "binary COPY writes exactly the rows the multi-row inserts write, nulls of direct engagements included",
    async () => {
      const { pool } = harness.database;
      const { rows: account } = await pool.query<{ id: string }>(
        "insert into accounts (workspace_id, name, name_normalized) values ($1, 'Copy Co', 'copy co') returning id",
        [world.workspaceId],
      );
      const [deal] = await insertDeals(harness.database, world.workspaceId, [
        {
          outcome: "won",
          amountMinor: 123_456,
          openedAt: "2026-04-02T00:00:00Z",
          closedAt: "2026-04-20T00:00:00Z",
          touches: [
            { partnerId: world.partnerA.id, type: "referral", at: "2026-04-01T10:20:30.123Z" },
            { partnerId: world.partnerB.id, type: "demo", at: "2026-04-05T00:00:00Z" },
          ],
        },
      ]);
      await pool.query("update opportunities set account_id = $2 where workspace_id = $1 and id = $3", [
        world.workspaceId,
        account[0]!.id,
        deal!.id,
      ]);
      await pool.query(
        "insert into direct_engagements (workspace_id, account_id, engaged_at) values ($1, $2, '2026-04-10T00:00:00Z')",
        [world.workspaceId, account[0]!.id],
      );
      const written = [];
      for (const copy of [false, true]) {
        const rows = await insertSnapshotBatch(
          harness.database.db,
          world.workspaceId,
          { models: ["linear", "markov"], cutoffAt, grouping: "partner_touch_type", includeDirect: true },
          "test",
        );
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await computeSnapshots(client, rows, undefined, { copy, useWorker: false });
          await client.query("COMMIT");
        } finally {
          client.release();
        }
        const credits = await Promise.all(rows.map((r) => creditsOf(r.id)));
        written.push(credits.map((list) => list.map(({ snapshotId: _s, ...rest }) => rest)));
      }
      const [inserted, copied] = written;
      expect(copied).toEqual(inserted);
      const direct = copied![0]!.filter((c) => c.opportunityId === deal!.id && c.channel === "direct");
      expect(direct).toHaveLength(1);
      expect(direct[0]).toMatchObject({ touchpointId: null, partnerId: null, touchType: "direct" });
      const referral = copied![0]!.find((c) => c.opportunityId === deal!.id && c.position === 0);
      expect(referral?.occurredAt.toISOString()).toBe("2026-04-01T10:20:30.123Z");
      expect(referral?.revenueMinor).toBeCloseTo(123_456 / 3, 6);
    },
  );
});

describe("worker thread", () => {
  it("computes the same shares as in-process", async () => {
    const builder = new JourneySetBuilder();
    builder.addPath(["a", "b", "c"], { conversions: 1, value: 10, nulls: 0 });
    builder.addPath(["b", "c"], { conversions: 1, value: 5, nulls: 2 });
    builder.addPath(["a"], { conversions: 0, value: 0, nulls: 3 });
    const set = builder.build();
    const runs = [
      { model: "linear" as const, params: {} },
      { model: "markov" as const, params: {} },
    ];
    const inWorker = await computeInWorker(set, runs);
    const local = runs.map((run) => computeModel(set, run));
    expect(inWorker.map((o) => Array.from(o.shares))).toEqual(local.map((o) => Array.from(o.shares)));
    expect(Array.from(inWorker[1]!.conversions)).toEqual(Array.from(local[1]!.conversions));
  });

  it("moves a lent set to the worker and back instead of copying it", async () => {
    const builder = new JourneySetBuilder();
    builder.addPath(["a", "b"], { conversions: 1, value: 10, nulls: 1 }, [{ time: 1 }, { time: 2 }]);
    builder.addPath(["b"], { conversions: 0, value: 0, nulls: 2 }, [{ time: 3 }]);
    const lent = builder.build();
    const copy = structuredClone(lent);
    const runs = [{ model: "markov" as const, params: {} }];
    const { outputs, set } = await computeInWorkerLending(lent, runs);
    expect(lent.touchChannel.length).toBe(0); // moved away, not copied
    expect(set).toEqual(copy);
    expect(Array.from(outputs[0]!.shares)).toEqual(Array.from(computeModel(copy, runs[0]!).shares));
  });
});
