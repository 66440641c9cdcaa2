import type {
  JourneyStepConfig,
  JourneyStepType,
  OnboardingTaskRecord,
  PartnerJourneyRecord,
} from "@symbiont/contracts";
import { and, asc, desc, eq, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { type Actor, requirePartner, requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";
import { completeStep } from "./onboarding.progress";
import { canCompleteManually, isOverdue } from "./onboarding.rules";
import { journeySteps, journeyTemplates, partnerJourneySteps, partnerJourneys } from "./onboarding.schema";

const DAY = 86_400_000;

/** A partner's journeys with every step, as the given side sees them. */
export async function loadPartnerJourneys(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  side: "vendor" | "partner",
  now: Date,
): Promise<PartnerJourneyRecord[]> {
  const journeys = await db
    .select({
      journey: partnerJourneys,
      templateName: journeyTemplates.name,
      programId: programs.id,
      programName: programs.name,
    })
    .from(partnerJourneys)
    .innerJoin(
      journeyTemplates,
      and(
        eq(journeyTemplates.workspaceId, partnerJourneys.workspaceId),
        eq(journeyTemplates.id, partnerJourneys.templateId),
      ),
    )
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, journeyTemplates.workspaceId), eq(programs.id, journeyTemplates.programId)),
    )
    .where(and(eq(partnerJourneys.workspaceId, workspaceId), eq(partnerJourneys.partnerId, partnerId)))
    .orderBy(desc(partnerJourneys.startedAt));
  if (journeys.length === 0) return [];
  const steps = await db
    .select({ row: partnerJourneySteps, step: journeySteps })
    .from(partnerJourneySteps)
    .innerJoin(
      journeySteps,
      and(
        eq(journeySteps.workspaceId, partnerJourneySteps.workspaceId),
        eq(journeySteps.id, partnerJourneySteps.stepId),
      ),
    )
    .where(
      and(
        eq(partnerJourneySteps.workspaceId, workspaceId),
        inArray(
          partnerJourneySteps.partnerJourneyId,
          journeys.map((j) => j.journey.id),
        ),
      ),
    )
    .orderBy(asc(journeySteps.position));
  return journeys.map(({ journey, templateName, programId, programName }) => {
    const own = steps
      .filter((s) => s.row.partnerJourneyId === journey.id)
      .map(({ row, step }) => {
        const type = step.type as JourneyStepType;
        return {
          id: row.id,
          stepId: step.id,
          position: step.position,
          type,
          title: step.title,
          description: step.description,
          ownerSide: step.ownerSide as "partner" | "vendor",
          config: step.config as JourneyStepConfig,
          status: row.status as "pending" | "completed",
          dueAt: row.dueAt.toISOString(),
          overdue: isOverdue(row, now),
          completedAt: row.completedAt?.toISOString() ?? null,
          completedBy: row.completedBy,
          completedVia: row.completedVia,
          canComplete: row.status === "pending" && canCompleteManually(side, { type, ownerSide: step.ownerSide }),
        };
      });
    return {
      id: journey.id,
      partnerId: journey.partnerId,
      templateId: journey.templateId,
      templateName,
      programId,
      programName,
      startedAt: journey.startedAt.toISOString(),
      completedAt: journey.completedAt?.toISOString() ?? null,
      completedSteps: own.filter((s) => s.status === "completed").length,
      totalSteps: own.length,
      steps: own,
    };
  });
}

async function assertPartnerExists(db: DbOrTx, workspaceId: string, partnerId: string): Promise<void> {
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  if (!row) throw notFound("Partner not found");
}

export async function getPartnerOnboarding(
  ctx: ServiceContext,
  partnerId: string,
  now = new Date(),
): Promise<{ items: PartnerJourneyRecord[] }> {
  requireVendor(ctx.actor);
  await assertPartnerExists(ctx.database.db, ctx.actor.workspaceId, partnerId);
  return { items: await loadPartnerJourneys(ctx.database.db, ctx.actor.workspaceId, partnerId, "vendor", now) };
}

export async function getOwnOnboarding(
  ctx: ServiceContext,
  now = new Date(),
): Promise<{ items: PartnerJourneyRecord[] }> {
  requirePartner(ctx.actor);
  return {
    items: await loadPartnerJourneys(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, "partner", now),
  };
}

/**
 * Ticks a step by hand. Vendor staff (writers) may tick manual and vendor-owned steps; partner users
 * only their own manual steps. Anything else completes itself from events (409).
 */
