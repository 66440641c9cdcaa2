import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { closedDealsCte, eligiblePartners, endOf, type ReportScope, startOf } from "./reports.scope";

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const maybe = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export interface PeriodTotals {
  sourced: number;
  influenced: number;
  partnerWon: number;
  partnerLost: number;
  directWon: number;
  directLost: number;
  partnerAvgWon: number | null;
  directAvgWon: number | null;
  partnerCycleDays: number | null;
  directCycleDays: number | null;
  closed: number;
}

const emptyTotals: PeriodTotals = {
  sourced: 0,
  influenced: 0,
  partnerWon: 0,
  partnerLost: 0,
  directWon: 0,
  directLost: 0,
  partnerAvgWon: null,
  directAvgWon: null,
  partnerCycleDays: null,
  directCycleDays: null,
  closed: 0,
};

/** Revenue and win/loss totals of the current and the previous period, in one pass. */
export async function periodTotals(
  db: DbOrTx,
  scope: ReportScope,
): Promise<{ current: PeriodTotals; previous: PeriodTotals }> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with ${closedDealsCte(scope)}
    select current,
      sum(amount) filter (where outcome = 'won' and sourced) as sourced,
      sum(amount) filter (where outcome = 'won' and touched) as influenced,
      count(*) filter (where outcome = 'won' and (sourced or touched)) as partner_won,
      count(*) filter (where outcome = 'lost' and (sourced or touched)) as partner_lost,
      count(*) filter (where outcome = 'won' and direct) as direct_won,
      count(*) filter (where outcome = 'lost' and direct) as direct_lost,
      avg(amount) filter (where outcome = 'won' and (sourced or touched)) as partner_avg_won,
      avg(amount) filter (where outcome = 'won' and direct) as direct_avg_won,
      avg(extract(epoch from closed_at - opened_at) / 86400) filter (where outcome = 'won' and (sourced or touched)) as partner_cycle,
      avg(extract(epoch from closed_at - opened_at) / 86400) filter (where outcome = 'won' and direct) as direct_cycle,
      count(*) as closed
    from deals group by current`);
  const totals = { current: { ...emptyTotals }, previous: { ...emptyTotals } };
  for (const row of result.rows) {
    totals[row.current ? "current" : "previous"] = {
      sourced: num(row.sourced),
      influenced: num(row.influenced),
      partnerWon: num(row.partner_won),
      partnerLost: num(row.partner_lost),
      directWon: num(row.direct_won),
      directLost: num(row.direct_lost),
      partnerAvgWon: maybe(row.partner_avg_won),
      directAvgWon: maybe(row.direct_avg_won),
      partnerCycleDays: maybe(row.partner_cycle),
      directCycleDays: maybe(row.direct_cycle),
      closed: num(row.closed),
    };
  }
  return totals;
}

export interface MonthRow {
  month: string;
  sourced: number;
  influenced: number;
  direct: number;
  partnerWon: number;
  partnerLost: number;
  directWon: number;
  directLost: number;
}

/** Month by month over the current period (months without deals included as zeros). */
export async function monthlyTotals(db: DbOrTx, scope: ReportScope): Promise<MonthRow[]> {
  const { period } = scope;
  const result = await db.execute<Record<string, unknown>>(sql`
    with ${closedDealsCte(scope)},
    months as (
      select generate_series(date_trunc('month', ${startOf(period.from)} at time zone 'UTC'),
        date_trunc('month', ${startOf(period.to)} at time zone 'UTC'), interval '1 month') as month
    ),
    totals as (
      select date_trunc('month', closed_at at time zone 'UTC') as month,
        sum(amount) filter (where outcome = 'won' and sourced) as sourced,
        sum(amount) filter (where outcome = 'won' and touched) as influenced,
        sum(amount) filter (where outcome = 'won' and direct) as direct,
        count(*) filter (where outcome = 'won' and (sourced or touched)) as partner_won,
        count(*) filter (where outcome = 'lost' and (sourced or touched)) as partner_lost,
        count(*) filter (where outcome = 'won' and direct) as direct_won,
        count(*) filter (where outcome = 'lost' and direct) as direct_lost
      from deals where current group by 1
    )
    select to_char(m.month, 'YYYY-MM-DD') as month, t.sourced, t.influenced, t.direct,
      t.partner_won, t.partner_lost, t.direct_won, t.direct_lost
    from months m left join totals t on t.month = m.month order by m.month`);
  return result.rows.map((row) => ({
    month: String(row.month),
    sourced: num(row.sourced),
    influenced: num(row.influenced),
    direct: num(row.direct),
    partnerWon: num(row.partner_won),
    partnerLost: num(row.partner_lost),
    directWon: num(row.direct_won),
    directLost: num(row.direct_lost),
  }));
}

export interface PartnerCredit {
  partnerId: string;
  name: string;
  role: string;
  sourced: number;
  influenced: number;
  wonDeals: number;
}

/**
 * Per partner over the current period: sourced revenue (won deals it sourced) and influenced
 * credit under the even-split model (a won deal's amount shared equally by the eligible partners
 * with a live touchpoint on it).
 */
export async function partnerCredit(db: DbOrTx, scope: ReportScope): Promise<PartnerCredit[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with ${closedDealsCte(scope)},
    won as (select id, amount, sourcing_partner_id from deals where current and outcome = 'won' and (sourced or touched)),
    touchers as (
      select distinct w.id, w.amount, t.partner_id
      from won w join touchpoints t on t.workspace_id = ${scope.workspaceId} and t.opportunity_id = w.id
      where t.voided_at is null and t.partner_id in (select id from eligible)
    ),
    shares as (
      select partner_id, id, amount / count(*) over (partition by id) as credit from touchers
    ),
    per_partner as (
      select partner_id, sum(credit) as influenced, 0::float8 as sourced, id from shares group by partner_id, id
      union all
      select sourcing_partner_id, 0, amount, id from won where sourcing_partner_id in (select id from eligible)
    )
    select p.id, p.name, coalesce(p.types[1], 'unspecified') as role,
      sum(x.sourced) as sourced, sum(x.influenced) as influenced, count(distinct x.id) as won_deals
    from per_partner x join partners p on p.workspace_id = ${scope.workspaceId} and p.id = x.partner_id
    group by p.id, p.name, p.types`);
  return result.rows.map((row) => ({
    partnerId: String(row.id),
    name: String(row.name),
    role: String(row.role),
    sourced: num(row.sourced),
    influenced: num(row.influenced),
    wonDeals: num(row.won_deals),
  }));
}

