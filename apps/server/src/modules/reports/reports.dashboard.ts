import type { Dashboard, DashboardFilters, HeadlineFigure, UpliftEstimate } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import {
  activityDrops,
  type MonthRow,
  monthlyTotals,
  type PeriodTotals,
  partnerCredit,
  periodTotals,
  regionTotals,
  retentionTotals,
} from "./reports.queries";
import { endOf, type ReportScope, scopeOf, startOf } from "./reports.scope";
import { grossRetention, netRetention, proportionDifference, ratio, relativeChange, winRate } from "./reports.stats";

/** The attribution model behind influenced revenue and per-partner credit. */
export const INFLUENCE_MODEL = "Any-touch influence; partner credit split evenly among touching partners";
const UPLIFT_METHOD =
  "Difference in win rate, partner-involved − direct-only closed deals; 95 % Newcombe hybrid score interval";

export const readers = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;

function figure(
  base: Omit<HeadlineFigure, "change" | "note" | "drill"> & Partial<Pick<HeadlineFigure, "note" | "drill">>,
): HeadlineFigure {
  return { note: null, drill: null, ...base, change: relativeChange(base.value, base.previous) };
}

export function upliftOf(totals: PeriodTotals): UpliftEstimate {
  const partnerDeals = totals.partnerWon + totals.partnerLost;
  const directDeals = totals.directWon + totals.directLost;
  const ci = proportionDifference(totals.partnerWon, partnerDeals, totals.directWon, directDeals);
  return {
    partnerWinRate: winRate(totals.partnerWon, totals.partnerLost),
    directWinRate: winRate(totals.directWon, totals.directLost),
    difference: ci?.difference ?? null,
    low: ci?.low ?? null,
    high: ci?.high ?? null,
    partnerDeals,
    directDeals,
    partnerAvgWonMinor: totals.partnerAvgWon,
    directAvgWonMinor: totals.directAvgWon,
    partnerCycleDays: totals.partnerCycleDays,
    directCycleDays: totals.directCycleDays,
    method: UPLIFT_METHOD,
  };
}

function retentionOf(rows: Awaited<ReturnType<typeof retentionTotals>>, attached: boolean) {
  const row = rows.find((r) => r.attached === attached);
  if (!row) return { nrr: null, grr: null, accounts: 0 };
  return { nrr: netRetention(row), grr: grossRetention(row), accounts: row.accounts };
}

interface Basics {
  currency: string;
  regions: string[];
  /** Anything at all to compute from in this window (deals, revenue events, touchpoints). */
  active: boolean;
}

/** Currency, region list and whether the window holds any data, in one round trip. */
async function basicsOf(db: DbOrTx, scope: ReportScope): Promise<Basics> {
  const ws = scope.workspaceId;
  const { period } = scope;
  const result = await db.execute<{ currency: string | null; regions: string[] | null; active: boolean }>(sql`
    select (select reporting_currency from workspaces where id = ${ws}) as currency,
      (select array_agg(distinct region order by region) from accounts
        where workspace_id = ${ws} and region is not null) as regions,
      exists (select 1 from opportunities where workspace_id = ${ws} and outcome <> 'open'
          and closed_at >= ${startOf(period.previousFrom)} and closed_at < ${endOf(period.to)})
        or exists (select 1 from revenue_events where workspace_id = ${ws} and occurred_on <= ${period.to}::date)
        or exists (select 1 from touchpoints where workspace_id = ${ws}
          and occurred_at >= ${endOf(period.to)} - interval '180 days' and occurred_at < ${endOf(period.to)}) as active`);
  const row = result.rows[0];
  return { currency: row?.currency ?? "USD", regions: row?.regions ?? [], active: Boolean(row?.active) };
}

