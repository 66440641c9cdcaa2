// Accuracy of blocking + scoring + decision on the labelled set (see accuracy-set.ts). The figures
// are in the test names so a run shows them without console output.
import { describe, expect, it } from "vitest";
import { evaluate, metrics, type Outcome } from "./accuracy-set";

const fmt = (x: number): string => x.toFixed(4);

function summary(outcomes: Outcome[]) {
  const conflict = metrics(outcomes, ["conflict"]);
  const flagged = metrics(outcomes, ["conflict", "review"]);
  const positives = outcomes.filter((o) => o.expected !== "clear").length;
  return { conflict, flagged, positives, negatives: outcomes.length - positives };
}

const mistakes = (outcomes: Outcome[]): string =>
  outcomes
    .filter((o) => (o.expected === "clear") !== (o.decision === "clear"))
    .map((o) => `${o.variant}: ${JSON.stringify(o.probe)} expected ${o.expected}, got ${o.decision}`)
    .join("\n");

describe.each([20_260_601, 7])("conflict engine on the labelled set (seed %i)", (seed) => {
  const outcomes = evaluate({}, seed);
  const { conflict, flagged, positives, negatives } = summary(outcomes);
  const label = `${outcomes.length} probes (${positives} positive, ${negatives} negative)`;

  it(`conflict ∪ review: precision ${fmt(flagged.precision)}, recall ${fmt(flagged.recall)} over ${label}`, () => {
    const detail = `precision ${fmt(flagged.precision)} recall ${fmt(flagged.recall)}\n${mistakes(outcomes)}`;
    expect(flagged.recall, detail).toBeGreaterThanOrEqual(0.98);
    expect(flagged.precision, detail).toBeGreaterThanOrEqual(0.95);
  });

  it(`conflict: precision ${fmt(conflict.precision)}, recall ${fmt(conflict.recall)}`, () => {
    // Not a product target; guards against regressions of the stricter level.
    expect(conflict.recall, `recall ${fmt(conflict.recall)}`).toBeGreaterThanOrEqual(0.95);
    expect(conflict.precision, `precision ${fmt(conflict.precision)}`).toBeGreaterThanOrEqual(0.95);
  });

  it("every variant family is present", () => {
    const families = new Set(outcomes.map((o) => o.variant));
    expect(families.size, [...families].join(", ")).toBeGreaterThanOrEqual(16);
  });
});
