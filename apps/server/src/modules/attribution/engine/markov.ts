// Markov-chain removal effect, solved exactly (no simulation).
// States: start, one transient state per channel (per tuple of the last `order` channels for
// higher orders), conversion and null. Each journey row walks start → its channels (consecutive
// repeats collapsed) → conversion `conversions` times and → null `nulls` times. Removing channel k
// sends every state containing k to null; RE_k = 1 − P(conv | k removed) / P(conv) and
// credit_k = RE_k / Σ RE × total conversions (× total value for value).
import { conversionProbabilities, type TransientChain } from "./absorbing-chain";
import { type JourneySet, journeyTotals } from "./journeys";
import { AttributionError, type AttributionResult, emptyResult, type ShareFunction } from "./result";

export interface MarkovParams {
  /** Number of past channels a state remembers (1–4; default 1). */
  order?: number;
  /** Linear solver: "auto" (default) eliminates up to DENSE_LIMIT states, iterates above. */
  solver?: "auto" | "direct" | "iterative";
}

interface BuiltChain {
  chain: TransientChain;
  /** Probability that a journey enters each state first. */
  entry: Float64Array;
  /** members[k]: mask of states that contain channel k. */
  members: Uint8Array[];
}

/** Row counts → probabilities in compressed rows. */
function compress(
  size: number,
  edges: Map<number, number>,
  conv: Float64Array,
  nulls: Float64Array,
  startCounts: Float64Array,
): { chain: TransientChain; entry: Float64Array } {
  const outTotal = new Float64Array(size);
  const rowCount = new Uint32Array(size + 1);
  for (const [key, w] of edges) {
    const from = Math.floor(key / size);
    outTotal[from]! += w;
    rowCount[from + 1]!++;
  }
  for (let s = 0; s < size; s++) {
    outTotal[s]! += conv[s]! + nulls[s]!;
    rowCount[s + 1]! += rowCount[s]!;
  }
  const rowStart = rowCount.slice();
  const fill = rowCount.slice(0, size);
  const column = new Uint32Array(edges.size);
  const probability = new Float64Array(edges.size);
  for (const [key, w] of edges) {
    const from = Math.floor(key / size);
    const e = fill[from]!++;
    column[e] = key - from * size;
    probability[e] = w / outTotal[from]!;
  }
  const toConversion = new Float64Array(size);
  for (let s = 0; s < size; s++) toConversion[s] = outTotal[s]! > 0 ? conv[s]! / outTotal[s]! : 0;
  let started = 0;
  for (const w of startCounts) started += w;
  const entry = startCounts.map((w) => (started > 0 ? w / started : 0));
  return { chain: { size, rowStart, column, probability, toConversion }, entry };
}

/**
 * Builds the chain. A state is the tuple of the last ≤ order collapsed channels, encoded as digits
 * base (channels + 1) so a key is one number; order 1 skips the tuple map entirely.
 */
