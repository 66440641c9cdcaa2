import type { MetricScorecard, MetricSettingsView } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import {
  healthComponents,
  healthScore,
  leadReciprocity,
  percentileRanker,
  timeToFirstRevenue,
  winRate,
} from "./formulas";
import { type EngagementResult, workspaceEngagement } from "./metrics.engagement";
import { type Period, previousPeriod, resolvePeriod } from "./metrics.period";
import { assertCanReadMetrics } from "./metrics.policies";
import { engagementSignals, reciprocityProvider } from "./metrics.providers";
import { loadMetricContext } from "./metrics.settings";
import { cachedViewParts, registerViewWarmer, viewKey } from "./metrics.view-cache";

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const DAY_MS = 86_400_000;

export interface PartnerFigures {
  won: number;
  lost: number;
  winRate: number | null;
  sourcedMinor: number;
  influencedMinor: number;
  attributedMinor: number;
  averageWonCycleDays: number | null;
  touchpoints: number;
}

/** Every partner's figures over the months of a period (the read model is monthly). */
export async function partnerFiguresIn(
  db: DbOrTx,
  workspaceId: string,
  period: Period,
  /** Only these partners (a peer group); every partner when omitted. */
  only?: readonly string[],
): Promise<Map<string, PartnerFigures>> {
  const subset = only ? sql`and m.partner_id = any(${`{${only.join(",")}}`}::uuid[])` : sql``;
  const result = await db.execute(sql`
    select m.partner_id, sum(m.won)::int as won, sum(m.lost)::int as lost, sum(m.won_cycle_days) as cycle,
      sum(m.sourced_minor)::float8 as sourced, sum(m.influenced_minor)::float8 as influenced,
      sum(m.attributed_minor)::float8 as attributed, sum(m.touchpoints)::int as touchpoints
    from metric_partner_months m
    where m.workspace_id = ${workspaceId} and m.month >= date_trunc('month', ${period.from}::date)::date and m.month <= ${period.to}
      ${subset}
    group by m.partner_id`);
  return new Map(
    result.rows.map((row) => {
      const won = num(row.won);
      const lost = num(row.lost);
      return [
        String(row.partner_id),
        {
          won,
          lost,
          winRate: winRate(won, lost),
          sourcedMinor: num(row.sourced),
          influencedMinor: num(row.influenced),
          attributedMinor: num(row.attributed),
          averageWonCycleDays: won === 0 ? null : num(row.cycle) / won,
          touchpoints: num(row.touchpoints),
        },
      ];
    }),
  );
}

export const emptyFigures = (): PartnerFigures => ({
  won: 0,
  lost: 0,
  winRate: null,
  sourcedMinor: 0,
  influencedMinor: 0,
  attributedMinor: 0,
  averageWonCycleDays: null,
  touchpoints: 0,
});

/** Open partner-involved pipeline per partner at the end of the period. */
export async function openPipeline(db: DbOrTx, workspaceId: string, period: Period): Promise<Map<string, number>> {
  const end = period.end.toISOString();
  const result = await db.execute(sql`
    select p.partner_id, sum(coalesce(f.amount_minor, 0))::float8 as pipeline
    from metric_deal_facts f cross join lateral unnest(f.partner_ids) as p(partner_id)
    where f.workspace_id = ${workspaceId} and f.opened_at < ${end} and (f.closed_at is null or f.closed_at >= ${end})
    group by p.partner_id`);
  return new Map(result.rows.map((row) => [String(row.partner_id), num(row.pipeline)]));
}

export interface HealthContext {
  settings: MetricSettingsView;
  figures: Map<string, PartnerFigures>;
  pipeline: Map<string, number>;
  engagement: Map<string, { score: number }>;
  /** Percentile rank among the workspace's partners by attributed revenue and by open pipeline. */
  revenueRank: (value: number) => number | null;
  pipelineRank: (value: number) => number | null;
}

/** The rankers of a health context: every partner of the workspace is the population. */
export function healthContext(
  settings: MetricSettingsView,
  figures: Map<string, PartnerFigures>,
  pipeline: Map<string, number>,
  engagement: Map<string, { score: number }>,
  partnerIds: readonly string[],
): HealthContext {
  return {
    settings,
    figures,
    pipeline,
    engagement,
    revenueRank: percentileRanker(partnerIds.map((id) => figures.get(id)?.attributedMinor ?? 0)),
    pipelineRank: percentileRanker(partnerIds.map((id) => pipeline.get(id) ?? 0)),
  };
}