export interface ActivityDrop {
  partnerId: string;
  name: string;
  recent: number;
  previous: number;
}

/**
 * Partners whose touchpoint activity in the 90 days to the period's end fell to half or less of
 * the 90 days before (at least 3 touchpoints before, so noise is not called a trend).
 */
export async function activityDrops(db: DbOrTx, scope: ReportScope, limit = 10): Promise<ActivityDrop[]> {
  const end = endOf(scope.period.to);
  const result = await db.execute<Record<string, unknown>>(sql`
    with eligible as (${eligiblePartners(scope)}),
    counts as (
      select t.partner_id,
        count(*) filter (where t.occurred_at >= ${end} - interval '90 days') as recent,
        count(*) filter (where t.occurred_at < ${end} - interval '90 days') as previous
      from touchpoints t
      where t.workspace_id = ${scope.workspaceId} and t.voided_at is null
        and t.occurred_at >= ${end} - interval '180 days' and t.occurred_at < ${end}
        and t.partner_id in (select id from eligible)
      group by t.partner_id
    )
    select c.partner_id, p.name, c.recent, c.previous
    from counts c join partners p on p.workspace_id = ${scope.workspaceId} and p.id = c.partner_id
    where c.previous >= 3 and c.recent * 2 <= c.previous and p.stage not in ('offboarded', 'rejected')
    order by (c.recent::float8 / c.previous) asc, c.previous desc, p.name
    limit ${limit}`);
  return result.rows.map((row) => ({
    partnerId: String(row.partner_id),
    name: String(row.name),
    recent: num(row.recent),
    previous: num(row.previous),
  }));
}

