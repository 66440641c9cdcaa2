// Public API of the pure attribution engine (no database, no I/O).
export { DENSE_LIMIT, solveDense } from "./absorbing-chain";
export {
  formatIssues,
  type ParseIssue,
  type ParseOptions,
  type ParseResult,
  parseChannelAttribution,
} from "./channelattribution-format";
export {
  journeysFromOpportunities,
  type OpportunityJourneyInput,
  type OpportunityJourneys,
  type OpportunityTouchInput,
} from "./from-objects";
export {
  type CustomWeightParams,
  customWeights,
  DAY_MS,
  firstTouch,
  lastTouch,
  linear,
  type TimeDecayParams,
  timeDecay,
} from "./heuristics";
export {
  type IdArray,
  type JourneyCounts,
  type JourneySet,
  JourneySetBuilder,
  type JourneyTotals,
  journeyCount,
  journeyTotals,
  TouchFlag,
  type TouchInput,
  touchCount,
} from "./journeys";
export { buildMarkovChain, type MarkovParams, markov, removalEffects } from "./markov";
export {
  anchoredShares,
  type FullPathParams,
  fullPath,
  type UShapedParams,
  uShaped,
  type WShapedParams,
  wShaped,
} from "./position-models";
export {
  type AttributionModel,
  type AttributionModelName,
  type AttributionModelParamMap,
  type AttributionModelParams,
  attributionModelNames,
  attributionModels,
  explainJourney,
  isAttributionModelName,
  journeySharesOf,
  type NoParams,
  runAttribution,
} from "./registry";
export { AttributionError, type AttributionResult, type ShareFunction, type TouchShare } from "./result";
export {
  type ExactShapleyParams,
  exactShapley,
  MAX_EXACT_PLAYERS,
  mobiusTransform,
  orderedShapley,
  shapley,
  shapleyFromGame,
  zetaTransform,
} from "./shapley";
