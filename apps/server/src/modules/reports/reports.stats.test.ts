import { describe, expect, it } from "vitest";
import {
  grossRetention,
  netRetention,
  proportionDifference,
  quartiles,
  relativeChange,
  wilsonInterval,
  winRate,
} from "./reports.stats";

describe("confidence intervals", () => {
  it("Wilson interval matches the published example (81 of 263: 0.2553 to 0.3662)", () => {
    const interval = wilsonInterval(81, 263);
    expect(interval?.low).toBeCloseTo(0.2553, 4);
    expect(interval?.high).toBeCloseTo(0.3662, 4);
  });

  it("Newcombe's hybrid score interval reproduces his worked example 56/70 − 48/80", () => {
    // Newcombe (1998), Statistics in Medicine 17:873–890, table II, method 10: +0.0524 to +0.3339.
    const result = proportionDifference(56, 70, 48, 80);
    expect(result?.difference).toBeCloseTo(0.2, 10);
    expect(result?.low).toBeCloseTo(0.0524, 4);
    expect(result?.high).toBeCloseTo(0.3339, 4);
  });

  it("an interval around equal rates contains zero; no data gives no interval", () => {
    const result = proportionDifference(30, 100, 31, 100);
    expect(result?.low).toBeLessThan(0);
    expect(result?.high).toBeGreaterThan(0);
    expect(proportionDifference(1, 0, 3, 4)).toBeNull();
  });
});

describe("retention and rates", () => {
  it("NRR and GRR follow the committed formulas", () => {
    // start 1000, expansion 200, contraction 50, churn 100 → NRR 1050/1000, GRR 850/1000
    const totals = { start: 1000, expansion: 200, contraction: 50, churn: 100 };
    expect(netRetention(totals)).toBeCloseTo(1.05, 10);
    expect(grossRetention(totals)).toBeCloseTo(0.85, 10);
    expect(netRetention({ start: 0, expansion: 5, contraction: 0, churn: 0 })).toBeNull();
  });

  it("win rate excludes open deals; change needs a base", () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 0)).toBeNull();
    expect(relativeChange(120, 100)).toBeCloseTo(0.2, 10);
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5, 10);
    expect(relativeChange(5, 0)).toBeNull();
  });

  it("quartiles interpolate like QUARTILE.INC", () => {
    expect(quartiles([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ q1: 2.75, median: 4.5, q3: 6.25 });
    expect(quartiles([])).toBeNull();
  });
});
