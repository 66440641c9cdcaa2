import {
  moneyTierMetrics,
  type TierCriterion,
  type TierManualCheck,
  type TierMetric,
  type TierRequirement,
  tierMetricLabels,
} from "@symbiont/contracts";

/** What the rules need of a tier. */
export interface TierRule {
  id: string;
  name: string;
  rank: number;
  criteria: readonly TierCriterion[];
  manualChecks: readonly TierManualCheck[];
}

/** A partner's measured signals over the window, and the manual checks ticked for them. */
export interface PartnerStanding {
  metrics: Partial<Record<TierMetric, number>>;
  checks: ReadonlySet<string>;
}

export const DAY_MS = 86_400_000;

/** Whether every threshold and manual check of `tier` holds for the partner. */
export function meetsTier(tier: TierRule, standing: PartnerStanding): boolean {
  return (
    tier.criteria.every((criterion) => (standing.metrics[criterion.metric] ?? 0) >= criterion.min) &&
    tier.manualChecks.every((check) => standing.checks.has(check.key))
  );
}

/** The highest-ranked tier whose criteria and manual checks all hold; null when none does. */
export function qualifiedTier<T extends TierRule>(tiers: readonly T[], standing: PartnerStanding): T | null {
  let best: T | null = null;
  for (const tier of tiers) {
    if (meetsTier(tier, standing) && (best === null || tier.rank > best.rank)) best = tier;
  }
  return best;
}

/** The tier directly above `rank` (or the lowest tier when the partner has none). */
export function nextTierAbove<T extends TierRule>(tiers: readonly T[], rank: number | null): T | null {
  let next: T | null = null;
  for (const tier of tiers) {
    if ((rank === null || tier.rank > rank) && (next === null || tier.rank < next.rank)) next = tier;
  }
  return next;
}

/** Formats an amount in minor units, e.g. 4_000_000 USD cents → "$40,000". */
export function formatMoney(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const value = minor / 10 ** digits;
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  }).format(value);
}

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const countNouns: Partial<Record<TierMetric, [string, string]>> = {
  certified_people: ["certified person", "certified people"],
  approved_registrations: ["approved deal registration", "approved deal registrations"],
  won_deals: ["won deal", "won deals"],
  points: ["point", "points"],
};

/** "2 more certified people", "$40,000 more sourced revenue", "12 more engagement score points". */
export function describeShortfall(metric: TierMetric, missing: number, currency: string): string {
  if (moneyTierMetrics.includes(metric)) {
    return `${formatMoney(Math.ceil(missing), currency)} more ${tierMetricLabels[metric].toLowerCase()}`;
  }
  const amount = Number.isInteger(missing) ? missing : Math.ceil(missing * 100) / 100;
  const nouns = countNouns[metric];
  if (nouns) return `${amount.toLocaleString("en-US")} more ${amount === 1 ? nouns[0] : nouns[1]}`;
  return `${amount.toLocaleString("en-US")} more ${tierMetricLabels[metric].toLowerCase()} points`;
}

/** Every requirement of `tier` for the partner, met or not, with progress and the shortfall. */
export function tierRequirements(tier: TierRule, standing: PartnerStanding, currency: string): TierRequirement[] {
  const metrics = tier.criteria.map((criterion): TierRequirement => {
    const current = standing.metrics[criterion.metric] ?? 0;
    const met = current >= criterion.min;
    return {
      kind: "metric",
      key: criterion.metric,
      label: tierMetricLabels[criterion.metric],
      current,
      required: criterion.min,
      progress: criterion.min <= 0 ? 1 : Math.min(1, Math.max(0, current / criterion.min)),
      met,
      missing: met ? null : describeShortfall(criterion.metric, criterion.min - current, currency),
    };
  });
  const checks = tier.manualChecks.map((check): TierRequirement => {
    const met = standing.checks.has(check.key);
    return {
      kind: "check",
      key: check.key,
      label: check.label,
      current: met ? 1 : 0,
      required: 1,
      progress: met ? 1 : 0,
      met,
      missing: met ? null : check.label,
    };
  });
  return [...metrics, ...checks];
}

/** The gap to `tier` as one plain sentence; null when nothing is missing. */
export function gapSentence(requirements: readonly TierRequirement[]): string | null {
  const missing = requirements.flatMap((requirement) => (requirement.missing ? [requirement.missing] : []));
  if (missing.length === 0) return null;
  if (missing.length === 1) return missing[0] ?? null;
  return `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
}

export type EvaluationAction = "none" | "propose_upgrade" | "propose_downgrade";

export interface EvaluationInput {
  /** Rank of the partner's current tier; null = no tier. */
  currentRank: number | null;
  /** Rank of the tier the partner qualifies for now; null = none. */
  qualifiedRank: number | null;
  /** When the current shortfall began (grace clock), if one is running. */
  shortfallSince: Date | null;
  graceDays: number;
  now: Date;
}

export interface EvaluationStep {
  action: EvaluationAction;
  /** The grace clock to store after this evaluation. */
  shortfallSince: Date | null;
  /** True when this evaluation started the grace period. */
  graceStarted: boolean;
}

const rankOf = (rank: number | null) => rank ?? -1;

/**
 * One evaluation: upgrades are proposed at once; a shortfall starts the grace clock and a
 * downgrade is proposed only once `graceDays` have passed; qualifying again clears the clock.
 */
export function evaluateStep(input: EvaluationInput): EvaluationStep {
  const current = rankOf(input.currentRank);
  const qualified = rankOf(input.qualifiedRank);
  if (qualified > current) return { action: "propose_upgrade", shortfallSince: null, graceStarted: false };
  if (qualified === current) return { action: "none", shortfallSince: null, graceStarted: false };
  const since = input.shortfallSince ?? input.now;
  const started = input.shortfallSince === null;
  const elapsed = input.now.getTime() - since.getTime() >= input.graceDays * DAY_MS;
  return { action: elapsed ? "propose_downgrade" : "none", shortfallSince: since, graceStarted: started };
}