export interface RegionTotals {
  region: string;
  partnerWon: number;
  directWon: number;
  wonDeals: number;
  lostDeals: number;
}

/** Won revenue by the account's region, partner-involved against direct-only. */
export async function regionTotals(db: DbOrTx, scope: ReportScope): Promise<RegionTotals[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with ${closedDealsCte(scope)}
    select coalesce(region, 'unknown') as region,
      sum(amount) filter (where outcome = 'won' and (sourced or touched)) as partner_won,
      sum(amount) filter (where outcome = 'won' and direct) as direct_won,
      count(*) filter (where outcome = 'won') as won,
      count(*) filter (where outcome = 'lost') as lost
    from deals where current group by 1 order by 2 desc nulls last, 1`);
  return result.rows.map((row) => ({
    region: String(row.region),
    partnerWon: num(row.partner_won),
    directWon: num(row.direct_won),
    wonDeals: num(row.won),
    lostDeals: num(row.lost),
  }));
}

export interface RetentionRow {
  attached: boolean;
  accounts: number;
  start: number;
  expansion: number;
  contraction: number;
  churn: number;
}

/**
 * Recurring revenue movements of the accounts that had recurring revenue when the period began
 * (new customers of the period are excluded), split by whether an eligible partner is attached to
 * the account (a live touchpoint on it or on one of its deals, or a deal it sourced).
 */
export async function retentionTotals(
  db: DbOrTx,
  scope: ReportScope,
  from: string,
  to: string,
): Promise<RetentionRow[]> {
  const ws = scope.workspaceId;
  const region = scope.filters.region ? sql`and a.region = ${scope.filters.region}` : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    with eligible as (${eligiblePartners(scope)}),
    movements as (
      select e.account_id,
        sum(case when e.occurred_on < ${from}::date then
          case e.kind when 'new' then amt when 'expansion' then amt when 'contraction' then -amt when 'churn' then -amt else 0 end
          else 0 end) as start_rr,
        sum(case when e.occurred_on >= ${from}::date and e.kind = 'expansion' then amt else 0 end) as expansion,
        sum(case when e.occurred_on >= ${from}::date and e.kind = 'contraction' then amt else 0 end) as contraction,
        sum(case when e.occurred_on >= ${from}::date and e.kind = 'churn' then amt else 0 end) as churn
      from (
        select account_id, kind, occurred_on, coalesce(amount_reporting_minor, amount_minor)::float8 as amt
        from revenue_events where workspace_id = ${ws} and occurred_on <= ${to}::date
      ) e group by e.account_id
    ),
    attached as (
      select t.account_id from touchpoints t
      where t.workspace_id = ${ws} and t.voided_at is null and t.account_id is not null
        and t.partner_id in (select id from eligible)
      union
      select o.account_id from touchpoints t
      join opportunities o on o.workspace_id = t.workspace_id and o.id = t.opportunity_id
      where t.workspace_id = ${ws} and t.voided_at is null and o.account_id is not null
        and t.partner_id in (select id from eligible)
      union
      select o.account_id from opportunities o
      where o.workspace_id = ${ws} and o.account_id is not null and o.sourcing_partner_id in (select id from eligible)
    )
    select (m.account_id in (select account_id from attached)) as attached, count(*) as accounts,
      sum(m.start_rr) as start_rr, sum(m.expansion) as expansion,
      sum(least(m.contraction, m.start_rr)) as contraction, sum(least(m.churn, m.start_rr)) as churn
    from movements m join accounts a on a.workspace_id = ${ws} and a.id = m.account_id
    where m.start_rr > 0 ${region}
    group by 1`);
  return result.rows.map((row) => ({
    attached: Boolean(row.attached),
    accounts: num(row.accounts),
    start: num(row.start_rr),
    expansion: num(row.expansion),
    contraction: num(row.contraction),
    churn: num(row.churn),
  }));
}
