import type { CreateProgramBody, ProgramRecord, UpdateProgramBody } from "@symbiont/contracts";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { journeyTemplates, tiers } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { assertCanManagePrograms, assertCanReadPrograms } from "./programs.policies";
import { programMemberships, programs } from "./programs.schema";

export type ProgramRow = typeof programs.$inferSelect;

const memberCount = sql<number>`(select count(*)::int from ${programMemberships} m
  where m.workspace_id = ${programs.workspaceId} and m.program_id = ${programs.id})`;
const tierCount = sql<number>`(select count(*)::int from ${tiers} t
  where t.workspace_id = ${programs.workspaceId} and t.program_id = ${programs.id})`;

export function toProgramRecord(row: ProgramRow, counts: { memberCount: number; tierCount: number }): ProgramRecord {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    protectionWindowDays: row.protectionWindowDays,
    defaultJourneyId: row.defaultJourneyId,
    autoApplyTierChanges: row.autoApplyTierChanges,
    tierGraceDays: row.tierGraceDays,
    tierWindowMonths: row.tierWindowMonths,
    applicationsOpen: row.applicationsOpen,
    autoRejectSpam: row.autoRejectSpam,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    memberCount: counts.memberCount,
    tierCount: counts.tierCount,
  };
}

/** A program of the workspace, or undefined. */
export async function findProgram(db: DbOrTx, workspaceId: string, id: string): Promise<ProgramRow | undefined> {
  const [row] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, id)));
  return row;
}

/** A program of the workspace; NOT_FOUND otherwise. */
export async function loadProgram(db: DbOrTx, workspaceId: string, id: string): Promise<ProgramRow> {
  const row = await findProgram(db, workspaceId, id);
  if (!row) throw notFound("Program not found");
  return row;
}

async function withCounts(db: DbOrTx, workspaceId: string, id: string): Promise<ProgramRecord> {
  const [row] = await db
    .select({ program: programs, memberCount, tierCount })
    .from(programs)
    .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, id)));
  if (!row) throw notFound("Program not found");
  return toProgramRecord(row.program, row);
}

export async function listPrograms(
  ctx: ServiceContext,
  query: { includeArchived: boolean },
): Promise<{ items: ProgramRecord[] }> {
  assertCanReadPrograms(ctx.actor);
  const rows = await ctx.database.db
    .select({ program: programs, memberCount, tierCount })
    .from(programs)
    .where(
      and(
        eq(programs.workspaceId, ctx.actor.workspaceId),
        query.includeArchived ? undefined : isNull(programs.archivedAt),
      ),
    )
    .orderBy(asc(programs.name));
  return { items: rows.map((row) => toProgramRecord(row.program, row)) };
}

export async function getProgram(ctx: ServiceContext, id: string): Promise<ProgramRecord> {
  assertCanReadPrograms(ctx.actor);
  return withCounts(ctx.database.db, ctx.actor.workspaceId, id);
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "program";
}

async function assertSlugFree(tx: DbOrTx, workspaceId: string, slug: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(
      and(
        eq(programs.workspaceId, workspaceId),
        eq(programs.slug, slug),
        exceptId ? ne(programs.id, exceptId) : undefined,
      ),
    );
  if (taken) throw fieldError("body.slug", `Another program already uses the address "${slug}"`, "PROGRAM_SLUG_TAKEN");
}

const auditedFields = (row: ProgramRow) => ({
  name: row.name,
  slug: row.slug,
  description: row.description,
  protectionWindowDays: row.protectionWindowDays,
  defaultJourneyId: row.defaultJourneyId,
  autoApplyTierChanges: row.autoApplyTierChanges,
  tierGraceDays: row.tierGraceDays,
  tierWindowMonths: row.tierWindowMonths,
  applicationsOpen: row.applicationsOpen,
  autoRejectSpam: row.autoRejectSpam,
  archivedAt: row.archivedAt,
});

