/**
 * The generator's only source of randomness: mulberry32, a small seeded PRNG, plus the few
 * distributions the demo model draws from. Same seed → same sequence on every platform.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weights (same length as `items`). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and log-space sigma. */
  logNormal(median: number, sigma: number): number;
  /** Poisson (Knuth for small means, a rounded normal approximation above 30). */
  poisson(mean: number): number;
  /** An independent stream derived from this one (for sub-generators). */
  fork(): Random;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0;
      for (const weight of weights) total += weight;
      let draw = next() * total;
      for (let i = 0; i < items.length; i += 1) {
        draw -= weights[i] ?? 0;
        if (draw < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      let product = next();
      while (product > limit) {
        k += 1;
        product *= next();
      }
      return k;
    },
    fork: () => mulberry32(Math.floor(next() * 4_294_967_296)),
  };
  return random;
}