/** Health of a partner: revenue and pipeline percentile ranks, engagement; bands from settings. */
export function partnerHealth(partnerId: string, context: HealthContext) {
  const { settings, figures, pipeline, engagement } = context;
  const values = {
    revenue: context.revenueRank(figures.get(partnerId)?.attributedMinor ?? 0),
    engagement: engagement.get(partnerId)?.score ?? 0,
    pipeline: context.pipelineRank(pipeline.get(partnerId) ?? 0),
    enablement: null,
    relationship: null,
  };
  const result = healthScore(values, settings.healthWeights, settings.healthBands);
  return {
    score: result.score,
    band: result.band,
    components: healthComponents.map((key) => ({
      key,
      value: values[key],
      weight: settings.healthWeights[key],
      used: result.used.includes(key),
    })),
  };
}

/** One partner's scorecard: figures, previous period, monthly trend, engagement, health, tiers. */
export async function buildScorecard(
  db: Db,
  workspaceId: string,
  partnerId: string,
  filters: { from?: string | undefined; to?: string | undefined },
): Promise<MetricScorecard> {
  const period = resolvePeriod(filters);
  const previous = previousPeriod(period);
  const trendStart = new Date(Date.UTC(period.end.getUTCFullYear(), period.end.getUTCMonth() - 11, 1));
  const provider = reciprocityProvider();
  // On the pool, so the independent reads run at once.
  const [partnerResult, context, trend, tiers, reciprocity] = await Promise.all([
    db.execute(sql`
      select p.id, p.name, p.types, p.regions, p.activated_at,
        (select min(f.closed_at) from metric_deal_facts f where f.workspace_id = p.workspace_id
          and f.outcome = 'won' and f.partner_ids @> array[p.id]) as first_won
      from partners p where p.workspace_id = ${workspaceId} and p.id = ${partnerId}`),
    loadMetricContext(db, workspaceId),
    db.execute(sql`
      select m.month::text as month, m.won, m.lost, m.sourced_minor::float8 as sourced, m.influenced_minor::float8 as influenced,
        m.attributed_minor as attributed, m.touchpoints
      from metric_partner_months m
      where m.workspace_id = ${workspaceId} and m.partner_id = ${partnerId}
        and m.month >= ${trendStart.toISOString().slice(0, 10)} and m.month <= ${period.to}
      order by m.month`),
    db.execute(sql`
      select g.id as program_id, g.name as program_name, t.id as tier_id, t.name as tier_name
      from program_memberships m
      join programs g on g.workspace_id = m.workspace_id and g.id = m.program_id
      left join tiers t on t.workspace_id = m.workspace_id and t.id = m.tier_id
      where m.workspace_id = ${workspaceId} and m.partner_id = ${partnerId}
      order by g.name`),
    provider ? provider(db, { workspaceId, from: period.start, to: period.end, partnerId }) : undefined,
  ]);
  const partner = partnerResult.rows[0];
  if (!partner) throw notFound("Partner not found");
  const { settings, currency, refreshedAt, attribution } = context;
  const population = await partnerPopulationEntry(db, workspaceId, settings, period, previous, partnerId);
  const shared = reciprocity?.get(partnerId);
  const mine = population.engagementNow ?? { score: 0, components: {} };
  const registered = engagementSignals();
  const activatedAt = partner.activated_at ? new Date(String(partner.activated_at)) : null;
  const firstWon = partner.first_won ? new Date(String(partner.first_won)) : null;
  return {
    partner: {
      id: partnerId,
      name: String(partner.name),
      roles: (partner.types as string[]) ?? [],
      regions: (partner.regions as string[]) ?? [],
      activatedAt: activatedAt?.toISOString() ?? null,
    },
    period: { from: period.from, to: period.to },
    currency,
    attributionModel: attribution.name,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    metrics: population.figures ?? emptyFigures(),
    previous: population.before ?? emptyFigures(),
    trend: trend.rows.map((row) => ({
      month: String(row.month),
      won: num(row.won),
      lost: num(row.lost),
      sourcedMinor: num(row.sourced),
      influencedMinor: num(row.influenced),
      attributedMinor: num(row.attributed),
      touchpoints: num(row.touchpoints),
    })),
    engagement: {
      score: mine.score,
      previousScore: population.engagementBefore?.score ?? 0,
      halfLifeDays: settings.halfLifeDays,
      // In the order the signals are registered: a stored population (jsonb) keeps no key order.
      components: Object.entries(mine.components)
        .sort(([a], [b]) => signalOrder(registered, a) - signalOrder(registered, b) || a.localeCompare(b))
        .map(([key, normalized]) => ({
          key,
          label: registered.get(key)?.label ?? key,
          normalized,
          weight: settings.engagementWeights[key] ?? 0,
        })),
    },
    health: population.health,
    reciprocity: provider
      ? {
          sentToPartner: shared?.sentToPartner ?? 0,
          receivedFromPartner: shared?.receivedFromPartner ?? 0,
          ratio: leadReciprocity(shared?.sentToPartner ?? 0, shared?.receivedFromPartner ?? 0),
        }
      : null,
    timeToFirstRevenueDays: activatedAt && firstWon ? timeToFirstRevenue(activatedAt, firstWon) : null,
    tiers: tiers.rows.map((row) => ({
      programId: String(row.program_id),
      programName: String(row.program_name),
      tierId: row.tier_id === null ? null : String(row.tier_id),
      tierName: row.tier_name === null ? null : String(row.tier_name),
    })),
  };
}

