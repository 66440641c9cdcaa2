// Partner metrics: one definition per metric (formulas/), read models, queries and routes.
import "./metrics.wiring";

export * as formulas from "./formulas";
export {
  flowByRole,
  marketPenetration,
  monthlyFigures,
  regionFigures,
  topPartners,
} from "./metrics.breakdowns";
export { MetricsUsageError, runMetricsCommand } from "./metrics.cli";
export { headlineDefinitions, listDefinitions } from "./metrics.definitions";
export { drilldownPage } from "./metrics.drilldown";
export { headlineFor, storedHeadline } from "./metrics.headline";
export { refreshMetricsJob } from "./metrics.jobs";
export {
  AT_RISK_MIN_PREVIOUS,
  AT_RISK_RATIO,
  cohortLifetimeValue,
  firstRevenueCohorts,
  healthBands,
  partnersAtRisk,
  reciprocityLeaders,
} from "./metrics.partner-views";
export { type Period, periodOf, previousPeriod, resolvePeriod } from "./metrics.period";
export { metricReaders } from "./metrics.policies";
export {
  type AttributedRevenueProvider,
  type AttributionSource,
  type EngagementSignal,
  LEDGER_LINEAR_MODEL,
  type ReciprocityProvider,
  registerAttributedRevenueProvider,
  registerEngagementSignal,
  registerReciprocityProvider,
} from "./metrics.providers";
export { refreshReadModels, refreshReadModelsIn } from "./metrics.refresh";
export { consoleMetricRoutes, portalMetricRoutes } from "./metrics.routes";
export {
  metricAccountFacts,
  metricChannelSpend,
  metricCostLines,
  metricDealFacts,
  metricDealMonths,
  metricDealOpenMonths,
  metricPartnerHealth,
  metricPartnerMonths,
  metricRefreshes,
  metricSettings,
} from "./metrics.schema";
export { consoleScorecardRoutes, portalScorecardRoutes } from "./metrics.scorecard.routes";
export { partnerScorecardView } from "./metrics.scorecard-view";
export { sectionDrilldownPage } from "./metrics.section-drilldown";
export { metricsSeed } from "./metrics.seed";
export { loadMetricContext } from "./metrics.settings";
export { assertSlicers } from "./metrics.slicers";
export {
  type CachedView,
  cachedView,
  registerViewWarmer,
  type ViewWarmer,
  viewKey,
  warmViews,
} from "./metrics.view-cache";
