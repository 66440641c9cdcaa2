import type { TouchpointOrigin, TouchpointType } from "@symbiont/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import { touchpoints } from "./touchpoints.schema";

declare module "../../platform/events" {
  interface EventMap {
    "touchpoint.recorded": {
      touchpointId: string;
      type: string;
      opportunityId: string | null;
      accountId: string | null;
    };
  }
}

/** What another module records: one partner contribution to an opportunity or an account. */
export interface TouchpointInput {
  workspaceId: string;
  partnerId: string;
  type: TouchpointType;
  occurredAt: Date;
  opportunityId?: string | null;
  accountId?: string | null;
  origin: TouchpointOrigin;
  /** The producing record (registration id, referral id …); makes recording idempotent. */
  originId?: string | null;
  note?: string | null;
  weight?: number | null;
  actorUserId?: string | null;
}

export interface RecordedTouchpoint {
  id: string;
  /** False when an identical (origin, originId, type) entry already existed. */
  created: boolean;
}

/**
 * The touchpoint-recording interface for other modules (registrations, referrals, leads, co-sell).
 * Runs in the caller's transaction; recording the same (origin, originId, type) twice returns the
 * first entry. Emits `touchpoint.recorded` for new entries.
 */
export async function recordTouchpoint(
  tx: DbOrTx,
  source: AuditSource,
  input: TouchpointInput,
): Promise<RecordedTouchpoint> {
  if (!input.opportunityId && !input.accountId) throw new Error("A touchpoint needs an opportunity or an account");
  const [inserted] = await tx
    .insert(touchpoints)
    .values({
      workspaceId: input.workspaceId,
      partnerId: input.partnerId,
      type: input.type,
      occurredAt: input.occurredAt,
      opportunityId: input.opportunityId ?? null,
      accountId: input.accountId ?? null,
      origin: input.origin,
      originId: input.originId ?? null,
      note: input.note ?? null,
      weight: input.weight === undefined || input.weight === null ? null : String(input.weight),
      actorUserId: input.actorUserId ?? null,
      actorLabel: source.actor.label,
    })
    .onConflictDoNothing({
      target: [touchpoints.workspaceId, touchpoints.origin, touchpoints.originId, touchpoints.type],
      where: sql`${touchpoints.originId} is not null`,
    })
    .returning({ id: touchpoints.id });
  if (inserted) {
    await emitEvent(tx, source, {
      type: "touchpoint.recorded",
      workspaceId: input.workspaceId,
      partnerId: input.partnerId,
      entityType: "touchpoint",
      entityId: inserted.id,
      payload: {
        touchpointId: inserted.id,
        type: input.type,
        opportunityId: input.opportunityId ?? null,
        accountId: input.accountId ?? null,
      },
    });
    return { id: inserted.id, created: true };
  }
  const [existing] = await tx
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.workspaceId, input.workspaceId),
        eq(touchpoints.origin, input.origin),
        eq(touchpoints.originId, input.originId ?? ""),
        eq(touchpoints.type, input.type),
      ),
    );
  if (!existing) throw new Error("touchpoint conflict without an existing row");
  return { id: existing.id, created: false };
}

/**
 * Points the touchpoints a record produced at an opportunity, e.g. when a registration converts:
 * its account-level touchpoint now belongs to the deal. Returns how many entries moved.
 */
export async function linkTouchpointsToOpportunity(
  tx: DbOrTx,
  workspaceId: string,
  from: { origin: TouchpointOrigin; originId: string },
  opportunityId: string,
): Promise<number> {
  const rows = await tx
    .update(touchpoints)
    .set({ opportunityId })
    .where(
      and(
        eq(touchpoints.workspaceId, workspaceId),
        eq(touchpoints.origin, from.origin),
        eq(touchpoints.originId, from.originId),
        isNull(touchpoints.voidedAt),
      ),
    )
    .returning({ id: touchpoints.id });
  return rows.length;
}

/** Voids the touchpoints a record produced (a withdrawn registration, a declined referral). */
export async function voidTouchpointsOf(
  tx: DbOrTx,
  source: AuditSource,
  workspaceId: string,
  from: { origin: TouchpointOrigin; originId: string },
  reason: string,
): Promise<number> {
  const rows = await tx
    .update(touchpoints)
    .set({ voidedAt: new Date(), voidedReason: reason, voidedBy: source.actor.label })
    .where(
      and(
        eq(touchpoints.workspaceId, workspaceId),
        eq(touchpoints.origin, from.origin),
        eq(touchpoints.originId, from.originId),
        isNull(touchpoints.voidedAt),
      ),
    )
    .returning({ id: touchpoints.id });
  return rows.length;
}
