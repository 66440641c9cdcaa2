/** Recurring-revenue formulas over revenue events (amounts: annual recurring, reporting minor units). */

export type RevenueKind = "new" | "expansion" | "contraction" | "renewal" | "churn";

export interface RevenueMovement {
  accountId: string;
  kind: RevenueKind;
  /** ISO date (YYYY-MM-DD). */
  on: string;
  amount: number;
}

/** The signed change a movement makes to an account's recurring revenue. */
export function recurringDelta(kind: RevenueKind, amount: number): number {
  if (kind === "new" || kind === "expansion") return amount;
  if (kind === "contraction" || kind === "churn") return -amount;
  return 0;
}

export interface RetentionResult {
  /** Recurring revenue at the period start of the accounts that had some (the cohort). */
  start: number;
  expansion: number;
  contraction: number;
  churn: number;
  /** (start + expansion − contraction − churn) ÷ start; null without a starting cohort. */
  nrr: number | null;
  /** (start − contraction − churn) ÷ start. */
  grr: number | null;
  /** Accounts in the cohort. */
  accounts: number;
}

/**
 * NRR and GRR over [from, to): the cohort is every account with recurring revenue before `from`;
 * accounts that are new within the period are excluded (their `new` events are not expansion).
 * A churn or contraction never removes more than the account had.
 */
export function netRevenueRetention(movements: readonly RevenueMovement[], from: string, to: string): RetentionResult {
  const startBy = new Map<string, number>();
  for (const m of movements) {
    if (m.on < from) startBy.set(m.accountId, (startBy.get(m.accountId) ?? 0) + recurringDelta(m.kind, m.amount));
  }
  const cohort = new Map([...startBy].filter(([, value]) => value > 0));
  const running = new Map(cohort);
  let expansion = 0;
  let contraction = 0;
  let churn = 0;
  const inPeriod = movements.filter((m) => m.on >= from && m.on < to && cohort.has(m.accountId));
  inPeriod.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const m of inPeriod) {
    const current = running.get(m.accountId) ?? 0;
    if (m.kind === "expansion" || m.kind === "new") {
      expansion += m.amount;
      running.set(m.accountId, current + m.amount);
    } else if (m.kind === "contraction" || m.kind === "churn") {
      const taken = Math.min(m.amount, current);
      if (m.kind === "churn") churn += taken;
      else contraction += taken;
      running.set(m.accountId, current - taken);
    }
  }
  let start = 0;
  for (const value of cohort.values()) start += value;
  return { ...retentionRatios({ start, expansion, contraction, churn }), accounts: cohort.size };
}

/** NRR = (start + expansion − contraction − churn) ÷ start; GRR = (start − contraction − churn) ÷ start. */
export function retentionRatios(totals: { start: number; expansion: number; contraction: number; churn: number }) {
  const { start, expansion, contraction, churn } = totals;
  return {
    ...totals,
    nrr: start === 0 ? null : (start + expansion - contraction - churn) / start,
    grr: start === 0 ? null : (start - contraction - churn) / start,
  };
}

/** Simple CLTV: ARPA × gross margin ÷ churn rate (per the same period as ARPA); null when churn is 0. */
export function simpleCltv(input: { arpa: number; grossMargin: number; churnRate: number }): number | null {
  if (input.churnRate <= 0) return null;
  return (input.arpa * input.grossMargin) / input.churnRate;
}

/**
 * CLTV of a retention cohort over a period: ARPA = recurring revenue at the start ÷ accounts; churn
 * rate = accounts left with no recurring revenue at the end ÷ accounts, scaled to a year
 * (× 365 ÷ days); CLTV = ARPA × gross margin ÷ churn rate (simple CLTV; none without churn).
 */
export function lifetimeValueOfCohort(input: {
  startRecurringRevenue: number;
  accounts: number;
  churnedAccounts: number;
  periodDays: number;
  grossMargin: number;
}): { arpa: number | null; churnRate: number | null; cltv: number | null; accounts: number } {
  const { accounts } = input;
  if (accounts === 0 || input.periodDays <= 0) return { arpa: null, churnRate: null, cltv: null, accounts };
  const arpa = input.startRecurringRevenue / accounts;
  const churnRate = (input.churnedAccounts / accounts) * (365 / input.periodDays);
  return { arpa, churnRate, cltv: simpleCltv({ arpa, grossMargin: input.grossMargin, churnRate }), accounts };
}

/**
 * Cohort CLTV: Σ_t revenue_t × GM ÷ (1 + d)^t ÷ cohort size, where revenue_t is the cohort's
 * revenue in its t-th period since acquisition (t = 0 first) and d the discount rate per period.
 */
export function cohortCltv(input: {
  revenueByPeriod: readonly number[];
  grossMargin: number;
  discountRate: number;
  cohortSize: number;
}): number | null {
  if (input.cohortSize <= 0) return null;
  let total = 0;
  input.revenueByPeriod.forEach((revenue, t) => {
    total += (revenue * input.grossMargin) / (1 + input.discountRate) ** t;
  });
  return total / input.cohortSize;
}

/** Churn rate over a period: accounts of the starting cohort that churned completely ÷ cohort size. */
export function churnRate(movements: readonly RevenueMovement[], from: string, to: string): number | null {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const m of movements) {
    const delta = recurringDelta(m.kind, m.amount);
    if (m.on < from) before.set(m.accountId, (before.get(m.accountId) ?? 0) + delta);
    if (m.on < to) after.set(m.accountId, (after.get(m.accountId) ?? 0) + delta);
  }
  const cohort = [...before].filter(([, value]) => value > 0).map(([id]) => id);
  if (cohort.length === 0) return null;
  const churned = cohort.filter((id) => (after.get(id) ?? 0) <= 0).length;
  return churned / cohort.length;
}
