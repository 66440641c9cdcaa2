import type { PartnerType, Region } from "@symbiont/contracts";
import { buildFxTable, convertMinorFast as convertMinor, type FxTable, cachedMinorDigits as minorDigits } from "./fx";
import {
  AMOUNT_SIGMA,
  accountNameParts,
  CYCLE_SIGMA,
  DAY_MS,
  HISTORY_DAYS,
  industries,
  markets,
  monthWeights,
  PARTNER_INVOLVEMENT,
  PARTNER_QUALITY_SD,
  PARTNER_SOURCED_SHARE,
  PARTNERS_PER_DEAL,
  planFor,
  products,
  QUARTER_END_PULL,
  type RoleEffect,
  roleEffects,
  roleGroupOf,
  type ScalePlan,
  type SizeBand,
  segments,
  sizeBands,
  WIN_NOISE_SD,
  YEARLY_GROWTH,
} from "./model";
import { mulberry32, type Random } from "./random";
import { revenueHistory } from "./revenue";
import type {
  AccountRow,
  DemoChunk,
  DemoPartner,
  LeadRow,
  OpportunityRow,
  RegistrationRow,
  TouchpointRow,
} from "./rows";
import { isoDate } from "./rows";

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** Touchpoints have no effect on outcomes, cycle, size or retention. */
  control: boolean;
  /** The day the history ends (today for the demo); with the seed it fixes every value. */
  anchor: Date;
  reportingCurrency: string;
  /** Accounts per chunk (opportunities, touchpoints and revenue events follow their accounts). */
  chunkAccounts?: number;
}

