import { describe, expect, it } from "vitest";
import { journeysFromOpportunities } from "./from-objects";
import { customWeights, DAY_MS, firstTouch, lastTouch, linear, timeDecay } from "./heuristics";
import { JourneySetBuilder, TouchFlag } from "./journeys";
import { explainJourney } from "./registry";
import { AttributionError } from "./result";

const byName = (names: readonly string[], values: Float64Array) =>
  Object.fromEntries(names.map((n, i) => [n, values[i]]));

function paths(rows: [string, number, number, number][]) {
  const builder = new JourneySetBuilder();
  for (const [path, conversions, value, nulls] of rows)
    builder.addPath(path.split(" > "), { conversions, value, nulls });
  return builder.build();
}

describe("first, last and linear", () => {
  const set = paths([
    ["a > b > a", 2, 10, 5],
    ["b > c", 1, 3, 0],
    ["c", 0, 0, 7], // a null journey earns nothing
  ]);

  it("first and last credit the first / last item as written", () => {
    expect(byName(set.channelNames, firstTouch(set).conversions)).toEqual({ a: 2, b: 1, c: 0 });
    expect(byName(set.channelNames, firstTouch(set).value)).toEqual({ a: 10, b: 3, c: 0 });
    expect(byName(set.channelNames, lastTouch(set).conversions)).toEqual({ a: 2, b: 0, c: 1 });
  });

  it("linear splits each journey over its touches, a repeated channel counting per occurrence", () => {
    const result = linear(set);
    expect(result.conversions[0]).toBeCloseTo(4 / 3, 12);
    expect(result.conversions[1]).toBeCloseTo(2 / 3 + 1 / 2, 12);
    expect(result.conversions[2]).toBeCloseTo(1 / 2, 12);
    expect(result.value[0]).toBeCloseTo(20 / 3, 12);
    expect(result.value[2]).toBeCloseTo(1.5, 12);
  });

  it("explains one journey touch by touch", () => {
    const shares = explainJourney("linear", set, 0);
    expect(shares.map((s) => s.channel)).toEqual(["a", "b", "a"]);
    for (const s of shares) {
      expect(s.share).toBeCloseTo(1 / 3, 15);
      expect(s.conversions).toBeCloseTo(2 / 3, 15);
      expect(s.value).toBeCloseTo(10 / 3, 14);
    }
    expect(() => explainJourney("first", set, 3)).toThrow(AttributionError);
  });
});

describe("time decay", () => {
  const close = Date.UTC(2025, 0, 31);
  const { journeys } = journeysFromOpportunities([
    {
      won: true,
      amount: 700,
      closedAt: close,
      touches: [
        { channel: "a", at: close - 14 * DAY_MS },
        { channel: "b", at: close - 7 * DAY_MS },
        { channel: "c", at: close },
      ],
    },
  ]);

  it("weighs touches 2^(−Δt/H) with the default 7-day half-life, normalized", () => {
    // weights 1/4, 1/2, 1 → shares 1/7, 2/7, 4/7
    const result = timeDecay(journeys);
    expect(Array.from(result.conversions)).toEqual([1 / 7, 2 / 7, 4 / 7].map((x) => expect.closeTo(x, 12)));
    expect(result.value[0]).toBeCloseTo(100, 9);
    expect(result.value[2]).toBeCloseTo(400, 9);
  });

  it("honours another half-life", () => {
    // H = 14 days: weights 1/2, 2^-0.5, 1
    const w = [0.5, Math.SQRT1_2, 1];
    const sum = w[0]! + w[1]! + w[2]!;
    const result = timeDecay(journeys, { halfLifeMs: 14 * DAY_MS });
    expect(result.conversions[1]).toBeCloseTo(Math.SQRT1_2 / sum, 12);
  });

  it("uses the last touch as the close when unknown, and counts touches after the close as at the close", () => {
    const { journeys: open } = journeysFromOpportunities([
      {
        won: true,
        amount: 1,
        touches: [
          { channel: "a", at: 0 },
          { channel: "b", at: 7 * DAY_MS },
        ],
      },
      {
        won: true,
        amount: 1,
        closedAt: 0,
        touches: [
          { channel: "a", at: 0 },
          { channel: "b", at: 3 * DAY_MS },
        ],
      },
    ]);
    expect(explainJourney("time-decay", open, 0).map((s) => s.share)).toEqual([1 / 3, 2 / 3]);
    expect(explainJourney("time-decay", open, 1).map((s) => s.share)).toEqual([0.5, 0.5]);
  });

  it("keeps precision for touches far from the close (no 0/0)", () => {
    const { journeys: old } = journeysFromOpportunities([
      {
        won: true,
        amount: 1,
        closedAt: 10_000 * DAY_MS,
        touches: [
          { channel: "a", at: 0 },
          { channel: "b", at: 7 },
        ],
      },
    ]);
    const shares = explainJourney("time-decay", old, 0).map((s) => s.share);
    expect(shares[0]! + shares[1]!).toBeCloseTo(1, 12);
    expect(shares[1]).toBeGreaterThan(0.5);
  });

  it("refuses journeys without times and a non-positive half-life", () => {
    const set = paths([["a > b", 1, 1, 0]]);
    expect(() => timeDecay(set)).toThrow("time decay needs touch times");
    expect(() => timeDecay(journeys, { halfLifeMs: 0 })).toThrow(AttributionError);
  });
});

