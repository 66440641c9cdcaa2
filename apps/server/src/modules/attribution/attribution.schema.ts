import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, workspaceId } from "../../db/columns";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * One attribution run of one model: the frozen inputs (cut-off, period, model and parameters,
 * channel grouping, code version) and, once complete, its results. Snapshots of several models
 * computed from the same read share a `batch_id`, so they compare like for like. A completed
 * snapshot, its credits and its channel totals never change (database triggers).
 */
export const attributionSnapshots = pgTable(
  "attribution_snapshots",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    batchId: uuid("batch_id").notNull(),
    /** Touches and closes after this instant are left out. */
    cutoffAt: at("cutoff_at").notNull(),
    /** Only deals closed on or after this instant (null: since the beginning). */
    periodStart: at("period_start"),
    model: text("model").notNull(),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    /** `partner`, `touch_type` or `partner_touch_type`. */
    grouping: text("grouping").notNull().default("partner"),
    /** Direct sales engagements take part as the pseudo-partner "direct". */
    includeDirect: boolean("include_direct").notNull().default(false),
    /** Package version and a hash of the engine's sources. */
    codeVersion: text("code_version").notNull(),
    reportingCurrency: char("reporting_currency", { length: 3 }).notNull(),
    /** queued → running → completed | failed. */
    status: text("status").notNull().default("queued"),
    phase: text("phase"),
    processedOpportunities: integer("processed_opportunities").notNull().default(0),
    totalOpportunities: integer("total_opportunities"),
    /** wonDeals, lostDeals, touches, channels … */
    counts: jsonb("counts").notNull().default(sql`'{}'::jsonb`),
    /** Inputs left out and why (no touches, no amount, touches after close …), with samples. */
    issues: jsonb("issues").notNull().default(sql`'[]'::jsonb`),
    totalConversions: doublePrecision("total_conversions"),
    totalRevenueMinor: doublePrecision("total_revenue_minor"),
    failure: text("failure"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    startedAt: at("started_at"),
    completedAt: at("completed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("attribution_snapshots_created_idx").on(t.workspaceId, t.createdAt),
    index("attribution_snapshots_batch_idx").on(t.workspaceId, t.batchId),
    check("attribution_snapshots_status_check", sql`${t.status} in ('queued','running','completed','failed')`),
    check("attribution_snapshots_grouping_check", sql`${t.grouping} in ('partner','touch_type','partner_touch_type')`),
  ],
);

/**
 * Each touch's credit in a snapshot (won deals only; lost deals carry no credit). `touchpoint_id`
 * is null for the direct pseudo-partner's engagements. Revenue is in the reporting currency's
 * minor units, fractional because shares are.
 */
export const attributionCredits = pgTable(
  "attribution_credits",
  {
    workspaceId: workspaceId(),
    snapshotId: uuid("snapshot_id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    /** Position of the touch in the deal's time-ordered journey, from 0. */
    position: smallint("position").notNull(),
    touchpointId: uuid("touchpoint_id"),
    /** The channel key: a partner id, a touch type, `partnerId|type`, or `direct`. */
    channel: text("channel").notNull(),
    partnerId: uuid("partner_id"),
    touchType: text("touch_type"),
    occurredAt: at("occurred_at").notNull(),
    share: doublePrecision("share").notNull(),
    conversions: doublePrecision("conversions").notNull(),
    revenueMinor: doublePrecision("revenue_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.snapshotId, t.opportunityId, t.position] }),
    index("attribution_credits_partner_idx").on(t.workspaceId, t.snapshotId, t.partnerId),
    foreignKey({
      columns: [t.workspaceId, t.snapshotId],
      foreignColumns: [attributionSnapshots.workspaceId, attributionSnapshots.id],
    }).onDelete("cascade"),
  ],
);

/** Per-channel totals of a snapshot: what the partner page and the comparison read. */
export const attributionChannelTotals = pgTable(
  "attribution_channel_totals",
  {
    workspaceId: workspaceId(),
    snapshotId: uuid("snapshot_id").notNull(),
    channel: text("channel").notNull(),
    partnerId: uuid("partner_id"),
    touchType: text("touch_type"),
    conversions: doublePrecision("conversions").notNull(),
    revenueMinor: doublePrecision("revenue_minor").notNull(),
    /** Won deals in which the channel holds some credit. */
    deals: integer("deals").notNull(),
    /** Markov only. */
    removalEffect: doublePrecision("removal_effect"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.snapshotId, t.channel] }),
    foreignKey({
      columns: [t.workspaceId, t.snapshotId],
      foreignColumns: [attributionSnapshots.workspaceId, attributionSnapshots.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A manager's split of one deal in one snapshot, with the reason. The computed credits stay as
 * they are; figures "with overrides" apply the active override instead. Reverting keeps the row.
 */
export const attributionOverrides = pgTable(
  "attribution_overrides",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    snapshotId: uuid("snapshot_id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    /** [{ partnerId, share }] with shares summing to 1. */
    splits: jsonb("splits").notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    revertedAt: at("reverted_at"),
    revertedBy: text("reverted_by"),
    revertReason: text("revert_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("attribution_overrides_active_key")
      .on(t.workspaceId, t.snapshotId, t.opportunityId)
      .where(sql`${t.revertedAt} is null`),
    foreignKey({
      columns: [t.workspaceId, t.snapshotId],
      foreignColumns: [attributionSnapshots.workspaceId, attributionSnapshots.id],
    }).onDelete("cascade"),
  ],
);
