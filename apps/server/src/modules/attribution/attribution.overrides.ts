// Manager overrides of one deal's split in a snapshot. The computed credits are never touched:
// an override is stored beside them, and reverting it keeps it in the history.
import type { AttributionOverride, CreateAttributionOverrideBody } from "@symbiont/contracts";
import { and, asc, eq, inArray } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { partners } from "../partners";
import { attributionCredits, attributionOverrides } from "./attribution.schema";
import { loadSnapshot, requireComplete } from "./attribution.snapshots";

const managers = ["admin", "partner_manager"] as const;
type OverrideRow = typeof attributionOverrides.$inferSelect;

function overrideView(row: OverrideRow): AttributionOverride {
  return {
    id: row.id,
    snapshotId: row.snapshotId,
    opportunityId: row.opportunityId,
    splits: row.splits as AttributionOverride["splits"],
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revertedAt: row.revertedAt?.toISOString() ?? null,
    revertedBy: row.revertedBy,
    revertReason: row.revertReason,
  };
}

export async function listOverrides(
  ctx: ServiceContext,
  snapshotId: string,
): Promise<{ items: AttributionOverride[] }> {
  requireVendor(ctx.actor);
  const snapshot = await loadSnapshot(ctx.database.db, ctx.actor.workspaceId, snapshotId);
  const rows = await ctx.database.db
    .select()
    .from(attributionOverrides)
    .where(
      and(eq(attributionOverrides.workspaceId, snapshot.workspaceId), eq(attributionOverrides.snapshotId, snapshot.id)),
    )
    .orderBy(asc(attributionOverrides.createdAt));
  return { items: rows.map(overrideView) };
}

export async function createOverride(
  ctx: ServiceContext,
  snapshotId: string,
  input: CreateAttributionOverrideBody,
): Promise<AttributionOverride> {
  requireVendor(ctx.actor, managers);
  return transaction(ctx.database, async (tx) => {
    const snapshot = await loadSnapshot(tx, ctx.actor.workspaceId, snapshotId);
    requireComplete(snapshot);
    if (snapshot.grouping !== "partner") {
      throw new AppError("ATTRIBUTION_OVERRIDE_NOT_ALLOWED", {
        message: "Deal splits can be overridden in snapshots grouped by partner only",
      });
    }
    const [credited] = await tx
      .select({ position: attributionCredits.position })
      .from(attributionCredits)
      .where(
        and(
          eq(attributionCredits.workspaceId, snapshot.workspaceId),
          eq(attributionCredits.snapshotId, snapshot.id),
          eq(attributionCredits.opportunityId, input.opportunityId),
        ),
      )
      .limit(1);
    if (!credited) throw notFound("This deal has no credit in this snapshot");
    const ids = input.splits.map((s) => s.partnerId);
    const known = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, snapshot.workspaceId), inArray(partners.id, ids)));
    const knownIds = new Set(known.map((p) => p.id));
    const unknown = ids.map((id, i) => ({ id, i })).filter(({ id }) => !knownIds.has(id));
    if (unknown.length > 0) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Some partners do not exist",
        details: {
          issues: unknown.map(({ i }) => ({
            path: `body.splits.${i}.partnerId`,
            message: "No such partner",
            code: "not_found",
          })),
        },
      });
    }
    const [row] = await tx
      .insert(attributionOverrides)
      .values({
        workspaceId: snapshot.workspaceId,
        snapshotId: snapshot.id,
        opportunityId: input.opportunityId,
        splits: input.splits,
        reason: input.reason,
        createdBy: ctx.actor.label,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError("ATTRIBUTION_OVERRIDE_EXISTS", {
        message: "This deal already has an active override in this snapshot; revert it first",
      });
    }
    await recordAudit(tx, auditSource(ctx), {
      action: "attribution.override_created",
      entityType: "attribution_override",
      entityId: row.id,
      after: {
        snapshotId: snapshot.id,
        opportunityId: input.opportunityId,
        splits: input.splits,
        reason: input.reason,
      },
    });
    return overrideView(row);
  });
}

export async function revertOverride(ctx: ServiceContext, id: string, reason: string): Promise<AttributionOverride> {
  requireVendor(ctx.actor, managers);
  return transaction(ctx.database, async (tx) => {
    const [current] = await tx
      .select()
      .from(attributionOverrides)
      .where(and(eq(attributionOverrides.workspaceId, ctx.actor.workspaceId), eq(attributionOverrides.id, id)))
      .for("update");
    if (!current) throw notFound("Override not found");
    if (current.revertedAt) {
      throw new AppError("ATTRIBUTION_OVERRIDE_REVERTED", { message: "This override was already reverted" });
    }
    const [row] = await tx
      .update(attributionOverrides)
      .set({ revertedAt: new Date(), revertedBy: ctx.actor.label, revertReason: reason })
      .where(and(eq(attributionOverrides.workspaceId, current.workspaceId), eq(attributionOverrides.id, id)))
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: "attribution.override_reverted",
      entityType: "attribution_override",
      entityId: id,
      before: { splits: current.splits },
      after: { reason },
    });
    return overrideView(row!);
  });
}
