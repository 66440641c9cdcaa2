// Position-based models (U, W, full path / Z): fixed shares for "anchor" touches (first, lead
// created, opportunity created, last) and the rest split equally over the other touches.
//
// Shared rules, which also give U-shaped's 1-touch → 100% and 2-touch → 50/50:
// - a touch that is several anchors at once gets the sum of their shares;
// - when every touch is an anchor, the "rest" share goes to the anchors in proportion to theirs;
// - shares are normalized, so presets need not sum to exactly 1.
// Markers are the first touch flagged leadCreated / opportunityCreated (later flags are ignored).
// Missing markers degrade to the next simpler model (documented on each model below).
import { type JourneySet, TouchFlag } from "./journeys";
import { AttributionError, type AttributionResult, accumulateShares, type ShareFunction } from "./result";

export interface UShapedParams {
  first?: number;
  last?: number;
  /** Split equally over the touches between first and last. */
  middle?: number;
}

export interface WShapedParams {
  first?: number;
  lead?: number;
  opportunity?: number;
  rest?: number;
}

export interface FullPathParams extends WShapedParams {
  /** The last touch before the close. */
  close?: number;
}

const U_DEFAULT = { first: 0.4, last: 0.4, middle: 0.2 };
const W_DEFAULT = { first: 0.3, lead: 0.3, opportunity: 0.3, rest: 0.1 };
const Z_DEFAULT = { first: 0.225, lead: 0.225, opportunity: 0.225, close: 0.225, rest: 0.1 };

function checkWeights(model: string, weights: Record<string, number>): void {
  let sum = 0;
  for (const [name, w] of Object.entries(weights)) {
    if (!(w >= 0) || !Number.isFinite(w))
      throw new AttributionError(`${model}: weight "${name}" must be ≥ 0, got ${w}`);
    sum += w;
  }
  if (!(sum > 0)) throw new AttributionError(`${model}: weights must not all be 0`);
}

/**
 * Writes anchored shares for a journey of `length` touches. anchors/weights are parallel arrays;
 * an anchor index of -1 means "absent" and is ignored.
 */
export function anchoredShares(
  length: number,
  anchors: readonly number[],
  weights: readonly number[],
  rest: number,
  out: Float64Array,
): void {
  out.fill(0, 0, length);
  let anchorTotal = 0;
  let distinct = 0;
  for (let a = 0; a < anchors.length; a++) {
    const index = anchors[a]!;
    if (index < 0) continue;
    let seen = false;
    for (let b = 0; b < a; b++) if (anchors[b] === index) seen = true;
    if (!seen) distinct++;
    out[index]! += weights[a]!;
    anchorTotal += weights[a]!;
  }
  const others = length - distinct;
  const total = anchorTotal + rest;
  if (others > 0) {
    const each = rest / others;
    for (let i = 0; i < length; i++) if (!anchors.includes(i)) out[i] = each;
    for (let i = 0; i < length; i++) out[i]! /= total;
  } else if (anchorTotal > 0) {
    for (let i = 0; i < length; i++) out[i]! /= anchorTotal;
  } else {
    out.fill(1 / length, 0, length);
  }
}

/** Position-based U: 40% first, 40% last, 20% over the middle (1 touch → 100%, 2 → 50/50). */
export function uShapedShares(set: JourneySet, params: UShapedParams = {}): ShareFunction {
  const p = { ...U_DEFAULT, ...params };
  checkWeights("u-shaped", p);
  const weights = [p.first, p.last];
  const anchors = [0, 0];
  return (j, out) => {
    const length = set.journeyOffsets[j + 1]! - set.journeyOffsets[j]!;
    anchors[1] = length - 1;
    anchoredShares(length, anchors, weights, p.middle, out);
  };
}

/** First touch in journey j carrying `flag`, as an offset in the journey; -1 when none. */
function marker(set: JourneySet, j: number, flag: number): number {
  const flags = set.touchFlags;
  if (!flags) return -1;
  const start = set.journeyOffsets[j]!;
  const end = set.journeyOffsets[j + 1]!;
  for (let t = start; t < end; t++) if (flags[t]! & flag) return t - start;
  return -1;
}

/**
 * W-shaped: 30% first, 30% lead-created, 30% opportunity-created, 10% over the rest.
 * Fallbacks: one marker missing → U-shaped over the first touch and the marker that exists
 * (40/40, 20% rest); both missing → U-shaped over first and last (40/20/40), the last touch
 * standing in for the milestone nearest the conversion.
 */
export function wShapedShares(set: JourneySet, params: WShapedParams = {}): ShareFunction {
  const p = { ...W_DEFAULT, ...params };
  checkWeights("w-shaped", p);
  const full = [p.first, p.lead, p.opportunity];
  const u = [U_DEFAULT.first, U_DEFAULT.last];
  return (j, out) => {
    const length = set.journeyOffsets[j + 1]! - set.journeyOffsets[j]!;
    const lead = marker(set, j, TouchFlag.leadCreated);
    const opportunity = marker(set, j, TouchFlag.opportunityCreated);
    if (lead >= 0 && opportunity >= 0) anchoredShares(length, [0, lead, opportunity], full, p.rest, out);
    else {
      const milestone = lead >= 0 ? lead : opportunity >= 0 ? opportunity : length - 1;
      anchoredShares(length, [0, milestone], u, U_DEFAULT.middle, out);
    }
  };
}

/**
 * Full path (Z): 22.5% each to first, lead-created, opportunity-created and the last (close)
 * touch, 10% over the rest. Fallbacks: one marker missing → W-shaped over first, the marker that
 * exists and the last touch (30/30/30, 10% rest); both missing → U-shaped over first and last.
 */
export function fullPathShares(set: JourneySet, params: FullPathParams = {}): ShareFunction {
  const p = { ...Z_DEFAULT, ...params };
  checkWeights("full-path", p);
  const full = [p.first, p.lead, p.opportunity, p.close];
  const w = [W_DEFAULT.first, W_DEFAULT.lead, W_DEFAULT.opportunity];
  const u = [U_DEFAULT.first, U_DEFAULT.last];
  return (j, out) => {
    const length = set.journeyOffsets[j + 1]! - set.journeyOffsets[j]!;
    const lead = marker(set, j, TouchFlag.leadCreated);
    const opportunity = marker(set, j, TouchFlag.opportunityCreated);
    if (lead >= 0 && opportunity >= 0) anchoredShares(length, [0, lead, opportunity, length - 1], full, p.rest, out);
    else if (lead >= 0 || opportunity >= 0) {
      anchoredShares(length, [0, Math.max(lead, opportunity), length - 1], w, W_DEFAULT.rest, out);
    } else anchoredShares(length, [0, length - 1], u, U_DEFAULT.middle, out);
  };
}

export const uShaped = (set: JourneySet, params?: UShapedParams): AttributionResult =>
  accumulateShares("u-shaped", set, uShapedShares(set, params));
export const wShaped = (set: JourneySet, params?: WShapedParams): AttributionResult =>
  accumulateShares("w-shaped", set, wShapedShares(set, params));
export const fullPath = (set: JourneySet, params?: FullPathParams): AttributionResult =>
  accumulateShares("full-path", set, fullPathShares(set, params));