export async function createProgram(ctx: ServiceContext, input: CreateProgramBody): Promise<ProgramRecord> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const slug = input.slug ?? slugify(input.name);
    await assertSlugFree(tx, workspaceId, slug);
    const [row] = await tx
      .insert(programs)
      .values({
        workspaceId,
        name: input.name,
        slug,
        description: input.description || null,
        protectionWindowDays: input.protectionWindowDays === undefined ? 90 : input.protectionWindowDays,
        autoApplyTierChanges: input.autoApplyTierChanges ?? false,
        tierGraceDays: input.tierGraceDays ?? 30,
        tierWindowMonths: input.tierWindowMonths ?? 12,
        applicationsOpen: input.applicationsOpen ?? true,
        autoRejectSpam: input.autoRejectSpam ?? false,
      })
      .returning();
    if (!row) throw new Error("program insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "program.created",
      entityType: "program",
      entityId: row.id,
      after: auditedFields(row),
    });
    return toProgramRecord(row, { memberCount: 0, tierCount: 0 });
  });
}

export async function updateProgram(ctx: ServiceContext, id: string, input: UpdateProgramBody): Promise<ProgramRecord> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await loadProgram(tx, workspaceId, id);
    if (input.slug !== undefined && input.slug !== before.slug) await assertSlugFree(tx, workspaceId, input.slug, id);
    if (input.defaultJourneyId) {
      const [journey] = await tx
        .select({ id: journeyTemplates.id })
        .from(journeyTemplates)
        .where(
          and(
            eq(journeyTemplates.workspaceId, workspaceId),
            eq(journeyTemplates.id, input.defaultJourneyId),
            eq(journeyTemplates.programId, id),
          ),
        );
      if (!journey) throw fieldError("body.defaultJourneyId", "Choose a journey of this program");
    }
    const changes: Partial<typeof programs.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.slug !== undefined) changes.slug = input.slug;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.protectionWindowDays !== undefined) changes.protectionWindowDays = input.protectionWindowDays;
    if (input.defaultJourneyId !== undefined) changes.defaultJourneyId = input.defaultJourneyId;
    if (input.autoApplyTierChanges !== undefined) changes.autoApplyTierChanges = input.autoApplyTierChanges;
    if (input.tierGraceDays !== undefined) changes.tierGraceDays = input.tierGraceDays;
    if (input.tierWindowMonths !== undefined) changes.tierWindowMonths = input.tierWindowMonths;
    if (input.applicationsOpen !== undefined) changes.applicationsOpen = input.applicationsOpen;
    if (input.autoRejectSpam !== undefined) changes.autoRejectSpam = input.autoRejectSpam;
    if (Object.keys(changes).length > 0) {
      const [after] = await tx
        .update(programs)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, id)))
        .returning();
      if (!after) throw notFound("Program not found");
      await recordAudit(tx, auditSource(ctx), {
        action: "program.updated",
        entityType: "program",
        entityId: id,
        before: auditedFields(before),
        after: auditedFields(after),
      });
    }
    return withCounts(tx, workspaceId, id);
  });
}

/** Archives (or restores) a program: archived programs stop being evaluated and take no applications. */
export async function setProgramArchived(ctx: ServiceContext, id: string, archived: boolean): Promise<ProgramRecord> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await loadProgram(tx, workspaceId, id);
    if (Boolean(before.archivedAt) !== archived) {
      await tx
        .update(programs)
        .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
        .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, id)));
      await recordAudit(tx, auditSource(ctx), {
        action: archived ? "program.archived" : "program.restored",
        entityType: "program",
        entityId: id,
        before: { archivedAt: before.archivedAt },
        after: { archived },
      });
    }
    return withCounts(tx, workspaceId, id);
  });
}

/** Changes to an archived program's members or tiers are refused. */
export function assertProgramActive(program: ProgramRow): void {
  if (program.archivedAt) {
    throw new AppError("PROGRAM_ARCHIVED", { message: `${program.name} is archived; restore it first` });
  }
}
