import type { SeedContributor } from "../../seed/registry";
import { refreshReadModelsIn } from "./metrics.refresh";

/** Last in the demo seed: the dashboards open on fresh read models. */
export const metricsSeed: SeedContributor = {
  module: "metrics",
  async seed({ tx, workspace, progress }) {
    const result = await refreshReadModelsIn(tx, workspace.id);
    progress(`metric read models: ${result.dealRows} deals, ${result.partnerMonthRows} partner-months`);
  },
};
