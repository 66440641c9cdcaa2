import { type TierMetric, tierMetrics } from "@symbiont/contracts";
import { and, eq, inArray, like } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { partnerManualSignals } from "./tiers.schema";

/** What a provider is asked: one workspace, a batch of partners, a window. */
export interface TierMetricQuery {
  workspaceId: string;
  partnerIds: readonly string[];
  from: Date;
  to: Date;
}

/**
 * Supplies one metric for a batch of partners in one go (never one query per partner).
 * Partners missing from the map count as 0.
 */
export type TierMetricProvider = (db: DbOrTx, query: TierMetricQuery) => Promise<Map<string, number>>;

const providers = new Map<TierMetric, TierMetricProvider>();

/**
 * The metrics interface: the module that owns a signal registers its provider when it loads
 * (deals → sourced/influenced revenue, approved registrations, won deals; evidence → engagement).
 * Registering replaces the current provider, so nothing in the tiers module changes when a real
 * source lands.
 */
export function registerTierMetricProvider(metric: TierMetric, provider: TierMetricProvider): void {
  providers.set(metric, provider);
}

/** Reads a manually maintained metric from partner_manual_signals (not windowed: it is a current count). */
export function manualSignalProvider(key: string): TierMetricProvider {
  return async (db, query) => {
    if (query.partnerIds.length === 0) return new Map();
    const rows = await db
      .select({ partnerId: partnerManualSignals.partnerId, value: partnerManualSignals.value })
      .from(partnerManualSignals)
      .where(
        and(
          eq(partnerManualSignals.workspaceId, query.workspaceId),
          eq(partnerManualSignals.key, key),
          inArray(partnerManualSignals.partnerId, [...query.partnerIds]),
        ),
      );
    return new Map(rows.map((row) => [row.partnerId, row.value]));
  };
}

/** Until the deals module lands there are no deals: these signals are 0 for everyone. */
const zeroProvider: TierMetricProvider = async () => new Map();

registerTierMetricProvider("certified_people", manualSignalProvider("certified_people"));
registerTierMetricProvider("points", manualSignalProvider("points"));
registerTierMetricProvider("engagement_score", manualSignalProvider("engagement_score"));
registerTierMetricProvider("sourced_revenue", zeroProvider);
registerTierMetricProvider("influenced_revenue", zeroProvider);
registerTierMetricProvider("approved_registrations", zeroProvider);
registerTierMetricProvider("won_deals", zeroProvider);

export type MetricValues = Partial<Record<TierMetric, number>>;

/** Every metric (or the ones asked for) for a batch of partners: one query per metric. */
export async function collectTierMetrics(
  db: DbOrTx,
  query: TierMetricQuery,
  metrics: readonly TierMetric[] = tierMetrics,
): Promise<Map<string, MetricValues>> {
  const result = new Map<string, MetricValues>(query.partnerIds.map((id) => [id, {}]));
  if (query.partnerIds.length === 0) return result;
  for (const metric of metrics) {
    const provider = providers.get(metric) ?? zeroProvider;
    const values = await provider(db, query);
    for (const partnerId of query.partnerIds) {
      const target = result.get(partnerId);
      if (target) target[metric] = values.get(partnerId) ?? 0;
    }
  }
  return result;
}

/** The manual checks ticked (`check:<key>` = 1) for a batch of partners. */
export async function collectManualChecks(
  db: DbOrTx,
  workspaceId: string,
  partnerIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(partnerIds.map((id) => [id, new Set<string>()]));
  if (partnerIds.length === 0) return result;
  const rows = await db
    .select({
      partnerId: partnerManualSignals.partnerId,
      key: partnerManualSignals.key,
      value: partnerManualSignals.value,
    })
    .from(partnerManualSignals)
    .where(
      and(
        eq(partnerManualSignals.workspaceId, workspaceId),
        like(partnerManualSignals.key, "check:%"),
        inArray(partnerManualSignals.partnerId, [...partnerIds]),
      ),
    );
  for (const row of rows) if (row.value >= 1) result.get(row.partnerId)?.add(row.key.slice("check:".length));
  return result;
}

/** The start of the rolling window ending at `now`. */
export function windowStart(now: Date, months: number): Date {
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - months);
  return from;
}
