import type { MetricFilters } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { retentionRatios } from "./formulas";
import { hasPartnerFilter, type Period, partnerMonthSlice, partnerSlice, regionSlice } from "./metrics.period";

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export interface RetentionTotals {
  start: number;
  expansion: number;
  contraction: number;
  churn: number;
  nrr: number | null;
  grr: number | null;
  accounts: number;
  /** Accounts of the cohort left with no recurring revenue at the period's end (CLTV's churn rate). */
  churnedAccounts: number;
}

const emptyRetention = (): RetentionTotals => ({
  ...retentionRatios({ start: 0, expansion: 0, contraction: 0, churn: 0 }),
  accounts: 0,
  churnedAccounts: 0,
});

/**
 * The retention cohort as SQL ending in `sided`: one row per account with recurring revenue before
 * the period (start, expansion, contraction capped at what the account had as `lost_contraction`,
 * churn) and its side: `attached` (a partner-involved deal opened before the period ends, matching
 * the partner slicers), `other` (no partner-involved deal at all) or null (another partner's only).
 * Shared by the NRR/GRR figures and their drill-down so both count the same accounts.
 */
export function retentionCohortSql(workspaceId: string, filters: MetricFilters, period: Period): SQL {
  const from = period.from;
  const end = period.end.toISOString();
  const toExclusive = end.slice(0, 10);
  const region = filters.region
    ? sql`join metric_account_facts ra on ra.workspace_id = e.workspace_id and ra.account_id = e.account_id
        and lower(ra.region) = lower(${filters.region})`
    : sql``;
  // Without partner slicers "attached" is "involved": both read the account's first partner deal.
  const attached = hasPartnerFilter(filters)
    ? sql`attached as (
      select distinct f.account_id from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and f.account_id is not null and f.opened_at < ${end}
        and ${partnerSlice(filters)}
    ),`
    : sql``;
  const attachedTest = hasPartnerFilter(filters)
    ? sql`att.account_id is not null`
    : sql`af.first_partner_opened_at < ${end}`;
  const attachedJoin = hasPartnerFilter(filters) ? sql`left join attached att on att.account_id = c.account_id` : sql``;
  return sql`
    with per_account as (
      select e.account_id,
        sum(case when e.occurred_on < ${from} then
          case e.kind when 'new' then 1 when 'expansion' then 1 when 'contraction' then -1 when 'churn' then -1 else 0 end
          * coalesce(e.amount_reporting_minor, 0) else 0 end)::float8 as start,
        coalesce(sum(e.amount_reporting_minor) filter (where e.occurred_on >= ${from} and e.kind in ('new', 'expansion')), 0)::float8 as expansion,
        coalesce(sum(e.amount_reporting_minor) filter (where e.occurred_on >= ${from} and e.kind = 'contraction'), 0)::float8 as contraction,
        coalesce(sum(e.amount_reporting_minor) filter (where e.occurred_on >= ${from} and e.kind = 'churn'), 0)::float8 as churn
      from revenue_events e
      ${region}
      where e.workspace_id = ${workspaceId} and e.occurred_on < ${toExclusive}
      group by e.account_id
    ),
    cohort as (
      select p.*, least(p.contraction, p.start + p.expansion) as lost_contraction from per_account p where p.start > 0
    ),
    ${attached}
    -- Joins, not "in (select …)" in the select list: that is a subplan per account unless its hash
    -- fits work_mem, and at a few hundred thousand accounts it does not (minutes instead of seconds).
    sided as (
      select c.*,
        least(c.churn, greatest(0, c.start + c.expansion - c.lost_contraction)) as lost_churn,
        case when ${attachedTest} then 'attached'
          when af.first_partner_opened_at < ${end} then null else 'other' end as side
      from cohort c
      left join metric_account_facts af on af.workspace_id = ${workspaceId} and af.account_id = c.account_id
      ${attachedJoin}
    )`;
}

/**
 * NRR and GRR for partner-attached accounts and the others (the cohort of `retentionCohortSql`):
 * losses are capped at what the account had. Amounts in the reporting currency.
 */
export async function retentionByAttachment(db: DbOrTx, workspaceId: string, filters: MetricFilters, period: Period) {
  const result = await db.execute(sql`
    ${retentionCohortSql(workspaceId, filters, period)}
    select c.side, count(*)::int as accounts,
      count(*) filter (where c.start + c.expansion - c.lost_contraction - c.churn <= 0)::int as churned,
      sum(c.start) as start, sum(c.expansion) as expansion,
      sum(c.lost_contraction) as contraction, sum(c.lost_churn) as churn
    from sided c group by 1`);
  const out = { partnerAttached: emptyRetention(), other: emptyRetention() };
  for (const row of result.rows) {
    if (row.side === null) continue;
    const totals = {
      start: num(row.start),
      expansion: num(row.expansion),
      contraction: num(row.contraction),
      churn: num(row.churn),
    };
    out[row.side === "attached" ? "partnerAttached" : "other"] = {
      ...retentionRatios(totals),
      accounts: num(row.accounts),
      churnedAccounts: num(row.churned),
    };
  }
  return out;
}

/** Days of [a1, a2] (inclusive) that fall in the period, as SQL, for prorating period amounts. */
const overlapShare = (period: Period, table: ReturnType<typeof sql>) => sql`
  greatest(0, (least(${table}.period_end, ${period.to}::date) - greatest(${table}.period_start, ${period.from}::date) + 1))::float8
  / (${table}.period_end - ${table}.period_start + 1)`;

/**
 * Partner program cost in the period: cost lines prorated by the days they share with it; the
 * program and partner slicers narrow the lines (region, role and tier do not apply to costs).
 */
