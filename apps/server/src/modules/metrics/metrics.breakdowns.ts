import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { marketPenetrationOfGroups, type PenetrationRow, winRate } from "./formulas";
import { canUseDealMonths, closedDealCellsSql, type DealMonthsUse } from "./metrics.deal-months";
import { groupExpression, type Period, partnerMonthSlice, regionSlice } from "./metrics.period";

// Breakdowns of the headline figures over the read models: by month, region, role, partner and
// market. Every amount is a won amount in the reporting currency; deals count in the month they closed.

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Won amounts that count as partner-sourced for the slicers (as in the headline's sourced revenue). */
const sourcedTest = (filters: MetricFilters) =>
  filters.partnerId ? sql`f.sourcing_partner_id = ${filters.partnerId}` : sql`f.sourced`;

export interface MonthFigures {
  month: string;
  sourced: number;
  influenced: number;
  direct: number;
  partnerWinRate: number | null;
  directWinRate: number | null;
}

/** Month by month over the period: sourced, partner-involved and direct-only won revenue, win rates. */
export async function monthlyFigures(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  dealMonths?: DealMonthsUse,
): Promise<MonthFigures[]> {
  // Without partner slicers the deal months hold these sums (grp is partner involvement).
  const totals = canUseDealMonths(filters, dealMonths)
    ? sql`
      select c.month,
        sum(c.amount_sum) filter (where c.outcome = 'won' and c.partner_involved and c.sourced)::float8 as sourced,
        sum(c.amount_sum) filter (where c.outcome = 'won' and c.partner_involved)::float8 as influenced,
        sum(c.amount_sum) filter (where c.outcome = 'won' and not c.partner_involved)::float8 as direct,
        coalesce(sum(c.deals) filter (where c.outcome = 'won' and c.partner_involved), 0)::int as partner_won,
        coalesce(sum(c.deals) filter (where c.outcome = 'lost' and c.partner_involved), 0)::int as partner_lost,
        coalesce(sum(c.deals) filter (where c.outcome = 'won' and not c.partner_involved), 0)::int as direct_won,
        coalesce(sum(c.deals) filter (where c.outcome = 'lost' and not c.partner_involved), 0)::int as direct_lost
      from ${closedDealCellsSql(workspaceId, filters, period, dealMonths.builtWith ?? 100)} c
      group by 1`
    : sql`
      select date_trunc('month', f.closed_at at time zone 'UTC')::date as month,
        sum(f.amount_minor) filter (where f.outcome = 'won' and g.grp and ${sourcedTest(filters)})::float8 as sourced,
        sum(f.amount_minor) filter (where f.outcome = 'won' and g.grp)::float8 as influenced,
        sum(f.amount_minor) filter (where f.outcome = 'won' and not g.grp)::float8 as direct,
        count(*) filter (where f.outcome = 'won' and g.grp)::int as partner_won,
        count(*) filter (where f.outcome = 'lost' and g.grp)::int as partner_lost,
        count(*) filter (where f.outcome = 'won' and not g.grp)::int as direct_won,
        count(*) filter (where f.outcome = 'lost' and not g.grp)::int as direct_lost
      from metric_deal_facts f
      cross join lateral (select ${groupExpression(filters)} as grp) g
      where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and g.grp is not null
        and f.outcome in ('won', 'lost')
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
      group by 1`;
  const result = await db.execute(sql`
    with months as (
      select generate_series(date_trunc('month', ${period.from}::date), date_trunc('month', ${period.to}::date),
        interval '1 month')::date as month
    ),
    totals as (${totals})
    select to_char(m.month, 'YYYY-MM-DD') as month, t.sourced, t.influenced, t.direct, t.partner_won,
      t.partner_lost, t.direct_won, t.direct_lost
    from months m left join totals t on t.month = m.month order by m.month`);
  return result.rows.map((row) => ({
    month: String(row.month),
    sourced: num(row.sourced),
    influenced: num(row.influenced),
    direct: num(row.direct),
    partnerWinRate: winRate(num(row.partner_won), num(row.partner_lost)),
    directWinRate: winRate(num(row.direct_won), num(row.direct_lost)),
  }));
}

export interface RegionFigures {
  region: string;
  partnerWon: number;
  directWon: number;
  wonDeals: number;
  winRate: number | null;
}

/** Won revenue by the account's region, partner-involved against direct-only. */
export async function regionFigures(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  dealMonths?: DealMonthsUse,
): Promise<RegionFigures[]> {
  const result = await db.execute(
    canUseDealMonths(filters, dealMonths)
      ? sql`
    select coalesce(c.region, 'unknown') as region,
      coalesce(sum(c.amount_sum) filter (where c.outcome = 'won' and c.partner_involved), 0)::float8 as partner_won,
      coalesce(sum(c.amount_sum) filter (where c.outcome = 'won' and not c.partner_involved), 0)::float8 as direct_won,
      coalesce(sum(c.deals) filter (where c.outcome = 'won'), 0)::int as won,
      coalesce(sum(c.deals) filter (where c.outcome = 'lost'), 0)::int as lost
    from ${closedDealCellsSql(workspaceId, filters, period, dealMonths.builtWith ?? 100)} c
    group by 1 order by 2 desc, 1`
      : sql`
    select coalesce(f.region, 'unknown') as region,
      coalesce(sum(f.amount_minor) filter (where f.outcome = 'won' and g.grp), 0)::float8 as partner_won,
      coalesce(sum(f.amount_minor) filter (where f.outcome = 'won' and not g.grp), 0)::float8 as direct_won,
      count(*) filter (where f.outcome = 'won')::int as won, count(*) filter (where f.outcome = 'lost')::int as lost
    from metric_deal_facts f
    cross join lateral (select ${groupExpression(filters)} as grp) g
    where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and g.grp is not null
      and f.outcome in ('won', 'lost')
      and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
    group by 1 order by 2 desc, 1`,
  );
  return result.rows.map((row) => ({
    region: String(row.region),
    partnerWon: num(row.partner_won),
    directWon: num(row.direct_won),
    wonDeals: num(row.won),
    winRate: winRate(num(row.won), num(row.lost)),
  }));
}

/** The months of the partner-month read model a period covers (whole months starting inside it). */
const monthsOf = (period: Period) =>
  sql`m.month >= date_trunc('month', ${period.from}::date)::date and m.month <= ${period.to}::date`;

export interface RoleFlow {
  role: string;
  sourced: number;
  attributed: number;
}

/** Sourced revenue and attributed credit by the partner's first role (the attribution flow). */
export async function flowByRole(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
): Promise<RoleFlow[]> {
  const result = await db.execute(sql`
    select coalesce(m.roles[1], 'unspecified') as role, sum(m.sourced_minor)::float8 as sourced,
      sum(m.attributed_minor)::float8 as attributed
    from metric_partner_months m
    where m.workspace_id = ${workspaceId} and ${monthsOf(period)} and ${partnerMonthSlice(filters)}
    group by 1 having sum(m.sourced_minor) > 0 or sum(m.attributed_minor) > 0
    order by sum(m.sourced_minor) + sum(m.attributed_minor) desc`);
  return result.rows.map((row) => ({
    role: String(row.role),
    sourced: num(row.sourced),
    attributed: num(row.attributed),
  }));
}

export interface PartnerRow {
  partnerId: string;
  name: string;
  sourced: number;
  attributed: number;
  won: number;
}

/** The partners with the most sourced revenue plus attributed credit in the period. */
export async function topPartners(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  limit = 10,
): Promise<PartnerRow[]> {
  const result = await db.execute(sql`
    with totals as (
      select m.partner_id, sum(m.sourced_minor)::float8 as sourced, sum(m.attributed_minor)::float8 as attributed,
        sum(m.won)::int as won
      from metric_partner_months m
      where m.workspace_id = ${workspaceId} and ${monthsOf(period)} and ${partnerMonthSlice(filters)}
      group by m.partner_id
      having sum(m.sourced_minor) + sum(m.attributed_minor) > 0
      order by sum(m.sourced_minor) + sum(m.attributed_minor) desc, m.partner_id
      limit ${limit}
    )
    select t.*, p.name from totals t join partners p on p.workspace_id = ${workspaceId} and p.id = t.partner_id
    order by t.sourced + t.attributed desc, p.name`);
  return result.rows.map((row) => ({
    partnerId: String(row.partner_id),
    name: String(row.name),
    sourced: num(row.sourced),
    attributed: num(row.attributed),
    won: num(row.won),
  }));
}

/**
 * Market penetration: customers (accounts with a deal won in the period) and their won revenue by
 * region and by industry, with a partner (a partner-involved won deal matching the slicers) or
 * without; both tables from one pass over the period's won deals.
 */
export async function marketPenetration(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
): Promise<{ region: PenetrationRow[]; industry: PenetrationRow[] }> {
  const result = await db.execute(sql`
    with customers as (
      select f.account_id, min(f.region) as region, min(f.industry) as industry,
        bool_or(coalesce(g.grp, false)) as attached, sum(f.amount_minor)::float8 as revenue
      from metric_deal_facts f
      cross join lateral (select ${groupExpression(filters)} as grp) g
      where f.workspace_id = ${workspaceId} and ${regionSlice(filters)} and f.outcome = 'won'
        and f.account_id is not null
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
      group by f.account_id
    )
    select case when grouping(region) = 0 then 'region' else 'industry' end as by,
      case when grouping(region) = 0 then region else industry end as key,
      attached, count(*)::int as customers, coalesce(sum(revenue), 0)::float8 as revenue
    from customers group by grouping sets ((region, attached), (industry, attached))`);
  const rowsBy = (by: string) =>
    marketPenetrationOfGroups(
      result.rows
        .filter((row) => row.by === by)
        .map((row) => ({
          key: row.key === null ? null : String(row.key),
          partnerAttached: row.attached === true,
          customers: num(row.customers),
          revenue: num(row.revenue),
        })),
    );
  return { region: rowsBy("region"), industry: rowsBy("industry") };
}
