import { describe, expect, it } from "vitest";
import {
  churnRate,
  cohortCltv,
  lifetimeValueOfCohort,
  netRevenueRetention,
  type RevenueMovement,
  simpleCltv,
} from "./retention";

// A: 1,000 then +200; B: 500 then −100; C: 300 then churned; D: new inside the period (excluded).
const movements: RevenueMovement[] = [
  { accountId: "A", kind: "new", on: "2025-01-10", amount: 1000 },
  { accountId: "A", kind: "renewal", on: "2026-01-10", amount: 1000 },
  { accountId: "A", kind: "expansion", on: "2026-02-01", amount: 200 },
  { accountId: "B", kind: "new", on: "2025-03-01", amount: 500 },
  { accountId: "B", kind: "contraction", on: "2026-03-01", amount: 100 },
  { accountId: "C", kind: "new", on: "2025-06-01", amount: 300 },
  { accountId: "C", kind: "churn", on: "2026-04-01", amount: 300 },
  { accountId: "D", kind: "new", on: "2026-02-01", amount: 400 },
  { accountId: "D", kind: "expansion", on: "2026-05-01", amount: 50 },
];

describe("NRR and GRR", () => {
  it("computes them over the starting cohort only", () => {
    const result = netRevenueRetention(movements, "2026-01-01", "2027-01-01");
    expect(result).toMatchObject({ start: 1800, expansion: 200, contraction: 100, churn: 300, accounts: 3 });
    expect(result.nrr).toBeCloseTo(1600 / 1800, 12);
    expect(result.grr).toBeCloseTo(1400 / 1800, 12);
  });

  it("never removes more than an account had", () => {
    const result = netRevenueRetention(
      [
        { accountId: "A", kind: "new", on: "2025-01-01", amount: 100 },
        { accountId: "A", kind: "churn", on: "2026-02-01", amount: 150 },
      ],
      "2026-01-01",
      "2027-01-01",
    );
    expect(result.churn).toBe(100);
    expect(result.nrr).toBe(0);
  });

  it("has no value without a starting cohort", () => {
    expect(netRevenueRetention(movements, "2020-01-01", "2021-01-01").nrr).toBeNull();
  });
});

describe("CLTV", () => {
  it("of a retention cohort: ARPA and an annualized churn rate", () => {
    // 10 accounts with 120,000 recurring at the start → ARPA 12,000; 1 churned in 182.5 days → 0.1 × 2 = 0.2
    // a year; CLTV = 12,000 × 0.75 ÷ 0.2 = 45,000
    const value = lifetimeValueOfCohort({
      startRecurringRevenue: 120_000,
      accounts: 10,
      churnedAccounts: 1,
      periodDays: 182.5,
      grossMargin: 0.75,
    });
    expect(value.arpa).toBe(12_000);
    expect(value.churnRate).toBeCloseTo(0.2, 12);
    expect(value.cltv).toBeCloseTo(45_000, 6);
    const none = { startRecurringRevenue: 0, accounts: 0, churnedAccounts: 0, periodDays: 365, grossMargin: 0.75 };
    expect(lifetimeValueOfCohort(none)).toEqual({ arpa: null, churnRate: null, cltv: null, accounts: 0 });
    const noChurn = lifetimeValueOfCohort({ ...none, startRecurringRevenue: 100, accounts: 1 });
    expect(noChurn).toEqual({ arpa: 100, churnRate: 0, cltv: null, accounts: 1 });
  });

  it("simple: ARPA × GM ÷ churn", () => {
    expect(simpleCltv({ arpa: 1200, grossMargin: 0.8, churnRate: 0.2 })).toBeCloseTo(4800, 9);
    expect(simpleCltv({ arpa: 1200, grossMargin: 0.8, churnRate: 0 })).toBeNull();
  });

  it("cohort: discounted margin per customer", () => {
    // (1000×0.5 + 800×0.5/1.1 + 600×0.5/1.21) ÷ 2 = 555.785…
    expect(
      cohortCltv({ revenueByPeriod: [1000, 800, 600], grossMargin: 0.5, discountRate: 0.1, cohortSize: 2 }),
    ).toBeCloseTo(555.7851, 3);
    expect(cohortCltv({ revenueByPeriod: [1], grossMargin: 1, discountRate: 0, cohortSize: 0 })).toBeNull();
  });

  it("churn rate: cohort accounts fully churned", () => {
    expect(churnRate(movements, "2026-01-01", "2027-01-01")).toBeCloseTo(1 / 3, 12);
  });
});
