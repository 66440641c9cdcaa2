import type { MetricFilters } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { sizeBandThresholds } from "./formulas";
import { hasPartnerFilter, type Period, regionSlice } from "./metrics.period";

// The deal-months read model (metric_deal_months, metric_deal_open_months): closed deals summed per
// close month, and deal counts per open × close month. A period's whole months come from here and
// its partial months at either edge from the deal facts, so every figure is exact for any days
// while a year of a million deals reads a few thousand rows instead of the deals themselves.

/** The deal months a request may use: built (after a refresh) with the request's size bands. */
export interface DealMonthsUse {
  /** Minor units per major unit the read model was built with; null: not built yet. */
  builtWith: number | null;
}

/** True when the figures for these filters can come from the deal months (no partner slicer). */
export function canUseDealMonths(
  filters: MetricFilters,
  use: DealMonthsUse | undefined,
  minorPerMajor?: number,
): use is DealMonthsUse {
  if (!use || use.builtWith === null || hasPartnerFilter(filters)) return false;
  return minorPerMajor === undefined || use.builtWith === minorPerMajor;
}

/** `width_bucket` size band of `f.amount_minor` (null amount: null band), as the uplift strata use. */
export function sizeBandSql(minorPerMajor: number): SQL {
  const thresholds = `{${sizeBandThresholds(minorPerMajor).join(",")}}`;
  return sql`case when f.amount_minor is null then null
    else width_bucket(f.amount_minor::float8, ${thresholds}::float8[]) end`;
}

/** The aggregate columns of a deal-months row, over deal facts `f` grouped like the read model. */
const closedAggregates = sql`
  count(*)::int as deals, count(f.amount_minor)::int as amount_n,
  coalesce(sum(f.amount_minor), 0)::float8 as amount_sum,
  coalesce(sum(f.amount_minor::float8 * f.amount_minor::float8), 0)::float8 as amount_sq,
  count(f.cycle_days)::int as cycle_n, coalesce(sum(f.cycle_days), 0)::float8 as cycle_sum,
  coalesce(sum(f.cycle_days * f.cycle_days), 0)::float8 as cycle_sq,
  case when f.outcome = 'won' then coalesce(array_agg(f.amount_minor::float8 order by f.amount_minor)
    filter (where f.amount_minor is not null), '{}') end as amounts,
  case when f.outcome = 'won' then coalesce(array_agg(f.cycle_days order by f.cycle_days)
    filter (where f.cycle_days is not null), '{}') end as cycles`;

const monthOf = (column: SQL) => sql`date_trunc('month', ${column} at time zone 'UTC')::date`;

/** Rebuilds one workspace's deal months from its deal facts (inside the refresh transaction). */
export async function rebuildDealMonths(tx: DbOrTx, workspaceId: string, minorPerMajor: number): Promise<number> {
  await tx.execute(sql`delete from metric_deal_months where workspace_id = ${workspaceId}`);
  await tx.execute(sql`delete from metric_deal_open_months where workspace_id = ${workspaceId}`);
  const closed = await tx.execute(sql`
    insert into metric_deal_months (workspace_id, month, outcome, region, segment, band, partner_involved, sourced,
      deals, amount_n, amount_sum, amount_sq, cycle_n, cycle_sum, cycle_sq, amounts, cycles)
    select ${workspaceId}, ${monthOf(sql`f.closed_at`)}, f.outcome, f.region, coalesce(f.segment, 'unknown'),
      ${sizeBandSql(minorPerMajor)}, f.partner_involved, f.sourced, ${closedAggregates}
    from metric_deal_facts f
    where f.workspace_id = ${workspaceId} and f.outcome in ('won', 'lost') and f.closed_at is not null
    group by 2, 3, 4, 5, 6, 7, 8`);
  await tx.execute(sql`
    insert into metric_deal_open_months (workspace_id, open_month, close_month, region, partner_involved, deals)
    select ${workspaceId}, ${monthOf(sql`f.opened_at`)}, ${monthOf(sql`f.closed_at`)}, f.region, f.partner_involved,
      count(*)::int
    from metric_deal_facts f
    where f.workspace_id = ${workspaceId}
    group by 2, 3, 4, 5`);
  return closed.rowCount ?? 0;
}

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const nextMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
const iso = (date: Date) => date.toISOString();

/**
 * The period's closed deals as deal-months rows (columns of metric_deal_months): whole months from
 * the read model, the partial months at the edges aggregated from the deal facts alike.
 */
export function closedDealCellsSql(
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  minorPerMajor: number,
): SQL {
  const firstWhole =
    period.start.getTime() === monthStart(period.start).getTime() ? period.start : nextMonth(period.start);
  const endOfWhole = monthStart(period.end);
  const edges: [Date, Date][] =
    firstWhole < endOfWhole
      ? [
          [period.start, firstWhole],
          [endOfWhole, period.end],
        ]
      : [[period.start, period.end]];
  const ranges = edges.filter(([from, to]) => from < to);
  const edgeRows = ranges.length
    ? sql`
      select ${monthOf(sql`f.closed_at`)} as month, f.outcome, f.region, coalesce(f.segment, 'unknown') as segment,
        ${sizeBandSql(minorPerMajor)} as band, f.partner_involved, f.sourced, ${closedAggregates}
      from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and f.outcome in ('won', 'lost') and ${regionSlice(filters)}
        and (${sql.join(
          ranges.map(([from, to]) => sql`(f.closed_at >= ${iso(from)} and f.closed_at < ${iso(to)})`),
          sql` or `,
        )})
      group by 1, 2, 3, 4, 5, 6, 7`
    : null;
  const wholeRows =
    firstWhole < endOfWhole
      ? sql`
      select m.month, m.outcome, m.region, m.segment, m.band, m.partner_involved, m.sourced, m.deals, m.amount_n,
        m.amount_sum, m.amount_sq, m.cycle_n, m.cycle_sum, m.cycle_sq, m.amounts, m.cycles
      from metric_deal_months m
      where m.workspace_id = ${workspaceId} and ${regionSlice(filters, sql`m`)}
        and m.month >= ${iso(firstWhole).slice(0, 10)} and m.month < ${iso(endOfWhole).slice(0, 10)}`
      : null;
  const parts = [wholeRows, edgeRows].filter((part): part is SQL => part !== null);
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/**
 * Deals open at the period's end per partner involvement (`grp`) and in total: counted from the
 * open months for deals opened before and closed after the end's month, and from the deal facts for
 * deals opened or closed in that month.
 */
export function openAtEndSql(workspaceId: string, filters: MetricFilters, period: Period): SQL {
  // The month holding the end instant: deals opened or closed in it are read one by one.
  const month = monthStart(period.end);
  const after = nextMonth(month);
  const day = iso(month).slice(0, 10);
  return sql`
    select x.partner_involved as grp, grouping(x.partner_involved) as total_row, sum(x.deals)::int as open
    from (
      select o.partner_involved, o.deals from metric_deal_open_months o
      where o.workspace_id = ${workspaceId} and ${regionSlice(filters, sql`o`)}
        and o.open_month < ${day} and (o.close_month is null or o.close_month > ${day})
      union all
      select f.partner_involved, 1 from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and ${regionSlice(filters)}
        and f.opened_at < ${iso(period.end)} and (f.closed_at is null or f.closed_at >= ${iso(period.end)})
        and ((f.opened_at >= ${iso(month)} and f.opened_at < ${iso(after)})
          or (f.closed_at >= ${iso(month)} and f.closed_at < ${iso(after)}))
    ) x
    group by grouping sets ((x.partner_involved), ())`;
}
