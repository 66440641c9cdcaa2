import type {
  CreateJourneyTemplateBody,
  JourneyStepConfig,
  JourneyStepInput,
  JourneyStepType,
  JourneyTemplateRecord,
  UpdateJourneyStepBody,
  UpdateJourneyTemplateBody,
} from "@symbiont/contracts";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, type Tx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { programs } from "../programs/programs.schema";
import { journeySteps, journeyTemplates, partnerJourneys } from "./onboarding.schema";

const writers = ["admin", "partner_manager"] as const;
type StepRow = typeof journeySteps.$inferSelect;

function toStep(row: StepRow) {
  return {
    id: row.id,
    position: row.position,
    type: row.type as JourneyStepType,
    title: row.title,
    description: row.description,
    dueOffsetDays: row.dueOffsetDays,
    ownerSide: row.ownerSide as "partner" | "vendor",
    config: row.config as JourneyStepConfig,
  };
}

async function loadTemplates(db: DbOrTx, workspaceId: string, filter: { id?: string; programId?: string }) {
  const where: SQL[] = [eq(journeyTemplates.workspaceId, workspaceId)];
  if (filter.id) where.push(eq(journeyTemplates.id, filter.id));
  if (filter.programId) where.push(eq(journeyTemplates.programId, filter.programId));
  const rows = await db
    .select({ template: journeyTemplates, programName: programs.name, defaultJourneyId: programs.defaultJourneyId })
    .from(journeyTemplates)
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, journeyTemplates.workspaceId), eq(programs.id, journeyTemplates.programId)),
    )
    .where(and(...where))
    .orderBy(asc(programs.name), asc(journeyTemplates.createdAt));
  const ids = rows.map((r) => r.template.id);
  if (ids.length === 0) return [];
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const steps = await db
    .select()
    .from(journeySteps)
    .where(and(eq(journeySteps.workspaceId, workspaceId), inArray(journeySteps.templateId, ids)))
    .orderBy(asc(journeySteps.position));
  const active = await db
    .select({ templateId: partnerJourneys.templateId, n: sql<number>`count(*)::int` })
    .from(partnerJourneys)
    .where(
      and(
        eq(partnerJourneys.workspaceId, workspaceId),
        inArray(partnerJourneys.templateId, ids),
        isNull(partnerJourneys.completedAt),
      ),
    )
    .groupBy(partnerJourneys.templateId);
  return rows.map(
    ({ template, programName, defaultJourneyId }): JourneyTemplateRecord => ({
      id: template.id,
      programId: template.programId,
      programName,
      name: template.name,
      isDefault: defaultJourneyId === template.id,
      steps: steps.filter((s) => s.templateId === template.id).map(toStep),
      activeJourneys: active.find((a) => a.templateId === template.id)?.n ?? 0,
      createdAt: template.createdAt.toISOString(),
      updatedAt: template.updatedAt.toISOString(),
    }),
  );
}

export async function listJourneyTemplates(
  ctx: ServiceContext,
  query: { programId?: string | undefined },
): Promise<{ items: JourneyTemplateRecord[] }> {
  requireVendor(ctx.actor);
  return {
    items: await loadTemplates(
      ctx.database.db,
      ctx.actor.workspaceId,
      query.programId ? { programId: query.programId } : {},
    ),
  };
}

export async function getJourneyTemplate(ctx: ServiceContext, id: string): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor);
  const [record] = await loadTemplates(ctx.database.db, ctx.actor.workspaceId, { id });
  if (!record) throw notFound("Journey template not found");
  return record;
}

async function lockTemplate(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(journeyTemplates)
    .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.id, id)))
    .for("update");
  if (!row) throw notFound("Journey template not found");
  return row;
}

function stepValues(input: JourneyStepInput) {
  return {
    type: input.type,
    title: input.title,
    description: input.description ?? null,
    dueOffsetDays: input.dueOffsetDays ?? 14,
    ownerSide: input.ownerSide ?? "partner",
    config: input.config ?? {},
  };
}

/** The program's default journey: the one new partners start. Programs own the column; journeys set it. */
async function makeDefault(tx: Tx, workspaceId: string, programId: string, templateId: string): Promise<void> {
  await tx
    .update(programs)
    .set({ defaultJourneyId: templateId, updatedAt: new Date() })
    .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, programId)));
}

export async function createJourneyTemplate(
  ctx: ServiceContext,
  input: CreateJourneyTemplateBody,
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  const id = await transaction(ctx.database, async (tx) => {
    const [program] = await tx
      .select({ id: programs.id, defaultJourneyId: programs.defaultJourneyId })
      .from(programs)
      .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, input.programId)));
    if (!program) throw fieldError("body.programId", "No such program in this workspace", "NOT_FOUND");
    const [row] = await tx
      .insert(journeyTemplates)
      .values({ workspaceId, programId: program.id, name: input.name })
      .returning();
    if (!row) throw new Error("template insert returned nothing");
    const steps = input.steps ?? [];
    if (steps.length > 0) {
      await tx
        .insert(journeySteps)
        .values(steps.map((step, position) => ({ workspaceId, templateId: row.id, position, ...stepValues(step) })));
    }
    // The first journey of a program becomes its default.
    if (input.makeDefault || !program.defaultJourneyId) await makeDefault(tx, workspaceId, program.id, row.id);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.created",
      entityType: "journey_template",
      entityId: row.id,
      after: { programId: program.id, name: row.name, steps: steps.length },
    });
    return row.id;
  });
  return getJourneyTemplate(ctx, id);
}

