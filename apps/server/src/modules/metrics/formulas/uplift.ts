import { mean, quantileSorted, sampleVariance, seededRandom, studentTQuantile, sum } from "./stats";

/** One deal's value for an uplift comparison (1/0 for win rate, amount, or cycle days). */
export interface UpliftObservation {
  partner: boolean;
  /** Comparable deals share a stratum: segment × size band (see `dealStratum`). */
  stratum: string;
  value: number;
}

export interface UpliftOptions {
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
  /** Seed of the resampling generator (default 1): the same data give the same interval. */
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Groups larger than this are resampled through the normal approximation of their mean. */
  exactLimit?: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface UpliftResult {
  /** Stratum-weighted mean of partner-involved deals (weights: partner deals per matched stratum). */
  partnerMean: number | null;
  /** The direct-only mean over the same strata, with the same weights. */
  directMean: number | null;
  /** partnerMean − directMean. */
  difference: number | null;
  /** difference ÷ directMean; null when the direct mean is 0. */
  relative: number | null;
  /** Percentile interval of the stratified bootstrap. */
  interval: Interval | null;
  /** Welch's t interval on the matched deals' plain means, as a cross-check. */
  welch: (Interval & { difference: number; df: number }) | null;
  /** Deals in strata where both groups exist (the only ones compared). */
  matched: { partner: number; direct: number; strata: number };
  /** Deals left out because their stratum had no counterpart. */
  unmatched: number;
  resamples: number;
  seed: number;
  level: number;
}

interface Cell {
  partner: number[];
  direct: number[];
}

/** Amount bands in major units, for matching deals of comparable size. */
const sizeBands = [10_000, 50_000, 250_000, 1_000_000];

/** `<10k`, `10k-50k`, `50k-250k`, `250k-1m`, `1m+`, or `unknown`; amounts in minor units. */
export function sizeBand(amountMinor: number | null, minorPerMajor = 100): string {
  if (amountMinor === null) return "unknown";
  const major = amountMinor / minorPerMajor;
  const labels = ["<10k", "10k-50k", "50k-250k", "250k-1m", "1m+"];
  const index = sizeBands.findIndex((limit) => major < limit);
  return labels[index === -1 ? labels.length - 1 : index] as string;
}

/** The matching key: customer segment (account size, industry …) × deal size band. */
export function dealStratum(segment: string | null, amountMinor: number | null): string {
  return `${segment ?? "unknown"}|${sizeBand(amountMinor)}`;
}

function cells(observations: readonly UpliftObservation[]): Map<string, Cell> {
  const byStratum = new Map<string, Cell>();
  for (const observation of observations) {
    let cell = byStratum.get(observation.stratum);
    if (!cell) {
      cell = { partner: [], direct: [] };
      byStratum.set(observation.stratum, cell);
    }
    (observation.partner ? cell.partner : cell.direct).push(observation.value);
  }
  return byStratum;
}

interface Matched {
  stratum: string;
  weight: number;
  partner: number[];
  direct: number[];
}

function estimate(strata: readonly Matched[], partnerMeans: number[], directMeans: number[]) {
  let partner = 0;
  let direct = 0;
  strata.forEach((stratum, i) => {
    partner += stratum.weight * (partnerMeans[i] as number);
    direct += stratum.weight * (directMeans[i] as number);
  });
  return { partner, direct };
}

/** One bootstrap draw of a group's mean: exact resampling, or N(mean, sd/√n) for large groups. */
function resampleMean(values: readonly number[], random: () => number, exactLimit: number, sd: number): number {
  const n = values.length;
  if (n <= exactLimit) {
    let total = 0;
    for (let i = 0; i < n; i++) total += values[Math.floor(random() * n)] as number;
    return total / n;
  }
  const u1 = Math.max(random(), Number.MIN_VALUE);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return sum(values) / n + (z * sd) / Math.sqrt(n);
}

/** Welch's two-sample t interval for the difference of means. */
export function welchInterval(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): (Interval & { difference: number; df: number }) | null {
  const va = sampleVariance(a);
  const vb = sampleVariance(b);
  const ma = mean(a);
  const mb = mean(b);
  if (va === null || vb === null || ma === null || mb === null) return null;
  const sa = va / a.length;
  const sb = vb / b.length;
  const se = Math.sqrt(sa + sb);
  const difference = ma - mb;
  if (se === 0) return { low: difference, high: difference, difference, df: a.length + b.length - 2 };
  const df = (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { low: difference - t * se, high: difference + t * se, difference, df };
}

/**
 * Partner uplift: the difference between partner-involved and comparable direct-only deals.
 * Deals are compared only inside strata that hold both groups, weighted by the partner deals of
 * each stratum (the effect on the deals partners touched). The interval is a stratified bootstrap
 * (both groups resampled within every stratum, seeded), with Welch's t as a cross-check.
 */
export function partnerUplift(observations: readonly UpliftObservation[], options: UpliftOptions = {}): UpliftResult {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const exactLimit = options.exactLimit ?? 2000;
  const matched: Matched[] = [];
  let unmatched = 0;
  let partnerCount = 0;
  let directCount = 0;
  for (const [stratum, cell] of [...cells(observations)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (cell.partner.length === 0 || cell.direct.length === 0) {
      unmatched += cell.partner.length + cell.direct.length;
      continue;
    }
    matched.push({ stratum, weight: cell.partner.length, partner: cell.partner, direct: cell.direct });
    partnerCount += cell.partner.length;
    directCount += cell.direct.length;
  }
  const base = { matched: { partner: partnerCount, direct: directCount, strata: matched.length }, unmatched };
  const common = { resamples, seed, level };
  if (matched.length === 0) {
    return {
      partnerMean: null,
      directMean: null,
      difference: null,
      relative: null,
      interval: null,
      welch: null,
      ...base,
      ...common,
    };
  }
  for (const stratum of matched) stratum.weight /= partnerCount;
  const point = estimate(
    matched,
    matched.map((s) => sum(s.partner) / s.partner.length),
    matched.map((s) => sum(s.direct) / s.direct.length),
  );
  const sds = matched.map((s) => ({
    partner: Math.sqrt(sampleVariance(s.partner) ?? 0),
    direct: Math.sqrt(sampleVariance(s.direct) ?? 0),
  }));
  const random = seededRandom(seed);
  const differences: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const draw = estimate(
      matched,
      matched.map((s, i) => resampleMean(s.partner, random, exactLimit, sds[i]?.partner ?? 0)),
      matched.map((s, i) => resampleMean(s.direct, random, exactLimit, sds[i]?.direct ?? 0)),
    );
    differences.push(draw.partner - draw.direct);
  }
  differences.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  const difference = point.partner - point.direct;
  return {
    partnerMean: point.partner,
    directMean: point.direct,
    difference,
    relative: point.direct === 0 ? null : difference / point.direct,
    interval:
      resamples > 0
        ? { low: quantileSorted(differences, alpha) as number, high: quantileSorted(differences, 1 - alpha) as number }
        : null,
    welch: welchInterval(
      matched.flatMap((s) => s.partner),
      matched.flatMap((s) => s.direct),
      level,
    ),
    ...base,
    ...common,
  };
}
