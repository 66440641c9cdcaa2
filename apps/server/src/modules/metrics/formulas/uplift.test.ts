import { describe, expect, it } from "vitest";
import { studentTQuantile } from "./stats";
import { dealStratum, partnerUplift, sizeBand, type UpliftObservation, welchInterval } from "./uplift";

const obs = (partner: boolean, stratum: string, values: number[]): UpliftObservation[] =>
  values.map((value) => ({ partner, stratum, value }));

describe("Student's t and Welch", () => {
  it("matches published t quantiles", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
  });

  it("computes Welch's interval by hand", () => {
    // means 3 and 6, variances 2.5 and 10 → se = √2.5, df = 6.25 / 1.0625 = 5.882…, t = 2.45882
    const result = welchInterval([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(result?.difference).toBe(-3);
    expect(result?.df).toBeCloseTo(5.882353, 5);
    expect(result?.low).toBeCloseTo(-3 - 2.458824 * Math.sqrt(2.5), 4);
    expect(result?.high).toBeCloseTo(-3 + 2.458824 * Math.sqrt(2.5), 4);
  });
});

describe("strata", () => {
  it("bands deal sizes in major units", () => {
    expect(sizeBand(null)).toBe("unknown");
    expect(sizeBand(999_999)).toBe("<10k");
    expect(sizeBand(1_000_000)).toBe("10k-50k");
    expect(sizeBand(30_000_000)).toBe("250k-1m");
    expect(sizeBand(500_000_000)).toBe("1m+");
    expect(dealStratum("51-200", 6_000_000)).toBe("51-200|50k-250k");
    expect(dealStratum(null, null)).toBe("unknown|unknown");
  });
});

describe("partner uplift", () => {
  // Stratum A: partner 3/4 won, direct 1/4; stratum B: partner 1/2, direct 1/3.
  // C has only a partner deal and D only direct deals: both are left out (3 deals).
  const observations = [
    ...obs(true, "A", [1, 1, 0, 1]),
    ...obs(false, "A", [0, 1, 0, 0]),
    ...obs(true, "B", [1, 0]),
    ...obs(false, "B", [0, 0, 1]),
    ...obs(true, "C", [1]),
    ...obs(false, "D", [0, 0]),
  ];

  it("weights matched strata by their partner deals", () => {
    const result = partnerUplift(observations, { resamples: 200 });
    // partner: 4/6 × 0.75 + 2/6 × 0.5 = 2/3; direct: 4/6 × 0.25 + 2/6 × 1/3 = 5/18
    expect(result.partnerMean).toBeCloseTo(2 / 3, 12);
    expect(result.directMean).toBeCloseTo(5 / 18, 12);
    expect(result.difference).toBeCloseTo(7 / 18, 12);
    expect(result.relative).toBeCloseTo(1.4, 12);
    expect(result.matched).toEqual({ partner: 6, direct: 7, strata: 2 });
    expect(result.unmatched).toBe(3);
  });

  it("is reproducible for a seed", () => {
    expect(partnerUplift(observations, { seed: 7 }).interval).toEqual(
      partnerUplift(observations, { seed: 7 }).interval,
    );
  });

  it("finds a real effect: the interval excludes zero", () => {
    const random = mulberry(11);
    const data: UpliftObservation[] = [];
    for (const stratum of ["s|<10k", "s|10k-50k", "m|<10k"]) {
      for (let i = 0; i < 300; i++) data.push({ partner: true, stratum, value: random() < 0.45 ? 1 : 0 });
      for (let i = 0; i < 300; i++) data.push({ partner: false, stratum, value: random() < 0.25 ? 1 : 0 });
    }
    const result = partnerUplift(data);
    expect(result.interval?.low).toBeGreaterThan(0);
    expect(result.welch?.low).toBeGreaterThan(0);
    expect(result.difference).toBeGreaterThan(0.1);
  });

  it("does not invent an effect: with identical groups the interval contains zero", () => {
    const random = mulberry(5);
    const data: UpliftObservation[] = [];
    for (const stratum of ["s|<10k", "m|10k-50k"]) {
      for (let i = 0; i < 400; i++) data.push({ partner: i % 2 === 0, stratum, value: 1000 + random() * 500 });
    }
    const result = partnerUplift(data);
    expect(result.interval?.low).toBeLessThan(0);
    expect(result.interval?.high).toBeGreaterThan(0);
  });

  it("agrees with exact resampling when large groups use the normal approximation", () => {
    const random = mulberry(3);
    const data: UpliftObservation[] = [];
    for (let i = 0; i < 3000; i++) data.push({ partner: true, stratum: "x", value: random() < 0.4 ? 1 : 0 });
    for (let i = 0; i < 3000; i++) data.push({ partner: false, stratum: "x", value: random() < 0.3 ? 1 : 0 });
    const exact = partnerUplift(data, { exactLimit: 10_000 });
    const approx = partnerUplift(data, { exactLimit: 100 });
    expect(approx.interval?.low).toBeCloseTo(exact.interval?.low ?? 0, 1);
    expect(approx.interval?.high).toBeCloseTo(exact.interval?.high ?? 0, 1);
  });

  it("answers nulls when no stratum holds both groups", () => {
    const result = partnerUplift(obs(true, "A", [1, 0]));
    expect(result.difference).toBeNull();
    expect(result.interval).toBeNull();
    expect(result.unmatched).toBe(2);
  });
});

function mulberry(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
