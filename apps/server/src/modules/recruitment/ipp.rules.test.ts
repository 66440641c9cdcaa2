import type { IppCriterion } from "@symbiont/contracts";
import { describe, expect, it } from "vitest";
import { type ApplicantFacts, isFreeMail, matchCriterion, numericValue, scoreApplicant, spamReason } from "./ipp.rules";

const facts: ApplicantFacts = {
  industries: ["Software", "Healthcare"],
  regions: ["emea", "dach"],
  size: "51-200",
  types: ["reseller", "msp"],
  specializations: ["security"],
  hqCountry: "DE",
  customFields: { certified_engineers: 12, segment: "Enterprise" },
};

const criterion = (overrides: Partial<IppCriterion> & Pick<IppCriterion, "attribute" | "rule">): IppCriterion => ({
  id: overrides.id ?? "c",
  label: overrides.label ?? "Criterion",
  weight: overrides.weight ?? 10,
  required: overrides.required ?? false,
  ...overrides,
});

describe("IPP criteria", () => {
  it("any_of matches when one value is present, case-insensitively", () => {
    expect(
      matchCriterion(criterion({ attribute: "industries", rule: { kind: "any_of", values: ["software"] } }), facts)
        .match,
    ).toBe(1);
    expect(
      matchCriterion(criterion({ attribute: "regions", rule: { kind: "any_of", values: ["apac"] } }), facts).match,
    ).toBe(0);
  });

  it("all_of gives partial credit for the share of values present", () => {
    const c = criterion({ attribute: "types", rule: { kind: "all_of", values: ["reseller", "msp", "isv", "gsi"] } });
    expect(matchCriterion(c, facts)).toMatchObject({ match: 0.5, detail: "2 of 4 required values" });
  });

  it("range reads company-size bands by their lower bound and plain numbers from custom fields", () => {
    expect(numericValue("51-200")).toBe(51);
    expect(numericValue("5001+")).toBe(5001);
    expect(
      matchCriterion(criterion({ attribute: "size", rule: { kind: "range", min: 11, max: 200 } }), facts).match,
    ).toBe(1);
    expect(
      matchCriterion(criterion({ attribute: "size", rule: { kind: "range", min: 201, max: null } }), facts).match,
    ).toBe(0);
    const engineers = criterion({
      attribute: "customField:certified_engineers",
      rule: { kind: "range", min: 10, max: null },
    });
    expect(matchCriterion(engineers, facts).match).toBe(1);
    const missing = criterion({ attribute: "customField:nothing", rule: { kind: "range", min: 1, max: 2 } });
    expect(matchCriterion(missing, facts)).toEqual({ match: 0, detail: "Not provided" });
  });

  it("equals compares scalars and list membership", () => {
    expect(
      matchCriterion(criterion({ attribute: "hqCountry", rule: { kind: "equals", value: "de" } }), facts).match,
    ).toBe(1);
    expect(
      matchCriterion(criterion({ attribute: "customField:segment", rule: { kind: "equals", value: "SMB" } }), facts)
        .match,
    ).toBe(0);
    expect(
      matchCriterion(criterion({ attribute: "specializations", rule: { kind: "equals", value: "security" } }), facts)
        .match,
    ).toBe(1);
  });
});

describe("fit score", () => {
  it("is Σ weight × match / Σ weight × 100 with each criterion's contribution", () => {
    const result = scoreApplicant(
      [
        criterion({ id: "ind", weight: 50, attribute: "industries", rule: { kind: "any_of", values: ["software"] } }),
        criterion({ id: "reg", weight: 30, attribute: "regions", rule: { kind: "any_of", values: ["apac"] } }),
        criterion({ id: "typ", weight: 20, attribute: "types", rule: { kind: "all_of", values: ["reseller", "isv"] } }),
      ],
      facts,
    );
    // 50×1 + 30×0 + 20×0.5 = 60 of 100
    expect(result.score).toBe(60);
    expect(result.breakdown.map((b) => [b.criterionId, b.points, b.passed])).toEqual([
      ["ind", 50, true],
      ["reg", 0, false],
      ["typ", 10, false],
    ]);
    expect(result.breakdown.reduce((sum, b) => sum + b.points, 0)).toBe(result.score);
  });

  it("normalizes weights that do not add up to 100 and reports failed required criteria", () => {
    const result = scoreApplicant(
      [
        criterion({
          label: "Industry",
          weight: 3,
          attribute: "industries",
          rule: { kind: "any_of", values: ["software"] },
        }),
        criterion({
          label: "APAC",
          weight: 1,
          required: true,
          attribute: "regions",
          rule: { kind: "any_of", values: ["apac"] },
        }),
      ],
      facts,
    );
    expect(result.score).toBe(75);
    expect(result.failedRequired).toEqual(["APAC"]);
  });

  it("has no score without weighted criteria", () => {
    expect(scoreApplicant([], facts).score).toBeNull();
  });
});

describe("spam rule", () => {
  it("flags free-mail domains and failed required criteria", () => {
    expect(isFreeMail("someone@gmail.com")).toBe(true);
    expect(isFreeMail("someone@northwind.example")).toBe(false);
    const clean = { score: 80, breakdown: [], failedRequired: [] };
    expect(spamReason("a@proton.me", clean)).toMatch(/free-mail/);
    expect(spamReason("a@northwind.example", { ...clean, failedRequired: ["Region"] })).toMatch(/Region/);
    expect(spamReason("a@northwind.example", clean)).toBeNull();
  });
});

describe("criteria written with labels", () => {
  it("match applicants' codes whatever the case, spaces or label", () => {
    const byType = criterion({
      attribute: "types",
      rule: { kind: "any_of", values: ["System Integrator", "Value-added reseller"] },
    });
    expect(matchCriterion(byType, { ...facts, types: ["system_integrator"] }).match).toBe(1);
    expect(matchCriterion(byType, { ...facts, types: ["var"] }).match).toBe(1);
    expect(matchCriterion(byType, { ...facts, types: ["isv"] }).match).toBe(0);
    const byRegion = criterion({ attribute: "regions", rule: { kind: "any_of", values: ["North America", "EMEA"] } });
    expect(matchCriterion(byRegion, { ...facts, regions: ["north_america"] }).match).toBe(1);
  });
});
