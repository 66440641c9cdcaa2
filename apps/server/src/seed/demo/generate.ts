import type { Region } from "@symbiont/contracts";
import { demoId, type GeneratorContext, type RowCounter } from "./context";
import { buildFxTable, type FxTable } from "./fx";
import { prospectLeads } from "./leads";
import {
  accountNameParts,
  DAY_MS,
  HISTORY_DAYS,
  industries,
  markets,
  planFor,
  type ScalePlan,
  segments,
  sizeBands,
} from "./model";
import { opportunity } from "./opportunities";
import { PartnerPools } from "./pools";
import { mulberry32 } from "./random";
import { pendingRegistration } from "./registrations";
import { revenueHistory } from "./revenue";
import type { AccountRow, DemoChunk, DemoPartner, OpportunityRow } from "./rows";

export { demoId } from "./context";

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

const regionList = Object.keys(markets) as Region[];
const regionWeights = regionList.map((region) => markets[region].weight);

/**
 * The demo's whole history, generated one chunk of accounts at a time. Each account draws its
 * deals (opportunities.ts, with their touchpoints, registrations and leads), its prospect leads
 * (leads.ts) and its revenue (revenue.ts) from one random stream, in a fixed order.
 */
export class DemoGenerator {
  readonly plan: ScalePlan;
  readonly fx: FxTable;
  private readonly context: GeneratorContext;
  private readonly usedNames = new Map<string, number>();

  constructor(
    private readonly options: GenerateOptions,
    partners: readonly DemoPartner[],
  ) {
    this.plan = planFor(options.scale);
    const root = mulberry32(options.seed);
    const anchorMs = Date.UTC(
      options.anchor.getUTCFullYear(),
      options.anchor.getUTCMonth(),
      options.anchor.getUTCDate(),
    );
    this.fx = buildFxTable(root.fork(), anchorMs, options.reportingCurrency);
    const pools = new PartnerPools(partners, root.fork(), options.control);
    const counters: Record<RowCounter, number> = {
      account: 0,
      opportunity: 0,
      touchpoint: 0,
      revenue: 0,
      registration: 0,
      lead: 0,
    };
    this.context = {
      random: root.fork(),
      pools,
      plan: this.plan,
      fx: this.fx,
      control: options.control,
      anchorMs,
      startMs: anchorMs - HISTORY_DAYS * DAY_MS,
      counters,
      id(table, counter) {
        counters[counter] += 1;
        return demoId(options.seed, table, counters[counter]);
      },
    };
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

  private account(chunk: DemoChunk): void {
    const context = this.context;
    const { random, anchorMs } = context;
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
      id: context.id(0xa, "account"),
      externalId: `demo-account-${context.counters.account}`,
      name,
      domain: `${base.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`,
      country,
      region,
      industry: random.pick(industries),
      size,
      status: "prospect",
      customerSince: null,
      createdAt: anchorMs,
    };
    const count = random.chance(this.plan.prospectOnlyShare)
      ? 0
      : 1 + random.poisson(this.plan.opportunitiesPerActiveAccount - 1);
    const deals: OpportunityRow[] = [];
    for (let i = 0; i < count; i += 1) deals.push(opportunity(context, chunk, account, currency, size));
    prospectLeads(context, chunk, account, size, count === 0);
    if (count === 0) pendingRegistration(context, chunk, account, size);
    account.createdAt = Math.min(anchorMs - DAY_MS, ...deals.map((deal) => deal.openedAt)) - random.int(1, 90) * DAY_MS;
    chunk.accounts.push(account);
    chunk.opportunities.push(...deals);
    chunk.revenueEvents.push(
      ...revenueHistory(
        { random, fx: this.fx, anchorMs, control: context.control, nextId: () => context.id(0xd, "revenue") },
        account,
        deals,
      ),
    );
  }
}
