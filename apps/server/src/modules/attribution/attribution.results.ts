// Reading a snapshot: per-channel results (with overrides applied beside them), the comparison of
// every model of a batch, one deal's explanation, and the deals behind a partner's number.
import type {
  AttributionChannelResult,
  AttributionComparison,
  AttributionDeal,
  AttributionExplanation,
  AttributionModel,
  AttributionResults,
} from "@symbiont/contracts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { partners } from "../partners";
import { opportunities } from "../revenue";
import { DIRECT_CHANNEL } from "./attribution.inputs";
import { attributionChannelTotals, attributionOverrides } from "./attribution.schema";
import { batchOf, loadSnapshot, requireComplete, type SnapshotRow, snapshotView } from "./attribution.snapshots";

type Num = number | string | null;
const num = (value: Num) => (value === null ? 0 : Number(value));

export async function partnerNames(db: DbOrTx, workspaceId: string, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), inArray(partners.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function labelOf(channel: string, partnerId: string | null, touchType: string | null, names: Map<string, string>) {
  if (channel === DIRECT_CHANNEL) return "Direct sales";
  const partner = partnerId ? (names.get(partnerId) ?? "Unknown partner") : null;
  if (partner && touchType) return `${partner} · ${touchType.replaceAll("_", " ")}`;
  return partner ?? (touchType ?? channel).replaceAll("_", " ");
}

async function totalsOf(db: DbOrTx, workspaceId: string, snapshotIds: string[]) {
  return db
    .select()
    .from(attributionChannelTotals)
    .where(
      and(
        eq(attributionChannelTotals.workspaceId, workspaceId),
        inArray(attributionChannelTotals.snapshotId, snapshotIds),
      ),
    );
}

/** What the active overrides take from and give to each channel (partner grouping). */
async function overrideAdjustments(db: DbOrTx, snapshot: SnapshotRow) {
  const result = await db.$client.query<{ channel: string; conversions: Num; revenue: Num }>(
    `with o as (
       select opportunity_id, splits from attribution_overrides
       where workspace_id = $1 and snapshot_id = $2 and reverted_at is null),
     c as (
       select c.opportunity_id, c.channel, c.conversions, c.revenue_minor from attribution_credits c
       join o on o.opportunity_id = c.opportunity_id
       where c.workspace_id = $1 and c.snapshot_id = $2),
     deal as (select opportunity_id, sum(conversions) as conv, sum(revenue_minor) as rev from c group by 1)
     select channel, -sum(conversions) as conversions, -sum(revenue_minor) as revenue from c group by 1
     union all
     select s->>'partnerId', sum((s->>'share')::float8 * deal.conv), sum((s->>'share')::float8 * deal.rev)
     from o join deal using (opportunity_id), jsonb_array_elements(o.splits) s group by 1`,
    [snapshot.workspaceId, snapshot.id],
  );
  const out = new Map<string, { conversions: number; revenue: number }>();
  for (const row of result.rows) {
    const entry = out.get(row.channel) ?? { conversions: 0, revenue: 0 };
    entry.conversions += num(row.conversions);
    entry.revenue += num(row.revenue);
    out.set(row.channel, entry);
  }
  return out;
}

export async function getSnapshotResults(ctx: ServiceContext, id: string): Promise<AttributionResults> {
  requireVendor(ctx.actor);
  const { db } = ctx.database;
  const snapshot = await loadSnapshot(db, ctx.actor.workspaceId, id);
  if (snapshot.status !== "completed") return { snapshot: snapshotView(snapshot), channels: [], activeOverrides: 0 };
  const totals = await totalsOf(db, snapshot.workspaceId, [snapshot.id]);
  const adjustments = await overrideAdjustments(db, snapshot);
  const active = await db
    .select({ id: attributionOverrides.id })
    .from(attributionOverrides)
    .where(
      and(
        eq(attributionOverrides.workspaceId, snapshot.workspaceId),
        eq(attributionOverrides.snapshotId, snapshot.id),
        isNull(attributionOverrides.revertedAt),
      ),
    );
  const names = await partnerNames(db, snapshot.workspaceId, [
    ...totals.map((t) => t.partnerId),
    ...[...adjustments.keys()].filter((k) => k !== DIRECT_CHANNEL),
  ]);
  const channels: AttributionChannelResult[] = totals.map((t) => {
    const adjustment = adjustments.get(t.channel);
    return {
      channel: t.channel,
      label: labelOf(t.channel, t.partnerId, t.touchType, names),
      partnerId: t.partnerId,
      touchType: t.touchType,
      conversions: t.conversions,
      revenueMinor: t.revenueMinor,
      deals: t.deals,
      removalEffect: t.removalEffect,
      adjustedConversions: t.conversions + (adjustment?.conversions ?? 0),
      adjustedRevenueMinor: t.revenueMinor + (adjustment?.revenue ?? 0),
    };
  });
  for (const [channel, adjustment] of adjustments) {
    if (channels.some((c) => c.channel === channel)) continue;
    channels.push({
      channel,
      label: labelOf(channel, channel, null, names),
      partnerId: channel,
      touchType: null,
      conversions: 0,
      revenueMinor: 0,
      deals: 0,
      removalEffect: null,
      adjustedConversions: adjustment.conversions,
      adjustedRevenueMinor: adjustment.revenue,
    });
  }
  channels.sort((a, b) => b.revenueMinor - a.revenueMinor || b.conversions - a.conversions);
  return { snapshot: snapshotView(snapshot), channels, activeOverrides: active.length };
}

export async function compareModels(ctx: ServiceContext, id: string): Promise<AttributionComparison> {
  requireVendor(ctx.actor);
  const { db } = ctx.database;
  const snapshot = await loadSnapshot(db, ctx.actor.workspaceId, id);
  requireComplete(snapshot);
  const batch = await batchOf(db, snapshot);
  const totals = await totalsOf(
    db,
    snapshot.workspaceId,
    batch.map((s) => s.id),
  );
  const names = await partnerNames(
    db,
    snapshot.workspaceId,
    totals.map((t) => t.partnerId),
  );
  const column = new Map(batch.map((s, i) => [s.id, i]));
  const rows = new Map<string, AttributionComparison["rows"][number]>();
  for (const t of totals) {
    let row = rows.get(t.channel);
    if (!row) {
      row = {
        channel: t.channel,
        label: labelOf(t.channel, t.partnerId, t.touchType, names),
        partnerId: t.partnerId,
        conversions: batch.map(() => 0),
        revenueMinor: batch.map(() => 0),
      };
      rows.set(t.channel, row);
    }
    const i = column.get(t.snapshotId)!;
    row.conversions[i] = t.conversions;
    row.revenueMinor[i] = t.revenueMinor;
  }
  return {
    batchId: snapshot.batchId,
    cutoffAt: snapshot.cutoffAt.toISOString(),
    reportingCurrency: snapshot.reportingCurrency,
    models: batch.map((s) => ({ snapshotId: s.id, model: s.model as AttributionModel })),
    rows: [...rows.values()].sort((a, b) => Math.max(...b.revenueMinor) - Math.max(...a.revenueMinor)),
  };
}

/** The deal's touches in time order with their share under every model of the snapshot's batch. */
export async function explainOpportunity(
  ctx: ServiceContext,
  id: string,
  opportunityId: string,
): Promise<AttributionExplanation> {
  requireVendor(ctx.actor);
  const { db } = ctx.database;
  const snapshot = await loadSnapshot(db, ctx.actor.workspaceId, id);
  requireComplete(snapshot);
  const [opportunity] = await db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, snapshot.workspaceId), eq(opportunities.id, opportunityId)));
  if (!opportunity) throw notFound("Opportunity not found");
  const batch = await batchOf(db, snapshot);
  const column = new Map(batch.map((s, i) => [s.id, i]));
  const { rows } = await db.$client.query<{
    snapshot_id: string;
    position: number;
    touchpoint_id: string | null;
    partner_id: string | null;
    channel: string;
    touch_type: string | null;
    occurred_at: Date;
    share: Num;
    revenue_minor: Num;
  }>(
    `select snapshot_id, position, touchpoint_id, partner_id, channel, touch_type, occurred_at, share, revenue_minor
     from attribution_credits where workspace_id = $1 and snapshot_id = any($2::uuid[]) and opportunity_id = $3
     order by position`,
    [snapshot.workspaceId, batch.map((s) => s.id), opportunityId],
  );
  const names = await partnerNames(
    db,
    snapshot.workspaceId,
    rows.map((r) => r.partner_id),
  );
  const touches = new Map<number, AttributionExplanation["touches"][number]>();
  for (const r of rows) {
    let touch = touches.get(r.position);
    if (!touch) {
      touch = {
        position: r.position,
        touchpointId: r.touchpoint_id,
        partnerId: r.partner_id,
        partnerName: r.partner_id ? (names.get(r.partner_id) ?? null) : "Direct sales",
        channel: r.channel,
        touchType: r.touch_type,
        occurredAt: new Date(r.occurred_at).toISOString(),
        shares: batch.map(() => 0),
        revenueMinor: batch.map(() => 0),
      };
      touches.set(r.position, touch);
    }
    const i = column.get(r.snapshot_id)!;
    touch.shares[i] = num(r.share);
    touch.revenueMinor[i] = num(r.revenue_minor);
  }
  const [override] = await db
    .select()
    .from(attributionOverrides)
    .where(
      and(
        eq(attributionOverrides.workspaceId, snapshot.workspaceId),
        eq(attributionOverrides.snapshotId, snapshot.id),
        eq(attributionOverrides.opportunityId, opportunityId),
        isNull(attributionOverrides.revertedAt),
      ),
    );
  return {
    opportunity: {
      id: opportunity.id,
      name: opportunity.name,
      outcome: opportunity.outcome,
      amountReportingMinor: opportunity.amountReportingMinor,
      closedAt: opportunity.closedAt?.toISOString() ?? null,
    },
    reportingCurrency: snapshot.reportingCurrency,
    models: batch.map((s) => ({ snapshotId: s.id, model: s.model as AttributionModel })),
    touches: [...touches.values()].sort((a, b) => a.position - b.position),
    override: override
      ? {
          id: override.id,
          snapshotId: override.snapshotId,
          splits: override.splits as { partnerId: string; share: number }[],
          reason: override.reason,
          createdBy: override.createdBy,
          createdAt: override.createdAt.toISOString(),
        }
      : null,
  };
}

