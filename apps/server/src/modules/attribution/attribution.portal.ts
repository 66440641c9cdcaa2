// What a partner sees: its own attributed figures and its own deals, nothing of other partners.
import type { AttributionModel, PortalAttributionSummary } from "@symbiont/contracts";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { dealsBehind } from "./attribution.results";
import { attributionSnapshots } from "./attribution.schema";
import { batchOf, loadSnapshot, requireComplete } from "./attribution.snapshots";

export async function getOwnAttribution(ctx: ServiceContext): Promise<PortalAttributionSummary> {
  requirePartner(ctx.actor);
  const { db } = ctx.database;
  const [latest] = await db
    .select()
    .from(attributionSnapshots)
    .where(
      and(
        eq(attributionSnapshots.workspaceId, ctx.actor.workspaceId),
        eq(attributionSnapshots.status, "completed"),
        isNotNull(attributionSnapshots.completedAt),
      ),
    )
    .orderBy(desc(attributionSnapshots.completedAt))
    .limit(1);
  if (!latest) return { reportingCurrency: "USD", cutoffAt: null, models: [] };
  const batch = await batchOf(db, latest);
  const { rows } = await db.$client.query<{ snapshot_id: string; conversions: number; revenue: number; deals: number }>(
    `select snapshot_id, sum(conversions)::float8 as conversions, sum(revenue_minor)::float8 as revenue,
            count(distinct opportunity_id)::int as deals
     from attribution_credits where workspace_id = $1 and snapshot_id = any($2::uuid[]) and partner_id = $3
     group by snapshot_id`,
    [ctx.actor.workspaceId, batch.map((s) => s.id), ctx.actor.partnerId],
  );
  const bySnapshot = new Map(rows.map((r) => [r.snapshot_id, r]));
  return {
    reportingCurrency: latest.reportingCurrency,
    cutoffAt: latest.cutoffAt.toISOString(),
    models: batch.map((s) => {
      const row = bySnapshot.get(s.id);
      return {
        snapshotId: s.id,
        model: s.model as AttributionModel,
        conversions: Number(row?.conversions ?? 0),
        revenueMinor: Number(row?.revenue ?? 0),
        deals: Number(row?.deals ?? 0),
      };
    }),
  };
}

export async function listOwnDeals(ctx: ServiceContext, snapshotId: string, page: { limit: number; offset: number }) {
  requirePartner(ctx.actor);
  const snapshot = await loadSnapshot(ctx.database.db, ctx.actor.workspaceId, snapshotId);
  requireComplete(snapshot);
  return dealsBehind(ctx.database.db, snapshot, ctx.actor.partnerId, page);
}
