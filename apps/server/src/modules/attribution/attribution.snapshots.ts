// Snapshot use cases: request a recompute (one snapshot per model, one job), list and read them.
import { randomUUID } from "node:crypto";
import {
  type AttributionModel,
  type AttributionParams,
  type AttributionSnapshot,
  type CreateAttributionSnapshotsBody,
  defaultAttributionModels,
} from "@symbiont/contracts";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor, vendorWriters } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { defineJob } from "../../platform/jobs";
import { reportingCurrencyOf } from "../revenue";
import { recomputeBatch } from "./attribution.recompute";
import { attributionSnapshots } from "./attribution.schema";
import { attributionCodeVersion } from "./attribution.version";
import { DAY_MS } from "./engine";

export type SnapshotRow = typeof attributionSnapshots.$inferSelect;

export const recomputeAttributionJob = defineJob({
  name: "attribution.recompute",
  payload: z.object({ workspaceId: z.uuid(), batchId: z.uuid() }),
  retryLimit: 0,
  async handler({ workspaceId, batchId }, { database, logger }) {
    await recomputeBatch(database, workspaceId, batchId, { logger });
  },
});

/** The engine's parameters of one model from the request's (only those the model reads). */
export function engineParams(model: AttributionModel, params: AttributionParams): Record<string, unknown> {
  if (model === "time-decay" && params.halfLifeDays !== undefined) return { halfLifeMs: params.halfLifeDays * DAY_MS };
  if (model === "custom") return { typeWeights: params.typeWeights ?? {} };
  if (model === "markov" && params.markovOrder !== undefined) return { order: params.markovOrder };
  return {};
}

const PHASE_SPAN = { reading: [0, 0.4], computing: [0.4, 0.5], writing: [0.5, 1] } as const;

export function snapshotView(row: SnapshotRow): AttributionSnapshot {
  let progress = row.status === "completed" ? 1 : 0;
  const span = row.phase ? PHASE_SPAN[row.phase as keyof typeof PHASE_SPAN] : undefined;
  if (row.status === "running" && span) {
    const fraction = row.totalOpportunities ? Math.min(1, row.processedOpportunities / row.totalOpportunities) : 0;
    progress = span[0] + (span[1] - span[0]) * (row.phase === "computing" ? 0 : fraction);
  }
  return {
    id: row.id,
    batchId: row.batchId,
    model: row.model as AttributionModel,
    params: row.params as Record<string, unknown>,
    grouping: row.grouping as AttributionSnapshot["grouping"],
    includeDirect: row.includeDirect,
    cutoffAt: row.cutoffAt.toISOString(),
    periodStart: row.periodStart?.toISOString() ?? null,
    codeVersion: row.codeVersion,
    reportingCurrency: row.reportingCurrency,
    status: row.status as AttributionSnapshot["status"],
    phase: row.phase,
    progress,
    processedOpportunities: row.processedOpportunities,
    totalOpportunities: row.totalOpportunities,
    counts: row.counts as AttributionSnapshot["counts"],
    issues: row.issues as AttributionSnapshot["issues"],
    totalConversions: row.totalConversions,
    totalRevenueMinor: row.totalRevenueMinor,
    failure: row.failure,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Inserts a batch of queued snapshots (one per model) in the caller's transaction. */
export async function insertSnapshotBatch(
  tx: DbOrTx,
  workspaceId: string,
  input: CreateAttributionSnapshotsBody,
  createdBy: string,
): Promise<SnapshotRow[]> {
  const models = input.models ?? defaultAttributionModels;
  const cutoffAt = input.cutoffAt ? new Date(input.cutoffAt) : new Date();
  const periodStart = input.periodStart ? new Date(input.periodStart) : null;
  const batchId = randomUUID();
  const reportingCurrency = await reportingCurrencyOf(tx, workspaceId);
  const codeVersion = attributionCodeVersion();
  return tx
    .insert(attributionSnapshots)
    .values(
      models.map((model) => ({
        workspaceId,
        batchId,
        cutoffAt,
        periodStart,
        model,
        params: engineParams(model, input.params ?? {}),
        grouping: input.grouping ?? "partner",
        includeDirect: input.includeDirect ?? false,
        codeVersion,
        reportingCurrency,
        createdBy,
      })),
    )
    .returning();
}

export async function createSnapshots(
  ctx: ServiceContext,
  input: CreateAttributionSnapshotsBody,
): Promise<{ batchId: string; items: AttributionSnapshot[] }> {
  requireVendor(ctx.actor, vendorWriters);
  if (input.periodStart && input.cutoffAt && new Date(input.periodStart) > new Date(input.cutoffAt)) {
    throw new AppError("VALIDATION_FAILED", {
      message: "The period must start before the cut-off",
      details: {
        issues: [{ path: "body.periodStart", message: "Start the period before the cut-off", code: "custom" }],
      },
    });
  }
  const rows = await transaction(ctx.database, async (tx) => {
    const rows = await insertSnapshotBatch(tx, ctx.actor.workspaceId, input, ctx.actor.label);
    const batchId = rows[0]!.batchId;
    await ctx.jobs.enqueue(tx, recomputeAttributionJob, { workspaceId: ctx.actor.workspaceId, batchId });
    await recordAudit(tx, auditSource(ctx), {
      action: "attribution.recompute_requested",
      entityType: "attribution_batch",
      entityId: batchId,
      after: { models: rows.map((r) => r.model), cutoffAt: rows[0]!.cutoffAt, grouping: rows[0]!.grouping },
    });
    return rows;
  });
  return { batchId: rows[0]!.batchId, items: rows.map(snapshotView) };
}

export async function listSnapshots(ctx: ServiceContext): Promise<{ items: AttributionSnapshot[] }> {
  requireVendor(ctx.actor);
  const rows = await ctx.database.db
    .select()
    .from(attributionSnapshots)
    .where(eq(attributionSnapshots.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(attributionSnapshots.createdAt), attributionSnapshots.model)
    .limit(200);
  return { items: rows.map(snapshotView) };
}

export async function loadSnapshot(db: DbOrTx, workspaceId: string, id: string): Promise<SnapshotRow> {
  const [row] = await db
    .select()
    .from(attributionSnapshots)
    .where(and(eq(attributionSnapshots.workspaceId, workspaceId), eq(attributionSnapshots.id, id)));
  if (!row) throw notFound("Snapshot not found");
  return row;
}

export async function getSnapshot(ctx: ServiceContext, id: string): Promise<AttributionSnapshot> {
  requireVendor(ctx.actor);
  return snapshotView(await loadSnapshot(ctx.database.db, ctx.actor.workspaceId, id));
}

export function requireComplete(row: SnapshotRow): void {
  if (row.status !== "completed") {
    throw new AppError("ATTRIBUTION_SNAPSHOT_NOT_COMPLETE", {
      message: row.status === "failed" ? "This snapshot failed; recompute it" : "This snapshot is still being computed",
    });
  }
}

/** The completed snapshots computed from the same read as `row`, in model order. */
export async function batchOf(db: DbOrTx, row: SnapshotRow): Promise<SnapshotRow[]> {
  const rows = await db
    .select()
    .from(attributionSnapshots)
    .where(
      and(
        eq(attributionSnapshots.workspaceId, row.workspaceId),
        eq(attributionSnapshots.batchId, row.batchId),
        eq(attributionSnapshots.status, "completed"),
      ),
    );
  const order = (model: string) => defaultAttributionModels.indexOf(model as AttributionModel) >>> 0;
  return rows.sort((a, b) => order(a.model) - order(b.model) || a.model.localeCompare(b.model));
}
