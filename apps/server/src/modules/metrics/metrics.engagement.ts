import type { MetricSettingsView } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { engagementScores } from "./formulas";
import { engagementSignals } from "./metrics.providers";

export interface EngagementResult {
  score: number;
  components: Record<string, number>;
}

/** Engagement of every partner of the workspace at `now` (normalization needs the whole population). */
export async function workspaceEngagement(
  db: DbOrTx,
  workspaceId: string,
  settings: MetricSettingsView,
  now: Date,
): Promise<Map<string, EngagementResult>> {
  const registered = engagementSignals();
  const weights: Record<string, number> = {};
  const absolute = new Set<string>();
  const values = new Map<string, Record<string, number>>();
  for (const [key, weight] of Object.entries(settings.engagementWeights)) {
    const signal = registered.get(key);
    if (!signal || weight <= 0) continue;
    weights[key] = weight;
    if (signal.absolute) absolute.add(key);
    const collected = await signal.collect(db, { workspaceId, now, halfLifeDays: settings.halfLifeDays });
    for (const [partnerId, value] of collected) {
      const entry = values.get(partnerId) ?? {};
      entry[key] = value;
      values.set(partnerId, entry);
    }
  }
  return engagementScores(values, weights, absolute);
}

/**
 * Every partner's engagement score at the end of `period`: from `metric_partner_health` when the
 * period runs up to the last refresh (the score as of that refresh), else computed at the period's end.
 */
export async function engagementOf(
  db: DbOrTx,
  workspaceId: string,
  settings: MetricSettingsView,
  period: { end: Date },
): Promise<Map<string, { score: number }>> {
  const stored = await db.execute(sql`
    select h.partner_id, h.engagement_score from metric_partner_health h
    join metric_refreshes r on r.workspace_id = h.workspace_id
    where h.workspace_id = ${workspaceId} and r.refreshed_at <= ${period.end.toISOString()}
      and r.refreshed_at > ${period.end.toISOString()}::timestamptz - interval '1 day'`);
  if (stored.rows.length > 0) {
    return new Map(stored.rows.map((row) => [String(row.partner_id), { score: Number(row.engagement_score) }]));
  }
  return workspaceEngagement(db, workspaceId, settings, period.end);
}
