import type {
  DrilldownAccount,
  DrilldownCustomer,
  DrilldownPartner,
  SectionDrilldownPage,
  SectionDrilldownQuery,
} from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { ServiceContext } from "../../platform/context";
import { type HealthBand, timeToFirstRevenue } from "./formulas";
import { newCustomers } from "./metrics.customer-drilldown";
import { retentionCohortSql } from "./metrics.money-queries";
import { AT_RISK_MIN_PREVIOUS, AT_RISK_RATIO } from "./metrics.partner-views";
import { groupExpression, type Period, partnerMonthSlice, regionSlice, resolvePeriod } from "./metrics.period";
import { assertCanReadMetrics } from "./metrics.policies";
import { roleCredits } from "./metrics.role-drilldown";
import { healthContext, openPipeline, partnerFiguresIn, partnerHealth } from "./metrics.scorecard";
import { loadMetricContext, type MetricContext } from "./metrics.settings";
import { assertSlicers } from "./metrics.slicers";

// The records behind the dashboard sections that are not headline metrics. Each query repeats the
// selection of the figure it explains (partner-views, money-queries, breakdowns) so the count of
// records equals the figure (the attribution flow's role: the credits add up to it); the tests
// hold the two together.

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)).toISOString());
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never");

export async function sectionDrilldown(
  ctx: ServiceContext,
  query: SectionDrilldownQuery,
): Promise<SectionDrilldownPage> {
  assertCanReadMetrics(ctx.actor);
  await assertSlicers(ctx.database.db, ctx.actor.workspaceId, query);
  return sectionDrilldownPage(ctx.database.db, ctx.actor.workspaceId, query);
}

/** The same for a workspace whose slicers are already checked. */
export async function sectionDrilldownPage(
  db: DbOrTx,
  workspaceId: string,
  query: SectionDrilldownQuery,
): Promise<SectionDrilldownPage> {
  const period = resolvePeriod(query);
  const base = { section: query.section, period: { from: period.from, to: period.to } };
  if (query.section === "retention")
    return { kind: "accounts", ...base, ...(await retentionAccounts(db, workspaceId, query, period)) };
  if (query.section === "customers")
    return { kind: "customers", ...base, ...(await customers(db, workspaceId, query, period)) };
  if (query.section === "new_customers")
    return { kind: "new_customers", ...base, ...(await newCustomers(db, workspaceId, query, period)) };
  const context = await loadMetricContext(db, workspaceId);
  if (query.section === "attribution_role") {
    return { kind: "credits", section: query.section, ...(await roleCredits(db, workspaceId, query, period, context)) };
  }
  return { kind: "partners", ...base, ...(await partners(db, workspaceId, query, period, context)) };
}

async function pageOf(db: DbOrTx, from: SQL, order: SQL, query: SectionDrilldownQuery) {
  const rows = await db.execute(sql`${from} order by ${order} limit ${query.limit} offset ${query.offset}`);
  const count = await db.execute(sql`select count(*)::int as n from (${from}) x`);
  return { rows: rows.rows, total: num(count.rows[0]?.n) };
}

/** Partners of a cohort, a health band or the at-risk list, from `metric_partner_health`. */
async function partners(
  db: DbOrTx,
  workspaceId: string,
  query: SectionDrilldownQuery,
  period: Period,
  context: MetricContext,
): Promise<{ model: string; total: number; items: DrilldownPartner[] }> {
  const end = period.end.toISOString();
  const live = sql`h.stage in ('active', 'at_risk')`;
  const refreshed = `read-model refresh of ${day(context.refreshedAt)}`;
  const { green, yellow } = context.settings.healthBands;
  let predicate: SQL;
  let order: SQL;
  let model: string;
  if (query.section === "cohort") {
    // As firstRevenueCohorts: activated in the 24 months up to the period's end, grouped by UTC month.
    predicate = sql`h.activated_at >= ${end}::timestamptz - interval '24 months' and h.activated_at < ${end}
      and to_char(h.activated_at at time zone 'UTC', 'YYYY-MM') = ${query.cohort ?? ""}`;
    order = sql`h.activated_at, p.name, h.partner_id`;
    model = `Partners activated in ${query.cohort}; first revenue is the first won partner-involved deal closed by ${period.to} (as of the ${refreshed})`;
  } else if (query.section === "health_band") {
    predicate = sql`${live} and h.health_band = ${query.band ?? ""}`;
    order = sql`h.health_score desc nulls last, p.name, h.partner_id`;
    model = `Ecosystem health of active and at-risk partners as of the ${refreshed}: weighted revenue rank, engagement and pipeline rank; green ≥ ${green}, yellow ≥ ${yellow}`;
  } else {
    predicate = sql`${live} and h.previous_engagement_score >= ${AT_RISK_MIN_PREVIOUS}
      and h.engagement_score <= h.previous_engagement_score * ${AT_RISK_RATIO}`;
    order = sql`h.engagement_score / h.previous_engagement_score, h.previous_engagement_score desc, p.name, h.partner_id`;
    model = `Engagement as of the ${refreshed} fell to two thirds or less of its score 90 days earlier (from at least ${AT_RISK_MIN_PREVIOUS})`;
  }
  const from = sql`select h.*, p.name from metric_partner_health h
    join partners p on p.workspace_id = h.workspace_id and p.id = h.partner_id
    where h.workspace_id = ${workspaceId} and ${partnerMonthSlice(query, sql`h`)} and ${predicate}`;
  const { rows, total } = await pageOf(db, from, order, query);
  const components = rows.length > 0 ? await healthComponentsOf(db, workspaceId, context) : () => [];
  const items = rows.map((row): DrilldownPartner => {
    const activatedAt = iso(row.activated_at);
    const firstWon = iso(row.first_won_at);
    // Revenue after the period's end has not happened yet from the period's point of view.
    const firstRevenueAt = firstWon && firstWon < end ? firstWon : null;
    return {
      partnerId: String(row.partner_id),
      name: String(row.name),
      stage: String(row.stage),
      activatedAt,
      firstRevenueAt,
      daysToFirstRevenue:
        activatedAt && firstRevenueAt ? timeToFirstRevenue(new Date(activatedAt), new Date(firstRevenueAt)) : null,
      engagementScore: num(row.engagement_score),
      previousEngagementScore: num(row.previous_engagement_score),
      healthScore: row.health_score === null ? null : num(row.health_score),
      healthBand: (row.health_band ?? null) as HealthBand | null,
      components: components(String(row.partner_id)),
    };
  });
  return { model, total, items };
}

