import type { SeedContributor } from "../../seed/registry";
import { computeSnapshots } from "./attribution.recompute";
import { insertSnapshotBatch } from "./attribution.snapshots";

/**
 * One snapshot per default model over the demo deals, so the attribution pages open on figures.
 * Runs after the demo ecosystem; with no closed deals it stores empty, completed snapshots.
 */
export const attributionSeed: SeedContributor = {
  module: "attribution",
  async seed({ tx, workspace, progress }) {
    const started = Date.now();
    const snapshots = await insertSnapshotBatch(tx, workspace.id, { grouping: "partner" }, "demo seed");
    await computeSnapshots(tx.$client, snapshots, undefined, { useWorker: false });
    progress(`attribution: ${snapshots.length} snapshots in ${Date.now() - started} ms`);
  },
};