function programCostSql(workspaceId: string, filters: MetricFilters, period: Period): SQL {
  return sql`(select coalesce(sum(c.amount_reporting_minor * ${overlapShare(period, sql`c`)}), 0)::float8
    from metric_cost_lines c
    where c.workspace_id = ${workspaceId} and c.period_start <= ${period.to} and c.period_end >= ${period.from}
      ${filters.programId ? sql`and c.program_id = ${filters.programId}` : sql``}
      ${filters.partnerId ? sql`and c.partner_id = ${filters.partnerId}` : sql``})`;
}

/** Spend of one channel in the period (prorated), for CAC. */
function spendSql(workspaceId: string, period: Period, channel: string): SQL {
  return sql`(select coalesce(sum(s.amount_reporting_minor * ${overlapShare(period, sql`s`)}), 0)::float8
    from metric_channel_spend s
    where s.workspace_id = ${workspaceId} and s.channel = ${channel}
      and s.period_start <= ${period.to} and s.period_end >= ${period.from})`;
}

/**
 * With partner slicers: the accounts a won partner-sourced deal matching them brought, to be joined;
 * null without slicers, where the account facts' `won_sourced` answers. A join, not a correlated
 * `exists` per account: the deal facts have no account index, so that was a scan of every deal per
 * account (a program's dashboard ran for over six minutes at a million deals).
 */
function slicedSourcedAccountsSql(workspaceId: string, filters: MetricFilters): SQL | null {
  const slicedSource = filters.partnerId
    ? sql`f.sourcing_partner_id = ${filters.partnerId}`
    : hasPartnerFilter(filters)
      ? sql`f.sourced and ${partnerSlice(filters)}`
      : null;
  if (!slicedSource) return null;
  return sql`(select distinct f.account_id from metric_deal_facts f
    where f.workspace_id = ${workspaceId} and f.outcome = 'won' and f.account_id is not null and ${slicedSource})`;
}

/** The join and the test that say whether a new customer (`a`: account facts) was partner-sourced. */
export function newCustomerSourcing(workspaceId: string, filters: MetricFilters): { join: SQL; sourced: SQL } {
  const sliced = slicedSourcedAccountsSql(workspaceId, filters);
  return sliced
    ? {
        join: sql`left join ${sliced} as sourced_accounts on sourced_accounts.account_id = a.account_id`,
        sourced: sql`sourced_accounts.account_id is not null`,
      }
    : { join: sql``, sourced: sql`a.won_sourced` };
}

/**
 * New customers in the period (accounts whose first `new` revenue event falls in it) and how many
 * of them came through a won partner-sourced deal (matching the partner slicers).
 */
function newCustomersSql(workspaceId: string, filters: MetricFilters, period: Period): SQL {
  const region = filters.region ? sql`and lower(a.region) = lower(${filters.region})` : sql``;
  const { join, sourced } = newCustomerSourcing(workspaceId, filters);
  return sql`(
    select array[count(*), count(*) filter (where ${sourced})]::int[]
    from metric_account_facts a ${join}
    where a.workspace_id = ${workspaceId} and a.first_new_on >= ${period.from} and a.first_new_on <= ${period.to} ${region})`;
}

/**
 * Attributed revenue of the partners matching the slicers. The linear split is computed per deal
 * (exact period); an attribution snapshot's credit is read per month from the read model (whole
 * months that start inside the period).
 */
function attributedRevenueSql(workspaceId: string, filters: MetricFilters, period: Period, fromSnapshot: boolean): SQL {
  if (!fromSnapshot) {
    const matching = hasPartnerFilter(filters)
      ? sql`(select count(*) from unnest(f.partner_ids) as p(id) join metric_partner_months m
            on m.workspace_id = f.workspace_id and m.partner_id = p.id and m.month = date_trunc('month', f.closed_at at time zone 'UTC')::date
            where ${partnerMonthSlice({ ...filters, region: undefined })})`
      : sql`cardinality(f.partner_ids)`;
    return sql`(select coalesce(sum(f.amount_minor::float8 * ${matching} / cardinality(f.partner_ids)), 0)::float8
      from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and f.outcome = 'won' and f.partner_involved and ${regionSlice(filters)}
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()})`;
  }
  return sql`(select coalesce(sum(m.attributed_minor), 0)::float8 from metric_partner_months m
    where m.workspace_id = ${workspaceId} and m.month >= ${period.from} and m.month <= ${period.to}
      and ${partnerMonthSlice({ ...filters, region: undefined })})`;
}

export interface PeriodMoney {
  programCost: number;
  spend: { sales: number; marketing: number };
  newCustomers: { customers: number; partnerSourced: number };
  attributed: number;
}

/** Program cost, spend, new customers and attributed revenue of a period, in one statement. */
export async function periodMoney(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  fromSnapshot = false,
): Promise<PeriodMoney> {
  const result = await db.execute(sql`
    select ${programCostSql(workspaceId, filters, period)} as cost,
      ${spendSql(workspaceId, period, "sales")} as sales,
      ${spendSql(workspaceId, period, "marketing")} as marketing,
      ${newCustomersSql(workspaceId, filters, period)} as customers,
      ${attributedRevenueSql(workspaceId, filters, period, fromSnapshot)} as attributed`);
  const row = result.rows[0] ?? {};
  const customers = Array.isArray(row.customers) ? row.customers.map(Number) : [0, 0];
  return {
    programCost: num(row.cost),
    spend: { sales: num(row.sales), marketing: num(row.marketing) },
    newCustomers: { customers: customers[0] ?? 0, partnerSourced: customers[1] ?? 0 },
    attributed: num(row.attributed),
  };
}
