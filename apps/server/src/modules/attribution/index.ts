export { attributionUsage, runAttributionCommand } from "./attribution.cli";
export {
  attributionChannelTotals,
  attributionCredits,
  attributionOverrides,
  attributionSnapshots,
} from "./attribution.schema";
export { recomputeAttributionJob } from "./attribution.snapshots";
export * from "./engine";
