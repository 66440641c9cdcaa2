/** Spend, acquisition cost and return on partner investment. */

export const costCategories = ["incentives", "mdf", "partner_team", "tooling", "other"] as const;
export type CostCategory = (typeof costCategories)[number];

export const spendChannels = ["sales", "marketing", "partner"] as const;
export type SpendChannel = (typeof spendChannels)[number];

/** CAC: (sales + marketing spend) ÷ new customers; null without new customers. */
export function customerAcquisitionCost(input: { salesSpend: number; marketingSpend: number; newCustomers: number }) {
  if (input.newCustomers <= 0) return null;
  return (input.salesSpend + input.marketingSpend) / input.newCustomers;
}

/** Partner CAC: partner program cost ÷ partner-sourced new customers. */
export function partnerCustomerAcquisitionCost(input: { programCost: number; partnerSourcedNewCustomers: number }) {
  if (input.partnerSourcedNewCustomers <= 0) return null;
  return input.programCost / input.partnerSourcedNewCustomers;
}

/** Program cost: MDF + incentives paid + partner team + tooling (+ other lines entered). */
export function programCost(lines: readonly { category: CostCategory; amount: number }[]): number {
  let total = 0;
  for (const line of lines) total += line.amount;
  return total;
}

/**
 * ROPI: (partner-attributed gross profit − program cost) ÷ program cost, where gross profit =
 * attributed revenue × gross margin. Null without cost (an unbounded return is not a number).
 */
export function returnOnPartnerInvestment(input: {
  attributedRevenue: number;
  grossMargin: number;
  programCost: number;
}): number | null {
  if (input.programCost <= 0) return null;
  return (input.attributedRevenue * input.grossMargin - input.programCost) / input.programCost;
}

/** Relative period-over-period change: (current − previous) ÷ |previous|; null when previous is 0 or missing. */
export function periodChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