export function buildMarkovChain(set: JourneySet, order = 1): BuiltChain {
  if (!Number.isInteger(order) || order < 1 || order > 4) {
    throw new AttributionError(`markov order must be 1, 2, 3 or 4, got ${order}`);
  }
  const channels = set.channelNames.length;
  const base = channels + 1;
  const modulus = base ** order;
  if (modulus > Number.MAX_SAFE_INTEGER) throw new AttributionError(`too many channels for markov order ${order}`);
  const stateOfKey = new Map<number, number>();
  const keys: number[] = [];
  const state = (key: number): number => {
    if (order === 1) return key - 1;
    let s = stateOfKey.get(key);
    if (s === undefined) {
      s = keys.length;
      stateOfKey.set(key, s);
      keys.push(key);
    }
    return s;
  };
  if (order === 1) for (let k = 0; k < channels; k++) keys.push(k + 1);

  // Transition counts keyed from * SPAN + to until the state count is known.
  const SPAN = 2 ** 26;
  const edges = new Map<number, number>();
  const dense = order === 1 ? new Float64Array(channels * channels) : null;
  const startCounts: number[] = [];
  const convCounts: number[] = [];
  const nullCounts: number[] = [];
  const add = (list: number[], s: number, w: number) => {
    while (list.length <= s) list.push(0);
    list[s]! += w;
  };
  const offsets = set.journeyOffsets;
  const touchChannel = set.touchChannel;
  for (let j = 0; j + 1 < offsets.length; j++) {
    const c = set.conversions[j]!;
    const n = set.nulls[j]!;
    const w = c + n;
    const start = offsets[j]!;
    const end = offsets[j + 1]!;
    if (w === 0 || end === start) continue;
    let key = 0;
    let previousChannel = -1;
    let from = -1;
    for (let t = start; t < end; t++) {
      const k = touchChannel[t]!;
      if (k === previousChannel) continue;
      previousChannel = k;
      key = (key * base + k + 1) % modulus;
      const to = state(key);
      if (from < 0) add(startCounts, to, w);
      else if (dense) dense[from * channels + to]! += w;
      else edges.set(from * SPAN + to, (edges.get(from * SPAN + to) ?? 0) + w);
      from = to;
    }
    add(convCounts, from, c);
    add(nullCounts, from, n);
  }
  const size = keys.length;
  if (size >= SPAN) throw new AttributionError(`markov order ${order} produced too many states (${size})`);
  const sized = new Map<number, number>();
  if (dense) {
    for (let i = 0; i < dense.length; i++) if (dense[i]! > 0) sized.set(i, dense[i]!);
  } else {
    for (const [key, w] of edges) sized.set(Math.floor(key / SPAN) * size + (key % SPAN), w);
  }
  const column = (list: number[]) => {
    const out = new Float64Array(size);
    out.set(list.slice(0, size));
    return out;
  };
  const built = compress(size, sized, column(convCounts), column(nullCounts), column(startCounts));
  const members = Array.from({ length: channels }, () => new Uint8Array(size));
  for (let s = 0; s < size; s++) {
    for (let key = keys[s]!; key > 0; key = Math.floor(key / base)) members[(key % base) - 1]![s] = 1;
  }
  return { ...built, members };
}

const conversionProbability = (chain: BuiltChain, removed?: Uint8Array, solver?: MarkovParams["solver"]): number => {
  const x = conversionProbabilities(chain.chain, removed, solver);
  let p = 0;
  for (let s = 0; s < x.length; s++) p += chain.entry[s]! * x[s]!;
  return p;
};

/** Removal effect of every channel (0 for channels that never appear on a journey with counts). */
export function removalEffects(set: JourneySet, params: MarkovParams = {}): Float64Array {
  const chain = buildMarkovChain(set, params.order ?? 1);
  const base = conversionProbability(chain, undefined, params.solver);
  const effects = new Float64Array(set.channelNames.length);
  if (base <= 0) return effects;
  for (let k = 0; k < effects.length; k++) {
    const members = chain.members[k]!;
    if (!members.includes(1)) continue;
    effects[k] = Math.max(0, 1 - conversionProbability(chain, members, params.solver) / base);
  }
  return effects;
}

export function markov(set: JourneySet, params: MarkovParams = {}): AttributionResult {
  const order = params.order ?? 1;
  const result = emptyResult(order === 1 ? "markov" : `markov-${order}`, set);
  const effects = removalEffects(set, params);
  const totals = journeyTotals(set);
  let sum = 0;
  for (const e of effects) sum += e;
  if (sum > 0) {
    for (let k = 0; k < effects.length; k++) {
      result.conversions[k] = (effects[k]! / sum) * totals.conversions;
      result.value[k] = (effects[k]! / sum) * totals.value;
    }
  }
  result.removalEffect = effects;
  return result;
}

/**
 * Explains one journey with the global removal effects: each distinct channel of the journey gets
 * RE_k / Σ RE (over the journey's channels), split equally over its touches. Aggregate Markov
 * credit is global, so these shares do not add up to the channel totals.
 */
export function markovShares(set: JourneySet, effects: Float64Array): ShareFunction {
  const occurrences = new Float64Array(set.channelNames.length);
  return (j, out) => {
    const start = set.journeyOffsets[j]!;
    const end = set.journeyOffsets[j + 1]!;
    let sum = 0;
    for (let t = start; t < end; t++) {
      const k = set.touchChannel[t]!;
      if (occurrences[k]!++ === 0) sum += effects[k]!;
    }
    for (let t = start; t < end; t++) {
      const k = set.touchChannel[t]!;
      out[t - start] = sum > 0 ? effects[k]! / sum / occurrences[k]! : 1 / (end - start);
    }
    for (let t = start; t < end; t++) occurrences[set.touchChannel[t]!] = 0;
  };
}
