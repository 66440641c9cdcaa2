// Partner metrics: one definition per metric (formulas/), read models, queries and routes.
export * as formulas from "./formulas";
export { refreshMetricsJob } from "./metrics.jobs";
export {
  type AttributedRevenueProvider,
  type EngagementSignal,
  type ReciprocityProvider,
  registerAttributedRevenueProvider,
  registerEngagementSignal,
  registerReciprocityProvider,
} from "./metrics.providers";
export { refreshReadModels, refreshReadModelsIn } from "./metrics.refresh";
export { consoleMetricRoutes, portalMetricRoutes } from "./metrics.routes";
export {
  metricChannelSpend,
  metricCostLines,
  metricDealFacts,
  metricPartnerMonths,
  metricRefreshes,
  metricSettings,
} from "./metrics.schema";
export { metricsSeed } from "./metrics.seed";
