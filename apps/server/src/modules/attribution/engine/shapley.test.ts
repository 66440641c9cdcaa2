import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JourneySetBuilder, journeyTotals } from "./journeys";
import { AttributionError } from "./result";
import { exactShapley, mobiusTransform, orderedShapley, shapley, shapleyFromGame, zetaTransform } from "./shapley";

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A random game over 1–6 players with v(∅) = 0. */
const game = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1 << n, maxLength: 1 << n })
      .map((values) => ({ n, v: Float64Array.from(values, (x, mask) => (mask === 0 ? 0 : x)) })),
  );

describe("exact Shapley on games", () => {
  it("efficiency: the values add up to v(N) − v(∅)", () => {
    fc.assert(
      fc.property(game, ({ n, v }) => {
        const phi = shapleyFromGame(v, n);
        expect(
          near(
            phi.reduce((s, x) => s + x, 0),
            v[(1 << n) - 1]!,
          ),
        ).toBe(true);
      }),
    );
  });

  it("symmetry: interchangeable players get the same value", () => {
    fc.assert(
      fc.property(
        game.filter(({ n }) => n >= 2),
        fc.nat(),
        fc.nat(),
        ({ n, v }, ai, bi) => {
          const i = ai % n;
          const j = (i + 1 + (bi % (n - 1))) % n;
          const swap = (mask: number) => {
            const bi_ = (mask >> i) & 1;
            const bj = (mask >> j) & 1;
            return bi_ === bj ? mask : mask ^ ((1 << i) | (1 << j));
          };
          const symmetric = v.map((x, mask) => x + v[swap(mask)]!);
          const phi = shapleyFromGame(symmetric, n);
          expect(near(phi[i]!, phi[j]!)).toBe(true);
        },
      ),
    );
  });

  it("dummy player: a player adding a constant c everywhere gets exactly c (0 for a null player)", () => {
    fc.assert(
      fc.property(game, fc.double({ min: -50, max: 50, noNaN: true }), fc.nat(), ({ n, v }, c, at) => {
        // Insert player d into a game over n players: v'(S) = v(S \ d) + c·[d ∈ S].
        const d = at % (n + 1);
        const size = 1 << (n + 1);
        const extended = new Float64Array(size);
        for (let mask = 0; mask < size; mask++) {
          const low = mask & ((1 << d) - 1);
          const high = (mask >> (d + 1)) << d;
          extended[mask] = v[low | high]! + ((mask >> d) & 1 ? c : 0);
        }
        const phi = shapleyFromGame(extended, n + 1);
        expect(near(phi[d]!, c)).toBe(true);
      }),
    );
  });

  it("equals the simplified formula applied to the game's Möbius transform (Harsanyi dividends)", () => {
    // This is the exact condition under which φ_j = Σ_{S ∋ j} R(S)/|S| is the Shapley value of v:
    // R must be v's Möbius transform, i.e. v(S) = Σ_{T ⊆ S} R(T). Journeys' exact-set values R and
    // v(S) = value of journeys whose set ⊆ S are in exactly this relation.
    fc.assert(
      fc.property(game, ({ n, v }) => {
        const dividends = v.slice();
        mobiusTransform(dividends, n);
        const simplified = new Float64Array(n);
        for (let mask = 1; mask < 1 << n; mask++) {
          let size = 0;
          for (let j = 0; j < n; j++) size += (mask >> j) & 1;
          for (let j = 0; j < n; j++) if ((mask >> j) & 1) simplified[j]! += dividends[mask]! / size;
        }
        const phi = shapleyFromGame(v, n);
        for (let j = 0; j < n; j++) expect(near(phi[j]!, simplified[j]!)).toBe(true);
        zetaTransform(dividends, n);
        for (let mask = 0; mask < 1 << n; mask++) expect(near(dividends[mask]!, v[mask]!)).toBe(true);
      }),
    );
  });

  it("differs from the simplified formula when v's own values are used as R", () => {
    // v(S) = 1 when |S| ≥ 2 over 3 players: Shapley gives 1/3 each; reading R(S) = v(S) would give
    // each player 2·1/2 + 1/3 = 4/3 (summing to 4, not v(N) = 1).
    const size = (m: number) => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
    const v = Float64Array.from({ length: 8 }, (_, m) => (size(m) >= 2 ? 1 : 0));
    expect(Array.from(shapleyFromGame(v, 3))).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 14)));
    let naive = 0;
    for (let m = 1; m < 8; m++) if (m & 1) naive += v[m]! / size(m);
    expect(naive).toBeCloseTo(4 / 3, 14);
  });
});

const journeys = fc.array(
  fc.record({
    path: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }),
    conversions: fc.integer({ min: 0, max: 5 }),
    value: fc.double({ min: 0, max: 1000, noNaN: true }),
    nulls: fc.integer({ min: 0, max: 5 }),
  }),
  { minLength: 1, maxLength: 40 },
);

function build(rows: { path: number[]; conversions: number; value: number; nulls: number }[]) {
  const builder = new JourneySetBuilder();
  for (const row of rows)
    builder.addPath(
      row.path.map((c) => `c${c}`),
      row,
    );
  return builder.build();
}

describe("Shapley attribution over journeys", () => {
  it("simplified = exact (v = value of journeys whose set ⊆ S), both efficient", () => {
    fc.assert(
      fc.property(journeys, (rows) => {
        const set = build(rows);
        const totals = journeyTotals(set);
        const simple = shapley(set);
        const exact = exactShapley(set);
        for (let k = 0; k < set.channelNames.length; k++) {
          expect(near(simple.conversions[k]!, exact.conversions[k]!)).toBe(true);
          expect(near(simple.value[k]!, exact.value[k]!)).toBe(true);
        }
        expect(
          near(
            simple.conversions.reduce((s, x) => s + x, 0),
            totals.conversions,
          ),
        ).toBe(true);
        expect(
          near(
            exact.value.reduce((s, x) => s + x, 0),
            totals.value,
          ),
        ).toBe(true);
      }),
    );
  });

  it("splits each converting journey over its distinct channels", () => {
    const set = build([
      { path: [0, 1, 0], conversions: 3, value: 6, nulls: 0 },
      { path: [1, 2], conversions: 1, value: 2, nulls: 9 },
    ]);
    expect(Array.from(shapley(set).conversions)).toEqual([1.5, 2, 0.5]);
    expect(Array.from(exactShapley(set).value)).toEqual([3, 4, 1].map((x) => expect.closeTo(x, 12)));
  });

  it("ordered variant: credit per position that sums back to the simplified value", () => {
    const set = build([
      { path: [0, 1, 0], conversions: 2, value: 4, nulls: 0 },
      { path: [1, 2, 0], conversions: 3, value: 3, nulls: 1 },
    ]);
    const ordered = orderedShapley(set);
    const byPosition = ordered.byPosition!;
    expect(byPosition.positions).toBe(3);
    // rows: position 1, 2, 3; columns c0, c1, c2
    expect(Array.from(byPosition.conversions)).toEqual([1, 1, 0, 0, 1, 1, 1, 0, 0]);
    expect(Array.from(ordered.conversions)).toEqual(Array.from(shapley(set).conversions));
  });

  it("refuses exact Shapley beyond the player limit", () => {
    const set = build([{ path: [0, 1, 2, 3], conversions: 1, value: 1, nulls: 0 }]);
    expect(() => exactShapley(set, { maxPlayers: 3 })).toThrow(AttributionError);
  });
});
