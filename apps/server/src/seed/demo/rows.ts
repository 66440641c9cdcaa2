// The rows the generator produces, in plain columns (times as epoch milliseconds) so the writer can
// turn a chunk into `unnest` arrays without another pass through drizzle.

export interface DemoPartner {
  id: string;
  types: readonly string[];
  regions: readonly string[];
  activatedAt: number | null;
}

export interface AccountRow {
  id: string;
  externalId: string;
  name: string;
  domain: string;
  country: string;
  region: string;
  industry: string;
  size: string;
  status: "prospect" | "customer" | "churned";
  customerSince: string | null;
  createdAt: number;
}

export interface OpportunityRow {
  id: string;
  externalId: string;
  accountId: string;
  accountName: string;
  name: string;
  stage: string;
  outcome: "open" | "won" | "lost";
  amountMinor: number;
  currency: string;
  amountReportingMinor: number;
  fxRate: number;
  openedAt: number;
  closedAt: number | null;
  expectedCloseOn: string | null;
  products: string[];
  source: "direct" | "partner_sourced";
  sourcingPartnerId: string | null;
  ownerName: string;
  registrationId: string | null;
  /** Not a column: whether any partner touched the deal (the generator's ground truth). */
  partnerInvolved: boolean;
}

export interface TouchpointRow {
  id: string;
  partnerId: string;
  opportunityId: string;
  accountId: string;
  type: string;
  occurredAt: number;
  accelerated: boolean;
}

export interface RevenueEventRow {
  id: string;
  accountId: string;
  opportunityId: string | null;
  kind: "new" | "expansion" | "contraction" | "renewal" | "churn";
  occurredOn: string;
  amountMinor: number;
  currency: string;
  amountReportingMinor: number;
  fxRate: number;
}

export interface RegistrationRow {
  id: string;
  partnerId: string;
  status: "submitted" | "under_review" | "rejected" | "converted";
  accountId: string;
  opportunityId: string | null;
  companyName: string;
  domain: string;
  country: string;
  amountMinor: number;
  currency: string;
  expectedCloseOn: string;
  submittedAt: number;
  decidedAt: number | null;
  /** clear, review or conflict: what the conflict check decided. */
  checkDecision: "clear" | "review" | "conflict";
  decisionReason: string | null;
  protectionExpiresAt: number | null;
}

export interface LeadRow {
  id: string;
  kind: "lead" | "referral";
  source: "vendor" | "partner";
  status: "offered" | "accepted" | "declined" | "contacted" | "qualified" | "converted" | "lost";
  company: string;
  domain: string;
  country: string;
  amountMinor: number;
  currency: string;
  senderPartnerId: string | null;
  recipientPartnerId: string | null;
  offerExpiresAt: number | null;
  declineReason: string | null;
  accountId: string;
  opportunityId: string | null;
  createdAt: number;
}

export interface DemoChunk {
  accounts: AccountRow[];
  opportunities: OpportunityRow[];
  touchpoints: TouchpointRow[];
  revenueEvents: RevenueEventRow[];
  registrations: RegistrationRow[];
  leads: LeadRow[];
}

export const isoDate = (timeMs: number) => new Date(timeMs).toISOString().slice(0, 10);
