import { describe, expect, it } from "vitest";
import { computeOnboardingMetrics } from "./onboarding.metrics";
import {
  canCompleteManually,
  dueDate,
  isOverdue,
  mean,
  median,
  missingProfileFields,
  signalCompletes,
} from "./onboarding.rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("journey rules", () => {
  it("computes due dates from the start and flags only pending late steps", () => {
    const due = dueDate(day("2026-01-01"), 14);
    expect(due.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(isOverdue({ status: "pending", dueAt: due }, day("2026-01-16"))).toBe(true);
    expect(isOverdue({ status: "pending", dueAt: due }, day("2026-01-14"))).toBe(false);
    expect(isOverdue({ status: "completed", dueAt: due }, day("2026-02-01"))).toBe(false);
  });

  it("lets vendors tick manual and vendor-owned steps, partners only their own manual steps", () => {
    expect(canCompleteManually("vendor", { type: "manual", ownerSide: "partner" })).toBe(true);
    expect(canCompleteManually("vendor", { type: "complete_course", ownerSide: "vendor" })).toBe(true);
    expect(canCompleteManually("vendor", { type: "complete_course", ownerSide: "partner" })).toBe(false);
    expect(canCompleteManually("partner", { type: "manual", ownerSide: "partner" })).toBe(true);
    expect(canCompleteManually("partner", { type: "manual", ownerSide: "vendor" })).toBe(false);
    expect(canCompleteManually("partner", { type: "accept_agreement", ownerSide: "partner" })).toBe(false);
  });

  it("matches signals to step configs", () => {
    expect(
      signalCompletes({ type: "accept_agreement", agreementId: "a" }, { type: "accept_agreement", config: {} }),
    ).toBe(true);
    expect(
      signalCompletes(
        { type: "accept_agreement", agreementId: "a" },
        { type: "accept_agreement", config: { agreementId: "11111111-1111-4111-8111-111111111111" } },
      ),
    ).toBe(false);
    expect(
      signalCompletes(
        { type: "invite_colleagues", colleagues: 2 },
        { type: "invite_colleagues", config: { count: 3 } },
      ),
    ).toBe(false);
    expect(
      signalCompletes(
        { type: "invite_colleagues", colleagues: 3 },
        { type: "invite_colleagues", config: { count: 3 } },
      ),
    ).toBe(true);
    expect(
      signalCompletes(
        { type: "complete_course", courseId: "c1" },
        { type: "complete_course", config: { courseId: "c2" } },
      ),
    ).toBe(false);
    expect(signalCompletes({ type: "register_first_deal" }, { type: "first_won_deal", config: {} })).toBe(false);
  });

  it("lists the profile fields still missing", () => {
    const profile = {
      name: "Northwind",
      website: "https://northwind.example",
      hqCountry: "US",
      regions: ["north_america"],
      industries: [],
      size: null,
      description: "Consultancy",
      customFields: { crm: "" },
    };
    expect(missingProfileFields(profile, ["crm"])).toEqual(["industries", "size", "customFields.crm"]);
  });
});

describe("onboarding metrics", () => {
  it("computes median and mean", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(median([])).toBeNull();
  });

  it("groups partners by activation month and measures each milestone", () => {
    const metrics = computeOnboardingMetrics([
      {
        partnerId: "11111111-1111-4111-8111-111111111111",
        partnerName: "A",
        activatedAt: day("2026-01-10"),
        journeyStartedAt: day("2026-01-10"),
        onboardingCompletedAt: day("2026-01-30"),
        firstDealRegisteredAt: day("2026-01-20"),
        firstDealWonAt: day("2026-03-11"),
      },
      {
        partnerId: "22222222-2222-4222-8222-222222222222",
        partnerName: "B",
        activatedAt: day("2026-01-20"),
        journeyStartedAt: day("2026-01-20"),
        onboardingCompletedAt: day("2026-02-19"),
        firstDealRegisteredAt: null,
        firstDealWonAt: null,
      },
      {
        partnerId: "33333333-3333-4333-8333-333333333333",
        partnerName: "C",
        activatedAt: day("2026-02-01"),
        journeyStartedAt: day("2026-02-01"),
        onboardingCompletedAt: null,
        firstDealRegisteredAt: day("2026-02-05"),
        firstDealWonAt: null,
      },
    ]);
    expect(
      metrics.partners.map((p) => [p.partnerName, p.cohort, p.daysToCompleteOnboarding, p.daysToFirstDealRegistration]),
    ).toEqual([
      ["A", "2026-01", 20, 10],
      ["B", "2026-01", 30, null],
      ["C", "2026-02", null, 4],
    ]);
    expect(metrics.cohorts[0]).toMatchObject({
      cohort: "2026-01",
      partners: 2,
      completeOnboarding: { count: 2, medianDays: 25, meanDays: 25 },
      firstDealRegistration: { count: 1, medianDays: 10, meanDays: 10 },
      firstWonDeal: { count: 1, medianDays: 60, meanDays: 60 },
    });
    expect(metrics.overall).toMatchObject({
      partners: 3,
      firstDealRegistration: { count: 2, medianDays: 7, meanDays: 7 },
    });
  });
});
