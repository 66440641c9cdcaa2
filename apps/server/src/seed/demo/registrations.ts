import type { GeneratorContext } from "./context";
import { AMOUNT_SIGMA, DAY_MS, type SizeBand, segments } from "./model";
import type { PartnerProfile } from "./pools";
import {
  type AccountRow,
  type DemoChunk,
  isoDate,
  type OpportunityRow,
  type RegistrationRow,
  type TouchpointRow,
} from "./rows";

/** Prospect accounts with a registration waiting for review. */
const PENDING_REGISTRATION = 0.15;
/** Direct deals a partner also tried to register (rejected: direct sales owns them). */
export const DIRECT_CONFLICT = 0.03;
/** Registered deals another partner registered too, later (rejected: first in time wins). */
const CONFLICTING_REGISTRATION = 0.1;
const DIRECT_REASON = "The account is already being worked by our direct sales team.";
const RIVAL_REASON = "Another partner registered this opportunity first; it is protected for them.";

/** Some prospects (accounts without a deal) are being registered right now: the review queue. */
export function pendingRegistration(
  context: GeneratorContext,
  chunk: DemoChunk,
  account: AccountRow,
  size: SizeBand,
): void {
  const { random, anchorMs } = context;
  if (!random.chance(PENDING_REGISTRATION)) return;
  const submittedAt = anchorMs - random.int(1, 20) * DAY_MS;
  const partner = context.pools.pick(random, account.region, submittedAt);
  const amount = Math.round(random.logNormal(segments[size].medianAmountUsd, AMOUNT_SIGMA) / 100) * 100 * 100;
  if (partner)
    chunk.registrations.push(
      registrationRow(context, account, partner, random.chance(0.5) ? "submitted" : "under_review", submittedAt, {
        amountMinor: amount,
        currency: "USD",
        expectedCloseOn: isoDate(submittedAt + random.int(30, 120) * DAY_MS),
      }),
    );
}

/** A sourced deal came from an approved registration; sometimes another partner was too late. */
export function sourcedRegistrations(
  context: GeneratorContext,
  chunk: DemoChunk,
  account: AccountRow,
  deal: OpportunityRow,
  team: PartnerProfile[],
  lead: PartnerProfile,
  sourcing: TouchpointRow,
): void {
  const random = context.random;
  if (sourcing.type !== "registration") return;
  const registration = registrationRow(context, account, lead, "converted", sourcing.occurredAt, deal, "clear", null);
  deal.registrationId = registration.id;
  chunk.registrations.push(registration);
  if (random.chance(CONFLICTING_REGISTRATION)) {
    const rival = context.pools.pick(random, account.region, sourcing.occurredAt);
    if (rival && !team.includes(rival) && rival !== lead) {
      const at = sourcing.occurredAt + random.int(1, 20) * DAY_MS;
      if (at < context.anchorMs)
        chunk.registrations.push(
          registrationRow(context, account, rival, "rejected", at, deal, "conflict", RIVAL_REASON),
        );
    }
  }
}

/** A partner tried to register a direct deal after it opened (drawn with DIRECT_CONFLICT): rejected. */
export function directConflictRegistration(
  context: GeneratorContext,
  chunk: DemoChunk,
  account: AccountRow,
  deal: OpportunityRow,
): void {
  const random = context.random;
  const partner = context.pools.pick(random, account.region, deal.openedAt);
  if (partner) {
    const submittedAt = deal.openedAt + random.int(2, 30) * DAY_MS;
    if (submittedAt < context.anchorMs)
      chunk.registrations.push(
        registrationRow(context, account, partner, "rejected", submittedAt, deal, "conflict", DIRECT_REASON),
      );
  }
}

function registrationRow(
  context: GeneratorContext,
  account: AccountRow,
  partner: PartnerProfile,
  status: RegistrationRow["status"],
  submittedAt: number,
  deal: Pick<OpportunityRow, "amountMinor" | "currency"> & {
    id?: string;
    expectedCloseOn?: string | null;
    closedAt?: number | null;
  },
  checkDecision: RegistrationRow["checkDecision"] = "review",
  decisionReason: string | null = null,
): RegistrationRow {
  const decided = status === "converted" || status === "rejected";
  const decidedAt = decided ? Math.min(context.anchorMs, submittedAt + context.random.int(1, 4) * DAY_MS) : null;
  return {
    id: context.id(0xf, "registration"),
    partnerId: partner.partner.id,
    status,
    accountId: account.id,
    opportunityId: status === "converted" ? (deal.id ?? null) : null,
    companyName: account.name,
    domain: account.domain,
    country: account.country,
    amountMinor: deal.amountMinor,
    currency: deal.currency,
    expectedCloseOn: deal.expectedCloseOn ?? isoDate(deal.closedAt ?? submittedAt + 90 * DAY_MS),
    submittedAt: Math.floor(submittedAt / 60_000) * 60_000,
    decidedAt,
    checkDecision,
    decisionReason,
    protectionExpiresAt: status === "converted" && decidedAt !== null ? decidedAt + 90 * DAY_MS : null,
  };
}