export async function updateJourneyTemplate(
  ctx: ServiceContext,
  id: string,
  input: UpdateJourneyTemplateBody,
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const row = await lockTemplate(tx, workspaceId, id);
    if (input.name !== undefined) {
      await tx
        .update(journeyTemplates)
        .set({ name: input.name, updatedAt: new Date() })
        .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.id, id)));
    }
    if (input.makeDefault) await makeDefault(tx, workspaceId, row.programId, id);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.updated",
      entityType: "journey_template",
      entityId: id,
      before: { name: row.name },
      after: { name: input.name ?? row.name, ...(input.makeDefault ? { default: true } : {}) },
    });
  });
  return getJourneyTemplate(ctx, id);
}

export async function deleteJourneyTemplate(ctx: ServiceContext, id: string): Promise<void> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const row = await lockTemplate(tx, workspaceId, id);
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerJourneys)
      .where(and(eq(partnerJourneys.workspaceId, workspaceId), eq(partnerJourneys.templateId, id)));
    if ((used?.n ?? 0) > 0) {
      throw new AppError("CONFLICT", {
        message: `${used?.n} partner(s) have started this journey; it cannot be deleted`,
        details: { journeys: used?.n },
      });
    }
    await tx
      .update(programs)
      .set({ defaultJourneyId: null })
      .where(and(eq(programs.workspaceId, workspaceId), eq(programs.defaultJourneyId, id)));
    await tx
      .delete(journeyTemplates)
      .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.deleted",
      entityType: "journey_template",
      entityId: id,
      before: { name: row.name, programId: row.programId },
    });
  });
}

/** Step edits change the template only: journeys already started keep their steps and due dates. */
export async function addJourneyStep(
  ctx: ServiceContext,
  templateId: string,
  input: JourneyStepInput,
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    await lockTemplate(tx, workspaceId, templateId);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${journeySteps.position}) + 1, 0)::int` })
      .from(journeySteps)
      .where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.templateId, templateId)));
    const [row] = await tx
      .insert(journeySteps)
      .values({ workspaceId, templateId, position: last?.n ?? 0, ...stepValues(input) })
      .returning();
    await touch(tx, workspaceId, templateId);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.step_added",
      entityType: "journey_template",
      entityId: templateId,
      after: row ? toStep(row) : null,
    });
  });
  return getJourneyTemplate(ctx, templateId);
}

async function touch(tx: Tx, workspaceId: string, templateId: string) {
  await tx
    .update(journeyTemplates)
    .set({ updatedAt: new Date() })
    .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.id, templateId)));
}

async function findStep(tx: Tx, workspaceId: string, templateId: string, stepId: string): Promise<StepRow> {
  const [row] = await tx
    .select()
    .from(journeySteps)
    .where(
      and(
        eq(journeySteps.workspaceId, workspaceId),
        eq(journeySteps.templateId, templateId),
        eq(journeySteps.id, stepId),
      ),
    );
  if (!row) throw notFound("Step not found");
  return row;
}

export async function updateJourneyStep(
  ctx: ServiceContext,
  templateId: string,
  stepId: string,
  input: UpdateJourneyStepBody,
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    await lockTemplate(tx, workspaceId, templateId);
    const before = await findStep(tx, workspaceId, templateId, stepId);
    const changes: Partial<typeof journeySteps.$inferInsert> = {};
    if (input.type !== undefined) changes.type = input.type;
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description;
    if (input.dueOffsetDays !== undefined) changes.dueOffsetDays = input.dueOffsetDays;
    if (input.ownerSide !== undefined) changes.ownerSide = input.ownerSide;
    if (input.config !== undefined) changes.config = input.config;
    if (Object.keys(changes).length === 0) return;
    const [after] = await tx
      .update(journeySteps)
      .set(changes)
      .where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.id, stepId)))
      .returning();
    await touch(tx, workspaceId, templateId);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.step_updated",
      entityType: "journey_template",
      entityId: templateId,
      before: toStep(before),
      after: after ? toStep(after) : null,
    });
  });
  return getJourneyTemplate(ctx, templateId);
}

export async function deleteJourneyStep(
  ctx: ServiceContext,
  templateId: string,
  stepId: string,
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    await lockTemplate(tx, workspaceId, templateId);
    const before = await findStep(tx, workspaceId, templateId, stepId);
    await tx.delete(journeySteps).where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.id, stepId)));
    await touch(tx, workspaceId, templateId);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.step_deleted",
      entityType: "journey_template",
      entityId: templateId,
      before: toStep(before),
    });
  });
  return getJourneyTemplate(ctx, templateId);
}

/** Sets the order of every step; the list must name each step of the template exactly once. */
export async function reorderJourneySteps(
  ctx: ServiceContext,
  templateId: string,
  stepIds: string[],
): Promise<JourneyTemplateRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    await lockTemplate(tx, workspaceId, templateId);
    const current = await tx
      .select({ id: journeySteps.id, position: journeySteps.position })
      .from(journeySteps)
      .where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.templateId, templateId)))
      .orderBy(asc(journeySteps.position));
    const known = new Set(current.map((s) => s.id));
    if (
      new Set(stepIds).size !== stepIds.length ||
      stepIds.length !== known.size ||
      stepIds.some((id) => !known.has(id))
    ) {
      throw fieldError("body.stepIds", "List every step of the journey exactly once");
    }
    for (const [position, id] of stepIds.entries()) {
      await tx
        .update(journeySteps)
        .set({ position })
        .where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.id, id)));
    }
    await touch(tx, workspaceId, templateId);
    await recordAudit(tx, auditSource(ctx), {
      action: "journey_template.steps_reordered",
      entityType: "journey_template",
      entityId: templateId,
      before: current.map((s) => s.id),
      after: stepIds,
    });
  });
  return getJourneyTemplate(ctx, templateId);
}