/** Deterministic ids: seed, table and row number, in UUID syntax. Unique within a workspace. */
export function demoId(seed: number, table: number, n: number): string {
  const s = (seed >>> 0).toString(16).padStart(8, "0");
  return `${s}-${table.toString(16).padStart(4, "0")}-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

const regionList = Object.keys(markets) as Region[];
const regionWeights = regionList.map((region) => markets[region].weight);
const owners = ["Jordan Lee", "Sam Patel", "Alex Moreau", "Riley Chen", "Casey Novak", "Taylor Brooks", "Kim Sato"];

interface PartnerProfile {
  partner: DemoPartner;
  effect: RoleEffect;
  /** The partner's own deviation of its role's win effect (0 in the control model). */
  quality: number;
}

/** Partners that can touch deals (activated), by region, ordered by activation time. */
class PartnerPools {
  private readonly all: PartnerProfile[];
  private readonly byRegion = new Map<string, PartnerProfile[]>();

  constructor(partners: readonly DemoPartner[], random: Random, control: boolean) {
    const byActivation = [...partners]
      .filter((p) => p.activatedAt !== null)
      .sort((a, b) => (a.activatedAt ?? 0) - (b.activatedAt ?? 0) || a.id.localeCompare(b.id));
    this.all = byActivation.map((partner) => {
      const quality = PARTNER_QUALITY_SD * random.normal();
      const group = roleGroupOf[(partner.types[0] ?? "referral") as PartnerType] ?? "referral";
      return { partner, effect: roleEffects[group], quality: control ? 0 : quality };
    });
    for (const profile of this.all)
      for (const region of profile.partner.regions) {
        const pool = this.byRegion.get(region) ?? [];
        pool.push(profile);
        this.byRegion.set(region, pool);
      }
  }

  /** A partner active at `timeMs`, preferring the account's region; undefined when none was yet. */
  pick(random: Random, region: string, timeMs: number): PartnerProfile | undefined {
    for (const pool of [this.byRegion.get(region) ?? [], this.all]) {
      let low = 0;
      let high = pool.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((pool[mid]?.partner.activatedAt ?? 0) <= timeMs) low = mid + 1;
        else high = mid;
      }
      if (low > 0) return pool[Math.floor(random.next() * low)];
    }
    return undefined;
  }
}

/** Prospect accounts with a registration waiting for review. */
const PENDING_REGISTRATION = 0.15;
/** Direct deals a partner also tried to register (rejected: direct sales owns them). */
const DIRECT_CONFLICT = 0.03;
/** Registered deals another partner registered too, later (rejected: first in time wins). */
const CONFLICTING_REGISTRATION = 0.1;
const DIRECT_REASON = "The account is already being worked by our direct sales team.";
const RIVAL_REASON = "Another partner registered this opportunity first; it is protected for them.";

/** Partner-influenced deals whose lead the vendor passed to the partner. */
const VENDOR_LEAD_SHARE = 0.2;
/** Prospect accounts the vendor offered to a partner as a lead, and their state. */
const PROSPECT_VENDOR_LEAD = 0.2;
const prospectStatuses = ["offered", "accepted", "contacted", "qualified", "declined", "lost"] as const;
const prospectStatusWeights = [15, 20, 20, 15, 15, 15];
/** Accounts one partner referred to another. */
const PARTNER_TO_PARTNER = 0.03;
const DECLINE_REASON = "Outside our coverage this quarter.";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function endOfQuarter(timeMs: number): number {
  const date = new Date(timeMs);
  const quarterEndMonth = Math.floor(date.getUTCMonth() / 3) * 3 + 3;
  return Date.UTC(date.getUTCFullYear(), quarterEndMonth, 1) - DAY_MS;
}

/** The demo's whole history, generated one chunk of accounts at a time. */
export class DemoGenerator {
  readonly plan: ScalePlan;
  readonly fx: FxTable;
  private readonly random: Random;
  private readonly pools: PartnerPools;
  private readonly anchorMs: number;
  private readonly startMs: number;
  private readonly usedNames = new Map<string, number>();
  private readonly counters = { account: 0, opportunity: 0, touchpoint: 0, revenue: 0, registration: 0, lead: 0 };

  constructor(
    private readonly options: GenerateOptions,
    partners: readonly DemoPartner[],
  ) {
    this.plan = planFor(options.scale);
    const root = mulberry32(options.seed);
    this.anchorMs = Date.UTC(
      options.anchor.getUTCFullYear(),
      options.anchor.getUTCMonth(),
      options.anchor.getUTCDate(),
    );
    this.startMs = this.anchorMs - HISTORY_DAYS * DAY_MS;
    this.fx = buildFxTable(root.fork(), this.anchorMs, options.reportingCurrency);
    this.pools = new PartnerPools(partners, root.fork(), options.control);
    this.random = root.fork();
  }

  *chunks(): Generator<DemoChunk> {
    const size = this.options.chunkAccounts ?? 2_000;
    for (let done = 0; done < this.plan.accounts; done += size) {
      const chunk: DemoChunk = {
        accounts: [],
        opportunities: [],
        touchpoints: [],
        revenueEvents: [],
        registrations: [],
        leads: [],
      };
      for (let i = done; i < Math.min(this.plan.accounts, done + size); i += 1) this.account(chunk);
      yield chunk;
    }
  }

  private id(table: number, counter: keyof DemoGenerator["counters"]): string {
    this.counters[counter] += 1;
    return demoId(this.options.seed, table, this.counters[counter]);
  }

  private account(chunk: DemoChunk): void {
    const random = this.random;
    const region = random.weighted(regionList, regionWeights);
    const [country, currency] = random.pick(markets[region].countries);
    const size = random.weighted(
      sizeBands,
      sizeBands.map((band) => segments[band].weight),
    );
    let base = `${random.pick(accountNameParts.first)} ${random.pick(accountNameParts.second)}`;
    const seen = this.usedNames.get(base) ?? 0;
    this.usedNames.set(base, seen + 1);
    if (seen > 0) base = `${base} ${seen + 1}`;
    const name = `${base}${random.pick(accountNameParts.legal)}`;
    const account: AccountRow = {
      id: this.id(0xa, "account"),
      externalId: `demo-account-${this.counters.account}`,
      name,
      domain: `${base.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`,
      country,
      region,
      industry: random.pick(industries),
      size,
      status: "prospect",
      customerSince: null,
      createdAt: this.anchorMs,
    };
    const count = random.chance(this.plan.prospectOnlyShare)
      ? 0
      : 1 + random.poisson(this.plan.opportunitiesPerActiveAccount - 1);
    const deals: OpportunityRow[] = [];
    for (let i = 0; i < count; i += 1) deals.push(this.opportunity(chunk, account, currency, size));
    this.prospectLeads(chunk, account, size, count === 0);
    // Prospects partners are registering right now: the review queue.
    if (count === 0 && random.chance(PENDING_REGISTRATION)) {
      const submittedAt = this.anchorMs - random.int(1, 20) * DAY_MS;
      const partner = this.pools.pick(random, account.region, submittedAt);
      const amount = Math.round(random.logNormal(segments[size].medianAmountUsd, AMOUNT_SIGMA) / 100) * 100 * 100;
      if (partner)
        chunk.registrations.push(
          this.registration(account, partner, random.chance(0.5) ? "submitted" : "under_review", submittedAt, {
            amountMinor: amount,
            currency: "USD",
            expectedCloseOn: isoDate(submittedAt + random.int(30, 120) * DAY_MS),
          }),
        );
    }
    account.createdAt =
      Math.min(this.anchorMs - DAY_MS, ...deals.map((deal) => deal.openedAt)) - random.int(1, 90) * DAY_MS;
    chunk.accounts.push(account);
    chunk.opportunities.push(...deals);
    chunk.revenueEvents.push(
      ...revenueHistory(
        {
          random,
          fx: this.fx,
          anchorMs: this.anchorMs,
          control: this.options.control,
          nextId: () => this.id(0xd, "revenue"),
        },
        account,
        deals,
      ),
    );
  }

  /** When an opportunity opens: growth over the history times the month's weight. */
  private openedAt(): number {
    const random = this.random;
    const ceiling = (1 + YEARLY_GROWTH) ** (HISTORY_DAYS / 365) * Math.max(...monthWeights);
    for (;;) {
      const t = this.startMs + random.next() * HISTORY_DAYS * DAY_MS;
      const weight =
        (1 + YEARLY_GROWTH) ** ((t - this.startMs) / (365 * DAY_MS)) * (monthWeights[new Date(t).getUTCMonth()] ?? 1);
      if (random.next() * ceiling < weight) return Math.floor(t / 60_000) * 60_000;
    }
  }

  private opportunity(chunk: DemoChunk, account: AccountRow, currency: string, size: SizeBand): OpportunityRow {
    const random = this.random;
    const segment = segments[size];
    const openedAt = this.openedAt();
    const team: PartnerProfile[] = [];
    if (random.chance(PARTNER_INVOLVEMENT)) {
      const wanted = random.weighted(PARTNERS_PER_DEAL.counts, PARTNERS_PER_DEAL.weights);
      for (let attempt = 0; attempt < wanted * 2 && team.length < wanted; attempt += 1) {
        const candidate = this.pools.pick(random, account.region, openedAt);
        if (candidate && !team.includes(candidate)) team.push(candidate);
      }
    }
    const lead = team[0];
    const control = this.options.control;
    const lift = control || !lead ? 0 : Math.max(...team.map((p) => p.effect.winLogOdds + p.quality));
    const cycleFactor = control || !lead ? 1 : lead.effect.cycleFactor;
    const sizeFactor = control || !lead ? 1 : lead.effect.sizeFactor;
    const winProbability = sigmoid(segment.winLogOdds + lift + WIN_NOISE_SD * random.normal());
    const won = random.chance(winProbability);
    const amountUsd = random.logNormal(segment.medianAmountUsd * sizeFactor, AMOUNT_SIGMA);
    let closeAt = openedAt + Math.max(3, random.logNormal(segment.medianCycleDays * cycleFactor, CYCLE_SIGMA)) * DAY_MS;
    if (random.chance(QUARTER_END_PULL)) {
      const pulled = endOfQuarter(closeAt) - random.int(0, 13) * DAY_MS;
      if (pulled > closeAt) closeAt = pulled;
    }
    closeAt = Math.floor(closeAt / 60_000) * 60_000;
    const open = closeAt > this.anchorMs;
    const digits = minorDigits(currency);
    // Priced in USD, quoted in the account's currency at the month's rate.
    const local = (amountUsd * this.fx.rate("USD", openedAt)) / this.fx.rate(currency, openedAt);
    const step = digits === 0 ? 10_000 : 100;
    const amountMinor = Math.max(1, Math.round(local / step)) * step * 10 ** digits;
    // Converted at the close date's rate (open deals: the expected close date).
    const rate = this.fx.rate(currency, closeAt);
    const dealProducts = [...new Set([random.pick(products), random.pick(products)])];
    const sourced = lead !== undefined && random.chance(PARTNER_SOURCED_SHARE);
    const id = this.id(0xb, "opportunity");
    const elapsed = (this.anchorMs - openedAt) / (closeAt - openedAt);
    const deal: OpportunityRow = {
      id,
      externalId: `demo-opportunity-${this.counters.opportunity}`,
      accountId: account.id,
      accountName: account.name,
      name: `${account.name.replace(/ (Inc\.|Ltd|GmbH|S\.A\.|B\.V\.|AB|Pty Ltd|K\.K\.)$/, "")} — ${dealProducts.join(" + ")}`,
      stage: open ? (elapsed < 0.33 ? "Prospecting" : elapsed < 0.66 ? "Engaging" : "Proposal") : won ? "Won" : "Lost",
      outcome: open ? "open" : won ? "won" : "lost",
      amountMinor,
      currency,
      amountReportingMinor: convertMinor(amountMinor, currency, this.fx.reportingCurrency, rate),
      fxRate: rate,
      openedAt,
      closedAt: open ? null : closeAt,
      expectedCloseOn: open ? isoDate(closeAt) : null,
      products: dealProducts,
      source: sourced ? "partner_sourced" : "direct",
      sourcingPartnerId: sourced ? (lead?.partner.id ?? null) : null,
      ownerName: random.pick(owners),
      registrationId: null,
      partnerInvolved: lead !== undefined,
    };
    const sourcing = lead ? this.touches(chunk, deal, team, sourced, open ? this.anchorMs : closeAt) : undefined;
    if (lead && sourcing) this.registrations(chunk, account, deal, team, lead, sourcing);
    if (lead && sourcing && sourcing.type !== "registration") {
      // A partner's referral or lead that became this deal.
      const kind = sourcing.type === "referral" ? "referral" : "lead";
      chunk.leads.push(this.lead(account, deal, kind, "partner", "converted", sourcing.occurredAt, lead, null));
    } else if (lead && !sourced && random.chance(VENDOR_LEAD_SHARE)) {
      // The vendor passed the lead to the partner who then worked the deal.
      const at = deal.openedAt - random.int(1, 10) * DAY_MS;
      chunk.leads.push(this.lead(account, deal, "lead", "vendor", "converted", at, null, lead));
    } else if (!lead && random.chance(DIRECT_CONFLICT)) {
      const partner = this.pools.pick(random, account.region, openedAt);
      if (partner) {
        const submittedAt = openedAt + random.int(2, 30) * DAY_MS;
        if (submittedAt < this.anchorMs)
          chunk.registrations.push(
            this.registration(account, partner, "rejected", submittedAt, deal, "conflict", DIRECT_REASON),
          );
      }
    }
    return deal;
  }

  /** Vendor leads to partners (accounts without a deal yet) and partner-to-partner referrals (any account). */
  private prospectLeads(chunk: DemoChunk, account: AccountRow, size: SizeBand, prospect: boolean): void {
    const random = this.random;
    const quote = {
      amountMinor: Math.round(random.logNormal(segments[size].medianAmountUsd, AMOUNT_SIGMA)) * 100,
      currency: "USD",
    };
    if (prospect && random.chance(PROSPECT_VENDOR_LEAD)) {
      const status = random.weighted(prospectStatuses, prospectStatusWeights);
      const at = this.anchorMs - (status === "offered" ? random.int(1, 2) : random.int(4, 180)) * DAY_MS;
      const partner = this.pools.pick(random, account.region, at);
      if (partner) chunk.leads.push(this.lead(account, quote, "lead", "vendor", status, at, null, partner));
    }
    if (random.chance(PARTNER_TO_PARTNER)) {
      const at = this.anchorMs - random.int(4, 365) * DAY_MS;
      const sender = this.pools.pick(random, account.region, at);
      const recipient = this.pools.pick(random, account.region, at);
      const status = random.weighted(["accepted", "contacted", "qualified", "declined"] as const, [3, 3, 2, 2]);
      if (sender && recipient && sender !== recipient)
        chunk.leads.push(this.lead(account, quote, "referral", "partner", status, at, sender, recipient));
    }
  }

  private lead(
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
      id: this.id(0x1e, "lead"),
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

  /** A sourced deal came from an approved registration; sometimes another partner was too late. */
  private registrations(
    chunk: DemoChunk,
    account: AccountRow,
    deal: OpportunityRow,
    team: PartnerProfile[],
    lead: PartnerProfile,
    sourcing: TouchpointRow,
  ): void {
    const random = this.random;
    if (sourcing.type !== "registration") return;
    const registration = this.registration(account, lead, "converted", sourcing.occurredAt, deal, "clear", null);
    deal.registrationId = registration.id;
    chunk.registrations.push(registration);
    if (random.chance(CONFLICTING_REGISTRATION)) {
      const rival = this.pools.pick(random, account.region, sourcing.occurredAt);
      if (rival && !team.includes(rival) && rival !== lead) {
        const at = sourcing.occurredAt + random.int(1, 20) * DAY_MS;
        if (at < this.anchorMs)
          chunk.registrations.push(this.registration(account, rival, "rejected", at, deal, "conflict", RIVAL_REASON));
      }
    }
  }

  private registration(
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
    const decidedAt = decided ? Math.min(this.anchorMs, submittedAt + this.random.int(1, 4) * DAY_MS) : null;
    return {
      id: this.id(0xf, "registration"),
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

  /** Logs the deal's touchpoints; returns the sourcing touch of a sourced deal. */
  private touches(
    chunk: DemoChunk,
    deal: OpportunityRow,
    team: PartnerProfile[],
    sourced: boolean,
    endMs: number,
  ): TouchpointRow | undefined {
    const random = this.random;
    let sourcing: TouchpointRow | undefined;
    const count = Math.max(team.length, 1 + random.poisson(this.plan.touchesPerPartnerDeal - 1));
    for (let i = 0; i < count; i += 1) {
      const profile = i < team.length ? (team[i] as PartnerProfile) : random.pick(team);
      const types = profile.effect.touchTypes;
      const first = i === 0 && sourced;
      const occurredAt = first
        ? deal.openedAt - random.int(1, 21) * DAY_MS
        : deal.openedAt + random.next() * Math.max(DAY_MS, endMs - deal.openedAt);
      const row: TouchpointRow = {
        id: this.id(0xc, "touchpoint"),
        partnerId: profile.partner.id,
        opportunityId: deal.id,
        accountId: deal.accountId,
        type: first ? (types[0] as string) : random.pick(types.slice(1)),
        occurredAt: Math.floor(occurredAt / 60_000) * 60_000,
        accelerated: profile.effect.cycleFactor < 1 && random.chance(0.1),
      };
      chunk.touchpoints.push(row);
      if (first) sourcing = row;
    }
    return sourcing;
  }
}