describe("custom weights per touch type", () => {
  const { journeys, sourceIndex } = journeysFromOpportunities([
    { won: false, touches: [{ channel: "x", at: 0 }] },
    { won: true, amount: 50, touches: [] },
    {
      won: true,
      amount: 60,
      touches: [
        { channel: "demo-partner", at: 3, type: "demo" },
        { channel: "reg-partner", at: 1, type: "registration", leadCreated: true },
        { channel: "other", at: 2 },
        { channel: "reg-partner", at: 4, type: "registration", weight: 2 },
      ],
    },
  ]);

  it("adapts opportunities: sorted by time, won → conversion, lost → null, no-touch deals left out", () => {
    expect(Array.from(sourceIndex)).toEqual([0, 2]);
    expect(Array.from(journeys.conversions)).toEqual([0, 1]);
    expect(Array.from(journeys.nulls)).toEqual([1, 0]);
    expect(Array.from(journeys.value)).toEqual([0, 60]);
    const second = explainJourney("first", journeys, 1);
    expect(second.map((s) => s.channel)).toEqual(["reg-partner", "other", "demo-partner", "reg-partner"]);
    expect(journeys.touchFlags?.[1]).toBe(TouchFlag.leadCreated);
  });

  it("weighs by type × the touch's own weight; unlisted types take the default", () => {
    // registration 3, registration 3×2, demo 1, other (default 0.5) → 3 + 6 + 1 + 0.5 = 10.5
    const result = customWeights(journeys, { typeWeights: { registration: 3, demo: 1 }, defaultWeight: 0.5 });
    const credit = byName(journeys.channelNames, result.value);
    expect(credit["reg-partner"]).toBeCloseTo((60 * 9) / 10.5, 9);
    expect(credit["demo-partner"]).toBeCloseTo(60 / 10.5, 9);
    expect(credit.other).toBeCloseTo(30 / 10.5, 9);
    expect(credit.x).toBe(0);
  });

  it("falls back to equal shares when every weight is 0, and rejects negative weights", () => {
    const zero = customWeights(journeys, { typeWeights: {}, defaultWeight: 0 });
    expect(byName(journeys.channelNames, zero.conversions)["reg-partner"]).toBeCloseTo(0.5, 12);
    expect(() => customWeights(journeys, { typeWeights: { demo: -1 } })).toThrow(AttributionError);
  });

  it("rejects invalid times and amounts", () => {
    expect(() => journeysFromOpportunities([{ won: true, touches: [{ channel: "a", at: "not a date" }] }])).toThrow(
      "opportunity 0 touch 0: invalid time",
    );
    expect(() => journeysFromOpportunities([{ won: true, amount: -1, touches: [{ channel: "a", at: 1 }] }])).toThrow(
      AttributionError,
    );
  });
});
