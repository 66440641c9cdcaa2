import type { PartnerScorecard, PeerBenchmark, ScorecardQuery, ScorecardTierProgress } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requirePartner, requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { INFLUENCE_MODEL, readers } from "./reports.dashboard";
import { endOf, type ReportScope, scopeOf, startOf } from "./reports.scope";
import { quartiles, relativeChange, winRate } from "./reports.stats";

/** Benchmarks need this many peers, so no single partner can be inferred from them. */
export const MIN_PEERS = 5;

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

interface PartnerTotals {
  sourced: number;
  influenced: number;
  won: number;
  lost: number;
}

/**
 * Sourced revenue, even-split influenced credit and won/lost involved deals of many partners
 * over one window, in one pass.
 */
async function totalsByPartner(
  db: DbOrTx,
  workspaceId: string,
  partnerIds: string[],
  from: string,
  to: string,
): Promise<Map<string, PartnerTotals>> {
  if (partnerIds.length === 0) return new Map();
  const ids = sql`${`{${partnerIds.join(",")}}`}::uuid[]`;
  const result = await db.execute<Record<string, unknown>>(sql`
    with closed as (
      select o.id, o.outcome, coalesce(o.amount_reporting_minor, 0)::float8 as amount, o.sourcing_partner_id
      from opportunities o
      where o.workspace_id = ${workspaceId} and o.outcome <> 'open'
        and o.closed_at >= ${startOf(from)} and o.closed_at < ${endOf(to)}
    ),
    touchers as (
      select distinct c.id, c.outcome, c.amount, t.partner_id
      from closed c join touchpoints t on t.workspace_id = ${workspaceId} and t.opportunity_id = c.id
      where t.voided_at is null
    ),
    shares as (
      select partner_id, id, outcome, amount / count(*) over (partition by id) as credit from touchers
    ),
    involvement as (
      select partner_id, id, outcome, 0::float8 as sourced, case when outcome = 'won' then credit else 0 end as influenced
      from shares where partner_id = any(${ids})
      union all
      select sourcing_partner_id, id, outcome, case when outcome = 'won' then amount else 0 end, 0
      from closed where sourcing_partner_id = any(${ids})
    )
    select partner_id, sum(sourced) as sourced, sum(influenced) as influenced,
      count(distinct id) filter (where outcome = 'won') as won, count(distinct id) filter (where outcome = 'lost') as lost
    from involvement group by partner_id`);
  return new Map(
    result.rows.map((row) => [
      String(row.partner_id),
      { sourced: num(row.sourced), influenced: num(row.influenced), won: num(row.won), lost: num(row.lost) },
    ]),
  );
}

async function touchpointCounts(db: DbOrTx, workspaceId: string, partnerIds: string[], to: string) {
  if (partnerIds.length === 0) return new Map<string, { recent: number; previous: number }>();
  const end = endOf(to);
  const result = await db.execute<Record<string, unknown>>(sql`
    select partner_id,
      count(*) filter (where occurred_at >= ${end} - interval '90 days') as recent,
      count(*) filter (where occurred_at < ${end} - interval '90 days') as previous
    from touchpoints
    where workspace_id = ${workspaceId} and voided_at is null and partner_id = any(${`{${partnerIds.join(",")}}`}::uuid[])
      and occurred_at >= ${end} - interval '180 days' and occurred_at < ${end}
    group by partner_id`);
  return new Map(result.rows.map((r) => [String(r.partner_id), { recent: num(r.recent), previous: num(r.previous) }]));
}

