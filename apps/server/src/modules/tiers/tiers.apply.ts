import type { TierDirection } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import { programMemberships } from "../programs";
import "./tiers.events";
import { tierEvaluations } from "./tiers.schema";

export interface TierChange {
  workspaceId: string;
  partnerId: string;
  programId: string;
  fromTierId: string | null;
  toTierId: string | null;
  direction: TierDirection;
  proposalId: string;
  autoApplied: boolean;
  now: Date;
}

/**
 * Moves a partner to another tier of a program: the membership changes, the grace clock stops,
 * the change is audited and `partner.tier_changed` is emitted — all in the caller's transaction.
 */
export async function applyTierChange(tx: DbOrTx, source: AuditSource, change: TierChange): Promise<void> {
  const scope = and(
    eq(programMemberships.workspaceId, change.workspaceId),
    eq(programMemberships.partnerId, change.partnerId),
    eq(programMemberships.programId, change.programId),
  );
  await tx.update(programMemberships).set({ tierId: change.toTierId, tierSince: change.now }).where(scope);
  await tx
    .update(tierEvaluations)
    .set({ shortfallSince: null })
    .where(
      and(
        eq(tierEvaluations.workspaceId, change.workspaceId),
        eq(tierEvaluations.partnerId, change.partnerId),
        eq(tierEvaluations.programId, change.programId),
      ),
    );
  await recordAudit(tx, source, {
    action: "partner.tier_changed",
    entityType: "partner",
    entityId: change.partnerId,
    partnerId: change.partnerId,
    before: { programId: change.programId, tierId: change.fromTierId },
    after: {
      programId: change.programId,
      tierId: change.toTierId,
      proposalId: change.proposalId,
      autoApplied: change.autoApplied,
    },
  });
  await emitEvent(tx, source, {
    type: "partner.tier_changed",
    workspaceId: change.workspaceId,
    partnerId: change.partnerId,
    entityType: "tier_proposal",
    entityId: change.proposalId,
    payload: {
      programId: change.programId,
      fromTierId: change.fromTierId,
      toTierId: change.toTierId,
      direction: change.direction,
      proposalId: change.proposalId,
      autoApplied: change.autoApplied,
    },
  });
}
