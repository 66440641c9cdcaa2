export { evaluateTiersJob } from "./tiers.jobs";
export {
  collectTierMetrics,
  registerTierMetricProvider,
  type TierMetricProvider,
  type TierMetricQuery,
} from "./tiers.metrics";
export { consoleTierRoutes, portalTierRoutes } from "./tiers.routes";
export { partnerManualSignals, tierEvaluations, tierProposals, tiers } from "./tiers.schema";
export { tiersSeed } from "./tiers.seed";
