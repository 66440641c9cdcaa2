import type {
  Dashboard,
  DashboardFilters,
  HeadlineFigure,
  HeadlineMetricKey,
  HeadlineMetrics,
  UpliftEstimate,
} from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import {
  assertSlicers,
  cachedView,
  cohortLifetimeValue,
  firstRevenueCohorts,
  flowByRole,
  headlineDefinitions,
  headlineFor,
  healthBands,
  loadMetricContext,
  marketPenetration,
  metricReaders,
  monthlyFigures,
  partnersAtRisk,
  periodOf,
  reciprocityLeaders,
  regionFigures,
  registerViewWarmer,
  topPartners,
  viewKey,
} from "../metrics";
import { type ReportScope, scopeOf } from "./reports.scope";

export const readers = metricReaders;

const UPLIFT_METHOD =
  "Partner-involved − direct-only win rate over closed deals of the same account segment and deal size band (stratum-weighted); 95 % stratified bootstrap interval, 1,000 resamples";

/** The tiles, in the order the page shows them; every one is a metric of the metrics engine. */
const tileOrder: HeadlineMetricKey[] = [
  "sourced_revenue",
  "influenced_revenue",
  "sourced_influenced_ratio",
  "attributed_revenue",
  "ropi",
  "program_cost",
  "cac",
  "partner_cac",
  "nrr_partner",
  "nrr_other",
  "grr_partner",
  "grr_other",
  "win_rate",
  "won_deals",
  "open_deals",
  "average_won_amount",
  "average_cycle_days",
  "median_cycle_days",
  "sales_velocity",
];

/** Shares read as percentages; the sourced : influenced ratio stays a ratio. */
const percentKeys = new Set<HeadlineMetricKey>([
  "ropi",
  "nrr_partner",
  "nrr_other",
  "grr_partner",
  "grr_other",
  "win_rate",
]);

/** What each figure is computed from, beside the attribution model for the attributed ones. */
function modelOf(key: HeadlineMetricKey, attribution: string): string {
  const definition = headlineDefinitions[key];
  if (definition.attributed) return attribution;
  if (key === "program_cost") return "Program cost lines prorated by day";
  if (key === "cac" || key === "partner_cac") return "Spend and cost lines ÷ new customers (first `new` revenue event)";
  if (key.startsWith("nrr") || key.startsWith("grr"))
    return "Revenue events of accounts recurring at the period's start";
  if (key === "sourced_revenue") return "Sourced: the opportunity's source is a partner";
  return "Closed deals; partner-involved = sourced by or touched by a partner";
}

function noteOf(key: HeadlineMetricKey, headline: HeadlineMetrics): string | null {
  const value = headline.metrics.find((m) => m.key === key)?.value ?? null;
  if (value !== null) {
    if (key === "nrr_partner" || key === "grr_partner")
      return `${headline.retention.partnerAttached.accounts} partner-attached accounts`;
    if (key === "nrr_other" || key === "grr_other") return `${headline.retention.other.accounts} other accounts`;
    return null;
  }
  if (key === "ropi" || key === "partner_cac") return "No partner program cost lines cover this period";
  if (key === "cac") return "Needs sales and marketing spend and new customers in this period";
  return null;
}

function headlineTiles(headline: HeadlineMetrics, periodLabel: string): HeadlineFigure[] {
  const byKey = new Map(headline.metrics.map((m) => [m.key, m]));
  return tileOrder.flatMap((key) => {
    const metric = byKey.get(key);
    if (!metric) return [];
    const definition = headlineDefinitions[key];
    return [
      {
        key,
        label: definition.label,
        unit: percentKeys.has(key) ? "percent" : metric.unit,
        value: metric.value,
        previous: metric.previous,
        change: metric.change,
        model: modelOf(key, headline.attributionModel),
        definition: `${definition.formula}; ${periodLabel}${definition.caveats ? `. ${definition.caveats}` : ""}`,
        note: noteOf(key, headline),
        drill: definition.drill ? key : null,
      },
    ];
  });
}

function upliftOf(headline: HeadlineMetrics): UpliftEstimate {
  const { partner, direct } = headline.groups;
  const win = headline.uplift.winRate;
  return {
    partnerWinRate: partner.winRate,
    directWinRate: direct.winRate,
    difference: win.difference,
    low: win.interval?.low ?? null,
    high: win.interval?.high ?? null,
    partnerDeals: partner.won + partner.lost,
    directDeals: direct.won + direct.lost,
    partnerAvgWonMinor: partner.averageWonAmount,
    directAvgWonMinor: direct.averageWonAmount,
    partnerCycleDays: partner.cycle.mean,
    directCycleDays: direct.cycle.mean,
    method: UPLIFT_METHOD,
  };
}

