// Shapley-value attribution over channel sets.
//
// R(S) = conversions (or value) of converting journeys whose channel SET is exactly S.
// Simplified (Zhao et al. 2018): φ_j = Σ_{S ∋ j} R(S) / |S| — each journey's credit split equally
// over its distinct channels.
// Exact: the game v(S) = Σ_{T ⊆ S} R(T) (journeys whose channels all lie in S), with
// φ_j = Σ_{S ∌ j} |S|!(n−|S|−1)!/n! · (v(S ∪ j) − v(S)) over all 2^n coalitions.
// R is exactly the Harsanyi dividend (Möbius transform) of v, so the two always agree for this v;
// for a general game they agree iff R is taken as v's Möbius transform (see shapley.test.ts).
import type { JourneySet } from "./journeys";
import { AttributionError, type AttributionResult, emptyResult, type ShareFunction } from "./result";

export const MAX_EXACT_PLAYERS = 20;

/** In place: f(S) ← Σ_{T ⊆ S} f(T) (fast zeta transform, n·2^n additions). */
export function zetaTransform(f: Float64Array, n: number): void {
  const size = 1 << n;
  for (let bit = 1; bit < size; bit <<= 1) {
    for (let mask = 0; mask < size; mask++) if (mask & bit) f[mask]! += f[mask ^ bit]!;
  }
}

/** In place inverse of zetaTransform: v → its Harsanyi dividends (Möbius transform). */
export function mobiusTransform(f: Float64Array, n: number): void {
  const size = 1 << n;
  for (let bit = 1; bit < size; bit <<= 1) {
    for (let mask = 0; mask < size; mask++) if (mask & bit) f[mask]! -= f[mask ^ bit]!;
  }
}

/** Exact Shapley values of the game v over n players (v indexed by coalition bit mask). */
export function shapleyFromGame(v: Float64Array, n: number): Float64Array {
  if (n > MAX_EXACT_PLAYERS) throw new AttributionError(`exact Shapley supports at most ${MAX_EXACT_PLAYERS} players`);
  const size = 1 << n;
  if (v.length !== size) throw new AttributionError(`a game over ${n} players needs ${size} values`);
  const phi = new Float64Array(n);
  if (n === 0) return phi;
  // weight[s] = s!(n−s−1)!/n!, by the ratio of consecutive terms.
  const weight = new Float64Array(n);
  weight[0] = 1 / n;
  for (let s = 0; s + 1 < n; s++) weight[s + 1] = (weight[s]! * (s + 1)) / (n - s - 1);
  const popcount = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) popcount[mask] = popcount[mask >> 1]! + (mask & 1);
  for (let mask = 0; mask < size; mask++) {
    const w = weight[popcount[mask]!];
    if (w === undefined) continue; // the grand coalition has no outsider
    const base = v[mask]!;
    for (let j = 0; j < n; j++) {
      const bit = 1 << j;
      if (!(mask & bit)) phi[j]! += w * (v[mask | bit]! - base);
    }
  }
  return phi;
}

/** Distinct channels of each journey in first-touch order, reusing one stamp array. */
function distinctChannels(set: JourneySet): (j: number, into: number[]) => void {
  const stamp = new Int32Array(set.channelNames.length).fill(-1);
  return (j, into) => {
    into.length = 0;
    for (let t = set.journeyOffsets[j]!; t < set.journeyOffsets[j + 1]!; t++) {
      const k = set.touchChannel[t]!;
      if (stamp[k] !== j) {
        stamp[k] = j;
        into.push(k);
      }
    }
  };
}

const carriesCredit = (set: JourneySet, j: number) =>
  (set.conversions[j] !== 0 || set.value[j] !== 0) && set.journeyOffsets[j + 1]! > set.journeyOffsets[j]!;

/**
 * Simplified Shapley, plus credit by position when `ordered`: the ordered variant places each
 * channel at its first touch's rank among the journey's distinct channels (1st, 2nd …), so
 * summing positions gives back the simplified value.
 */