const signalOrder = (registered: ReturnType<typeof engagementSignals>, key: string) => {
  const index = [...registered.keys()].indexOf(key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
};

export async function getPartnerScorecard(
  ctx: ServiceContext,
  partnerId: string,
  filters: { from?: string | undefined; to?: string | undefined },
): Promise<MetricScorecard> {
  assertCanReadMetrics(ctx.actor);
  return buildScorecard(ctx.database.db, ctx.actor.workspaceId, partnerId, filters);
}

/** What a partner's scorecard takes from the population of its period. */
interface PopulationEntry {
  figures: PartnerFigures | null;
  before: PartnerFigures | null;
  engagementNow: EngagementResult | null;
  engagementBefore: EngagementResult | null;
  health: ReturnType<typeof partnerHealth>;
}

interface StoredPopulation {
  partners: Record<string, PopulationEntry>;
  /** The health of a partner the population does not hold (created since the refresh). */
  absentHealth: ReturnType<typeof partnerHealth>;
}

/**
 * A partner's place in the population its health and engagement are ranked against in a period:
 * the figures, pipeline and engagement of every partner. The same population serves every
 * partner's scorecard and is the expensive part of it at scale (engagement decays every
 * touchpoint), so it is computed once per period and stored with the metric views (settings
 * changes and refreshes make it stale), keyed by partner so a scorecard reads only its own entry.
 */
async function partnerPopulationEntry(
  db: DbOrTx,
  workspaceId: string,
  settings: MetricSettingsView,
  period: Period,
  previous: Period,
  partnerId: string,
): Promise<PopulationEntry> {
  const key = viewKey({ from: period.from, to: period.to });
  const { value } = await cachedViewParts(
    db,
    workspaceId,
    "partner-population",
    key,
    [["partners", partnerId], ["absentHealth"]],
    () => computePopulation(db, workspaceId, settings, period, previous),
    (population) => [population.partners[partnerId] ?? null, population.absentHealth] as const,
  );
  const [entry, absentHealth] = value;
  if (entry) return entry;
  return { figures: null, before: null, engagementNow: null, engagementBefore: null, health: absentHealth };
}

async function computePopulation(
  db: DbOrTx,
  workspaceId: string,
  settings: MetricSettingsView,
  period: Period,
  previous: Period,
): Promise<StoredPopulation> {
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const figures = await partnerFiguresIn(db, workspaceId, period);
  const before = await partnerFiguresIn(db, workspaceId, previous);
  const pipeline = await openPipeline(db, workspaceId, period);
  const engagementNow = await workspaceEngagement(db, workspaceId, settings, period.end);
  const monthBefore = new Date(period.end.getTime() - 30 * DAY_MS);
  const engagementBefore = await workspaceEngagement(db, workspaceId, settings, monthBefore);
  const partnerIds = await db.execute(sql`select id from partners where workspace_id = ${workspaceId}`);
  const ids = partnerIds.rows.map((row) => String(row.id));
  const context = healthContext(settings, figures, pipeline, engagementNow, ids);
  const partners: Record<string, PopulationEntry> = {};
  for (const id of ids) {
    partners[id] = {
      figures: figures.get(id) ?? null,
      before: before.get(id) ?? null,
      engagementNow: engagementNow.get(id) ?? null,
      engagementBefore: engagementBefore.get(id) ?? null,
      health: partnerHealth(id, context),
    };
  }
  // An id no partner has: no figures, no pipeline, no engagement.
  return { partners, absentHealth: partnerHealth("", context) };
}

// After each refresh: the default period's population, so every partner's scorecard opens without it.
registerViewWarmer("partner-population", async (db, workspaceId) => {
  const { settings } = await loadMetricContext(db, workspaceId);
  const period = resolvePeriod({});
  await partnerPopulationEntry(db, workspaceId, settings, period, previousPeriod(period), "");
  return 1;
});
