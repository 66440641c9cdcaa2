import type { CreateTierBody, TierList, TierRecord, UpdateTierBody } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError } from "../../platform/errors";
import {
  assertCanManagePrograms,
  assertCanReadPrograms,
  assertProgramActive,
  loadProgram,
  programMemberships,
} from "../programs";
import {
  loadTier,
  parseTier,
  programTiers,
  reportingCurrency,
  type Tier,
  tierMemberCounts,
  toTierRecord,
} from "./tiers.queries";
import { tierProposals, tiers } from "./tiers.schema";

const audited = (tier: Tier) => ({
  name: tier.name,
  rank: tier.rank,
  color: tier.color,
  benefits: tier.benefits,
  criteria: tier.criteria,
  manualChecks: tier.manualChecks,
  vendorObligations: tier.vendorObligations,
});

export async function listTiers(ctx: ServiceContext, programId: string): Promise<TierList> {
  assertCanReadPrograms(ctx.actor);
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  await loadProgram(db, workspaceId, programId);
  const [list, counts, currency] = await Promise.all([
    programTiers(db, workspaceId, programId),
    tierMemberCounts(db, workspaceId, programId),
    reportingCurrency(db, workspaceId),
  ]);
  return { items: list.map((tier) => toTierRecord(tier, counts.get(tier.id) ?? 0)), currency };
}

/** Adds a tier above the program's current top tier. */
export async function createTier(ctx: ServiceContext, programId: string, input: CreateTierBody): Promise<TierRecord> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const program = await loadProgram(tx, workspaceId, programId);
    assertProgramActive(program);
    const existing = await programTiers(tx, workspaceId, programId);
    if (existing.some((tier) => tier.name.toLowerCase() === input.name.toLowerCase())) {
      throw fieldError("body.name", `${program.name} already has a tier named "${input.name}"`);
    }
    const rank = existing.reduce((max, tier) => Math.max(max, tier.rank), -1) + 1;
    const [row] = await tx
      .insert(tiers)
      .values({
        workspaceId,
        programId,
        name: input.name,
        rank,
        color: input.color ?? null,
        benefits: input.benefits ?? [],
        criteria: input.criteria ?? [],
        manualChecks: input.manualChecks ?? [],
        vendorObligations: input.vendorObligations ?? [],
      })
      .returning();
    if (!row) throw new Error("tier insert returned nothing");
    const tier = parseTier(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "tier.created",
      entityType: "tier",
      entityId: tier.id,
      after: { programId, ...audited(tier) },
    });
    return toTierRecord(tier, 0);
  });
}

export async function updateTier(ctx: ServiceContext, id: string, input: UpdateTierBody): Promise<TierRecord> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await loadTier(tx, workspaceId, id);
    const program = await loadProgram(tx, workspaceId, before.programId);
    assertProgramActive(program);
    if (input.name !== undefined && input.name.toLowerCase() !== before.name.toLowerCase()) {
      const siblings = await programTiers(tx, workspaceId, before.programId);
      if (siblings.some((tier) => tier.id !== id && tier.name.toLowerCase() === input.name?.toLowerCase())) {
        throw fieldError("body.name", `${program.name} already has a tier named "${input.name}"`);
      }
    }
    const changes: Partial<typeof tiers.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.color !== undefined) changes.color = input.color;
    if (input.benefits !== undefined) changes.benefits = input.benefits;
    if (input.criteria !== undefined) changes.criteria = input.criteria;
    if (input.manualChecks !== undefined) changes.manualChecks = input.manualChecks;
    if (input.vendorObligations !== undefined) changes.vendorObligations = input.vendorObligations;
    let after = before;
    if (Object.keys(changes).length > 0) {
      const [row] = await tx
        .update(tiers)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.id, id)))
        .returning();
      if (!row) throw new Error("tier update returned nothing");
      after = parseTier(row);
      await recordAudit(tx, auditSource(ctx), {
        action: "tier.updated",
        entityType: "tier",
        entityId: id,
        before: audited(before),
        after: audited(after),
      });
    }
    const counts = await tierMemberCounts(tx, workspaceId, after.programId);
    return toTierRecord(after, counts.get(id) ?? 0);
  });
}

/** Deletes a tier nobody holds; pending proposals towards it are withdrawn. */
export async function deleteTier(ctx: ServiceContext, id: string): Promise<void> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const tier = await loadTier(tx, workspaceId, id);
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(programMemberships)
      .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.tierId, id)));
    const holders = held?.n ?? 0;
    if (holders > 0) {
      throw new AppError("TIER_IN_USE", {
        message: `${holders} partner${holders === 1 ? " holds" : "s hold"} ${tier.name}; move them to another tier first`,
        details: { members: holders },
      });
    }
    await tx
      .update(tierProposals)
      .set({ status: "withdrawn", decidedAt: sql`now()`, decisionReason: `Tier ${tier.name} was deleted` })
      .where(
        and(
          eq(tierProposals.workspaceId, workspaceId),
          eq(tierProposals.status, "pending"),
          sql`(${tierProposals.toTierId} = ${id} or ${tierProposals.fromTierId} = ${id})`,
        ),
      );
    await tx.delete(tiers).where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "tier.deleted",
      entityType: "tier",
      entityId: id,
      before: { programId: tier.programId, ...audited(tier) },
    });
  });
}

/** Sets the order of a program's tiers: `tierIds` lists all of them, lowest first. */
export async function reorderTiers(
  ctx: ServiceContext,
  programId: string,
  input: { tierIds: string[] },
): Promise<TierList> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const program = await loadProgram(tx, workspaceId, programId);
    assertProgramActive(program);
    const current = await programTiers(tx, workspaceId, programId);
    const known = new Set(current.map((tier) => tier.id));
    const given = new Set(input.tierIds);
    if (
      given.size !== input.tierIds.length ||
      given.size !== known.size ||
      input.tierIds.some((id) => !known.has(id))
    ) {
      throw fieldError("body.tierIds", "List every tier of the program exactly once");
    }
    // Two passes keep the (program, rank) unique index satisfied at every step.
    for (const [index, id] of input.tierIds.entries()) {
      await tx
        .update(tiers)
        .set({ rank: -(index + 1) })
        .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.id, id)));
    }
    for (const [index, id] of input.tierIds.entries()) {
      await tx
        .update(tiers)
        .set({ rank: index, updatedAt: sql`now()` })
        .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.id, id)));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: "tier.reordered",
      entityType: "program",
      entityId: programId,
      before: { order: current.map((tier) => tier.id) },
      after: { order: input.tierIds },
    });
  });
  return listTiers(ctx, programId);
}
