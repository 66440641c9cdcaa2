export { attributionUsage, runAttributionCommand } from "./attribution.cli";
export { latestPartnerCredit, type PartnerCreditSource, partnerDealCreditSql } from "./attribution.metrics";
export { consoleAttributionRoutes, portalAttributionRoutes } from "./attribution.routes";
export {
  attributionChannelTotals,
  attributionCredits,
  attributionOverrides,
  attributionSnapshots,
} from "./attribution.schema";
export { attributionSeed } from "./attribution.seed";
export { recomputeAttributionJob } from "./attribution.snapshots";
export * from "./engine";