/**
 * The health components as the last refresh computed them: the same read models, the same
 * 365 days ending at the refresh, every partner of the workspace as the ranking population.
 */
async function healthComponentsOf(db: DbOrTx, workspaceId: string, context: MetricContext) {
  if (!context.refreshedAt) return () => [];
  const window = resolvePeriod({}, context.refreshedAt);
  const figures = await partnerFiguresIn(db, workspaceId, window);
  const pipeline = await openPipeline(db, workspaceId, window);
  const stored = await db.execute(
    sql`select partner_id, engagement_score from metric_partner_health where workspace_id = ${workspaceId}`,
  );
  const engagement = new Map(stored.rows.map((row) => [String(row.partner_id), { score: num(row.engagement_score) }]));
  const health = healthContext(context.settings, figures, pipeline, engagement, [...engagement.keys()]);
  return (partnerId: string) => partnerHealth(partnerId, health).components;
}

/** Accounts of the NRR / GRR / CLTV cohort on one side, with what moved their recurring revenue. */
async function retentionAccounts(
  db: DbOrTx,
  workspaceId: string,
  query: SectionDrilldownQuery,
  period: Period,
): Promise<{ model: string; total: number; items: DrilldownAccount[] }> {
  const side = query.side === "partner" ? "attached" : "other";
  const from = sql`${retentionCohortSql(workspaceId, query, period)}
    select c.*, a.name, a.region from sided c
    join accounts a on a.workspace_id = ${workspaceId} and a.id = c.account_id
    where c.side = ${side}`;
  const rows = await db.execute(
    sql`${from} order by c.start desc, a.name, c.account_id limit ${query.limit} offset ${query.offset}`,
  );
  const count = await db.execute(sql`${retentionCohortSql(workspaceId, query, period)}
    select count(*)::int as n from sided c where c.side = ${side}`);
  const items = rows.rows.map((row): DrilldownAccount => {
    const start = num(row.start);
    const expansion = num(row.expansion);
    const contraction = num(row.lost_contraction);
    const churn = num(row.lost_churn);
    return {
      accountId: String(row.account_id),
      name: String(row.name),
      region: row.region === null ? null : String(row.region),
      startMinor: start,
      expansionMinor: expansion,
      contractionMinor: contraction,
      churnMinor: churn,
      endMinor: Math.max(0, start + expansion - contraction - churn),
      churned: start + expansion - contraction - num(row.churn) <= 0,
    };
  });
  const who =
    query.side === "partner"
      ? "partner-attached accounts (a partner-involved deal opened before the period ends)"
      : "accounts with no partner-involved deal";
  return {
    model: `Revenue events of ${who} with recurring revenue before ${period.from}; movements ${period.from} to ${period.to}; churned = no recurring revenue left at the end`,
    total: num(count.rows[0]?.n),
    items,
  };
}

/** Customers of one region or industry of the market-penetration table (as marketPenetration counts them). */
async function customers(
  db: DbOrTx,
  workspaceId: string,
  query: SectionDrilldownQuery,
  period: Period,
): Promise<{ model: string; total: number; items: DrilldownCustomer[] }> {
  const column = query.by === "industry" ? sql`f.industry` : sql`f.region`;
  const key = query.key ?? "";
  const from = sql`
    with customers as (
      select f.account_id, min(${column}) as key, bool_or(coalesce(g.grp, false)) as attached,
        sum(f.amount_minor)::float8 as revenue, count(*)::int as deals
      from metric_deal_facts f
      cross join lateral (select ${groupExpression(query)} as grp) g
      where f.workspace_id = ${workspaceId} and ${regionSlice(query)} and f.outcome = 'won'
        and f.account_id is not null
        and f.closed_at >= ${period.start.toISOString()} and f.closed_at < ${period.end.toISOString()}
      group by f.account_id
    )
    select c.*, a.name, a.region, a.industry from customers c
    join accounts a on a.workspace_id = ${workspaceId} and a.id = c.account_id
    where coalesce(c.key, 'unknown') = ${key}`;
  const { rows, total } = await pageOf(db, from, sql`revenue desc, name, account_id`, query);
  return {
    model: `Accounts with a deal won ${period.from} to ${period.to} whose ${query.by ?? "region"} is ${key}; with a partner = a partner-involved won deal matching the filters`,
    total,
    items: rows.map((row) => ({
      accountId: String(row.account_id),
      name: String(row.name),
      region: row.region === null ? null : String(row.region),
      industry: row.industry === null ? null : String(row.industry),
      wonMinor: num(row.revenue),
      wonDeals: num(row.deals),
      withPartner: row.attached === true,
    })),
  };
}
