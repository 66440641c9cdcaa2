// Rule-based models that give each touch a share from its place, time or type alone.
// Conventions follow ChannelAttribution's heuristic_models(): first/last take the path's first/last
// item as written, linear splits a journey equally over its touches (a repeated channel counts once
// per occurrence).
import type { JourneySet } from "./journeys";
import { AttributionError, type AttributionResult, accumulateShares, emptyResult, type ShareFunction } from "./result";

export const DAY_MS = 86_400_000;

function span(set: JourneySet, j: number): [number, number] {
  return [set.journeyOffsets[j]!, set.journeyOffsets[j + 1]!];
}

export const firstTouchShares =
  (set: JourneySet): ShareFunction =>
  (j, out) => {
    const [start, end] = span(set, j);
    out.fill(0, 0, end - start);
    out[0] = 1;
  };

export const lastTouchShares =
  (set: JourneySet): ShareFunction =>
  (j, out) => {
    const [start, end] = span(set, j);
    out.fill(0, 0, end - start);
    out[end - start - 1] = 1;
  };

export const linearShares =
  (set: JourneySet): ShareFunction =>
  (j, out) => {
    const [start, end] = span(set, j);
    out.fill(1 / (end - start), 0, end - start);
  };

/** First and last touch as direct loops (no per-touch work), which the benchmark relies on. */
function endTouch(model: string, set: JourneySet, last: boolean): AttributionResult {
  const result = emptyResult(model, set);
  const offsets = set.journeyOffsets;
  for (let j = 0; j + 1 < offsets.length; j++) {
    const start = offsets[j]!;
    const end = offsets[j + 1]!;
    if (end === start) continue;
    const k = set.touchChannel[last ? end - 1 : start]!;
    result.conversions[k]! += set.conversions[j]!;
    result.value[k]! += set.value[j]!;
  }
  return result;
}

export const firstTouch = (set: JourneySet): AttributionResult => endTouch("first", set, false);
export const lastTouch = (set: JourneySet): AttributionResult => endTouch("last", set, true);

export function linear(set: JourneySet): AttributionResult {
  const result = emptyResult("linear", set);
  const offsets = set.journeyOffsets;
  const channel = set.touchChannel;
  for (let j = 0; j + 1 < offsets.length; j++) {
    const start = offsets[j]!;
    const end = offsets[j + 1]!;
    if (end === start) continue;
    const c = set.conversions[j]! / (end - start);
    const v = set.value[j]! / (end - start);
    for (let t = start; t < end; t++) {
      const k = channel[t]!;
      result.conversions[k]! += c;
      result.value[k]! += v;
    }
  }
  return result;
}

export interface TimeDecayParams {
  /** Half-life H in ms (default 7 days): a touch H before the close weighs half of one at the close. */
  halfLifeMs?: number;
}

/**
 * Time decay: weight 2^(−Δt/H) with Δt = close − touch time, normalized per journey. The close is
 * the journey's closeTime, or its last touch when that is unknown; touches after the close count as
 * at the close (Δt = 0). Weights are computed relative to the smallest Δt so long journeys do not
 * underflow to 0/0.
 */
export function timeDecayShares(set: JourneySet, params: TimeDecayParams = {}): ShareFunction {
  const halfLife = params.halfLifeMs ?? 7 * DAY_MS;
  if (!(halfLife > 0) || !Number.isFinite(halfLife)) {
    throw new AttributionError(`time decay half-life must be a positive number of ms, got ${halfLife}`);
  }
  const times = set.touchTime;
  if (!times) throw new AttributionError("time decay needs touch times; this journey set has none");
  const rate = Math.LN2 / halfLife;
  return (j, out) => {
    const [start, end] = span(set, j);
    let close = set.closeTime ? set.closeTime[j]! : Number.NaN;
    if (Number.isNaN(close)) {
      close = Number.NEGATIVE_INFINITY;
      for (let t = start; t < end; t++) if (times[t]! > close) close = times[t]!;
    }
    let nearest = Number.POSITIVE_INFINITY;
    for (let t = start; t < end; t++) {
      const dt = Math.max(0, close - times[t]!);
      if (!Number.isFinite(dt)) throw new AttributionError(`journey ${j} has a touch or close without a valid time`);
      out[t - start] = dt;
      if (dt < nearest) nearest = dt;
    }
    let sum = 0;
    for (let i = 0; i < end - start; i++) {
      const w = Math.exp(-(out[i]! - nearest) * rate);
      out[i] = w;
      sum += w;
    }
    for (let i = 0; i < end - start; i++) out[i]! /= sum;
  };
}

export const timeDecay = (set: JourneySet, params?: TimeDecayParams): AttributionResult =>
  accumulateShares("time-decay", set, timeDecayShares(set, params));

export interface CustomWeightParams {
  /** Weight per touch type name (e.g. { registration: 3, demo: 1 }). */
  typeWeights: Record<string, number>;
  /** Weight of types not listed (and of untyped touches). Default 1. */
  defaultWeight?: number;
}

/**
 * Custom weights: a touch weighs typeWeights[type] (or defaultWeight) times its own explicit
 * weight when it has one, normalized per journey. A journey whose weights are all 0 falls back to
 * equal shares so its credit is never lost.
 */
export function customShares(set: JourneySet, params: CustomWeightParams): ShareFunction {
  const fallback = params.defaultWeight ?? 1;
  const table = set.touchTypeNames.map((name) => params.typeWeights[name] ?? fallback);
  for (const [name, w] of [...Object.entries(params.typeWeights), ["(default)", fallback] as const]) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new AttributionError(`weight for "${name}" must be ≥ 0, got ${w}`);
  }
  const types = set.touchType;
  const own = set.touchWeight;
  return (j, out) => {
    const [start, end] = span(set, j);
    let sum = 0;
    for (let t = start; t < end; t++) {
      let w = types ? table[types[t]!]! : fallback;
      const explicit = own ? own[t]! : Number.NaN;
      if (!Number.isNaN(explicit)) w *= Math.max(0, explicit);
      out[t - start] = w;
      sum += w;
    }
    if (sum > 0) for (let i = 0; i < end - start; i++) out[i]! /= sum;
    else out.fill(1 / (end - start), 0, end - start);
  };
}

export const customWeights = (set: JourneySet, params: CustomWeightParams): AttributionResult =>
  accumulateShares("custom", set, customShares(set, params));
