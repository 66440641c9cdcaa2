import { describe, expect, it } from "vitest";
import { solveDense } from "./absorbing-chain";
import { JourneySetBuilder } from "./journeys";
import { buildMarkovChain, markov, removalEffects } from "./markov";
import { explainJourney } from "./registry";
import { AttributionError } from "./result";

function paths(rows: [string, number, number, number][]) {
  const builder = new JourneySetBuilder();
  for (const [path, conversions, value, nulls] of rows)
    builder.addPath(path.split(" > "), { conversions, value, nulls });
  return builder.build();
}

const named = (names: readonly string[], values: Float64Array | undefined) =>
  Object.fromEntries(names.map((n, i) => [n, values?.[i]]));

describe("Markov removal effect (exact)", () => {
  // start → a 3/4, b 1/4; a → conv 1/3, null 1/3, b 1/3; b → conv 1/2, null 1/2.
  // x_b = 1/2, x_a = 1/3 + 1/3·1/2 = 1/2, P = 1/2.
  // Without a: P = 1/4·1/2 = 1/8 → RE_a = 3/4. Without b: x_a = 1/3, P = 1/4 → RE_b = 1/2.
  // Credit: a = 0.75/1.25 × 2 = 1.2, b = 0.8; value likewise × 30.
  const set = paths([
    ["a", 1, 10, 1],
    ["a > b", 1, 20, 0],
    ["b", 0, 0, 1],
  ]);

  it("matches a hand-solved chain", () => {
    const result = markov(set);
    expect(named(set.channelNames, result.removalEffect)).toEqual({
      a: expect.closeTo(0.75, 14),
      b: expect.closeTo(0.5, 14),
    });
    expect(result.conversions[0]).toBeCloseTo(1.2, 12);
    expect(result.conversions[1]).toBeCloseTo(0.8, 12);
    expect(result.value[0]).toBeCloseTo(18, 12);
    expect(result.value[1]).toBeCloseTo(12, 12);
  });

  it("solves cycles exactly (a geometric series a simulation only approximates)", () => {
    // start → a; a → b 2/3, conv 1/3; b → a 1/2, null 1/2.
    // x_a = 1/3 + 2/3 · 1/2 · x_a → x_a = 1/2. Without b: x_a = 1/3 → RE_b = 1/3; RE_a = 1.
    const cyclic = paths([
      ["a > b > a", 1, 4, 0],
      ["a > b", 0, 0, 1],
    ]);
    const result = markov(cyclic);
    expect(result.removalEffect?.[0]).toBeCloseTo(1, 14);
    expect(result.removalEffect?.[1]).toBeCloseTo(1 / 3, 14);
    expect(result.conversions[0]).toBeCloseTo(0.75, 12);
    expect(result.value[1]).toBeCloseTo(1, 12);
  });

  it("collapses consecutive repeats and gives a lone channel everything", () => {
    const single = paths([
      ["a > a > a", 3, 9, 7],
      ["a", 1, 1, 0],
    ]);
    const chain = buildMarkovChain(single);
    expect(chain.chain.size).toBe(1);
    expect(chain.chain.rowStart[1]).toBe(0); // no a → a self-transition
    expect(chain.chain.toConversion[0]).toBeCloseTo(4 / 11, 14);
    const result = markov(single);
    expect(Array.from(result.conversions)).toEqual([4]);
    expect(Array.from(result.value)).toEqual([10]);
  });

  it("order 2 remembers where a journey came from", () => {
    // b converts after a and never after c. Order 1 cannot see it: RE = a 1/2, b 1, c 1/2.
    // Order 2 states (a)(c)(a,b)(c,b): only a and b matter → RE = a 1, b 1, c 0.
    const history = paths([
      ["a > b", 1, 1, 0],
      ["c > b", 0, 0, 1],
    ]);
    expect(Array.from(removalEffects(history))).toEqual([0.5, 1, 0.5].map((x) => expect.closeTo(x, 14)));
    const second = markov(history, { order: 2 });
    expect(second.model).toBe("markov-2");
    expect(Array.from(second.removalEffect ?? [])).toEqual([1, 1, 0].map((x) => expect.closeTo(x, 14)));
    expect(Array.from(second.conversions)).toEqual([0.5, 0.5, 0].map((x) => expect.closeTo(x, 14)));
    expect(() => markov(history, { order: 5 })).toThrow(AttributionError);
  });

  it("direct and iterative solvers agree", () => {
    const rows: [string, number, number, number][] = [];
    const names = ["a", "b", "c", "d", "e"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let r = 0; r < 200; r++) {
      const length = 1 + Math.floor(next() * 6);
      const path = Array.from({ length }, () => names[Math.floor(next() * names.length)]!).join(" > ");
      rows.push([path, Math.floor(next() * 3), next() * 100, Math.floor(next() * 4)]);
    }
    const set = paths(rows);
    for (const order of [1, 2, 3]) {
      const direct = removalEffects(set, { order, solver: "direct" });
      const iterative = removalEffects(set, { order, solver: "iterative" });
      for (let k = 0; k < names.length; k++) expect(iterative[k]).toBeCloseTo(direct[k]!, 12);
    }
  });

  it("explains a journey with the global removal effects", () => {
    const shares = explainJourney("markov", set, 1).map((s) => s.share);
    expect(shares).toEqual([0.6, 0.4].map((x) => expect.closeTo(x, 14)));
  });

  it("gives no credit when nothing converts", () => {
    const none = markov(paths([["a > b", 0, 0, 4]]));
    expect(Array.from(none.conversions)).toEqual([0, 0]);
    expect(Array.from(none.removalEffect ?? [])).toEqual([0, 0]);
  });
});

describe("solveDense", () => {
  it("solves with pivoting", () => {
    // [[0, 2], [1, 1]] x = [4, 3] → x = [1, 2]
    const x = solveDense(2, Float64Array.from([0, 2, 1, 1]), Float64Array.from([4, 3]));
    expect(Array.from(x)).toEqual([1, 2]);
    expect(() => solveDense(2, Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]))).toThrow("singular");
  });
});
