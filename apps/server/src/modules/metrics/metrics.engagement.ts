import type { MetricSettingsView } from "@symbiont/contracts";
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