function simplified(set: JourneySet, ordered: boolean): AttributionResult {
  const result = emptyResult(ordered ? "shapley-ordered" : "shapley", set);
  const channels = set.channelNames.length;
  const distinct = distinctChannels(set);
  const list: number[] = [];
  const byPosition = { positions: 0, conversions: new Float64Array(0), value: new Float64Array(0) };
  const grow = (positions: number) => {
    const conversions = new Float64Array(positions * channels);
    const value = new Float64Array(positions * channels);
    conversions.set(byPosition.conversions);
    value.set(byPosition.value);
    Object.assign(byPosition, { positions, conversions, value });
  };
  for (let j = 0; j + 1 < set.journeyOffsets.length; j++) {
    if (!carriesCredit(set, j)) continue;
    distinct(j, list);
    const c = set.conversions[j]! / list.length;
    const v = set.value[j]! / list.length;
    if (ordered && list.length > byPosition.positions) grow(Math.max(list.length, byPosition.positions * 2));
    for (let p = 0; p < list.length; p++) {
      const k = list[p]!;
      result.conversions[k]! += c;
      result.value[k]! += v;
      if (ordered) {
        byPosition.conversions[p * channels + k]! += c;
        byPosition.value[p * channels + k]! += v;
      }
    }
  }
  if (ordered) {
    let used = 0;
    for (let p = 0; p < byPosition.positions; p++) {
      for (let k = 0; k < channels; k++)
        if (byPosition.conversions[p * channels + k] || byPosition.value[p * channels + k]) used = p + 1;
    }
    result.byPosition = {
      positions: used,
      conversions: byPosition.conversions.slice(0, used * channels),
      value: byPosition.value.slice(0, used * channels),
    };
  }
  return result;
}

export const shapley = (set: JourneySet): AttributionResult => simplified(set, false);
export const orderedShapley = (set: JourneySet): AttributionResult => simplified(set, true);

export interface ExactShapleyParams {
  /** Refuse games with more players than this (cost is players · 2^players). Default and max 20. */
  maxPlayers?: number;
}

/** Exact Shapley over the channels of converting journeys (≤ 20), via R → v by zeta transform. */
export function exactShapley(set: JourneySet, params: ExactShapleyParams = {}): AttributionResult {
  const limit = Math.min(params.maxPlayers ?? MAX_EXACT_PLAYERS, MAX_EXACT_PLAYERS);
  const result = emptyResult("shapley-exact", set);
  const playerOf = new Int32Array(set.channelNames.length).fill(-1);
  const players: number[] = [];
  for (let j = 0; j + 1 < set.journeyOffsets.length; j++) {
    if (!carriesCredit(set, j)) continue;
    for (let t = set.journeyOffsets[j]!; t < set.journeyOffsets[j + 1]!; t++) {
      const k = set.touchChannel[t]!;
      if (playerOf[k]! < 0) playerOf[k] = players.push(k) - 1;
    }
  }
  const n = players.length;
  if (n > limit) throw new AttributionError(`exact Shapley: ${n} channels convert, more than the limit of ${limit}`);
  const conversions = new Float64Array(1 << n);
  const value = new Float64Array(1 << n);
  for (let j = 0; j + 1 < set.journeyOffsets.length; j++) {
    if (!carriesCredit(set, j)) continue;
    let mask = 0;
    for (let t = set.journeyOffsets[j]!; t < set.journeyOffsets[j + 1]!; t++)
      mask |= 1 << playerOf[set.touchChannel[t]!]!;
    conversions[mask]! += set.conversions[j]!;
    value[mask]! += set.value[j]!;
  }
  zetaTransform(conversions, n);
  zetaTransform(value, n);
  const phiConversions = shapleyFromGame(conversions, n);
  const phiValue = shapleyFromGame(value, n);
  for (let p = 0; p < n; p++) {
    result.conversions[players[p]!] = phiConversions[p]!;
    result.value[players[p]!] = phiValue[p]!;
  }
  return result;
}

/**
 * Per-touch explanation: each distinct channel gets 1/|S| of the journey, split equally over its
 * touches; with `ordered` it all goes to the channel's first touch (its position).
 */
export function shapleyShares(set: JourneySet, ordered = false): ShareFunction {
  const distinct = distinctChannels(set);
  const list: number[] = [];
  const count = new Float64Array(set.channelNames.length);
  return (j, out) => {
    const start = set.journeyOffsets[j]!;
    const end = set.journeyOffsets[j + 1]!;
    distinct(j, list);
    for (let t = start; t < end; t++) count[set.touchChannel[t]!]!++;
    const seen = new Set<number>();
    for (let t = start; t < end; t++) {
      const k = set.touchChannel[t]!;
      if (!ordered) out[t - start] = 1 / list.length / count[k]!;
      else {
        out[t - start] = seen.has(k) ? 0 : 1 / list.length;
        seen.add(k);
      }
    }
    for (let t = start; t < end; t++) count[set.touchChannel[t]!] = 0;
  };
}
