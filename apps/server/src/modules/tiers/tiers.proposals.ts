import type { TierDirection, TierEvaluationResult, TierProposal, TierProposalStatus } from "@symbiont/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, transaction } from "../../db";
import { partners } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import {
  assertCanManagePrograms,
  assertCanReadPrograms,
  assertProgramActive,
  loadProgram,
  programMemberships,
  programs,
} from "../programs";
import { applyTierChange } from "./tiers.apply";
import { evaluateProgramTiers } from "./tiers.evaluation";
import { tierProposals, tiers } from "./tiers.schema";

const fromTiers = alias(tiers, "from_tier");
const toTiers = alias(tiers, "to_tier");

function proposalQuery(db: DbOrTx) {
  return db
    .select({
      proposal: tierProposals,
      partnerName: partners.name,
      programName: programs.name,
      fromTier: { id: fromTiers.id, name: fromTiers.name, rank: fromTiers.rank },
      toTier: { id: toTiers.id, name: toTiers.name, rank: toTiers.rank },
    })
    .from(tierProposals)
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, tierProposals.workspaceId), eq(partners.id, tierProposals.partnerId)),
    )
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, tierProposals.workspaceId), eq(programs.id, tierProposals.programId)),
    )
    .leftJoin(
      fromTiers,
      and(eq(fromTiers.workspaceId, tierProposals.workspaceId), eq(fromTiers.id, tierProposals.fromTierId)),
    )
    .leftJoin(toTiers, and(eq(toTiers.workspaceId, tierProposals.workspaceId), eq(toTiers.id, tierProposals.toTierId)));
}

type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalQuery>["where"]>>[number];

const tierRef = (tier: { id: string | null; name: string | null; rank: number | null } | null) =>
  tier?.id && tier.name !== null && tier.rank !== null ? { id: tier.id, name: tier.name, rank: tier.rank } : null;

function toProposal(row: ProposalRow): TierProposal {
  const p = row.proposal;
  return {
    id: p.id,
    partnerId: p.partnerId,
    partnerName: row.partnerName,
    programId: p.programId,
    programName: row.programName,
    fromTier: tierRef(row.fromTier),
    toTier: tierRef(row.toTier),
    direction: p.direction as TierDirection,
    status: p.status as TierProposalStatus,
    evidence: (p.evidence ?? {}) as Record<string, unknown>,
    createdAt: p.createdAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decidedBy: p.decidedBy,
    decisionReason: p.decisionReason,
    autoApplied: p.autoApplied,
  };
}

async function loadProposal(db: DbOrTx, workspaceId: string, id: string): Promise<TierProposal> {
  const [row] = await proposalQuery(db).where(
    and(eq(tierProposals.workspaceId, workspaceId), eq(tierProposals.id, id)),
  );
  if (!row) throw notFound("Tier proposal not found");
  return toProposal(row);
}

export async function listTierProposals(
  ctx: ServiceContext,
  query: {
    status?: TierProposalStatus | undefined;
    programId?: string | undefined;
    partnerId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: TierProposal[]; total: number }> {
  assertCanReadPrograms(ctx.actor);
  const where = and(
    eq(tierProposals.workspaceId, ctx.actor.workspaceId),
    query.status ? eq(tierProposals.status, query.status) : undefined,
    query.programId ? eq(tierProposals.programId, query.programId) : undefined,
    query.partnerId ? eq(tierProposals.partnerId, query.partnerId) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [count]] = await Promise.all([
    proposalQuery(db)
      .where(where)
      .orderBy(desc(tierProposals.createdAt), desc(tierProposals.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(tierProposals).where(where),
  ]);
  return { items: rows.map(toProposal), total: count?.n ?? 0 };
}

function assertPending(proposal: TierProposal): void {
  if (proposal.status !== "pending") {
    throw new AppError("TIER_PROPOSAL_NOT_PENDING", {
      message: `This proposal is already ${proposal.status}`,
      details: { status: proposal.status },
    });
  }
}

/** A manager accepts the proposal: the partner moves to the proposed tier. */
export async function approveTierProposal(
  ctx: ServiceContext,
  id: string,
  input: { reason?: string | undefined },
): Promise<TierProposal> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const proposal = await loadProposal(tx, workspaceId, id);
    assertPending(proposal);
    const [membership] = await tx
      .select({ tierId: programMemberships.tierId })
      .from(programMemberships)
      .where(
        and(
          eq(programMemberships.workspaceId, workspaceId),
          eq(programMemberships.partnerId, proposal.partnerId),
          eq(programMemberships.programId, proposal.programId),
        ),
      );
    if (!membership) {
      throw new AppError("CONFLICT", { message: `${proposal.partnerName} is no longer a member of the program` });
    }
    const now = new Date();
    await tx
      .update(tierProposals)
      .set({ status: "approved", decidedAt: now, decidedBy: ctx.actor.label, decisionReason: input.reason || null })
      .where(and(eq(tierProposals.workspaceId, workspaceId), eq(tierProposals.id, id)));
    const source = auditSource(ctx);
    await recordAudit(tx, source, {
      action: "tier_proposal.approved",
      entityType: "tier_proposal",
      entityId: id,
      partnerId: proposal.partnerId,
      before: { status: "pending" },
      after: { status: "approved", reason: input.reason ?? null },
    });
    await applyTierChange(tx, source, {
      workspaceId,
      partnerId: proposal.partnerId,
      programId: proposal.programId,
      fromTierId: membership.tierId,
      toTierId: proposal.toTier?.id ?? null,
      direction: proposal.direction,
      proposalId: id,
      autoApplied: false,
      now,
    });
    return loadProposal(tx, workspaceId, id);
  });
}

/** A manager turns the proposal down; the partner keeps their tier. */
export async function rejectTierProposal(
  ctx: ServiceContext,
  id: string,
  input: { reason: string },
): Promise<TierProposal> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const proposal = await loadProposal(tx, workspaceId, id);
    assertPending(proposal);
    await tx
      .update(tierProposals)
      .set({ status: "rejected", decidedAt: new Date(), decidedBy: ctx.actor.label, decisionReason: input.reason })
      .where(and(eq(tierProposals.workspaceId, workspaceId), eq(tierProposals.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "tier_proposal.rejected",
      entityType: "tier_proposal",
      entityId: id,
      partnerId: proposal.partnerId,
      before: { status: "pending" },
      after: { status: "rejected", reason: input.reason },
    });
    return loadProposal(tx, workspaceId, id);
  });
}

/** Runs the daily evaluation for one program right away. */
export async function evaluateProgramNow(ctx: ServiceContext, programId: string): Promise<TierEvaluationResult> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const program = await loadProgram(tx, workspaceId, programId);
    assertProgramActive(program);
    return evaluateProgramTiers(tx, auditSource(ctx), program, new Date());
  });
}
