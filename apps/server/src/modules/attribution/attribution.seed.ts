import { isLargeDemo, type SeedContributor } from "../../seed/registry";
import { computeSnapshots, recomputeBatch } from "./attribution.recompute";
import { insertSnapshotBatch } from "./attribution.snapshots";

const DEFERRED_BATCH = "attribution:deferred-batch";

/**
 * One snapshot per default model over the demo deals, so the attribution pages open on figures.
 * Runs after the demo ecosystem; with no closed deals it stores empty, completed snapshots.
 * Large demos (a million deals) get the linear model only — the one the dashboard reports — and
 * compute it after the seed commits, the way the recompute job does (worker thread, COPY); the
 * other models are one "Recompute" away on the attribution page.
 */
export const attributionSeed: SeedContributor = {
  module: "attribution",
  async seed(context) {
    const { tx, workspace, progress } = context;
    if (isLargeDemo(context)) {
      const [first] = await insertSnapshotBatch(
        tx,
        workspace.id,
        { grouping: "partner", models: ["linear"] },
        "demo seed",
      );
      if (first) context.refs.set(DEFERRED_BATCH, first.batchId);
      return;
    }
    const started = Date.now();
    const snapshots = await insertSnapshotBatch(tx, workspace.id, { grouping: "partner" }, "demo seed");
    await computeSnapshots(tx.$client, snapshots, undefined, { useWorker: false });
    progress(`attribution: ${snapshots.length} snapshots in ${Date.now() - started} ms`);
  },
  async afterCommit({ database, workspaceId, refs, progress }) {
    const batchId = refs.get(DEFERRED_BATCH);
    if (!batchId) return;
    const started = Date.now();
    await recomputeBatch(database, workspaceId, batchId);
    progress(`attribution: linear snapshot in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
};
