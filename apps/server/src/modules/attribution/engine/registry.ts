// The model registry: one entry per model name, each with typed parameters, an aggregate run and a
// per-journey explanation (materialized only on request).
import {
  type CustomWeightParams,
  customShares,
  customWeights,
  firstTouch,
  firstTouchShares,
  lastTouch,
  lastTouchShares,
  linear,
  linearShares,
  type TimeDecayParams,
  timeDecay,
  timeDecayShares,
} from "./heuristics";
import type { JourneySet } from "./journeys";
import { type MarkovParams, markov, markovShares, removalEffects } from "./markov";
import {
  type FullPathParams,
  fullPath,
  fullPathShares,
  type UShapedParams,
  uShaped,
  uShapedShares,
  type WShapedParams,
  wShaped,
  wShapedShares,
} from "./position-models";
import { type AttributionResult, explainWith, type ShareFunction, type TouchShare } from "./result";
import { type ExactShapleyParams, exactShapley, orderedShapley, shapley, shapleyShares } from "./shapley";

export type NoParams = Record<string, never>;

export interface AttributionModel<P> {
  readonly summary: string;
  /** Credit per channel over the whole set. */
  run(set: JourneySet, params?: P): AttributionResult;
  /** Each touch's share of journey `journey` under this model. */
  explain(set: JourneySet, journey: number, params?: P): TouchShare[];
  /** The per-journey share function, prepared once for the whole set (snapshots write every touch's share). */
  shares(set: JourneySet, params?: P): ShareFunction;
}

function define<P>(
  summary: string,
  run: (set: JourneySet, params?: P) => AttributionResult,
  shares: (set: JourneySet, params?: P) => ShareFunction,
): AttributionModel<P> {
  return { summary, run, shares, explain: (set, journey, params) => explainWith(set, journey, shares(set, params)) };
}

/** Parameters of each model, by name. */
export interface AttributionModelParamMap {
  first: NoParams;
  last: NoParams;
  linear: NoParams;
  "time-decay": TimeDecayParams;
  "u-shaped": UShapedParams;
  "w-shaped": WShapedParams;
  "full-path": FullPathParams;
  custom: CustomWeightParams;
  markov: MarkovParams;
  shapley: NoParams;
  "shapley-exact": ExactShapleyParams;
  "shapley-ordered": NoParams;
}

export type AttributionModelName = keyof AttributionModelParamMap;
export type AttributionModelParams<N extends AttributionModelName> = AttributionModelParamMap[N];

export const attributionModels: {
  readonly [N in AttributionModelName]: AttributionModel<AttributionModelParamMap[N]>;
} = {
  first: define<NoParams>("100% to the first touch", firstTouch, firstTouchShares),
  last: define<NoParams>("100% to the last touch", lastTouch, lastTouchShares),
  linear: define<NoParams>("equal shares over the touches", linear, linearShares),
  "time-decay": define<TimeDecayParams>("weight 2^(−Δt/H) to the close, normalized", timeDecay, timeDecayShares),
  "u-shaped": define<UShapedParams>("40% first, 40% last, 20% over the middle", uShaped, uShapedShares),
  "w-shaped": define<WShapedParams>("30% first, lead-created, opportunity-created; 10% rest", wShaped, wShapedShares),
  "full-path": define<FullPathParams>(
    "22.5% first, lead-created, opportunity-created, close; 10% rest",
    fullPath,
    fullPathShares,
  ),
  custom: define<CustomWeightParams>(
    "weights per touch type (× the touch's own weight), normalized",
    (set, params) => customWeights(set, params ?? { typeWeights: {} }),
    (set, params) => customShares(set, params ?? { typeWeights: {} }),
  ),
  markov: define<MarkovParams>("Markov chain removal effect, solved exactly", markov, (set, params) =>
    markovShares(set, removalEffects(set, params)),
  ),
  shapley: define<NoParams>("simplified Shapley (Zhao et al. 2018)", shapley, (set) => shapleyShares(set)),
  "shapley-exact": define<ExactShapleyParams>("exact Shapley over ≤ 20 channels", exactShapley, (set) =>
    shapleyShares(set),
  ),
  "shapley-ordered": define<NoParams>("simplified Shapley with credit per position", orderedShapley, (set) =>
    shapleyShares(set, true),
  ),
};

export const attributionModelNames = Object.keys(attributionModels) as AttributionModelName[];

export function isAttributionModelName(name: string): name is AttributionModelName {
  return Object.hasOwn(attributionModels, name);
}

/** Runs a model by name with its typed parameters. */
export function runAttribution<N extends AttributionModelName>(
  name: N,
  set: JourneySet,
  params?: AttributionModelParams<N>,
): AttributionResult {
  return attributionModels[name].run(set, params);
}

/** Explains one journey under a model by name. */
export function explainJourney<N extends AttributionModelName>(
  name: N,
  set: JourneySet,
  journey: number,
  params?: AttributionModelParams<N>,
): TouchShare[] {
  return attributionModels[name].explain(set, journey, params);
}

/** Prepares a model's per-journey share function by name (global models solve once here). */
export function journeySharesOf<N extends AttributionModelName>(
  name: N,
  set: JourneySet,
  params?: AttributionModelParams<N>,
): ShareFunction {
  return attributionModels[name].shares(set, params);
}