async function regionsOf(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select array_agg(distinct region order by region) as regions from accounts
    where workspace_id = ${workspaceId} and region is not null`);
  return (result.rows[0]?.regions as string[] | null) ?? [];
}

/**
 * The executive dashboard for one set of filters: every figure comes from the metrics engine's
 * definitions over its read models; this module only lays them out.
 */
export async function computeDashboard(db: DbOrTx, scope: ReportScope): Promise<Dashboard> {
  const { workspaceId, filters } = scope;
  const period = periodOf(scope.period.from, scope.period.to);
  // An unknown slicer is a 404 before any section starts.
  await assertSlicers(db, workspaceId, filters);
  const context = await loadMetricContext(db, workspaceId);
  const { dealMonths } = context;
  // Every section at once: on a machine with cores to spare the page takes as long as its slowest query.
  const [headline, regionList, trend, flow, partners, atRisk, regions, penetrationTables, cohorts, bands, reciprocity] =
    await Promise.all([
      headlineFor(db, workspaceId, filters),
      regionsOf(db, workspaceId),
      monthlyFigures(db, workspaceId, filters, period, dealMonths),
      flowByRole(db, workspaceId, filters, period),
      topPartners(db, workspaceId, filters, period),
      partnersAtRisk(db, workspaceId, filters),
      regionFigures(db, workspaceId, filters, period, dealMonths),
      marketPenetration(db, workspaceId, filters, period),
      firstRevenueCohorts(db, workspaceId, filters, period),
      healthBands(db, workspaceId, filters),
      reciprocityLeaders(db, workspaceId, period),
    ]);
  const grossMargin = context.settings.grossMargin;
  const cltvOf = (cohort: HeadlineMetrics["retention"]["partnerAttached"]) => {
    const value = cohortLifetimeValue(
      { start: cohort.start, accounts: cohort.accounts, churnedAccounts: cohort.churnedAccounts },
      period,
      grossMargin,
    );
    return { arpaMinor: value.arpa, churnRate: value.churnRate, cltvMinor: value.cltv, accounts: value.accounts };
  };
  const { partnerAttached, other } = headline.retention;
  const periodLabel = `${period.from} to ${period.to}, compared with ${headline.previousPeriod.from} to ${headline.previousPeriod.to}`;
  const penetration = (rows: typeof penetrationTables.region) =>
    rows.map((r) => ({
      key: r.key,
      customers: r.customers,
      withPartner: r.withPartner,
      withoutPartner: r.withoutPartner,
      revenueMinor: r.revenue,
      revenueWithPartnerMinor: r.revenueWithPartner,
      partnerShare: r.partnerShare,
    }));
  const { partner, direct } = headline.groups;
  const closed = partner.won + partner.lost + direct.won + direct.lost;
  return {
    period: scope.period,
    currency: headline.currency,
    model: headline.attributionModel,
    refreshedAt: headline.refreshedAt,
    headline: headlineTiles(headline, periodLabel),
    uplift: upliftOf(headline),
    retention: {
      partnerNrr: partnerAttached.nrr,
      directNrr: other.nrr,
      partnerGrr: partnerAttached.grr,
      directGrr: other.grr,
      partnerAccounts: partnerAttached.accounts,
      directAccounts: other.accounts,
    },
    trend: trend.map((m) => ({
      month: m.month,
      sourcedMinor: m.sourced,
      influencedMinor: m.influenced,
      directMinor: m.direct,
      partnerWinRate: m.partnerWinRate,
      directWinRate: m.directWinRate,
    })),
    flow: flow.map((f) => ({ role: f.role, sourcedMinor: f.sourced, influencedMinor: f.attributed })),
    topPartners: partners.map((p) => ({
      partnerId: p.partnerId,
      name: p.name,
      sourcedMinor: p.sourced,
      influencedMinor: p.attributed,
      wonDeals: p.won,
    })),
    atRisk,
    regions: regions.map((r) => ({
      region: r.region,
      partnerWonMinor: r.partnerWon,
      directWonMinor: r.directWon,
      wonDeals: r.wonDeals,
      partnerShare: r.partnerWon + r.directWon === 0 ? null : r.partnerWon / (r.partnerWon + r.directWon),
      winRate: r.winRate,
    })),
    penetration: {
      byRegion: penetration(penetrationTables.region),
      byIndustry: penetration(penetrationTables.industry),
    },
    cohorts,
    cltv: { partner: cltvOf(partnerAttached), other: cltvOf(other), grossMargin },
    health: bands,
    reciprocity,
    availableRegions: regionList,
    closedDeals: closed,
  };
}

/** The dashboard as served: stored per filters and resolved period until the read models change. */
export async function getDashboard(ctx: ServiceContext, filters: DashboardFilters): Promise<Dashboard> {
  requireVendor(ctx.actor, readers);
  return storedDashboard(ctx.database.db, ctx.actor.workspaceId, filters);
}

/** The dashboard for a workspace from the store, computed and stored when missing or stale. */
export async function storedDashboard(db: DbOrTx, workspaceId: string, filters: DashboardFilters): Promise<Dashboard> {
  const scope = scopeOf(workspaceId, filters);
  const key = viewKey({ ...filters, from: scope.period.from, to: scope.period.to });
  const view = await cachedView(db, workspaceId, "dashboard", key, () => computeDashboard(db, scope));
  return view.value;
}

/** The slicers of the views computed ahead: every region, partner role and program with deals. */
async function standardSlices(db: DbOrTx, workspaceId: string): Promise<DashboardFilters[]> {
  const result = await db.execute(sql`
    select 'region' as kind, r as value from (select distinct region as r from metric_deal_facts
      where workspace_id = ${workspaceId} and region is not null) x
    union all
    select 'role', r from (select distinct unnest(roles) as r from metric_partner_months where workspace_id = ${workspaceId}) y
    union all
    select 'programId', p::text from (select distinct unnest(program_ids) as p from metric_partner_months
      where workspace_id = ${workspaceId}) z
    order by 1, 2`);
  return result.rows.map((row) => ({ [String(row.kind)]: String(row.value) }) as DashboardFilters);
}

// After each refresh: the default dashboard and each single-slicer view of it (filters people click
// first), so they open from the store; other combinations are computed on first request.
registerViewWarmer("dashboard", async (db, workspaceId) => {
  const slices = [{}, ...(await standardSlices(db, workspaceId))];
  for (const filters of slices) await storedDashboard(db, workspaceId, filters);
  return slices.length;
});
