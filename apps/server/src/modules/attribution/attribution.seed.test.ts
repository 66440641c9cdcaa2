import { defaultAttributionModels } from "@symbiont/contracts";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld } from "../../../test/factories";
import { transaction } from "../../db";
import { workspaces } from "../workspaces/workspaces.schema";
import { insertDeals } from "./attribution.fixtures";
import { attributionChannelTotals, attributionSnapshots } from "./attribution.schema";
import { attributionSeed } from "./attribution.seed";

const harness = useTestApp();

async function seedInto(workspaceId: string) {
  const [workspace] = await harness.database.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  await transaction(harness.database, (tx) =>
    attributionSeed.seed({
      tx,
      workspace: workspace!,
      demoPasswordHash: "",
      refs: new Map(),
      progress: () => undefined,
    }),
  );
  return harness.database.db
    .select()
    .from(attributionSnapshots)
    .where(eq(attributionSnapshots.workspaceId, workspaceId));
}

it("stores one completed snapshot per default model, even with no deals", async () => {
  const world = await createWorld(harness.database, "Empty attribution seed");
  const snapshots = await seedInto(world.workspaceId);
  expect(snapshots.map((s) => s.model).sort()).toEqual([...defaultAttributionModels].sort());
  expect(snapshots.every((s) => s.status === "completed" && s.totalConversions === 0)).toBe(true);
});

it("credits the demo deals when there are some", async () => {
  const world = await createWorld(harness.database, "Attribution seed");
  await insertDeals(harness.database, world.workspaceId, [
    {
      outcome: "won",
      openedAt: "2026-01-01T00:00:00Z",
      closedAt: "2026-01-20T00:00:00Z",
      touches: [{ partnerId: world.partnerA.id, at: "2026-01-02T00:00:00Z" }],
    },
  ]);
  const snapshots = await seedInto(world.workspaceId);
  const markov = snapshots.find((s) => s.model === "markov")!;
  const totals = await harness.database.db
    .select()
    .from(attributionChannelTotals)
    .where(eq(attributionChannelTotals.snapshotId, markov.id));
  expect(totals.map((t) => [t.partnerId, t.conversions])).toEqual([[world.partnerA.id, 1]]);
});
