import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import {
  type DealSummary,
  type GroupCell,
  type StratumCells,
  salesVelocity,
  sizeBandLabel,
  sizeBandThresholds,
  winRate,
} from "./formulas";
import { groupExpression, type Period, regionSlice } from "./metrics.period";

export interface DealGroups {
  partner: DealSummary;
  direct: DealSummary;
  /** Partner-involved and direct-only deals together (with a partner slicer: the slice's deals only). */
  all: DealSummary;
  /** Σ won amount of partner-sourced deals (matching the partner slicers). */
  sourced: number;
  /** Σ won amount of partner-involved deals (matching the partner slicers). */
  influenced: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const emptySummary = (): DealSummary => ({
  won: 0,
  lost: 0,
  open: 0,
  winRate: null,
  wonAmount: 0,
  averageWonAmount: null,
  cycle: { mean: null, median: null, n: 0 },
  salesVelocity: null,
});

/**
 * Deal figures of the period for partner-involved and direct-only deals: won and lost deals
 * closed in the period, deals open at its end; ratios through the formulas.
 */
export async function dealGroups(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
): Promise<DealGroups> {
  const start = period.start.toISOString();
  const end = period.end.toISOString();
  const sourcedTest = filters.partnerId ? sql`f.sourcing_partner_id = ${filters.partnerId}` : sql`f.sourced`;
  const result = await db.execute(sql`
    select g.grp, grouping(g.grp) as total_row,
      count(*) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end})::int as won,
      count(*) filter (where f.outcome = 'lost' and f.closed_at >= ${start} and f.closed_at < ${end})::int as lost,
      count(*) filter (where f.opened_at < ${end} and (f.closed_at is null or f.closed_at >= ${end}))::int as open,
      coalesce(sum(f.amount_minor) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end}), 0)::float8 as won_amount,
      avg(f.amount_minor) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end})::float8 as avg_won,
      avg(f.cycle_days) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end}) as cycle_mean,
      percentile_cont(0.5) within group (order by f.cycle_days) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end}) as cycle_median,
      count(f.cycle_days) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end})::int as cycle_n,
      coalesce(sum(f.amount_minor) filter (where f.outcome = 'won' and f.closed_at >= ${start} and f.closed_at < ${end} and ${sourcedTest}), 0)::float8 as sourced
    from metric_deal_facts f
    cross join lateral (select ${groupExpression(filters)} as grp) g
    where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and g.grp is not null
      and f.opened_at < ${end} and (f.closed_at is null or f.closed_at >= ${start})
    group by grouping sets ((g.grp), ())`);
  const groups = { partner: emptySummary(), direct: emptySummary(), all: emptySummary() };
  let sourced = 0;
  for (const row of result.rows) {
    const won = num(row.won);
    const lost = num(row.lost);
    const open = num(row.open);
    const rate = winRate(won, lost);
    const average = numOrNull(row.avg_won);
    const mean = numOrNull(row.cycle_mean);
    const summary: DealSummary = {
      won,
      lost,
      open,
      winRate: rate,
      wonAmount: num(row.won_amount),
      averageWonAmount: average,
      cycle: { mean, median: numOrNull(row.cycle_median), n: num(row.cycle_n) },
      salesVelocity: salesVelocity({
        openOpportunities: open,
        averageWonAmount: average,
        winRate: rate,
        averageCycleDays: mean,
      }),
    };
    if (num(row.total_row) === 1) groups.all = summary;
    else if (row.grp === true) {
      groups.partner = summary;
      sourced = num(row.sourced);
    } else groups.direct = summary;
  }
  return { ...groups, sourced, influenced: groups.partner.wonAmount };
}

export interface UpliftCells {
  winRate: StratumCells[];
  dealSize: StratumCells[];
  cycleDays: StratumCells[];
}

/**
 * Per (group, segment, size band) summaries of the period's closed deals for the uplift estimates:
 * n, mean, variance, and the values themselves when a cell holds at most `exactLimit` deals.
 */
export async function upliftCells(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  minorPerMajor: number,
  exactLimit = 2000,
): Promise<UpliftCells> {
  const thresholds = sizeBandThresholds(minorPerMajor);
  const result = await db.execute(sql`
    with closed as (
      select ${groupExpression(filters)} as grp, coalesce(f.segment, 'unknown') as segment,
        case when f.amount_minor is null then null
          else width_bucket(f.amount_minor::float8, ${`{${thresholds.join(",")}}`}::float8[]) end as band,
        (f.outcome = 'won')::int as won, f.amount_minor::float8 as amount, f.cycle_days as cycle
      from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and f.outcome in ('won', 'lost')
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
    )
    select grp, segment, band,
      count(*)::int as n_all, avg(won)::float8 as m_all, coalesce(var_samp(won), 0)::float8 as v_all,
      case when count(*) <= ${exactLimit} then array_agg(won) end as x_all,
      count(amount) filter (where won = 1)::int as n_amount, avg(amount) filter (where won = 1) as m_amount,
      coalesce(var_samp(amount) filter (where won = 1), 0) as v_amount,
      case when count(*) <= ${exactLimit} then array_agg(amount) filter (where won = 1 and amount is not null) end as x_amount,
      count(cycle) filter (where won = 1)::int as n_cycle, avg(cycle) filter (where won = 1) as m_cycle,
      coalesce(var_samp(cycle) filter (where won = 1), 0) as v_cycle,
      case when count(*) <= ${exactLimit} then array_agg(cycle) filter (where won = 1 and cycle is not null) end as x_cycle
    from closed where grp is not null
    group by grp, segment, band`);
  const maps = {
    winRate: new Map<string, StratumCells>(),
    dealSize: new Map<string, StratumCells>(),
    cycleDays: new Map<string, StratumCells>(),
  };
  const cell = (n: unknown, m: unknown, v: unknown, x: unknown): GroupCell | null => {
    const count = num(n);
    if (count === 0) return null;
    const values = Array.isArray(x) ? x.map(Number) : undefined;
    return { n: count, mean: num(m), variance: num(v), ...(values ? { values } : {}) };
  };
  for (const row of result.rows) {
    const stratum = `${String(row.segment)}|${sizeBandLabel(numOrNull(row.band))}`;
    const side = row.grp === true ? "partner" : "direct";
    const put = (map: Map<string, StratumCells>, value: GroupCell | null) => {
      const entry = map.get(stratum) ?? { stratum, partner: null, direct: null };
      entry[side] = value;
      map.set(stratum, entry);
    };
    put(maps.winRate, cell(row.n_all, row.m_all, row.v_all, row.x_all));
    put(maps.dealSize, cell(row.n_amount, row.m_amount, row.v_amount, row.x_amount));
    put(maps.cycleDays, cell(row.n_cycle, row.m_cycle, row.v_cycle, row.x_cycle));
  }
  return {
    winRate: [...maps.winRate.values()],
    dealSize: [...maps.dealSize.values()],
    cycleDays: [...maps.cycleDays.values()],
  };
}
