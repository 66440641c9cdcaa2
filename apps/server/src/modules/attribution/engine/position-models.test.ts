import { describe, expect, it } from "vitest";
import { JourneySetBuilder, TouchFlag } from "./journeys";
import { fullPath, uShaped, wShaped } from "./position-models";
import { explainJourney } from "./registry";
import { AttributionError } from "./result";

/** One converting journey of `length` touches on channels t0, t1 …, with markers at the given touches. */
function journey(length: number, markers: { lead?: number; opportunity?: number } = {}) {
  const builder = new JourneySetBuilder();
  for (let i = 0; i < length; i++) {
    const flags =
      (markers.lead === i ? TouchFlag.leadCreated : 0) | (markers.opportunity === i ? TouchFlag.opportunityCreated : 0);
    builder.touch(builder.channel(`t${i}`), { flags });
  }
  builder.endJourney({ conversions: 1, value: 100, nulls: 0 });
  return builder.build();
}

const shares = (model: "u-shaped" | "w-shaped" | "full-path", set: ReturnType<typeof journey>) =>
  explainJourney(model, set, 0).map((s) => s.share);

const close = (values: number[]) => values.map((v) => expect.closeTo(v, 12));

describe("position-based U", () => {
  it("gives 100% to a single touch and 50/50 to two", () => {
    expect(shares("u-shaped", journey(1))).toEqual([1]);
    expect(shares("u-shaped", journey(2))).toEqual(close([0.5, 0.5]));
  });

  it("gives 40/20/40 to three touches and splits the middle 20% beyond", () => {
    expect(shares("u-shaped", journey(3))).toEqual(close([0.4, 0.2, 0.4]));
    expect(shares("u-shaped", journey(6))).toEqual(close([0.4, 0.05, 0.05, 0.05, 0.05, 0.4]));
  });

  it("aggregates to channels, a channel both first and last collecting both shares", () => {
    const builder = new JourneySetBuilder();
    builder.addPath(["a", "b", "a"], { conversions: 2, value: 10, nulls: 0 });
    const result = uShaped(builder.build());
    expect(Array.from(result.conversions)).toEqual(close([1.6, 0.4]));
    expect(Array.from(result.value)).toEqual(close([8, 2]));
  });

  it("accepts other presets and rejects invalid ones", () => {
    expect(shares("u-shaped", journey(3)).length).toBe(3);
    const result = uShaped(journey(4), { first: 0.5, last: 0.3, middle: 0.2 });
    expect(Array.from(result.conversions)).toEqual(close([0.5, 0.1, 0.1, 0.3]));
    expect(() => uShaped(journey(2), { first: -1 })).toThrow(AttributionError);
    expect(() => uShaped(journey(2), { first: 0, last: 0, middle: 0 })).toThrow(AttributionError);
  });
});

describe("W-shaped", () => {
  it("gives 30% to first, lead-created and opportunity-created, 10% over the rest", () => {
    expect(shares("w-shaped", journey(5, { lead: 1, opportunity: 3 }))).toEqual(close([0.3, 0.3, 0.05, 0.3, 0.05]));
  });

  it("sums the shares of a touch that is several milestones", () => {
    expect(shares("w-shaped", journey(4, { lead: 0, opportunity: 2 }))).toEqual(close([0.6, 0.05, 0.3, 0.05]));
    expect(shares("w-shaped", journey(3, { lead: 2, opportunity: 2 }))).toEqual(close([0.3, 0.1, 0.6]));
  });

  it("gives the rest to the milestones in proportion when every touch is one", () => {
    expect(shares("w-shaped", journey(3, { lead: 1, opportunity: 2 }))).toEqual(close([1 / 3, 1 / 3, 1 / 3]));
    expect(shares("w-shaped", journey(1, { lead: 0, opportunity: 0 }))).toEqual([1]);
  });

  it("falls back to U over first and the existing marker when one marker is missing", () => {
    expect(shares("w-shaped", journey(4, { lead: 2 }))).toEqual(close([0.4, 0.1, 0.4, 0.1]));
    expect(shares("w-shaped", journey(4, { opportunity: 1 }))).toEqual(close([0.4, 0.4, 0.1, 0.1]));
  });

  it("falls back to U over first and last without markers", () => {
    expect(shares("w-shaped", journey(4))).toEqual(close([0.4, 0.1, 0.1, 0.4]));
    expect(Array.from(wShaped(journey(2)).value)).toEqual(close([50, 50]));
  });
});

describe("full path (Z)", () => {
  it("gives 22.5% to first, lead, opportunity and close, 10% over the rest", () => {
    expect(shares("full-path", journey(6, { lead: 1, opportunity: 3 }))).toEqual(
      close([0.225, 0.225, 0.05, 0.225, 0.05, 0.225]),
    );
    expect(shares("full-path", journey(4, { lead: 1, opportunity: 2 }))).toEqual(close([0.25, 0.25, 0.25, 0.25]));
  });

  it("falls back to W over first, the existing marker and the last touch when one marker is missing", () => {
    expect(shares("full-path", journey(5, { lead: 2 }))).toEqual(close([0.3, 0.05, 0.3, 0.05, 0.3]));
    expect(shares("full-path", journey(5, { opportunity: 4 }))).toEqual(close([0.3, 0.1 / 3, 0.1 / 3, 0.1 / 3, 0.6]));
  });

  it("falls back to U without markers", () => {
    expect(shares("full-path", journey(3))).toEqual(close([0.4, 0.2, 0.4]));
    expect(fullPath(journey(1)).conversions[0]).toBe(1);
  });
});
