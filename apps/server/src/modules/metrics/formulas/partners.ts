import { mean, median } from "./stats";

const DAY_MS = 86_400_000;

export interface FirstRevenueInput {
  partnerId: string;
  activatedAt: Date | null;
  /** Close date of the partner's first won partner-attributed deal, if any. */
  firstWonAt: Date | null;
}

export interface CohortTimeToRevenue {
  /** Activation month, `YYYY-MM`. */
  cohort: string;
  partners: number;
  reached: number;
  meanDays: number | null;
  medianDays: number | null;
}

/** Days from activation to the first won partner-attributed deal (0 when the deal closed before activation). */
export function timeToFirstRevenue(activatedAt: Date, firstWonAt: Date): number {
  return Math.max(0, (firstWonAt.getTime() - activatedAt.getTime()) / DAY_MS);
}

/** Time to first revenue per activation-month cohort; partners never activated are left out. */
export function timeToFirstRevenueByCohort(rows: readonly FirstRevenueInput[]): CohortTimeToRevenue[] {
  const cohorts = new Map<string, { partners: number; days: number[] }>();
  for (const row of rows) {
    if (!row.activatedAt) continue;
    const key = row.activatedAt.toISOString().slice(0, 7);
    let cohort = cohorts.get(key);
    if (!cohort) {
      cohort = { partners: 0, days: [] };
      cohorts.set(key, cohort);
    }
    cohort.partners += 1;
    if (row.firstWonAt) cohort.days.push(timeToFirstRevenue(row.activatedAt, row.firstWonAt));
  }
  return [...cohorts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cohort, { partners, days }]) => ({
      cohort,
      partners,
      reached: days.length,
      meanDays: mean(days),
      medianDays: median(days),
    }));
}

/** Reciprocal lead sharing: leads sent to the partner ÷ leads received from it; null when none received. */
export function leadReciprocity(sentToPartner: number, receivedFromPartner: number): number | null {
  return receivedFromPartner === 0 ? null : sentToPartner / receivedFromPartner;
}

export interface PenetrationInput {
  /** Region or industry of the customer. */
  key: string | null;
  partnerAttached: boolean;
  revenue: number;
}

export interface PenetrationRow {
  key: string;
  customers: number;
  withPartner: number;
  withoutPartner: number;
  revenue: number;
  revenueWithPartner: number;
  /** withPartner ÷ customers. */
  partnerShare: number;
}

/** Customers and revenue by region or industry, with and without partners (one row per customer). */
export function marketPenetration(rows: readonly PenetrationInput[]): PenetrationRow[] {
  return marketPenetrationOfGroups(rows.map((row) => ({ ...row, customers: 1 })));
}

/** The same from customers already counted per key and side (what SQL aggregates hand over). */
export function marketPenetrationOfGroups(
  groups: readonly (PenetrationInput & { customers: number })[],
): PenetrationRow[] {
  const byKey = new Map<string, PenetrationRow>();
  for (const row of groups) {
    const key = row.key ?? "unknown";
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        key,
        customers: 0,
        withPartner: 0,
        withoutPartner: 0,
        revenue: 0,
        revenueWithPartner: 0,
        partnerShare: 0,
      };
      byKey.set(key, entry);
    }
    entry.customers += row.customers;
    entry.revenue += row.revenue;
    if (row.partnerAttached) {
      entry.withPartner += row.customers;
      entry.revenueWithPartner += row.revenue;
    } else entry.withoutPartner += row.customers;
  }
  for (const entry of byKey.values())
    entry.partnerShare = entry.customers === 0 ? 0 : entry.withPartner / entry.customers;
  return [...byKey.values()].sort((a, b) => b.revenue - a.revenue || (a.key < b.key ? -1 : 1));
}

/** Median and quartiles of a peer group, only when at least `minimum` peers exist (never identities). */
export function peerBenchmark(
  values: readonly number[],
  minimum = 5,
): { peers: number; q1: number; median: number; q3: number } | { peers: number; insufficient: true } {
  if (values.length < minimum) return { peers: values.length, insufficient: true };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
  };
  return { peers: values.length, q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** The 0–100 percentile rank of `value` in `population` (values below it, plus half of the ties). */
export function percentileRank(value: number, population: readonly number[]): number | null {
  if (population.length === 0) return null;
  const below = population.filter((other) => other < value).length;
  const equal = population.filter((other) => other === value).length;
  return (100 * (below + equal / 2)) / population.length;
}

/**
 * `percentileRank` against one population for many values: sorts once, then two binary searches
 * per value (the health of every partner of a large workspace).
 */
export function percentileRanker(population: readonly number[]): (value: number) => number | null {
  const sorted = [...population].sort((a, b) => a - b);
  const firstAtLeast = (value: number, strict: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = sorted[middle] as number;
      if (strict ? at <= value : at < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (value) => {
    if (sorted.length === 0) return null;
    const below = firstAtLeast(value, false);
    const equal = firstAtLeast(value, true) - below;
    return (100 * (below + equal / 2)) / sorted.length;
  };
}
