import { describe, expect, it } from "vitest";
import { decayedCount, engagementScores, healthBand, healthScore, scaleToTarget } from "./engagement";

describe("engagement score", () => {
  it("decays every event by 2^(−age/H)", () => {
    expect(decayedCount([0, 7, 14], 7)).toBeCloseTo(1.75, 12);
    expect(decayedCount([-3], 7)).toBe(1);
  });

  it("blends normalized signals with their weights", () => {
    const values = new Map<string, Record<string, number>>([
      ["p1", { logins: 4, touchpoints: 1, onboarding: 1 }],
      ["p2", { logins: 2, touchpoints: 2, onboarding: 0.25 }],
      ["p3", {}],
    ]);
    const scores = engagementScores(values, { logins: 1, touchpoints: 2, onboarding: 1 }, new Set(["onboarding"]));
    // p1: (1×1 + 2×0.5 + 1×1) ÷ 4 = 0.75; p2: (1×0.5 + 2×1 + 1×0.25) ÷ 4 = 0.6875
    expect(scores.get("p1")?.score).toBeCloseTo(75, 12);
    expect(scores.get("p2")?.score).toBeCloseTo(68.75, 12);
    expect(scores.get("p2")?.components).toEqual({ logins: 0.5, touchpoints: 1, onboarding: 0.25 });
    expect(scores.get("p3")?.score).toBe(0);
  });
});

describe("ecosystem health", () => {
  it("blends the components with data and renormalizes the weights", () => {
    const result = healthScore(
      { revenue: 90, engagement: 70, enablement: null, pipeline: 60, relationship: 100 },
      { revenue: 2, engagement: 1, enablement: 1, pipeline: 1, relationship: 1 },
    );
    // (2×90 + 70 + 60 + 100) ÷ 5 = 82
    expect(result.score).toBeCloseTo(82, 12);
    expect(result.band).toBe("green");
    expect(result.used).toEqual(["revenue", "engagement", "pipeline", "relationship"]);
  });

  it("bands at 80 and 50", () => {
    expect(healthBand(80)).toBe("green");
    expect(healthBand(79.99)).toBe("yellow");
    expect(healthBand(50)).toBe("yellow");
    expect(healthBand(49.9)).toBe("red");
    expect(healthBand(70, { green: 70, yellow: 40 })).toBe("green");
  });

  it("scales a value against its target", () => {
    expect(scaleToTarget(50, 200)).toBe(25);
    expect(scaleToTarget(500, 200)).toBe(100);
    expect(scaleToTarget(1, 0)).toBeNull();
  });
});
