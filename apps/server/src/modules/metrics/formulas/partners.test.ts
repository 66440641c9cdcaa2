import { describe, expect, it } from "vitest";
import {
  leadReciprocity,
  marketPenetration,
  marketPenetrationOfGroups,
  peerBenchmark,
  percentileRank,
  percentileRanker,
  timeToFirstRevenueByCohort,
} from "./partners";

describe("time to first revenue", () => {
  it("groups partners by activation month", () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const result = timeToFirstRevenueByCohort([
      { partnerId: "p1", activatedAt: d("2026-01-05"), firstWonAt: d("2026-01-25") },
      { partnerId: "p2", activatedAt: d("2026-01-20"), firstWonAt: d("2026-03-01") },
      { partnerId: "p3", activatedAt: d("2026-01-30"), firstWonAt: null },
      { partnerId: "p4", activatedAt: d("2026-02-10"), firstWonAt: d("2026-02-11") },
      { partnerId: "p5", activatedAt: null, firstWonAt: d("2026-02-11") },
    ]);
    expect(result).toEqual([
      { cohort: "2026-01", partners: 3, reached: 2, meanDays: 30, medianDays: 30 },
      { cohort: "2026-02", partners: 1, reached: 1, meanDays: 1, medianDays: 1 },
    ]);
  });
});

describe("reciprocity and penetration", () => {
  it("divides leads sent by leads received", () => {
    expect(leadReciprocity(6, 4)).toBe(1.5);
    expect(leadReciprocity(6, 0)).toBeNull();
  });

  it("counts customers and revenue with and without partners", () => {
    const rows = marketPenetration([
      { key: "EMEA", partnerAttached: true, revenue: 100 },
      { key: "EMEA", partnerAttached: false, revenue: 50 },
      { key: "NA", partnerAttached: false, revenue: 300 },
      { key: null, partnerAttached: true, revenue: 10 },
    ]);
    expect(rows.map((row) => row.key)).toEqual(["NA", "EMEA", "unknown"]);
    expect(rows[1]).toEqual({
      key: "EMEA",
      customers: 2,
      withPartner: 1,
      withoutPartner: 1,
      revenue: 150,
      revenueWithPartner: 100,
      partnerShare: 0.5,
    });
  });
});

describe("peer benchmark", () => {
  it("needs five peers", () => {
    expect(peerBenchmark([1, 2, 3, 4])).toEqual({ peers: 4, insufficient: true });
  });

  it("reports quartiles, nothing else", () => {
    expect(peerBenchmark([5, 1, 4, 2, 3])).toEqual({ peers: 5, q1: 2, median: 3, q3: 4 });
    expect(peerBenchmark([10, 20, 30, 40, 50, 60])).toEqual({ peers: 6, q1: 22.5, median: 35, q3: 47.5 });
  });
});

describe("percentile rank", () => {
  it("counts values below and half the ties", () => {
    // below 2 (10, 20), ties 2 (30, 30) → (2 + 1) ÷ 5 = 60
    expect(percentileRank(30, [10, 20, 30, 30, 40])).toBe(60);
    expect(percentileRank(5, [])).toBeNull();
  });

  it("ranks many values against one population the same way", () => {
    const population = [10, 20, 30, 30, 40];
    const rank = percentileRanker(population);
    expect(rank(30)).toBe(60);
    // below 0, ties 0 → 0; below 5, ties 0 → 100; below 4 (10, 20, 30, 30), tie 1 → 4.5 ÷ 5 = 90
    expect(rank(1)).toBe(0);
    expect(rank(99)).toBe(100);
    expect(rank(40)).toBe(90);
    for (const value of [0, 10, 15, 20, 30, 35, 40, 45]) expect(rank(value)).toBe(percentileRank(value, population));
    expect(percentileRanker([])(5)).toBeNull();
  });
});

describe("market penetration from groups", () => {
  it("adds counted customers per key and side", () => {
    // EMEA: 3 with partners (revenue 300) + 1 without (50) → 4 customers, share 3 ÷ 4
    const rows = marketPenetrationOfGroups([
      { key: "EMEA", partnerAttached: true, customers: 3, revenue: 300 },
      { key: "EMEA", partnerAttached: false, customers: 1, revenue: 50 },
      { key: null, partnerAttached: false, customers: 2, revenue: 10 },
    ]);
    expect(rows).toEqual([
      {
        key: "EMEA",
        customers: 4,
        withPartner: 3,
        withoutPartner: 1,
        revenue: 350,
        revenueWithPartner: 300,
        partnerShare: 0.75,
      },
      {
        key: "unknown",
        customers: 2,
        withPartner: 0,
        withoutPartner: 2,
        revenue: 10,
        revenueWithPartner: 0,
        partnerShare: 0,
      },
    ]);
  });
});
