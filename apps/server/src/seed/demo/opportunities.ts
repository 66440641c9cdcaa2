import type { GeneratorContext } from "./context";
import { convertMinorFast as convertMinor, cachedMinorDigits as minorDigits } from "./fx";
import { leadRow } from "./leads";
import {
  AMOUNT_SIGMA,
  CYCLE_SIGMA,
  DAY_MS,
  HISTORY_DAYS,
  monthWeights,
  PARTNER_INVOLVEMENT,
  PARTNER_SOURCED_SHARE,
  PARTNERS_PER_DEAL,
  products,
  QUARTER_END_PULL,
  type SizeBand,
  segments,
  WIN_NOISE_SD,
  YEARLY_GROWTH,
} from "./model";
import type { PartnerProfile } from "./pools";
import { DIRECT_CONFLICT, directConflictRegistration, sourcedRegistrations } from "./registrations";
import { type AccountRow, type DemoChunk, isoDate, type OpportunityRow } from "./rows";
import { dealTouches } from "./touchpoints";

const owners = ["Jordan Lee", "Sam Patel", "Alex Moreau", "Riley Chen", "Casey Novak", "Taylor Brooks", "Kim Sato"];
/** Partner-influenced deals whose lead the vendor passed to the partner. */
const VENDOR_LEAD_SHARE = 0.2;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function endOfQuarter(timeMs: number): number {
  const date = new Date(timeMs);
  const quarterEndMonth = Math.floor(date.getUTCMonth() / 3) * 3 + 3;
  return Date.UTC(date.getUTCFullYear(), quarterEndMonth, 1) - DAY_MS;
}

/** When an opportunity opens: growth over the history times the month's weight. */
function openedAt(context: GeneratorContext): number {
  const { random, startMs } = context;
  const ceiling = (1 + YEARLY_GROWTH) ** (HISTORY_DAYS / 365) * Math.max(...monthWeights);
  for (;;) {
    const t = startMs + random.next() * HISTORY_DAYS * DAY_MS;
    const weight =
      (1 + YEARLY_GROWTH) ** ((t - startMs) / (365 * DAY_MS)) * (monthWeights[new Date(t).getUTCMonth()] ?? 1);
    if (random.next() * ceiling < weight) return Math.floor(t / 60_000) * 60_000;
  }
}

/**
 * One opportunity of `account`: its partner team, outcome, size and cycle, then its touchpoints,
 * registrations and the lead it came from.
 */
export function opportunity(
  context: GeneratorContext,
  chunk: DemoChunk,
  account: AccountRow,
  currency: string,
  size: SizeBand,
): OpportunityRow {
  const { random, pools, fx, anchorMs, control } = context;
  const segment = segments[size];
  const opened = openedAt(context);
  const team: PartnerProfile[] = [];
  if (random.chance(PARTNER_INVOLVEMENT)) {
    const wanted = random.weighted(PARTNERS_PER_DEAL.counts, PARTNERS_PER_DEAL.weights);
    for (let attempt = 0; attempt < wanted * 2 && team.length < wanted; attempt += 1) {
      const candidate = pools.pick(random, account.region, opened);
      if (candidate && !team.includes(candidate)) team.push(candidate);
    }
  }
  const lead = team[0];
  const lift = control || !lead ? 0 : Math.max(...team.map((p) => p.effect.winLogOdds + p.quality));
  const cycleFactor = control || !lead ? 1 : lead.effect.cycleFactor;
  const sizeFactor = control || !lead ? 1 : lead.effect.sizeFactor;
  const winProbability = sigmoid(segment.winLogOdds + lift + WIN_NOISE_SD * random.normal());
  const won = random.chance(winProbability);
  const amountUsd = random.logNormal(segment.medianAmountUsd * sizeFactor, AMOUNT_SIGMA);
  let closeAt = opened + Math.max(3, random.logNormal(segment.medianCycleDays * cycleFactor, CYCLE_SIGMA)) * DAY_MS;
  if (random.chance(QUARTER_END_PULL)) {
    const pulled = endOfQuarter(closeAt) - random.int(0, 13) * DAY_MS;
    if (pulled > closeAt) closeAt = pulled;
  }
  closeAt = Math.floor(closeAt / 60_000) * 60_000;
  const open = closeAt > anchorMs;
  const digits = minorDigits(currency);
  // Priced in USD, quoted in the account's currency at the month's rate.
  const local = (amountUsd * fx.rate("USD", opened)) / fx.rate(currency, opened);
  const step = digits === 0 ? 10_000 : 100;
  const amountMinor = Math.max(1, Math.round(local / step)) * step * 10 ** digits;
  // Converted at the close date's rate (open deals: the expected close date).
  const rate = fx.rate(currency, closeAt);
  const dealProducts = [...new Set([random.pick(products), random.pick(products)])];
  const sourced = lead !== undefined && random.chance(PARTNER_SOURCED_SHARE);
  const id = context.id(0xb, "opportunity");
  const elapsed = (anchorMs - opened) / (closeAt - opened);
  const deal: OpportunityRow = {
    id,
    externalId: `demo-opportunity-${context.counters.opportunity}`,
    accountId: account.id,
    accountName: account.name,
    name: `${account.name.replace(/ (Inc\.|Ltd|GmbH|S\.A\.|B\.V\.|AB|Pty Ltd|K\.K\.)$/, "")} — ${dealProducts.join(" + ")}`,
    stage: open ? (elapsed < 0.33 ? "Prospecting" : elapsed < 0.66 ? "Engaging" : "Proposal") : won ? "Won" : "Lost",
    outcome: open ? "open" : won ? "won" : "lost",
    amountMinor,
    currency,
    amountReportingMinor: convertMinor(amountMinor, currency, fx.reportingCurrency, rate),
    fxRate: rate,
    openedAt: opened,
    closedAt: open ? null : closeAt,
    expectedCloseOn: open ? isoDate(closeAt) : null,
    products: dealProducts,
    source: sourced ? "partner_sourced" : "direct",
    sourcingPartnerId: sourced ? (lead?.partner.id ?? null) : null,
    ownerName: random.pick(owners),
    registrationId: null,
    partnerInvolved: lead !== undefined,
  };
  const sourcing = lead ? dealTouches(context, chunk, deal, team, sourced, open ? anchorMs : closeAt) : undefined;
  if (lead && sourcing) sourcedRegistrations(context, chunk, account, deal, team, lead, sourcing);
  if (lead && sourcing && sourcing.type !== "registration") {
    // A partner's referral or lead that became this deal.
    const kind = sourcing.type === "referral" ? "referral" : "lead";
    chunk.leads.push(leadRow(context, account, deal, kind, "partner", "converted", sourcing.occurredAt, lead, null));
  } else if (lead && !sourced && random.chance(VENDOR_LEAD_SHARE)) {
    // The vendor passed the lead to the partner who then worked the deal.
    const at = deal.openedAt - random.int(1, 10) * DAY_MS;
    chunk.leads.push(leadRow(context, account, deal, "lead", "vendor", "converted", at, null, lead));
  } else if (!lead && random.chance(DIRECT_CONFLICT)) {
    directConflictRegistration(context, chunk, account, deal);
  }
  return deal;
}
