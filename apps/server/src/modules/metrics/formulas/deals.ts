import { mean, median } from "./stats";

/** One opportunity as the deal formulas see it (amounts in reporting-currency minor units). */
export interface DealFact {
  outcome: "open" | "won" | "lost";
  /** Reporting-currency minor units; null when the source named no amount. */
  amount: number | null;
  /** Days from creation to close; null while open. */
  cycleDays: number | null;
  /** The opportunity's source is a partner (`partner_sourced`). */
  sourced: boolean;
  /** A partner is involved: sourced, or at least one (non-voided) partner touchpoint. */
  partnerInvolved: boolean;
}

const DAY_MS = 86_400_000;

/** Days between creation and close, fractional (a deal closed the day it opened is 0 days). */
export function cycleDays(openedAt: Date, closedAt: Date): number {
  return (closedAt.getTime() - openedAt.getTime()) / DAY_MS;
}

/** Σ won amount of opportunities whose source is a partner. */
export function partnerSourcedRevenue(deals: readonly DealFact[]): number {
  let total = 0;
  for (const deal of deals) if (deal.outcome === "won" && deal.sourced) total += deal.amount ?? 0;
  return total;
}

/** Σ won amount of opportunities with at least one partner touchpoint (sourced deals included). */
export function partnerInfluencedRevenue(deals: readonly DealFact[]): number {
  let total = 0;
  for (const deal of deals) if (deal.outcome === "won" && deal.partnerInvolved) total += deal.amount ?? 0;
  return total;
}

/** sourced ÷ influenced; null when nothing was influenced. */
export function sourcedInfluencedRatio(sourced: number, influenced: number): number | null {
  return influenced === 0 ? null : sourced / influenced;
}

/** won ÷ (won + lost); open deals are excluded; null without closed deals. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

export interface CycleSummary {
  mean: number | null;
  median: number | null;
  n: number;
}

/** Mean and median of close − create over won opportunities, in days. */
export function averageCycle(deals: readonly DealFact[]): CycleSummary {
  const days = deals.flatMap((deal) => (deal.outcome === "won" && deal.cycleDays !== null ? [deal.cycleDays] : []));
  return { mean: mean(days), median: median(days), n: days.length };
}

/** Mean won amount (won deals without an amount are left out). */
export function averageWonAmount(deals: readonly DealFact[]): number | null {
  return mean(deals.flatMap((deal) => (deal.outcome === "won" && deal.amount !== null ? [deal.amount] : [])));
}

/**
 * Sales velocity, money per day: (# open qualified opportunities × average won amount × win rate)
 * ÷ average won cycle in days. Null when any input is missing or the cycle is 0.
 */
export function salesVelocity(input: {
  openOpportunities: number;
  averageWonAmount: number | null;
  winRate: number | null;
  averageCycleDays: number | null;
}): number | null {
  const { openOpportunities, averageWonAmount: amount, winRate: rate, averageCycleDays: days } = input;
  if (amount === null || rate === null || days === null || days <= 0) return null;
  return (openOpportunities * amount * rate) / days;
}

export interface DealSummary {
  won: number;
  lost: number;
  open: number;
  winRate: number | null;
  wonAmount: number;
  averageWonAmount: number | null;
  cycle: CycleSummary;
  salesVelocity: number | null;
}

/** Every deal figure of one group of deals, through the single definitions above. */
export function summarizeDeals(deals: readonly DealFact[]): DealSummary {
  let won = 0;
  let lost = 0;
  let open = 0;
  let wonAmount = 0;
  for (const deal of deals) {
    if (deal.outcome === "won") {
      won += 1;
      wonAmount += deal.amount ?? 0;
    } else if (deal.outcome === "lost") lost += 1;
    else open += 1;
  }
  const rate = winRate(won, lost);
  const average = averageWonAmount(deals);
  const cycle = averageCycle(deals);
  return {
    won,
    lost,
    open,
    winRate: rate,
    wonAmount,
    averageWonAmount: average,
    cycle,
    salesVelocity: salesVelocity({
      openOpportunities: open,
      averageWonAmount: average,
      winRate: rate,
      averageCycleDays: cycle.mean,
    }),
  };
}
