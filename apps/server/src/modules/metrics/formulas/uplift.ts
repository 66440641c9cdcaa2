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

/** Amount bands in major units, for matching deals of comparable size. */
const sizeBands = [10_000, 50_000, 250_000, 1_000_000];
const sizeBandLabels = ["<10k", "10k-50k", "50k-250k", "250k-1m", "1m+"];

/** The band thresholds in minor units (for SQL `width_bucket`, which yields the band index). */
export function sizeBandThresholds(minorPerMajor = 100): number[] {
  return sizeBands.map((limit) => limit * minorPerMajor);
}

/** The label of a band index from `width_bucket(amount, thresholds)`; null → `unknown`. */
export function sizeBandLabel(index: number | null): string {
  return index === null ? "unknown" : (sizeBandLabels[index] as string);
}

/** `<10k`, `10k-50k`, `50k-250k`, `250k-1m`, `1m+`, or `unknown`; amounts in minor units. */
export function sizeBand(amountMinor: number | null, minorPerMajor = 100): string {
  if (amountMinor === null) return "unknown";
  const major = amountMinor / minorPerMajor;
  const index = sizeBands.findIndex((limit) => major < limit);
  return sizeBandLabels[index === -1 ? sizeBandLabels.length - 1 : index] as string;
}

/** The matching key: customer segment (account size, industry …) × deal size band. */
export function dealStratum(segment: string | null, amountMinor: number | null): string {
  return `${segment ?? "unknown"}|${sizeBand(amountMinor)}`;
}

/** A group's values in one stratum, or their summary when the values are too many to ship. */
export interface GroupCell {
  n: number;
  mean: number;
  /** Sample variance (0 below two values). */
  variance: number;
  /** The values themselves when known: the bootstrap then resamples them exactly. */
  values?: readonly number[];
}

export interface StratumCells {
  stratum: string;
  partner: GroupCell | null;
  direct: GroupCell | null;
}

/** Summarizes observations into cells (values kept). */
export function upliftCells(observations: readonly UpliftObservation[]): StratumCells[] {
  const byStratum = new Map<string, { partner: number[]; direct: number[] }>();
  for (const observation of observations) {
    let cell = byStratum.get(observation.stratum);
    if (!cell) {
      cell = { partner: [], direct: [] };
      byStratum.set(observation.stratum, cell);
    }
    (observation.partner ? cell.partner : cell.direct).push(observation.value);
  }
  const summary = (values: number[]): GroupCell | null =>
    values.length === 0
      ? null
      : { n: values.length, mean: sum(values) / values.length, variance: sampleVariance(values) ?? 0, values };
  return [...byStratum].map(([stratum, cell]) => ({
    stratum,
    partner: summary(cell.partner),
    direct: summary(cell.direct),
  }));
}

interface Matched {
  stratum: string;
  weight: number;
  partner: GroupCell;
  direct: GroupCell;
}

/** One bootstrap draw of a group's mean: exact resampling, or N(mean, sd/√n) for large or summarized groups. */
function resampleMean(cell: GroupCell, random: () => number, exactLimit: number): number {
  const n = cell.n;
  if (cell.values && n <= exactLimit) {
    let total = 0;
    for (let i = 0; i < n; i++) total += cell.values[Math.floor(random() * n)] as number;
    return total / n;
  }
  const u1 = Math.max(random(), Number.MIN_VALUE);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return cell.mean + (z * Math.sqrt(cell.variance)) / Math.sqrt(n);
}

/** Pools cells into one group's n, mean and sample variance (for Welch). */
function pooled(cells: readonly GroupCell[]): { n: number; mean: number; variance: number } {
  const n = cells.reduce((total, cell) => total + cell.n, 0);
  const m = cells.reduce((total, cell) => total + cell.n * cell.mean, 0) / n;
  const squares = cells.reduce(
    (total, cell) => total + (cell.n - 1) * cell.variance + cell.n * (cell.mean - m) ** 2,
    0,
  );
  return { n, mean: m, variance: n > 1 ? squares / (n - 1) : 0 };
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
  return welchFromSummaries({ n: a.length, mean: ma, variance: va }, { n: b.length, mean: mb, variance: vb }, level);
}

/** Welch's interval from each group's n, mean and sample variance. */
export function welchFromSummaries(
  a: { n: number; mean: number; variance: number },
  b: { n: number; mean: number; variance: number },
  level = 0.95,
): (Interval & { difference: number; df: number }) | null {
  if (a.n < 2 || b.n < 2) return null;
  const ma = a.mean;
  const mb = b.mean;
  const sa = a.variance / a.n;
  const sb = b.variance / b.n;
  const se = Math.sqrt(sa + sb);
  const difference = ma - mb;
  if (se === 0) return { low: difference, high: difference, difference, df: a.n + b.n - 2 };
  const df = (sa + sb) ** 2 / (sa ** 2 / (a.n - 1) + sb ** 2 / (b.n - 1));
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
  return partnerUpliftFromCells(upliftCells(observations), options);
}

/** The same estimate from per-stratum cells (values, or n/mean/variance when there are too many). */
export function partnerUpliftFromCells(cells: readonly StratumCells[], options: UpliftOptions = {}): UpliftResult {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const exactLimit = options.exactLimit ?? 2000;
  const matched: Matched[] = [];
  let unmatched = 0;
  let partnerCount = 0;
  let directCount = 0;
  for (const cell of [...cells].sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0))) {
    if (!cell.partner || !cell.direct || cell.partner.n === 0 || cell.direct.n === 0) {
      unmatched += (cell.partner?.n ?? 0) + (cell.direct?.n ?? 0);
      continue;
    }
    matched.push({ stratum: cell.stratum, weight: cell.partner.n, partner: cell.partner, direct: cell.direct });
    partnerCount += cell.partner.n;
    directCount += cell.direct.n;
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
  const weighted = (means: (s: Matched) => number) => matched.reduce((total, s) => total + s.weight * means(s), 0);
  const partnerMean = weighted((s) => s.partner.mean);
  const directMean = weighted((s) => s.direct.mean);
  const random = seededRandom(seed);
  const differences: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let difference = 0;
    for (const s of matched) {
      const p = resampleMean(s.partner, random, exactLimit);
      const d = resampleMean(s.direct, random, exactLimit);
      difference += s.weight * (p - d);
    }
    differences.push(difference);
  }
  differences.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  const difference = partnerMean - directMean;
  return {
    partnerMean,
    directMean,
    difference,
    relative: directMean === 0 ? null : difference / directMean,
    interval:
      resamples > 0
        ? { low: quantileSorted(differences, alpha) as number, high: quantileSorted(differences, 1 - alpha) as number }
        : null,
    welch: welchFromSummaries(pooled(matched.map((s) => s.partner)), pooled(matched.map((s) => s.direct)), level),
    ...base,
    ...common,
  };
}