export async function completeStepManually(
  ctx: ServiceContext,
  input: { partnerId?: string; stepId: string },
): Promise<{ items: PartnerJourneyRecord[] }> {
  const side = assertCanTick(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const partnerId = ctx.actor.kind === "partner" ? ctx.actor.partnerId : input.partnerId;
  if (!partnerId) throw notFound("Partner not found");
  await transaction(ctx.database, async (tx) => {
    const [found] = await tx
      .select({ row: partnerJourneySteps, step: journeySteps })
      .from(partnerJourneySteps)
      .innerJoin(
        journeySteps,
        and(
          eq(journeySteps.workspaceId, partnerJourneySteps.workspaceId),
          eq(journeySteps.id, partnerJourneySteps.stepId),
        ),
      )
      .where(
        and(
          eq(partnerJourneySteps.workspaceId, workspaceId),
          eq(partnerJourneySteps.partnerId, partnerId),
          eq(partnerJourneySteps.id, input.stepId),
        ),
      )
      .for("update", { of: partnerJourneySteps });
    if (!found) throw notFound("Onboarding step not found");
    const type = found.step.type as JourneyStepType;
    if (!canCompleteManually(side, { type, ownerSide: found.step.ownerSide })) {
      throw new AppError("ONBOARDING_STEP_NOT_MANUAL", {
        message:
          side === "partner" && type === "manual"
            ? "This step is for the vendor's team to complete"
            : `"${found.step.title}" completes by itself when it happens`,
        details: { type, ownerSide: found.step.ownerSide },
      });
    }
    if (found.row.status === "completed") return;
    await completeStep(
      tx,
      auditSource(ctx),
      { row: found.row, title: found.step.title },
      { via: "manual", at: new Date(), by: ctx.actor.label },
    );
  });
  return { items: await loadPartnerJourneys(ctx.database.db, workspaceId, partnerId, side, new Date()) };
}

function assertCanTick(actor: Actor): "vendor" | "partner" {
  if (actor.kind === "partner") {
    requirePartner(actor);
    return "partner";
  }
  requireVendor(actor, ["admin", "partner_manager"]);
  return "vendor";
}

/** Open steps across partners, vendor-owned first then by due date; `overdue` keeps only late ones. */
export async function listOnboardingTasks(
  ctx: ServiceContext,
  query: {
    overdue: boolean;
    ownerSide?: "partner" | "vendor" | undefined;
    programId?: string | undefined;
    limit: number;
  },
  now = new Date(),
): Promise<{ items: OnboardingTaskRecord[] }> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const where: SQL[] = [
    eq(partnerJourneySteps.workspaceId, workspaceId),
    eq(partnerJourneySteps.status, "pending"),
    isNull(partnerJourneys.completedAt),
  ];
  if (query.overdue) where.push(lt(partnerJourneySteps.dueAt, now));
  if (query.ownerSide) where.push(eq(journeySteps.ownerSide, query.ownerSide));
  if (query.programId) where.push(eq(journeyTemplates.programId, query.programId));
  const rows = await ctx.database.db
    .select({
      row: partnerJourneySteps,
      step: journeySteps,
      partnerName: partners.name,
      programName: programs.name,
    })
    .from(partnerJourneySteps)
    .innerJoin(
      partnerJourneys,
      and(
        eq(partnerJourneys.workspaceId, partnerJourneySteps.workspaceId),
        eq(partnerJourneys.id, partnerJourneySteps.partnerJourneyId),
      ),
    )
    .innerJoin(
      journeySteps,
      and(
        eq(journeySteps.workspaceId, partnerJourneySteps.workspaceId),
        eq(journeySteps.id, partnerJourneySteps.stepId),
      ),
    )
    .innerJoin(
      journeyTemplates,
      and(eq(journeyTemplates.workspaceId, journeySteps.workspaceId), eq(journeyTemplates.id, journeySteps.templateId)),
    )
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, journeyTemplates.workspaceId), eq(programs.id, journeyTemplates.programId)),
    )
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, partnerJourneySteps.workspaceId), eq(partners.id, partnerJourneySteps.partnerId)),
    )
    .where(and(...where))
    .orderBy(desc(journeySteps.ownerSide), asc(partnerJourneySteps.dueAt))
    .limit(query.limit);
  // ownerSide sorts 'vendor' > 'partner' descending: vendor-owned tasks come first.
  return {
    items: rows.map(({ row, step, partnerName, programName }) => ({
      id: row.id,
      partnerId: row.partnerId,
      partnerName,
      programName,
      type: step.type as JourneyStepType,
      title: step.title,
      ownerSide: step.ownerSide as "partner" | "vendor",
      dueAt: row.dueAt.toISOString(),
      overdue: isOverdue(row, now),
      daysOverdue: Math.max(0, Math.floor((now.getTime() - row.dueAt.getTime()) / DAY)),
    })),
  };
}
