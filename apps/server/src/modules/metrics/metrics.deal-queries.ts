import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type DealSummary, type GroupCell, type StratumCells, salesVelocity, sizeBandLabel, winRate } from "./formulas";
import {
  canUseDealMonths,
  closedDealCellsSql,
  type DealMonthsUse,
  openAtEndSql,
  sizeBandSql,
} from "./metrics.deal-months";
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
  months?: DealMonthsUse,
): Promise<DealGroups> {
  if (canUseDealMonths(filters, months)) return dealGroupsFromMonths(db, workspaceId, filters, period, months);
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
  return groupsOf(result.rows);
}

type Row = Record<string, unknown>;

/** Partner, direct and total summaries from rows of `grp`, `total_row` and the summed columns. */
function groupsOf(rows: Row[]): DealGroups {
  const groups = { partner: emptySummary(), direct: emptySummary(), all: emptySummary() };
  let sourced = 0;
  for (const row of rows) {
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

/** `dealGroups` without partner slicers: whole months from the deal months, the edges from the facts. */
async function dealGroupsFromMonths(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  months: DealMonthsUse,
): Promise<DealGroups> {
  const cells = closedDealCellsSql(workspaceId, filters, period, months.builtWith ?? 100);
  const result = await db.execute(sql`
    with cells as (select * from ${cells} c),
    closed as (
      select c.partner_involved as grp, grouping(c.partner_involved) as total_row,
        coalesce(sum(c.deals) filter (where c.outcome = 'won'), 0)::int as won,
        coalesce(sum(c.deals) filter (where c.outcome = 'lost'), 0)::int as lost,
        coalesce(sum(c.amount_sum) filter (where c.outcome = 'won'), 0)::float8 as won_amount,
        (sum(c.amount_sum) filter (where c.outcome = 'won')
          / nullif(sum(c.amount_n) filter (where c.outcome = 'won'), 0))::float8 as avg_won,
        (sum(c.cycle_sum) filter (where c.outcome = 'won')
          / nullif(sum(c.cycle_n) filter (where c.outcome = 'won'), 0))::float8 as cycle_mean,
        coalesce(sum(c.cycle_n) filter (where c.outcome = 'won'), 0)::int as cycle_n,
        coalesce(sum(c.amount_sum) filter (where c.outcome = 'won' and c.sourced), 0)::float8 as sourced
      from cells c group by grouping sets ((c.partner_involved), ())
    ),
    medians as (
      select c.partner_involved as grp, grouping(c.partner_involved) as total_row,
        percentile_cont(0.5) within group (order by v.cycle) as cycle_median
      from cells c cross join lateral unnest(c.cycles) as v(cycle)
      where c.outcome = 'won'
      group by grouping sets ((c.partner_involved), ())
    ),
    open as (${openAtEndSql(workspaceId, filters, period)})
    select coalesce(c.grp, o.grp) as grp, coalesce(c.total_row, o.total_row) as total_row,
      c.won, c.lost, c.won_amount, c.avg_won, c.cycle_mean, c.cycle_n, c.sourced, m.cycle_median,
      coalesce(o.open, 0) as open
    from closed c
    full join open o on o.total_row = c.total_row and o.grp is not distinct from c.grp
    left join medians m on m.total_row = c.total_row and m.grp is not distinct from c.grp`);
  return groupsOf(result.rows);
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
  months?: DealMonthsUse,
  exactLimit = 2000,
): Promise<UpliftCells> {
  if (canUseDealMonths(filters, months, minorPerMajor)) {
    return upliftCellsFromMonths(db, workspaceId, filters, period, minorPerMajor, exactLimit);
  }
  const result = await db.execute(sql`
    with closed as (
      select ${groupExpression(filters)} as grp, coalesce(f.segment, 'unknown') as segment,
        ${sizeBandSql(minorPerMajor)} as band,
        (f.outcome = 'won')::int as won, f.amount_minor::float8 as amount, f.cycle_days as cycle
      from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and f.outcome in ('won', 'lost')
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
    )
    select grp, segment, band,
      count(*)::int as n_all, avg(won)::float8 as m_all, coalesce(var_samp(won), 0)::float8 as v_all,
      case when count(*) <= ${exactLimit} then array_agg(won order by won) end as x_all,
      count(amount) filter (where won = 1)::int as n_amount, avg(amount) filter (where won = 1) as m_amount,
      coalesce(var_samp(amount) filter (where won = 1), 0) as v_amount,
      case when count(*) <= ${exactLimit} then array_agg(amount order by amount) filter (where won = 1 and amount is not null) end as x_amount,
      count(cycle) filter (where won = 1)::int as n_cycle, avg(cycle) filter (where won = 1) as m_cycle,
      coalesce(var_samp(cycle) filter (where won = 1), 0) as v_cycle,
      case when count(*) <= ${exactLimit} then array_agg(cycle order by cycle) filter (where won = 1 and cycle is not null) end as x_cycle
    from closed where grp is not null
    group by grp, segment, band`);
  return strataOf(result.rows);
}

/** Uplift cells from rows of group, segment, band and n / mean / variance / values per measure. */
function strataOf(rows: Row[]): UpliftCells {
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
  for (const row of rows) {
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

/** Mean and sample variance from a count, a sum and a sum of squares (0 below two values). */
function moments(n: number, total: number, squares: number): { mean: number; variance: number } {
  if (n === 0) return { mean: 0, variance: 0 };
  const mean = total / n;
  return { mean, variance: n < 2 ? 0 : Math.max(0, (squares - (total * total) / n) / (n - 1)) };
}

/** `upliftCells` without partner slicers: summed from the deal months; small strata keep their values. */
async function upliftCellsFromMonths(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  minorPerMajor: number,
  exactLimit: number,
): Promise<UpliftCells> {
  const won = sql`c.outcome = 'won'`;
  const result = await db.execute(sql`
    with cells as (select * from ${closedDealCellsSql(workspaceId, filters, period, minorPerMajor)} c),
    strata as (
      select c.partner_involved as grp, c.segment, coalesce(c.band, -1) as band_key, min(c.band) as band,
        sum(c.deals)::int as n_all, coalesce(sum(c.deals) filter (where ${won}), 0)::int as won,
        coalesce(sum(c.amount_n) filter (where ${won}), 0)::int as n_amount,
        coalesce(sum(c.amount_sum) filter (where ${won}), 0)::float8 as s_amount,
        coalesce(sum(c.amount_sq) filter (where ${won}), 0)::float8 as q_amount,
        coalesce(sum(c.cycle_n) filter (where ${won}), 0)::int as n_cycle,
        coalesce(sum(c.cycle_sum) filter (where ${won}), 0)::float8 as s_cycle,
        coalesce(sum(c.cycle_sq) filter (where ${won}), 0)::float8 as q_cycle
      from cells c group by 1, 2, 3
    ),
    small as (
      select c.partner_involved as grp, c.segment, coalesce(c.band, -1) as band_key, c.amounts, c.cycles
      from cells c
      join strata s on s.grp = c.partner_involved and s.segment = c.segment and s.band_key = coalesce(c.band, -1)
      where ${won} and s.n_all <= ${exactLimit}
    ),
    amounts as (
      select x.grp, x.segment, x.band_key, array_agg(v order by v) as values
      from small x cross join lateral unnest(x.amounts) as v group by 1, 2, 3
    ),
    cycles as (
      select x.grp, x.segment, x.band_key, array_agg(v order by v) as values
      from small x cross join lateral unnest(x.cycles) as v group by 1, 2, 3
    )
    select s.*, a.values as x_amount, y.values as x_cycle
    from strata s
    left join amounts a on a.grp = s.grp and a.segment = s.segment and a.band_key = s.band_key
    left join cycles y on y.grp = s.grp and y.segment = s.segment and y.band_key = s.band_key`);
  const rows = result.rows.map((row) => {
    const n = num(row.n_all);
    const wins = num(row.won);
    const exact = n <= exactLimit;
    const amount = moments(num(row.n_amount), num(row.s_amount), num(row.q_amount));
    const cycle = moments(num(row.n_cycle), num(row.s_cycle), num(row.q_cycle));
    const valuesOf = (x: unknown) => (exact ? (Array.isArray(x) ? x.map(Number) : []) : null);
    const exactMoments = (values: number[] | null, fallback: { mean: number; variance: number }) =>
      values && values.length > 0 ? momentsOf(values) : fallback;
    const xAmount = valuesOf(row.x_amount);
    const xCycle = valuesOf(row.x_cycle);
    return {
      grp: row.grp,
      segment: row.segment,
      band: row.band,
      n_all: n,
      m_all: n === 0 ? 0 : wins / n,
      v_all: n < 2 ? 0 : (wins * (n - wins)) / (n * (n - 1)),
      x_all: exact ? [...Array<number>(n - wins).fill(0), ...Array<number>(wins).fill(1)] : null,
      n_amount: row.n_amount,
      m_amount: exactMoments(xAmount, amount).mean,
      v_amount: exactMoments(xAmount, amount).variance,
      x_amount: xAmount,
      n_cycle: row.n_cycle,
      m_cycle: exactMoments(xCycle, cycle).mean,
      v_cycle: exactMoments(xCycle, cycle).variance,
      x_cycle: xCycle,
    };
  });
  return strataOf(rows);
}

/** Mean and sample variance of values, two-pass (as exact as the values allow). */
function momentsOf(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((total, v) => total + v, 0) / values.length;
  if (values.length < 2) return { mean, variance: 0 };
  const squares = values.reduce((total, v) => total + (v - mean) ** 2, 0);
  return { mean, variance: squares / (values.length - 1) };
}
