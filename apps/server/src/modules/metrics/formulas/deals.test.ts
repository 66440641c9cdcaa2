import { describe, expect, it } from "vitest";
import {
  averageCycle,
  averageWonAmount,
  cycleDays,
  type DealFact,
  partnerInfluencedRevenue,
  partnerSourcedRevenue,
  salesVelocity,
  sourcedInfluencedRatio,
  summarizeDeals,
  winRate,
} from "./deals";

const deal = (
  outcome: DealFact["outcome"],
  amount: number | null,
  cycle: number | null,
  sourced = false,
  partnerInvolved = sourced,
): DealFact => ({ outcome, amount, cycleDays: cycle, sourced, partnerInvolved });

// Hand-worked set: 3 won (10k sourced in 10 d, 30k influenced in 20 d, 20k direct in 60 d), 2 lost, 2 open.
const deals: DealFact[] = [
  deal("won", 10_000, 10, true),
  deal("won", 30_000, 20, false, true),
  deal("won", 20_000, 60),
  deal("lost", 5_000, 40),
  deal("lost", null, 15, false, true),
  deal("open", 7_000, null),
  deal("open", null, null, false, true),
];

describe("revenue formulas", () => {
  it("sums sourced and influenced won amounts", () => {
    expect(partnerSourcedRevenue(deals)).toBe(10_000);
    expect(partnerInfluencedRevenue(deals)).toBe(40_000);
    expect(sourcedInfluencedRatio(10_000, 40_000)).toBe(0.25);
    expect(sourcedInfluencedRatio(10_000, 0)).toBeNull();
  });
});

describe("deal formulas", () => {
  it("computes win rate with open deals excluded", () => {
    expect(winRate(3, 2)).toBe(0.6);
    expect(winRate(0, 0)).toBeNull();
  });

  it("averages the cycle of won deals only (mean and median)", () => {
    expect(averageCycle(deals)).toEqual({ mean: 30, median: 20, n: 3 });
    expect(cycleDays(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-31T12:00:00Z"))).toBe(30.5);
  });

  it("averages won amounts, leaving out won deals without an amount", () => {
    expect(averageWonAmount(deals)).toBe(20_000);
    expect(averageWonAmount([...deals, deal("won", null, 5)])).toBe(20_000);
  });

  it("computes sales velocity = open × average won × win rate ÷ cycle", () => {
    // 2 × 20,000 × 0.6 ÷ 30 = 800 per day
    expect(salesVelocity({ openOpportunities: 2, averageWonAmount: 20_000, winRate: 0.6, averageCycleDays: 30 })).toBe(
      800,
    );
    expect(
      salesVelocity({ openOpportunities: 2, averageWonAmount: null, winRate: 0.6, averageCycleDays: 30 }),
    ).toBeNull();
    expect(salesVelocity({ openOpportunities: 2, averageWonAmount: 1, winRate: 0.6, averageCycleDays: 0 })).toBeNull();
  });

  it("summarizes a group through the same definitions", () => {
    const summary = summarizeDeals(deals);
    expect(summary).toMatchObject({ won: 3, lost: 2, open: 2, winRate: 0.6, wonAmount: 60_000 });
    expect(summary.salesVelocity).toBeCloseTo(800, 9);
  });
});
