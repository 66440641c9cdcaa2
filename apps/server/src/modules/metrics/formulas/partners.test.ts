import { describe, expect, it } from "vitest";
import {
  leadReciprocity,
  marketPenetration,
  peerBenchmark,
  percentileRank,
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
});