const noTotals: PeriodTotals = {
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

/** Month starts from the period's first month to its last, for an empty trend. */
function monthsOf(from: string, to: string): MonthRow[] {
  const months: MonthRow[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const last = `${to.slice(0, 7)}-01`;
  for (let guard = 0; guard < 1200; guard++) {
    const month = cursor.toISOString().slice(0, 10);
    if (month > last) break;
    months.push({
      month,
      sourced: 0,
      influenced: 0,
      direct: 0,
      partnerWon: 0,
      partnerLost: 0,
      directWon: 0,
      directLost: 0,
    });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Every figure of the executive dashboard for one set of filters. */
export async function computeDashboard(db: DbOrTx, scope: ReportScope): Promise<Dashboard> {
  const { period } = scope;
  const basics = await basicsOf(db, scope);
  const { currency, regions: regionList } = basics;
  // A workspace (or window) without any data answers its empty state without the heavy queries.
  const [totals, months, credit, drops, regions, retention, retentionBefore] = basics.active
    ? await Promise.all([
        periodTotals(db, scope),
        monthlyTotals(db, scope),
        partnerCredit(db, scope),
        activityDrops(db, scope),
        regionTotals(db, scope),
        retentionTotals(db, scope, period.from, period.to),
        retentionTotals(db, scope, period.previousFrom, period.previousTo),
      ])
    : [{ current: noTotals, previous: noTotals }, monthsOf(period.from, period.to), [], [], [], [], []];
  const { current, previous } = totals;
  const uplift = upliftOf(current);
  const upliftBefore = upliftOf(previous);
  const partnerNow = retentionOf(retention, true);
  const directNow = retentionOf(retention, false);
  const partnerBefore = retentionOf(retentionBefore, true);
  const directBefore = retentionOf(retentionBefore, false);
  const periodLabel = `${period.from} to ${period.to} (closed deals, reporting currency at close-date rates)`;
  const headline: HeadlineFigure[] = [
    figure({
      key: "sourced",
      label: "Partner-sourced revenue",
      unit: "money",
      value: current.sourced,
      previous: previous.sourced,
      model: "Sourced: the opportunity's source is a partner",
      definition: `Σ won amount of opportunities a partner sourced, ${periodLabel}`,
      drill: "sourced",
    }),
    figure({
      key: "influenced",
      label: "Partner-influenced revenue",
      unit: "money",
      value: current.influenced,
      previous: previous.influenced,
      model: INFLUENCE_MODEL,
      definition: `Σ won amount of opportunities with ≥ 1 live partner touchpoint, ${periodLabel}`,
      drill: "influenced",
    }),
    figure({
      key: "sourced_ratio",
      label: "Sourced : influenced",
      unit: "ratio",
      value: ratio(current.sourced, current.influenced),
      previous: ratio(previous.sourced, previous.influenced),
      model: INFLUENCE_MODEL,
      definition: "Partner-sourced ÷ partner-influenced revenue",
      drill: "sourced",
    }),
    figure({
      key: "ropi",
      label: "ROPI",
      unit: "ratio",
      value: null,
      previous: null,
      model: INFLUENCE_MODEL,
      definition: "(Partner-attributed gross profit − partner program cost) ÷ partner program cost",
      note: "No partner program costs (MDF, incentives, partner team, tooling) are recorded for this period",
    }),
    figure({
      key: "win_rate_uplift",
      label: "Win-rate uplift",
      unit: "percent",
      value: uplift.difference,
      previous: upliftBefore.difference,
      model: UPLIFT_METHOD,
      definition: "Partner-involved win rate − direct-only win rate (won ÷ (won + lost), open excluded)",
      note:
        uplift.low === null || uplift.high === null
          ? "Needs closed partner-involved and direct-only deals"
          : `95 % CI ${(uplift.low * 100).toFixed(1)} to ${(uplift.high * 100).toFixed(1)} points`,
      drill: "partner_won",
    }),
    figure({
      key: "nrr_partner",
      label: "NRR, partner-attached",
      unit: "percent",
      value: partnerNow.nrr,
      previous: partnerBefore.nrr,
      model: "Revenue events; accounts with a partner touchpoint or partner-sourced deal",
      definition: `(start recurring revenue + expansion − contraction − churn) ÷ start, accounts recurring at ${period.from}`,
      note: `${partnerNow.accounts} accounts; GRR ${partnerNow.grr === null ? "—" : `${(partnerNow.grr * 100).toFixed(1)} %`}`,
    }),
    figure({
      key: "nrr_direct",
      label: "NRR, other accounts",
      unit: "percent",
      value: directNow.nrr,
      previous: directBefore.nrr,
      model: "Revenue events; accounts without partner involvement",
      definition: `(start recurring revenue + expansion − contraction − churn) ÷ start, accounts recurring at ${period.from}`,
      note: `${directNow.accounts} accounts; GRR ${directNow.grr === null ? "—" : `${(directNow.grr * 100).toFixed(1)} %`}`,
    }),
  ];
  const byRole = new Map<string, { sourced: number; influenced: number }>();
  for (const row of credit) {
    const entry = byRole.get(row.role) ?? { sourced: 0, influenced: 0 };
    entry.sourced += row.sourced;
    entry.influenced += row.influenced;
    byRole.set(row.role, entry);
  }
  return {
    period,
    currency,
    model: INFLUENCE_MODEL,
    headline,
    uplift,
    retention: {
      partnerNrr: partnerNow.nrr,
      directNrr: directNow.nrr,
      partnerGrr: partnerNow.grr,
      directGrr: directNow.grr,
      partnerAccounts: partnerNow.accounts,
      directAccounts: directNow.accounts,
    },
    trend: months.map((m) => ({
      month: m.month,
      sourcedMinor: m.sourced,
      influencedMinor: m.influenced,
      directMinor: m.direct,
      partnerWinRate: winRate(m.partnerWon, m.partnerLost),
      directWinRate: winRate(m.directWon, m.directLost),
    })),
    flow: [...byRole.entries()]
      .map(([role, v]) => ({ role, sourcedMinor: v.sourced, influencedMinor: v.influenced }))
      .sort((a, b) => b.sourcedMinor + b.influencedMinor - (a.sourcedMinor + a.influencedMinor)),
    topPartners: [...credit]
      .sort((a, b) => b.sourced + b.influenced - (a.sourced + a.influenced) || a.name.localeCompare(b.name))
      .slice(0, 10)
      .map((row) => ({
        partnerId: row.partnerId,
        name: row.name,
        sourcedMinor: row.sourced,
        influencedMinor: row.influenced,
        wonDeals: row.wonDeals,
      })),
    atRisk: drops.map((row) => ({ ...row, change: row.recent / row.previous - 1 })),
    regions: regions.map((row) => ({
      region: row.region,
      partnerWonMinor: row.partnerWon,
      directWonMinor: row.directWon,
      wonDeals: row.wonDeals,
      partnerShare: ratio(row.partnerWon, row.partnerWon + row.directWon),
      winRate: winRate(row.wonDeals, row.lostDeals),
    })),
    availableRegions: regionList,
    closedDeals: current.closed,
  };
}

export async function getDashboard(ctx: ServiceContext, filters: DashboardFilters): Promise<Dashboard> {
  requireVendor(ctx.actor, readers);
  return computeDashboard(ctx.database.db, scopeOf(ctx.actor.workspaceId, filters));
}
