/** Engagement score and ecosystem health score. */

/** Σ 2^(−age/H) over a signal's events (ages and half-life in days; future events count as age 0). */
export function decayedCount(agesInDays: readonly number[], halfLifeDays: number): number {
  let total = 0;
  for (const age of agesInDays) total += 2 ** (-Math.max(0, age) / halfLifeDays);
  return total;
}

export interface SignalWeights {
  [signal: string]: number;
}

/**
 * Engagement score, 0–100: Σ_k w_k · normalized_k ÷ Σ_k w_k × 100. Each signal's decayed value is
 * normalized against the most engaged partner in the population (so the top partner of a signal
 * scores 1 on it); signals listed in `absolute` (e.g. onboarding progress) are already 0–1.
 */
export function engagementScores(
  values: ReadonlyMap<string, Readonly<Record<string, number>>>,
  weights: SignalWeights,
  absolute: ReadonlySet<string> = new Set(),
): Map<string, { score: number; components: Record<string, number> }> {
  const signals = Object.keys(weights).filter((key) => (weights[key] ?? 0) > 0);
  const totalWeight = signals.reduce((total, key) => total + (weights[key] ?? 0), 0);
  const maxima: Record<string, number> = {};
  for (const key of signals) {
    let max = 0;
    for (const partner of values.values()) max = Math.max(max, partner[key] ?? 0);
    maxima[key] = max;
  }
  const result = new Map<string, { score: number; components: Record<string, number> }>();
  for (const [partnerId, partner] of values) {
    const components: Record<string, number> = {};
    let weighted = 0;
    for (const key of signals) {
      const raw = partner[key] ?? 0;
      const max = maxima[key] ?? 0;
      const normalized = absolute.has(key) ? Math.min(1, Math.max(0, raw)) : max > 0 ? raw / max : 0;
      components[key] = normalized;
      weighted += (weights[key] ?? 0) * normalized;
    }
    result.set(partnerId, { score: totalWeight > 0 ? (100 * weighted) / totalWeight : 0, components });
  }
  return result;
}

export type HealthBand = "green" | "yellow" | "red";

export interface HealthBands {
  /** Lowest score that is green (default 80). */
  green: number;
  /** Lowest score that is yellow (default 50). */
  yellow: number;
}

export const defaultHealthBands: HealthBands = { green: 80, yellow: 50 };

export function healthBand(score: number, bands: HealthBands = defaultHealthBands): HealthBand {
  if (score >= bands.green) return "green";
  if (score >= bands.yellow) return "yellow";
  return "red";
}

export const healthComponents = ["revenue", "engagement", "enablement", "pipeline", "relationship"] as const;
export type HealthComponent = (typeof healthComponents)[number];

/**
 * Ecosystem health, 0–100: the weighted blend of the components that have a value (each 0–100);
 * a component without data is left out and the remaining weights are renormalized (and reported).
 */
export function healthScore(
  components: Partial<Record<HealthComponent, number | null>>,
  weights: Record<HealthComponent, number>,
  bands: HealthBands = defaultHealthBands,
): { score: number | null; band: HealthBand | null; used: HealthComponent[] } {
  let weighted = 0;
  let total = 0;
  const used: HealthComponent[] = [];
  for (const key of healthComponents) {
    const value = components[key];
    const weight = weights[key] ?? 0;
    if (value === null || value === undefined || weight <= 0) continue;
    weighted += weight * Math.min(100, Math.max(0, value));
    total += weight;
    used.push(key);
  }
  if (total === 0) return { score: null, band: null, used };
  const score = weighted / total;
  return { score, band: healthBand(score, bands), used };
}

/** A value scaled against a target onto 0–100 (capped), for health components such as revenue vs plan. */
export function scaleToTarget(value: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.min(100, (100 * Math.max(0, value)) / target);
}
