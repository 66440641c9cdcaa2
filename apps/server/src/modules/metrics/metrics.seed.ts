import { isLargeDemo, type SeedContributor } from "../../seed/registry";
import { type RefreshResult, refreshReadModels, refreshReadModelsIn } from "./metrics.refresh";

const report = (result: RefreshResult) =>
  `metric read models: ${result.dealRows} deals, ${result.partnerMonthRows} partner-months in ${result.durationMs} ms`;

/** Last in the demo seed: the dashboards open on fresh read models (large demos: after the commit). */
export const metricsSeed: SeedContributor = {
  module: "metrics",
  async seed(context) {
    if (isLargeDemo(context)) return;
    context.progress(report(await refreshReadModelsIn(context.tx, context.workspace.id)));
  },
  async afterCommit(context) {
    if (!isLargeDemo(context)) return;
    context.progress(report(await refreshReadModels(context.database, context.workspaceId)));
  },
};
