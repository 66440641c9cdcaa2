import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import {
  type CohortTimeToRevenue,
  type HealthBand,
  leadReciprocity,
  lifetimeValueOfCohort,
  timeToFirstRevenueByCohort,
} from "./formulas";
import type { RetentionTotals } from "./metrics.money-queries";
import { type Period, partnerMonthSlice } from "./metrics.period";
import { reciprocityProvider } from "./metrics.providers";

// Partner-level views over `metric_partner_health` (engagement and health at the last refresh) and
// the CLTV of the retention cohorts.

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const live = sql`h.stage in ('active', 'at_risk')`;

/** A partner is at risk when its engagement fell to two thirds or less of what it was 90 days before. */
export const AT_RISK_RATIO = 2 / 3;
/** …from at least this score, so that a partner that was never engaged is not called falling. */
export const AT_RISK_MIN_PREVIOUS = 20;

export interface AtRiskPartner {
  partnerId: string;
  name: string;
  score: number;
  previousScore: number;
  change: number;
  healthScore: number | null;
  healthBand: HealthBand | null;
}

/** Active partners whose engagement is falling, the steepest fall first. */
export async function partnersAtRisk(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  limit = 10,
): Promise<AtRiskPartner[]> {
  const result = await db.execute(sql`
    select h.partner_id, p.name, h.engagement_score, h.previous_engagement_score, h.health_score, h.health_band
    from metric_partner_health h join partners p on p.workspace_id = h.workspace_id and p.id = h.partner_id
    where h.workspace_id = ${workspaceId} and ${live} and ${partnerMonthSlice(filters, sql`h`)}
      and h.previous_engagement_score >= ${AT_RISK_MIN_PREVIOUS}
      and h.engagement_score <= h.previous_engagement_score * ${AT_RISK_RATIO}
    order by h.engagement_score / h.previous_engagement_score, h.previous_engagement_score desc, p.name
    limit ${limit}`);
  return result.rows.map((row) => {
    const score = num(row.engagement_score);
    const previousScore = num(row.previous_engagement_score);
    return {
      partnerId: String(row.partner_id),
      name: String(row.name),
      score,
      previousScore,
      change: score / previousScore - 1,
      healthScore: row.health_score === null ? null : num(row.health_score),
      healthBand: (row.health_band ?? null) as HealthBand | null,
    };
  });
}

/** How many active partners are in each health band. */
export async function healthBands(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
): Promise<Record<HealthBand, number>> {
  const result = await db.execute(sql`
    select h.health_band, count(*)::int as n from metric_partner_health h
    where h.workspace_id = ${workspaceId} and ${live} and ${partnerMonthSlice(filters, sql`h`)}
      and h.health_band is not null
    group by 1`);
  const bands: Record<HealthBand, number> = { green: 0, yellow: 0, red: 0 };
  for (const row of result.rows) bands[row.health_band as HealthBand] = num(row.n);
  return bands;
}

/** Time to first revenue per activation cohort, for partners activated in the 24 months up to the period's end. */
export async function firstRevenueCohorts(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
): Promise<CohortTimeToRevenue[]> {
  const result = await db.execute(sql`
    select h.partner_id, h.activated_at, h.first_won_at from metric_partner_health h
    where h.workspace_id = ${workspaceId} and ${partnerMonthSlice(filters, sql`h`)}
      and h.activated_at >= ${period.end.toISOString()}::timestamptz - interval '24 months'
      and h.activated_at < ${period.end.toISOString()}`);
  const end = period.end.getTime();
  return timeToFirstRevenueByCohort(
    result.rows.map((row) => {
      const firstWon = row.first_won_at ? new Date(String(row.first_won_at)) : null;
      return {
        partnerId: String(row.partner_id),
        activatedAt: new Date(String(row.activated_at)),
        // Revenue after the period's end has not happened yet from the period's point of view.
        firstWonAt: firstWon && firstWon.getTime() < end ? firstWon : null,
      };
    }),
  );
}

export interface ReciprocityFigures {
  partnerId: string;
  name: string;
  sentToPartner: number;
  receivedFromPartner: number;
  ratio: number | null;
}

/** Lead sharing with the partners that exchanged the most leads; null when no module provides lead data. */
export async function reciprocityLeaders(
  db: DbOrTx,
  workspaceId: string,
  period: Period,
  limit = 10,
): Promise<ReciprocityFigures[] | null> {
  const provider = reciprocityProvider();
  if (!provider) return null;
  const shared = await provider(db, { workspaceId, from: period.start, to: period.end });
  const leaders = [...shared]
    .filter(([, row]) => row.sentToPartner + row.receivedFromPartner > 0)
    .sort(
      ([a, x], [b, y]) =>
        y.sentToPartner + y.receivedFromPartner - (x.sentToPartner + x.receivedFromPartner) || (a < b ? -1 : 1),
    )
    .slice(0, limit);
  if (leaders.length === 0) return [];
  const ids = leaders.map(([id]) => id);
  const names = await db.execute(sql`
    select id, name from partners where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::uuid[])`);
  const nameOf = new Map(names.rows.map((row) => [String(row.id), String(row.name)]));
  return leaders.map(([partnerId, row]) => ({
    partnerId,
    name: nameOf.get(partnerId) ?? "",
    sentToPartner: row.sentToPartner,
    receivedFromPartner: row.receivedFromPartner,
    ratio: leadReciprocity(row.sentToPartner, row.receivedFromPartner),
  }));
}

/** CLTV of a retention cohort over a period (the formula in formulas/retention.ts). */
export function cohortLifetimeValue(
  cohort: Pick<RetentionTotals, "start" | "accounts" | "churnedAccounts">,
  period: Period,
  grossMargin: number,
) {
  return lifetimeValueOfCohort({
    startRecurringRevenue: cohort.start,
    accounts: cohort.accounts,
    churnedAccounts: cohort.churnedAccounts,
    periodDays: period.days,
    grossMargin,
  });
}