async function monthly(db: DbOrTx, scope: ReportScope, partnerId: string) {
  const { workspaceId, period } = scope;
  const result = await db.execute<Record<string, unknown>>(sql`
    with months as (
      select generate_series(date_trunc('month', ${startOf(period.from)} at time zone 'UTC'),
        date_trunc('month', ${startOf(period.to)} at time zone 'UTC'), interval '1 month') as month
    ),
    won as (
      select o.id, o.closed_at, coalesce(o.amount_reporting_minor, 0)::float8 as amount,
        o.sourcing_partner_id = ${partnerId} as sourced,
        (select count(distinct t.partner_id) from touchpoints t
          where t.workspace_id = o.workspace_id and t.opportunity_id = o.id and t.voided_at is null) as touchers,
        exists (select 1 from touchpoints t where t.workspace_id = o.workspace_id and t.opportunity_id = o.id
          and t.voided_at is null and t.partner_id = ${partnerId}) as touched
      from opportunities o
      where o.workspace_id = ${workspaceId} and o.outcome = 'won'
        and o.closed_at >= ${startOf(period.from)} and o.closed_at < ${endOf(period.to)}
    ),
    totals as (
      select date_trunc('month', closed_at at time zone 'UTC') as month,
        sum(amount) filter (where sourced) as sourced,
        sum(amount / nullif(touchers, 0)) filter (where touched) as influenced
      from won where sourced or touched group by 1
    )
    select to_char(m.month, 'YYYY-MM-DD') as month, t.sourced, t.influenced
    from months m left join totals t on t.month = m.month order by m.month`);
  return result.rows.map((r) => ({
    month: String(r.month),
    sourcedMinor: num(r.sourced),
    influencedMinor: num(r.influenced),
  }));
}

async function tierProgress(db: DbOrTx, workspaceId: string, partnerId: string): Promise<ScorecardTierProgress[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
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
    const evaluated = r.evaluated_at;
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
      evaluatedAt: evaluated
        ? new Date(String(evaluated instanceof Date ? evaluated.toISOString() : evaluated)).toISOString()
        : null,
    };
  });
}

