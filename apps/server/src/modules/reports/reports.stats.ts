// Pure statistics behind the dashboard figures. No database access.

const Z95 = 1.959963984540054;

/** Wilson score interval for a proportion (95 %). */
export function wilsonInterval(successes: number, trials: number, z = Z95): { low: number; high: number } | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return { low: (centre - spread) / denominator, high: (centre + spread) / denominator };
}

export interface ProportionDifference {
  difference: number;
  low: number;
  high: number;
}

/**
 * Difference of two independent proportions p1 − p2 with Newcombe's hybrid score interval
 * (method 10 of Newcombe 1998), which keeps its coverage for small samples and rates near 0 or 1,
 * unlike the plain Wald interval.
 */
export function proportionDifference(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  z = Z95,
): ProportionDifference | null {
  const a = wilsonInterval(successes1, trials1, z);
  const b = wilsonInterval(successes2, trials2, z);
  if (!a || !b) return null;
  const p1 = successes1 / trials1;
  const p2 = successes2 / trials2;
  const difference = p1 - p2;
  const low = difference - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2);
  const high = difference + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2);
  return { difference, low, high };
}

/** Relative change of `value` against `previous`; null when there is no meaningful base. */
export function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

export interface RetentionTotals {
  start: number;
  expansion: number;
  contraction: number;
  churn: number;
}

/** Net revenue retention: (start + expansion − contraction − churn) ÷ start. */
export function netRetention(totals: RetentionTotals): number | null {
  if (totals.start <= 0) return null;
  return (totals.start + totals.expansion - totals.contraction - totals.churn) / totals.start;
}

/** Gross revenue retention: like NRR without expansion, never above 100 %. */
export function grossRetention(totals: RetentionTotals): number | null {
  if (totals.start <= 0) return null;
  return Math.max(0, Math.min(1, (totals.start - totals.contraction - totals.churn) / totals.start));
}

/** won ÷ (won + lost); null when nothing closed. */
export function winRate(won: number, lost: number): number | null {
  return won + lost > 0 ? won / (won + lost) : null;
}

/** a ÷ b, null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Quartiles by linear interpolation between closest ranks (the spreadsheet QUARTILE.INC rule). */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    const low = sorted[lower] ?? 0;
    const high = sorted[upper] ?? low;
    return low + (high - low) * (position - lower);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
