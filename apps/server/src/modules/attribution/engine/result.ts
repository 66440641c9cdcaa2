// What every model returns: credit per channel, indexed like JourneySet.channelNames.
import type { JourneySet } from "./journeys";

export interface AttributionResult {
  model: string;
  channelNames: readonly string[];
  /** Attributed conversions per channel; sums to the set's total conversions. */
  conversions: Float64Array;
  /** Attributed value per channel; sums to the set's total value. */
  value: Float64Array;
  /** Markov only: RE_k = 1 − P(conversion | k removed) / P(conversion). */
  removalEffect?: Float64Array;
  /** Ordered Shapley only: credit by (position, channel), row-major, `positions` rows. */
  byPosition?: { positions: number; conversions: Float64Array; value: Float64Array };
}

/** A model cannot run on this input (missing times, too many players …). */
export class AttributionError extends Error {
  override name = "AttributionError";
}

export function emptyResult(model: string, set: JourneySet): AttributionResult {
  const n = set.channelNames.length;
  return { model, channelNames: set.channelNames, conversions: new Float64Array(n), value: new Float64Array(n) };
}

/** One touch's share of its journey under a model (explanations). */
export interface TouchShare {
  touch: number;
  channel: string;
  /** Fraction of the journey's credit, summing to 1 over the journey's touches. */
  share: number;
  conversions: number;
  value: number;
}

/** Per-journey share function: writes the share of each touch of journey j into out[0 .. length). */
export type ShareFunction = (j: number, out: Float64Array) => void;

/**
 * Runs a share function over every journey that carries conversions or value and sums the
 * credit per channel. Journeys with neither contribute nothing, so they are not visited.
 */
export function accumulateShares(model: string, set: JourneySet, shares: ShareFunction): AttributionResult {
  const result = emptyResult(model, set);
  const { conversions, value } = result;
  const offsets = set.journeyOffsets;
  const channel = set.touchChannel;
  let longest = 0;
  for (let j = 0; j + 1 < offsets.length; j++) longest = Math.max(longest, offsets[j + 1]! - offsets[j]!);
  const scratch = new Float64Array(longest);
  for (let j = 0; j + 1 < offsets.length; j++) {
    const c = set.conversions[j]!;
    const v = set.value[j]!;
    if (c === 0 && v === 0) continue;
    const start = offsets[j]!;
    const length = offsets[j + 1]! - start;
    if (length === 0) continue;
    shares(j, scratch);
    for (let i = 0; i < length; i++) {
      const s = scratch[i]!;
      const k = channel[start + i]!;
      conversions[k]! += c * s;
      value[k]! += v * s;
    }
  }
  return result;
}

/** Materializes one journey's shares (explanations only; aggregate models never do this). */
export function explainWith(set: JourneySet, j: number, shares: ShareFunction): TouchShare[] {
  const start = set.journeyOffsets[j];
  const end = set.journeyOffsets[j + 1];
  if (start === undefined || end === undefined) throw new AttributionError(`journey ${j} does not exist`);
  const out = new Float64Array(end - start);
  if (end > start) shares(j, out);
  const c = set.conversions[j]!;
  const v = set.value[j]!;
  return Array.from(out, (share, i) => ({
    touch: i,
    channel: set.channelNames[set.touchChannel[start + i]!]!,
    share,
    conversions: c * share,
    value: v * share,
  }));
}
