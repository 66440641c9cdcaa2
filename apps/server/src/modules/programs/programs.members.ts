import type { PartnerStage, PortalProgram, ProgramMember } from "@symbiont/contracts";
import { and, asc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { partners, tiers } from "../../db/schema";
import { recordAudit, recordAuditMany } from "../../platform/audit";
import { requirePartner } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import "./programs.events";
import { assertCanManagePrograms, assertCanReadPrograms } from "./programs.policies";
import { programMemberships, programs } from "./programs.schema";
import { assertProgramActive, loadProgram } from "./programs.service";

export async function listProgramMembers(
  ctx: ServiceContext,
  programId: string,
  query: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: ProgramMember[]; total: number }> {
  assertCanReadPrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  await loadProgram(db, workspaceId, programId);
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  const where = and(
    eq(programMemberships.workspaceId, workspaceId),
    eq(programMemberships.programId, programId),
    pattern ? ilike(partners.name, pattern) : undefined,
  );
  const joinPartner = and(
    eq(partners.workspaceId, programMemberships.workspaceId),
    eq(partners.id, programMemberships.partnerId),
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        membership: programMemberships,
        partnerName: partners.name,
        stage: partners.stage,
        tierName: tiers.name,
      })
      .from(programMemberships)
      .innerJoin(partners, joinPartner)
      .leftJoin(
        tiers,
        and(eq(tiers.workspaceId, programMemberships.workspaceId), eq(tiers.id, programMemberships.tierId)),
      )
      .where(where)
      .orderBy(asc(partners.name), asc(partners.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(programMemberships).innerJoin(partners, joinPartner).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      partnerId: row.membership.partnerId,
      partnerName: row.partnerName,
      stage: row.stage as PartnerStage,
      tierId: row.membership.tierId,
      tierName: row.tierName,
      tierSince: row.membership.tierSince?.toISOString() ?? null,
      joinedAt: row.membership.joinedAt.toISOString(),
    })),
    total: count?.n ?? 0,
  };
}

/** Adds partners to a program at its entry tier (the lowest rank), skipping existing members. */
export async function addProgramMembers(
  ctx: ServiceContext,
  programId: string,
  input: { partnerIds: string[] },
): Promise<{ added: number; alreadyMembers: number }> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const partnerIds = [...new Set(input.partnerIds)];
  return transaction(ctx.database, async (tx) => {
    const program = await loadProgram(tx, workspaceId, programId);
    assertProgramActive(program);
    const found = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, workspaceId), inArray(partners.id, partnerIds)));
    if (found.length !== partnerIds.length) {
      const known = new Set(found.map((row) => row.id));
      const index = input.partnerIds.findIndex((id) => !known.has(id));
      throw fieldError(`body.partnerIds.${index}`, "No such partner in this workspace");
    }
    const [entry] = await tx
      .select({ id: tiers.id })
      .from(tiers)
      .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.programId, programId)))
      .orderBy(asc(tiers.rank))
      .limit(1);
    const inserted = await tx
      .insert(programMemberships)
      .values(
        partnerIds.map((partnerId) => ({
          workspaceId,
          partnerId,
          programId,
          tierId: entry?.id ?? null,
          tierSince: entry ? sql`now()` : null,
        })),
      )
      .onConflictDoNothing()
      .returning({ partnerId: programMemberships.partnerId });
    const source = auditSource(ctx);
    await recordAuditMany(
      tx,
      source,
      inserted.map((row) => ({
        action: "program.member_added",
        entityType: "program",
        entityId: programId,
        partnerId: row.partnerId,
        after: { programId, tierId: entry?.id ?? null },
      })),
    );
    for (const row of inserted) {
      await emitEvent(tx, source, {
        type: "partner.program_joined",
        workspaceId,
        partnerId: row.partnerId,
        entityType: "program",
        entityId: programId,
        payload: { programId, programName: program.name, tierId: entry?.id ?? null },
      });
    }
    return { added: inserted.length, alreadyMembers: partnerIds.length - inserted.length };
  });
}

export async function removeProgramMember(ctx: ServiceContext, programId: string, partnerId: string): Promise<void> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const program = await loadProgram(tx, workspaceId, programId);
    const [removed] = await tx
      .delete(programMemberships)
      .where(
        and(
          eq(programMemberships.workspaceId, workspaceId),
          eq(programMemberships.programId, programId),
          eq(programMemberships.partnerId, partnerId),
        ),
      )
      .returning();
    if (!removed) throw notFound("This partner is not a member of the program");
    const source = auditSource(ctx);
    await recordAudit(tx, source, {
      action: "program.member_removed",
      entityType: "program",
      entityId: programId,
      partnerId,
      before: { programId, tierId: removed.tierId, joinedAt: removed.joinedAt },
    });
    await emitEvent(tx, source, {
      type: "partner.program_left",
      workspaceId,
      partnerId,
      entityType: "program",
      entityId: programId,
      payload: { programId, programName: program.name },
    });
  });
}

/** The signed-in partner's programs, with their tier and its benefits there. */
export async function listOwnPrograms(ctx: ServiceContext): Promise<{ items: PortalProgram[] }> {
  requirePartner(ctx.actor);
  const rows = await ctx.database.db
    .select({ membership: programMemberships, program: programs, tier: tiers })
    .from(programMemberships)
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, programMemberships.workspaceId), eq(programs.id, programMemberships.programId)),
    )
    .leftJoin(
      tiers,
      and(eq(tiers.workspaceId, programMemberships.workspaceId), eq(tiers.id, programMemberships.tierId)),
    )
    .where(
      and(
        eq(programMemberships.workspaceId, ctx.actor.workspaceId),
        eq(programMemberships.partnerId, ctx.actor.partnerId),
        isNull(programs.archivedAt),
      ),
    )
    .orderBy(asc(programs.name));
  return {
    items: rows.map(({ membership, program, tier }) => ({
      programId: program.id,
      name: program.name,
      description: program.description,
      protectionWindowDays: program.protectionWindowDays,
      joinedAt: membership.joinedAt.toISOString(),
      tier: tier
        ? {
            id: tier.id,
            name: tier.name,
            rank: tier.rank,
            color: tier.color,
            benefits: tier.benefits,
            since: membership.tierSince?.toISOString() ?? null,
          }
        : null,
    })),
  };
}
