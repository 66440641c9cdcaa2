import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { workspaceEngagement } from "./metrics.engagement";
import { resolvePeriod } from "./metrics.period";
import { healthContext, openPipeline, partnerFiguresIn, partnerHealth } from "./metrics.scorecard";
import { loadMetricSettings } from "./metrics.settings";

/** Partners at risk compare engagement now with this many days earlier. */
export const ENGAGEMENT_LOOKBACK_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Rebuilds `metric_partner_health` (after the deal facts and partner months): every partner's
 * engagement score at `now` and 90 days earlier, its health over the 365 days ending `now`, its
 * first won partner-involved deal and the dimensions the dashboard slices by.
 */
export async function rebuildPartnerHealth(tx: DbOrTx, workspaceId: string, now: Date): Promise<number> {
  await tx.execute(sql`delete from metric_partner_health where workspace_id = ${workspaceId}`);
  const settings = await loadMetricSettings(tx, workspaceId);
  const period = resolvePeriod({}, now);
  const partners = await tx.execute(sql`
    with first_won as (
      select p.partner_id, min(f.closed_at) as first_won_at
      from metric_deal_facts f cross join lateral unnest(f.partner_ids) as p(partner_id)
      where f.workspace_id = ${workspaceId} and f.outcome = 'won'
      group by p.partner_id
    ),
    memberships as (
      select m.partner_id, array_agg(distinct m.program_id) as program_ids,
        coalesce(array_agg(distinct m.tier_id) filter (where m.tier_id is not null), '{}') as tier_ids
      from program_memberships m where m.workspace_id = ${workspaceId} group by m.partner_id
    )
    select p.id, p.stage, p.activated_at, p.types, p.regions, fw.first_won_at,
      coalesce(ms.program_ids, '{}') as program_ids, coalesce(ms.tier_ids, '{}') as tier_ids
    from partners p
    left join first_won fw on fw.partner_id = p.id
    left join memberships ms on ms.partner_id = p.id
    where p.workspace_id = ${workspaceId}`);
  if (partners.rows.length === 0) return 0;
  const figures = await partnerFiguresIn(tx, workspaceId, period);
  const pipeline = await openPipeline(tx, workspaceId, period);
  const engagementNow = await workspaceEngagement(tx, workspaceId, settings, now);
  const before = new Date(now.getTime() - ENGAGEMENT_LOOKBACK_DAYS * DAY_MS);
  const engagementBefore = await workspaceEngagement(tx, workspaceId, settings, before);
  const ids = partners.rows.map((row) => String(row.id));
  const context = healthContext(settings, figures, pipeline, engagementNow, ids);
  const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);
  const rows = partners.rows.map((row) => {
    const id = String(row.id);
    const health = partnerHealth(id, context);
    return {
      partnerId: id,
      stage: String(row.stage),
      activatedAt: iso(row.activated_at),
      firstWonAt: iso(row.first_won_at),
      engagement: engagementNow.get(id)?.score ?? 0,
      previousEngagement: engagementBefore.get(id)?.score ?? 0,
      healthScore: health.score,
      healthBand: health.band,
      programIds: row.program_ids,
      roles: row.types,
      tierIds: row.tier_ids,
      regions: row.regions,
    };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`
      insert into metric_partner_health (workspace_id, partner_id, stage, activated_at, first_won_at, engagement_score,
        previous_engagement_score, health_score, health_band, program_ids, roles, tier_ids, regions)
      select ${workspaceId}, r."partnerId", r.stage, r."activatedAt", r."firstWonAt", r.engagement,
        r."previousEngagement", r."healthScore", r."healthBand", coalesce(r."programIds", '{}'), coalesce(r.roles, '{}'),
        coalesce(r."tierIds", '{}'), coalesce(r.regions, '{}')
      from jsonb_to_recordset(${chunk}::jsonb) as r("partnerId" uuid, stage text, "activatedAt" timestamptz,
        "firstWonAt" timestamptz, engagement float8, "previousEngagement" float8, "healthScore" float8,
        "healthBand" text, "programIds" uuid[], roles text[], "tierIds" uuid[], regions text[])`);
  }
  return rows.length;
}
