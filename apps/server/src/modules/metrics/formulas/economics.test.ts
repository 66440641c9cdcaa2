import { describe, expect, it } from "vitest";
import {
  customerAcquisitionCost,
  partnerCustomerAcquisitionCost,
  periodChange,
  programCost,
  returnOnPartnerInvestment,
} from "./economics";

describe("acquisition cost and ROPI", () => {
  it("CAC = (sales + marketing) ÷ new customers", () => {
    expect(customerAcquisitionCost({ salesSpend: 60_000, marketingSpend: 40_000, newCustomers: 50 })).toBe(2000);
    expect(customerAcquisitionCost({ salesSpend: 1, marketingSpend: 1, newCustomers: 0 })).toBeNull();
  });

  it("partner CAC = program cost ÷ partner-sourced new customers", () => {
    expect(partnerCustomerAcquisitionCost({ programCost: 30_000, partnerSourcedNewCustomers: 10 })).toBe(3000);
  });

  it("program cost adds every line", () => {
    expect(
      programCost([
        { category: "mdf", amount: 10_000 },
        { category: "incentives", amount: 25_000 },
        { category: "partner_team", amount: 60_000 },
        { category: "tooling", amount: 5_000 },
      ]),
    ).toBe(100_000);
  });

  it("ROPI = (attributed revenue × GM − cost) ÷ cost", () => {
    expect(
      returnOnPartnerInvestment({ attributedRevenue: 500_000, grossMargin: 0.7, programCost: 100_000 }),
    ).toBeCloseTo(2.5, 12);
    expect(returnOnPartnerInvestment({ attributedRevenue: 1, grossMargin: 1, programCost: 0 })).toBeNull();
  });

  it("period-over-period change", () => {
    expect(periodChange(120, 100)).toBeCloseTo(0.2, 12);
    expect(periodChange(-50, -100)).toBeCloseTo(0.5, 12);
    expect(periodChange(5, 0)).toBeNull();
    expect(periodChange(null, 3)).toBeNull();
  });
});
