import type {
  HeadlineFigure,
  PartnerScorecard,
  PeerBenchmark,
  PortalBenchmark,
  ScorecardQuery,
  ScorecardTierProgress,
} from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { periodChange } from "./formulas";
import { previousPeriod, resolvePeriod } from "./metrics.period";
import { assertCanReadMetrics } from "./metrics.policies";
import { benchmarkFor, MINIMUM_PEERS } from "./metrics.portal";
import { buildScorecard } from "./metrics.scorecard";

/** Tier progress toward the next tier of each program, from the latest tier evaluation. */
async function tierProgress(db: DbOrTx, workspaceId: string, partnerId: string): Promise<ScorecardTierProgress[]> {
  const result = await db.execute(sql`
    select pr.id as program_id, pr.name as program_name, cur.name as tier_name, nxt.name as next_name,
      nxt.criteria as next_criteria, ev.metrics, ev.evaluated_at
    from program_memberships m
    join programs pr on pr.workspace_id = m.workspace_id and pr.id = m.program_id
    left join tiers cur on cur.workspace_id = m.workspace_id and cur.id = m.tier_id
    left join lateral (
      select t.name, t.criteria from tiers t
      where t.workspace_id = m.workspace_id and t.program_id = m.program_id and t.rank > coalesce(cur.rank, -1)
      order by t.rank limit 1
    ) nxt on true
    left join tier_evaluations ev on ev.workspace_id = m.workspace_id and ev.partner_id = m.partner_id
      and ev.program_id = m.program_id
    where m.workspace_id = ${workspaceId} and m.partner_id = ${partnerId}
    order by pr.name`);
  return result.rows.map((r) => {
    const metrics = (r.metrics ?? {}) as Record<string, unknown>;
    const criteria = Array.isArray(r.next_criteria) ? (r.next_criteria as { metric: string; min: number }[]) : [];
    return {
      programId: String(r.program_id),
      programName: String(r.program_name),
      tierName: (r.tier_name ?? null) as string | null,
      nextTierName: (r.next_name ?? null) as string | null,
      criteria: criteria.map((c) => ({
        metric: c.metric,
        min: Number(c.min),
        value: typeof metrics[c.metric] === "number" ? (metrics[c.metric] as number) : null,
      })),
      evaluatedAt: r.evaluated_at ? new Date(String(r.evaluated_at)).toISOString() : null,
    };
  });
}

/** The portal benchmark as the scorecard shows it: quartiles only, nothing below five peers. */
function peerView(benchmark: PortalBenchmark): PeerBenchmark {
  const peers = benchmark.peerGroup.peers;
  if (peers < MINIMUM_PEERS) {
    return {
      peers,
      available: false,
      message: `Benchmarks appear once at least ${MINIMUM_PEERS} active partners share a role and a region with you (${peers} do now), so that no partner can be identified.`,
      metrics: [],
    };
  }
  const metrics: PeerBenchmark["metrics"] = [];
  for (const m of benchmark.metrics) {
    if ("insufficient" in m.peers) continue;
    const unit = m.unit === "money" || m.unit === "count" ? m.unit : m.unit === "ratio" ? "percent" : "count";
    metrics.push({ key: m.key, label: m.label, unit, value: m.you ?? 0, ...m.peers });
  }
  return { peers, available: true, message: null, metrics };
}

/**
 * A partner's scorecard as the console and the portal show it, from the one scorecard of the
 * metrics engine (read models), its peer benchmark and the partner's tier progress.
 */
export async function partnerScorecardView(
  db: Db,
  workspaceId: string,
  partnerId: string,
  query: ScorecardQuery,
): Promise<PartnerScorecard> {
  const period = resolvePeriod(query);
  const previous = previousPeriod(period);
  // On the pool, so the scorecard, tier progress and peer benchmark are read at once.
  const [card, tiers, benchmark] = await Promise.all([
    buildScorecard(db, workspaceId, partnerId, query),
    tierProgress(db, workspaceId, partnerId),
    benchmarkFor(db, workspaceId, partnerId, period),
  ]);
  const now = card.metrics;
  const before = card.previous;
  const months = `closed ${period.from} to ${period.to}, whole months`;
  const figure = (
    key: HeadlineFigure["key"],
    label: string,
    unit: HeadlineFigure["unit"],
    value: number | null,
    previousValue: number | null,
    definition: string,
    drill: HeadlineFigure["drill"],
    model = "Deals this partner sourced or is involved in",
  ): HeadlineFigure => ({
    key,
    label,
    unit,
    value,
    previous: previousValue,
    change: periodChange(value, previousValue),
    model,
    definition,
    note: null,
    drill,
  });
  return {
    partnerId,
    name: card.partner.name,
    period: { from: period.from, to: period.to, previousFrom: previous.from, previousTo: previous.to },
    currency: card.currency,
    model: card.attributionModel,
    refreshedAt: card.refreshedAt,
    figures: [
      figure(
        "sourced",
        "Sourced revenue",
        "money",
        now.sourcedMinor,
        before.sourcedMinor,
        `Σ won amount of deals this partner sourced, ${months}`,
        "sourced_revenue",
      ),
      figure(
        "attributed",
        "Attributed revenue",
        "money",
        now.attributedMinor,
        before.attributedMinor,
        `This partner's credit under the attribution model, ${months}`,
        "attributed_revenue",
        card.attributionModel,
      ),
      figure(
        "won_deals",
        "Won deals",
        "count",
        now.won,
        before.won,
        `Won deals this partner sourced or is involved in, ${months}`,
        "won_deals",
      ),
      figure(
        "win_rate",
        "Win rate",
        "percent",
        now.winRate,
        before.winRate,
        "won ÷ (won + lost) of deals this partner sourced or is involved in",
        "win_rate",
      ),
    ],
    trend: card.trend.map((m) => ({
      month: m.month,
      sourcedMinor: m.sourcedMinor,
      influencedMinor: m.attributedMinor,
    })),
    health: [
      {
        key: "engagement",
        label: `Engagement score (vs 30 days before; half-life ${card.engagement.halfLifeDays} days)`,
        value: Math.round(card.engagement.score * 10) / 10,
        previous: Math.round(card.engagement.previousScore * 10) / 10,
      },
      {
        key: "touchpoints",
        label: "Touchpoints (vs previous period)",
        value: now.touchpoints,
        previous: before.touchpoints,
      },
      { key: "won_deals", label: "Won deals (vs previous period)", value: now.won, previous: before.won },
      { key: "lost_deals", label: "Lost deals (vs previous period)", value: now.lost, previous: before.lost },
      {
        key: "time_to_first_revenue",
        label: "Days from activation to the first won deal",
        value: card.timeToFirstRevenueDays === null ? null : Math.round(card.timeToFirstRevenueDays),
        previous: null,
      },
    ],
    healthScore: card.health.score,
    healthBand: card.health.band,
    tiers,
    benchmark: peerView(benchmark),
  };
}

export async function getPartnerScorecardView(ctx: ServiceContext, partnerId: string, query: ScorecardQuery) {
  assertCanReadMetrics(ctx.actor);
  return partnerScorecardView(ctx.database.db, ctx.actor.workspaceId, partnerId, query);
}

/** A partner's own scorecard, with anonymous peer benchmarks. */
export async function getOwnScorecardView(ctx: ServiceContext, query: ScorecardQuery) {
  requirePartner(ctx.actor);
  return partnerScorecardView(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, query);
}