/** Same role (first partner type) and at least one shared region; the partner itself excluded. */
async function peersOf(db: DbOrTx, workspaceId: string, partnerId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select p.id from partners p, partners me
    where me.workspace_id = ${workspaceId} and me.id = ${partnerId}
      and p.workspace_id = me.workspace_id and p.id <> me.id
      and coalesce(p.types[1], '') = coalesce(me.types[1], '') and p.regions && me.regions
      and p.stage in ('active', 'at_risk', 'onboarding')`);
  return result.rows.map((r) => r.id);
}

async function benchmarkOf(
  db: DbOrTx,
  scope: ReportScope,
  partnerId: string,
  own: { revenue: number; won: number; touchpoints: number },
): Promise<PeerBenchmark> {
  const peers = await peersOf(db, scope.workspaceId, partnerId);
  if (peers.length < MIN_PEERS) {
    return {
      peers: peers.length,
      available: false,
      message: `Benchmarks appear once at least ${MIN_PEERS} partners share your role and a region (${peers.length} do now), so that no partner can be identified.`,
      metrics: [],
    };
  }
  const [totals, touches] = await Promise.all([
    totalsByPartner(db, scope.workspaceId, peers, scope.period.from, scope.period.to),
    touchpointCounts(db, scope.workspaceId, peers, scope.period.to),
  ]);
  const values = (pick: (id: string) => number) => quartiles(peers.map(pick)) ?? { q1: 0, median: 0, q3: 0 };
  const revenue = values((id) => (totals.get(id)?.sourced ?? 0) + (totals.get(id)?.influenced ?? 0));
  const won = values((id) => totals.get(id)?.won ?? 0);
  const activity = values((id) => touches.get(id)?.recent ?? 0);
  return {
    peers: peers.length,
    available: true,
    message: null,
    metrics: [
      {
        key: "revenue",
        label: "Partner revenue (sourced + influenced credit)",
        unit: "money",
        value: own.revenue,
        ...revenue,
      },
      { key: "won_deals", label: "Won deals", unit: "count", value: own.won, ...won },
      { key: "touchpoints", label: "Touchpoints, last 90 days", unit: "count", value: own.touchpoints, ...activity },
    ],
  };
}

/** The scorecard of one partner; with `benchmark`, anonymous quartiles of its peers. */
export async function computeScorecard(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  query: ScorecardQuery,
  options: { benchmark: boolean },
): Promise<PartnerScorecard> {
  const found = await db.execute<{ name: string; currency: string }>(sql`
    select p.name, w.reporting_currency as currency from partners p join workspaces w on w.id = p.workspace_id
    where p.workspace_id = ${workspaceId} and p.id = ${partnerId}`);
  const partner = found.rows[0];
  if (!partner) throw notFound("Partner not found");
  const scope = scopeOf(workspaceId, query);
  const { period } = scope;
  const [now, before, touches, trend, tiers] = await Promise.all([
    totalsByPartner(db, workspaceId, [partnerId], period.from, period.to),
    totalsByPartner(db, workspaceId, [partnerId], period.previousFrom, period.previousTo),
    touchpointCounts(db, workspaceId, [partnerId], period.to),
    monthly(db, scope, partnerId),
    tierProgress(db, workspaceId, partnerId),
  ]);
  const empty = { sourced: 0, influenced: 0, won: 0, lost: 0 };
  const c = now.get(partnerId) ?? empty;
  const p = before.get(partnerId) ?? empty;
  const activity = touches.get(partnerId) ?? { recent: 0, previous: 0 };
  const periodText = `closed ${period.from} to ${period.to}`;
  const figure = (
    key: string,
    label: string,
    unit: "money" | "percent" | "count",
    value: number | null,
    previous: number | null,
    definition: string,
    drill: "sourced" | "influenced" | "partner_won" | null,
  ) => ({
    key,
    label,
    unit,
    value,
    previous,
    change: relativeChange(value, previous),
    model: INFLUENCE_MODEL,
    definition,
    note: null,
    drill,
  });
  const figures = [
    figure(
      "sourced",
      "Sourced revenue",
      "money",
      c.sourced,
      p.sourced,
      `Σ won amount of deals this partner sourced, ${periodText}`,
      "sourced",
    ),
    figure(
      "influenced",
      "Influenced credit",
      "money",
      c.influenced,
      p.influenced,
      `Won amount shared evenly among the partners touching each deal, ${periodText}`,
      "influenced",
    ),
    figure(
      "won_deals",
      "Won deals",
      "count",
      c.won,
      p.won,
      `Won deals this partner sourced or touched, ${periodText}`,
      "partner_won",
    ),
    figure(
      "win_rate",
      "Win rate",
      "percent",
      winRate(c.won, c.lost),
      winRate(p.won, p.lost),
      "won ÷ (won + lost) of deals this partner sourced or touched",
      null,
    ),
  ];
  const benchmark = options.benchmark
    ? await benchmarkOf(db, scope, partnerId, {
        revenue: c.sourced + c.influenced,
        won: c.won,
        touchpoints: activity.recent,
      })
    : null;
  return {
    partnerId,
    name: partner.name,
    period,
    currency: partner.currency,
    model: INFLUENCE_MODEL,
    figures,
    trend,
    health: [
      {
        key: "activity",
        label: "Touchpoints, last 90 days (vs the 90 before)",
        value: activity.recent,
        previous: activity.previous,
      },
      { key: "won_deals", label: "Won deals (vs previous period)", value: c.won, previous: p.won },
      { key: "lost_deals", label: "Lost deals (vs previous period)", value: c.lost, previous: p.lost },
    ],
    tiers,
    benchmark,
  };
}

export async function getPartnerScorecard(ctx: ServiceContext, partnerId: string, query: ScorecardQuery) {
  requireVendor(ctx.actor, readers);
  return computeScorecard(ctx.database.db, ctx.actor.workspaceId, partnerId, query, { benchmark: true });
}

/** A partner's own scorecard, with anonymous peer benchmarks. */
export async function getOwnScorecard(ctx: ServiceContext, query: ScorecardQuery) {
  requirePartner(ctx.actor);
  return computeScorecard(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, query, { benchmark: true });
}
