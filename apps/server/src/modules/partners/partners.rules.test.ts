import { type PartnerStage, partnerStages, partnerStageTransitions } from "@symbiont/contracts";
import { describe, expect, it } from "vitest";
import {
  canTransition,
  changedFields,
  customFieldValueProblem,
  domainFromWebsite,
  isIsoDate,
  mergeCustomFields,
  stageTransitionMessage,
  uniqueList,
  validateCustomFields,
} from "./partners.rules";

describe("the stage machine", () => {
  const allowed: [PartnerStage, PartnerStage][] = [
    ["prospect", "applied"],
    ["prospect", "vetting"],
    ["prospect", "onboarding"],
    ["prospect", "rejected"],
    ["applied", "vetting"],
    ["applied", "onboarding"],
    ["applied", "rejected"],
    ["vetting", "onboarding"],
    ["vetting", "rejected"],
    ["onboarding", "active"],
    ["onboarding", "offboarding"],
    ["active", "at_risk"],
    ["active", "offboarding"],
    ["at_risk", "active"],
    ["at_risk", "offboarding"],
    ["offboarding", "offboarded"],
    ["offboarding", "active"],
    ["offboarded", "prospect"],
    ["rejected", "prospect"],
    ["rejected", "applied"],
  ];

  it.each(allowed)("allows %s → %s", (from, to) => expect(canTransition(from, to)).toBe(true));

  it("allows exactly the listed moves and nothing else", () => {
    const listed = new Set(allowed.map(([from, to]) => `${from}>${to}`));
    for (const from of partnerStages)
      for (const to of partnerStages)
        expect(canTransition(from, to), `${from}>${to}`).toBe(listed.has(`${from}>${to}`));
  });

  it.each([
    ["prospect", "active"],
    ["applied", "active"],
    ["active", "offboarded"],
    ["offboarded", "active"],
    ["rejected", "onboarding"],
    ["active", "active"],
  ] as [PartnerStage, PartnerStage][])("forbids %s → %s", (from, to) => expect(canTransition(from, to)).toBe(false));

  it("names the allowed stages in the refusal", () => {
    const message = stageTransitionMessage("active", "offboarded");
    expect(message).toContain("cannot move from active to offboarded");
    for (const stage of partnerStageTransitions.active) expect(message).toContain(`(${stage})`);
    expect(stageTransitionMessage("active", "active")).toContain("already Active");
  });
});

describe("domains", () => {
  it("derives the lower-case host without www", () => {
    expect(domainFromWebsite("https://www.Northwind.Example/about")).toBe("northwind.example");
    expect(domainFromWebsite("http://shop.contoso.co.uk")).toBe("shop.contoso.co.uk");
    expect(domainFromWebsite("https://localhost")).toBeUndefined();
    expect(domainFromWebsite("not a url")).toBeUndefined();
  });
});

describe("custom fields", () => {
  const definitions = [
    { key: "employees", label: "Employees", type: "number" as const, options: [], required: true },
    { key: "since", label: "Partner since", type: "date" as const, options: [], required: false },
    { key: "segment", label: "Segment", type: "select" as const, options: ["SMB", "Enterprise"], required: false },
    { key: "notes", label: "Notes", type: "text" as const, options: [], required: false },
  ];

  it("checks each type", () => {
    const [employees, since, segment, notes] = definitions as [
      (typeof definitions)[0],
      (typeof definitions)[0],
      (typeof definitions)[0],
      (typeof definitions)[0],
    ];
    expect(customFieldValueProblem(employees, 12)).toBeNull();
    expect(customFieldValueProblem(employees, "12")).toMatch(/number/);
    expect(customFieldValueProblem(employees, null)).toMatch(/required/);
    expect(customFieldValueProblem(since, "2024-02-29")).toBeNull();
    expect(customFieldValueProblem(since, "2023-02-29")).toMatch(/date/);
    expect(customFieldValueProblem(since, "29/02/2024")).toMatch(/date/);
    expect(customFieldValueProblem(segment, "SMB")).toBeNull();
    expect(customFieldValueProblem(segment, "smb")).toMatch(/one of: SMB, Enterprise/);
    expect(customFieldValueProblem(notes, "x".repeat(2000))).toBeNull();
    expect(customFieldValueProblem(notes, "x".repeat(2001))).toMatch(/2000/);
    expect(customFieldValueProblem(notes, 5)).toMatch(/text/);
  });

  it("reports unknown keys, wrong values and missing required fields with their paths", () => {
    const { issues } = validateCustomFields(definitions, { since: "yesterday", colour: "red" }, { complete: true });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "body.customFields.colour",
      "body.customFields.employees",
      "body.customFields.since",
    ]);
  });

  it("judges only the values sent on updates, and clears with null", () => {
    const result = validateCustomFields(definitions, { segment: "Enterprise", notes: "" }, { complete: false });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({ segment: "Enterprise", notes: null });
    expect(mergeCustomFields({ notes: "old", employees: 3 }, result.values)).toEqual({
      employees: 3,
      segment: "Enterprise",
    });
  });

  it("validates ISO dates strictly", () => {
    expect(isIsoDate("2025-12-31")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
  });
});

describe("helpers", () => {
  it("lists changed fields", () => {
    expect(changedFields({ a: 1, b: ["x"], c: null }, { a: 1, b: ["x", "y"], c: undefined })).toEqual(["b"]);
  });
  it("deduplicates lists case-insensitively", () => {
    expect(uniqueList([" Retail", "retail", "", "Health "])).toEqual(["Retail", "Health"]);
  });
});