/** The won deals in which a partner holds credit in a snapshot, largest credit first. */
export async function dealsBehind(
  db: DbOrTx,
  snapshot: SnapshotRow,
  partnerId: string,
  page: { limit: number; offset: number },
): Promise<{ items: AttributionDeal[]; total: number }> {
  const { rows } = await db.$client.query<{
    opportunity_id: string;
    name: string;
    closed_at: Date | null;
    amount_reporting_minor: Num;
    share: Num;
    conversions: Num;
    revenue: Num;
    touches: Num;
    total: Num;
  }>(
    `with d as (
       select opportunity_id, sum(share) as share, sum(conversions) as conversions, sum(revenue_minor) as revenue,
              count(*) as touches
       from attribution_credits where workspace_id = $1 and snapshot_id = $2 and partner_id = $3
       group by opportunity_id)
     select d.*, o.name, o.closed_at, o.amount_reporting_minor, count(*) over () as total
     from d join opportunities o on o.workspace_id = $1 and o.id = d.opportunity_id
     order by d.revenue desc, d.conversions desc, o.id
     limit $4 offset $5`,
    [snapshot.workspaceId, snapshot.id, partnerId, page.limit, page.offset],
  );
  let total = num(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    const count = await db.$client.query<{ n: Num }>(
      `select count(distinct opportunity_id) as n from attribution_credits
       where workspace_id = $1 and snapshot_id = $2 and partner_id = $3`,
      [snapshot.workspaceId, snapshot.id, partnerId],
    );
    total = num(count.rows[0]?.n ?? 0);
  }
  return {
    total,
    items: rows.map((r) => ({
      opportunityId: r.opportunity_id,
      name: r.name,
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      amountReportingMinor: r.amount_reporting_minor === null ? null : num(r.amount_reporting_minor),
      share: num(r.share),
      conversions: num(r.conversions),
      revenueMinor: num(r.revenue),
      touches: num(r.touches),
    })),
  };
}

export async function listPartnerDeals(
  ctx: ServiceContext,
  id: string,
  partnerId: string,
  page: { limit: number; offset: number },
) {
  requireVendor(ctx.actor);
  const { db } = ctx.database;
  const snapshot = await loadSnapshot(db, ctx.actor.workspaceId, id);
  requireComplete(snapshot);
  const [partner] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.workspaceId, snapshot.workspaceId), eq(partners.id, partnerId)));
  if (!partner) throw notFound("Partner not found");
  return dealsBehind(db, snapshot, partnerId, page);
}
