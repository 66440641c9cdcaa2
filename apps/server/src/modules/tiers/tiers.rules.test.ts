import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  describeShortfall,
  evaluateStep,
  formatMoney,
  gapSentence,
  nextTierAbove,
  type PartnerStanding,
  qualifiedTier,
  type TierRule,
  tierRequirements,
} from "./tiers.rules";

const tiers: TierRule[] = [
  { id: "registered", name: "Registered", rank: 0, criteria: [], manualChecks: [] },
  {
    id: "silver",
    name: "Silver",
    rank: 1,
    criteria: [{ metric: "certified_people", min: 2 }],
    manualChecks: [],
  },
  {
    id: "gold",
    name: "Gold",
    rank: 2,
    criteria: [
      { metric: "certified_people", min: 5 },
      { metric: "sourced_revenue", min: 10_000_000 },
    ],
    manualChecks: [{ key: "business_plan", label: "Joint business plan signed" }],
  },
];

const standing = (metrics: PartnerStanding["metrics"], checks: string[] = []): PartnerStanding => ({
  metrics,
  checks: new Set(checks),
});

describe("qualifiedTier", () => {
  it("picks the highest tier whose criteria and manual checks all hold", () => {
    expect(qualifiedTier(tiers, standing({}))?.id).toBe("registered");
    expect(qualifiedTier(tiers, standing({ certified_people: 2 }))?.id).toBe("silver");
    expect(
      qualifiedTier(tiers, standing({ certified_people: 6, sourced_revenue: 10_000_000 }, ["business_plan"]))?.id,
    ).toBe("gold");
  });

  it("withholds a tier while a manual check is not ticked", () => {
    expect(qualifiedTier(tiers, standing({ certified_people: 6, sourced_revenue: 20_000_000 }))?.id).toBe("silver");
  });

  it("ignores input order and answers null when no tier applies", () => {
    const reversed = [...tiers].reverse().filter((tier) => tier.rank > 0);
    expect(qualifiedTier(reversed, standing({ certified_people: 3 }))?.id).toBe("silver");
    expect(qualifiedTier(reversed, standing({}))).toBeNull();
  });
});

describe("nextTierAbove", () => {
  it("finds the tier directly above, the entry tier without a rank, and null at the top", () => {
    expect(nextTierAbove(tiers, 0)?.id).toBe("silver");
    expect(nextTierAbove(tiers, null)?.id).toBe("registered");
    expect(nextTierAbove(tiers, 2)).toBeNull();
  });
});

describe("the gap to a tier", () => {
  it("lists what is missing as data and as one sentence, money in the reporting currency", () => {
    const gold = tiers[2] as TierRule;
    const requirements = tierRequirements(gold, standing({ certified_people: 3, sourced_revenue: 6_000_000 }), "USD");
    expect(requirements).toEqual([
      expect.objectContaining({ key: "certified_people", current: 3, required: 5, met: false, progress: 0.6 }),
      expect.objectContaining({ key: "sourced_revenue", met: false, missing: "$40,000 more sourced revenue" }),
      expect.objectContaining({ kind: "check", key: "business_plan", met: false, progress: 0 }),
    ]);
    expect(gapSentence(requirements)).toBe(
      "2 more certified people, $40,000 more sourced revenue and Joint business plan signed",
    );
  });

  it("says nothing when every requirement is met", () => {
    const silver = tiers[1] as TierRule;
    const requirements = tierRequirements(silver, standing({ certified_people: 9 }), "USD");
    expect(requirements[0]).toMatchObject({ met: true, missing: null, progress: 1 });
    expect(gapSentence(requirements)).toBeNull();
  });

  it("formats money from minor units and words counts", () => {
    expect(formatMoney(4_000_000, "USD")).toBe("$40,000");
    expect(formatMoney(1_050, "EUR")).toBe("€10.50");
    expect(formatMoney(5_000, "JPY")).toBe("¥5,000");
    expect(describeShortfall("certified_people", 1, "USD")).toBe("1 more certified person");
    expect(describeShortfall("won_deals", 3, "USD")).toBe("3 more won deals");
    expect(describeShortfall("influenced_revenue", 250_000, "GBP")).toBe("£2,500 more influenced revenue");
  });
});

describe("evaluateStep", () => {
  const now = new Date("2026-06-01T04:00:00Z");
  const base = { shortfallSince: null, graceDays: 30, now };

  it("proposes an upgrade at once", () => {
    expect(evaluateStep({ ...base, currentRank: 0, qualifiedRank: 2 })).toEqual({
      action: "propose_upgrade",
      shortfallSince: null,
      graceStarted: false,
    });
    expect(evaluateStep({ ...base, currentRank: null, qualifiedRank: 0 }).action).toBe("propose_upgrade");
  });

  it("starts the grace period on the first shortfall without proposing", () => {
    expect(evaluateStep({ ...base, currentRank: 2, qualifiedRank: 1 })).toEqual({
      action: "none",
      shortfallSince: now,
      graceStarted: true,
    });
  });

  it("keeps waiting during the grace period and proposes the downgrade once it has elapsed", () => {
    const since = new Date(now.getTime() - 29 * DAY_MS);
    expect(evaluateStep({ ...base, currentRank: 2, qualifiedRank: 1, shortfallSince: since })).toEqual({
      action: "none",
      shortfallSince: since,
      graceStarted: false,
    });
    const longAgo = new Date(now.getTime() - 31 * DAY_MS);
    expect(evaluateStep({ ...base, currentRank: 2, qualifiedRank: null, shortfallSince: longAgo })).toMatchObject({
      action: "propose_downgrade",
      shortfallSince: longAgo,
    });
  });

  it("clears the grace clock when the partner qualifies again", () => {
    const since = new Date(now.getTime() - 10 * DAY_MS);
    expect(evaluateStep({ ...base, currentRank: 2, qualifiedRank: 2, shortfallSince: since })).toEqual({
      action: "none",
      shortfallSince: null,
      graceStarted: false,
    });
  });

  it("proposes a downgrade immediately when the program has no grace period", () => {
    expect(evaluateStep({ ...base, graceDays: 0, currentRank: 1, qualifiedRank: 0 }).action).toBe("propose_downgrade");
  });
});
