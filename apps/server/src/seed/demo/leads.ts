import type { GeneratorContext } from "./context";
import { AMOUNT_SIGMA, DAY_MS, type SizeBand, segments } from "./model";
import type { PartnerProfile } from "./pools";
import type { AccountRow, DemoChunk, LeadRow, OpportunityRow } from "./rows";

/** Prospect accounts the vendor offered to a partner as a lead, and their state. */
const PROSPECT_VENDOR_LEAD = 0.2;
const prospectStatuses = ["offered", "accepted", "contacted", "qualified", "declined", "lost"] as const;
const prospectStatusWeights = [15, 20, 20, 15, 15, 15];
/** Accounts one partner referred to another. */
const PARTNER_TO_PARTNER = 0.03;
const DECLINE_REASON = "Outside our coverage this quarter.";

/** Vendor leads to partners (accounts without a deal yet) and partner-to-partner referrals (any account). */
export function prospectLeads(
  context: GeneratorContext,
  chunk: DemoChunk,
  account: AccountRow,
  size: SizeBand,
  prospect: boolean,
): void {
  const { random, pools, anchorMs } = context;
  const quote = {
    amountMinor: Math.round(random.logNormal(segments[size].medianAmountUsd, AMOUNT_SIGMA)) * 100,
    currency: "USD",
  };
  if (prospect && random.chance(PROSPECT_VENDOR_LEAD)) {
    const status = random.weighted(prospectStatuses, prospectStatusWeights);
    const at = anchorMs - (status === "offered" ? random.int(1, 2) : random.int(4, 180)) * DAY_MS;
    const partner = pools.pick(random, account.region, at);
    if (partner) chunk.leads.push(leadRow(context, account, quote, "lead", "vendor", status, at, null, partner));
  }
  if (random.chance(PARTNER_TO_PARTNER)) {
    const at = anchorMs - random.int(4, 365) * DAY_MS;
    const sender = pools.pick(random, account.region, at);
    const recipient = pools.pick(random, account.region, at);
    const status = random.weighted(["accepted", "contacted", "qualified", "declined"] as const, [3, 3, 2, 2]);
    if (sender && recipient && sender !== recipient)
      chunk.leads.push(leadRow(context, account, quote, "referral", "partner", status, at, sender, recipient));
  }
}

/** One lead about `account`, passed at `at`: its amount is the deal's (or a quote's). */
export function leadRow(
  context: GeneratorContext,
  account: AccountRow,
  deal: Pick<OpportunityRow, "amountMinor" | "currency"> & { id?: string },
  kind: LeadRow["kind"],
  source: LeadRow["source"],
  status: LeadRow["status"],
  at: number,
  sender: PartnerProfile | null,
  recipient: PartnerProfile | null,
): LeadRow {
  return {
    id: context.id(0x1e, "lead"),
    kind,
    source,
    status,
    company: account.name,
    domain: account.domain,
    country: account.country,
    amountMinor: deal.amountMinor,
    currency: deal.currency,
    senderPartnerId: sender?.partner.id ?? null,
    recipientPartnerId: recipient?.partner.id ?? null,
    offerExpiresAt: status === "offered" ? at + 3 * DAY_MS : null,
    declineReason: status === "declined" ? DECLINE_REASON : null,
    accountId: account.id,
    opportunityId: status === "converted" ? (deal.id ?? null) : null,
    createdAt: Math.floor(at / 60_000) * 60_000,
  };
}
