import type { JourneyStepConfig, JourneyStepType } from "@symbiont/contracts";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import { agreementAcceptances, agreementVersions } from "../agreements/agreements.schema";
import { partnerCustomFields, partners } from "../partners/partners.schema";
import { programMemberships, programs } from "../programs/programs.schema";
import "./onboarding.events";
import { daysBetween, dueDate, missingProfileFields, type StepSignal, signalCompletes } from "./onboarding.rules";
import { journeySteps, journeyTemplates, partnerJourneySteps, partnerJourneys } from "./onboarding.schema";

// The journey engine: starting journeys and completing their steps, inside the caller's transaction.

/** Starts one journey for a partner (once per template); returns its id, or null if it already ran. */
export async function startJourney(
  tx: DbOrTx,
  source: AuditSource,
  input: { workspaceId: string; partnerId: string; templateId: string; startedAt: Date },
): Promise<string | null> {
  const { workspaceId, partnerId, templateId, startedAt } = input;
  const [template] = await tx
    .select()
    .from(journeyTemplates)
    .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.id, templateId)));
  if (!template) return null;
  const [journey] = await tx
    .insert(partnerJourneys)
    .values({ workspaceId, partnerId, templateId, startedAt })
    .onConflictDoNothing()
    .returning();
  if (!journey) return null;
  const steps = await tx
    .select()
    .from(journeySteps)
    .where(and(eq(journeySteps.workspaceId, workspaceId), eq(journeySteps.templateId, templateId)))
    .orderBy(asc(journeySteps.position));
  if (steps.length > 0) {
    await tx.insert(partnerJourneySteps).values(
      steps.map((step) => ({
        workspaceId,
        partnerJourneyId: journey.id,
        partnerId,
        stepId: step.id,
        dueAt: dueDate(startedAt, step.dueOffsetDays),
      })),
    );
  }
  await recordAudit(tx, source, {
    action: "onboarding.started",
    entityType: "partner_journey",
    entityId: journey.id,
    partnerId,
    after: { templateId, templateName: template.name, steps: steps.length, startedAt: startedAt.toISOString() },
  });
  await emitEvent(tx, source, {
    type: "onboarding.started",
    workspaceId,
    partnerId,
    entityType: "partner_journey",
    entityId: journey.id,
    payload: { journeyId: journey.id, templateId, templateName: template.name },
  });
  await catchUp(tx, source, workspaceId, partnerId);
  if (steps.length === 0) await completeJourneyIfDone(tx, source, workspaceId, journey.id, startedAt);
  return journey.id;
}

/** Starts the default journey of every program the partner belongs to (the first template when none is set). */
export async function startDefaultJourneys(
  tx: DbOrTx,
  source: AuditSource,
  workspaceId: string,
  partnerId: string,
  startedAt: Date,
): Promise<string[]> {
  const memberships = await tx
    .select({ programId: programs.id, defaultJourneyId: programs.defaultJourneyId })
    .from(programMemberships)
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, programMemberships.workspaceId), eq(programs.id, programMemberships.programId)),
    )
    .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.partnerId, partnerId)));
  const started: string[] = [];
  for (const membership of memberships) {
    let templateId = membership.defaultJourneyId;
    if (!templateId) {
      const [first] = await tx
        .select({ id: journeyTemplates.id })
        .from(journeyTemplates)
        .where(and(eq(journeyTemplates.workspaceId, workspaceId), eq(journeyTemplates.programId, membership.programId)))
        .orderBy(asc(journeyTemplates.createdAt))
        .limit(1);
      templateId = first?.id ?? null;
    }
    if (!templateId) continue;
    const id = await startJourney(tx, source, { workspaceId, partnerId, templateId, startedAt });
    if (id) started.push(id);
  }
  return started;
}

type OpenStep = {
  row: typeof partnerJourneySteps.$inferSelect;
  type: JourneyStepType;
  title: string;
  config: JourneyStepConfig;
};

async function openSteps(tx: DbOrTx, workspaceId: string, partnerId: string): Promise<OpenStep[]> {
  const rows = await tx
    .select({
      row: partnerJourneySteps,
      type: journeySteps.type,
      title: journeySteps.title,
      config: journeySteps.config,
    })
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
        eq(partnerJourneySteps.status, "pending"),
      ),
    );
  return rows.map((r) => ({ ...r, type: r.type as JourneyStepType, config: r.config as JourneyStepConfig }));
}

/** Completes every open step of the partner that the signal satisfies. */
export async function applySignal(
  tx: DbOrTx,
  source: AuditSource,
  workspaceId: string,
  partnerId: string,
  signal: StepSignal,
  via: string,
  at: Date = new Date(),
): Promise<number> {
  const steps = (await openSteps(tx, workspaceId, partnerId)).filter((s) => signalCompletes(signal, s));
  for (const step of steps) await completeStep(tx, source, step, { via, at, by: source.actor.label });
  return steps.length;
}

/** Marks one open step completed; completes the journey when it was the last one. */
export async function completeStep(
  tx: DbOrTx,
  source: AuditSource,
  step: { row: typeof partnerJourneySteps.$inferSelect; title: string },
  how: { via: string; at: Date; by: string },
): Promise<void> {
  const { row } = step;
  const updated = await tx
    .update(partnerJourneySteps)
    .set({ status: "completed", completedAt: how.at, completedBy: how.by, completedVia: how.via })
    .where(
      and(
        eq(partnerJourneySteps.workspaceId, row.workspaceId),
        eq(partnerJourneySteps.id, row.id),
        eq(partnerJourneySteps.status, "pending"),
      ),
    )
    .returning({ id: partnerJourneySteps.id });
  if (updated.length === 0) return;
  await recordAudit(tx, source, {
    action: "onboarding.step_completed",
    entityType: "partner_journey_step",
    entityId: row.id,
    partnerId: row.partnerId,
    before: { status: "pending" },
    after: { status: "completed", via: how.via, title: step.title },
  });
  await emitEvent(tx, source, {
    type: "onboarding.step_completed",
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    entityType: "partner_journey",
    entityId: row.partnerJourneyId,
    payload: { journeyId: row.partnerJourneyId, stepId: row.id, title: step.title, via: how.via },
  });
  await completeJourneyIfDone(tx, source, row.workspaceId, row.partnerJourneyId, how.at);
}

async function completeJourneyIfDone(
  tx: DbOrTx,
  source: AuditSource,
  workspaceId: string,
  journeyId: string,
  at: Date,
): Promise<void> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerJourneySteps)
    .where(
      and(
        eq(partnerJourneySteps.workspaceId, workspaceId),
        eq(partnerJourneySteps.partnerJourneyId, journeyId),
        eq(partnerJourneySteps.status, "pending"),
      ),
    );
  if ((open?.n ?? 0) > 0) return;
  const [journey] = await tx
    .update(partnerJourneys)
    .set({ completedAt: at })
    .where(
      and(
        eq(partnerJourneys.workspaceId, workspaceId),
        eq(partnerJourneys.id, journeyId),
        isNull(partnerJourneys.completedAt),
      ),
    )
    .returning();
  if (!journey) return;
  const days = daysBetween(journey.startedAt, at);
  await recordAudit(tx, source, {
    action: "onboarding.completed",
    entityType: "partner_journey",
    entityId: journey.id,
    partnerId: journey.partnerId,
    after: { completedAt: at.toISOString(), days },
  });
  await emitEvent(tx, source, {
    type: "onboarding.completed",
    workspaceId,
    partnerId: journey.partnerId,
    entityType: "partner_journey",
    entityId: journey.id,
    payload: { journeyId: journey.id, templateId: journey.templateId, days },
  });
}

/**
 * Colleagues a partner has brought in: distinct people invited (pending or accepted) or already
 * users, less the organization's first person (who is not their own colleague).
 */
export async function countColleagues(tx: DbOrTx, workspaceId: string, partnerId: string): Promise<number> {
  const result = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select lower(email) from users
        where workspace_id = ${workspaceId} and partner_id = ${partnerId} and disabled_at is null
      union
      select lower(email) from invitations
        where workspace_id = ${workspaceId} and partner_id = ${partnerId} and revoked_at is null
          and (accepted_at is not null or expires_at > now())
    ) people`);
  return Math.max(0, (result.rows[0]?.n ?? 0) - 1);
}

/** Whether the partner's profile has every field `complete_profile` asks for. */
export async function profileComplete(tx: DbOrTx, workspaceId: string, partnerId: string): Promise<boolean> {
  const [partner] = await tx
    .select()
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  if (!partner) return false;
  const required = await tx
    .select({ key: partnerCustomFields.key })
    .from(partnerCustomFields)
    .where(and(eq(partnerCustomFields.workspaceId, workspaceId), eq(partnerCustomFields.required, true)));
  const facts = { ...partner, customFields: (partner.customFields ?? {}) as Record<string, unknown> };
  return (
    missingProfileFields(
      facts,
      required.map((r) => r.key),
    ).length === 0
  );
}

/** Completes steps whose condition already holds when a journey starts (agreement accepted earlier …). */
async function catchUp(tx: DbOrTx, source: AuditSource, workspaceId: string, partnerId: string): Promise<void> {
  const accepted = await tx
    .selectDistinct({ agreementId: agreementVersions.agreementId })
    .from(agreementAcceptances)
    .innerJoin(
      agreementVersions,
      and(
        eq(agreementVersions.workspaceId, agreementAcceptances.workspaceId),
        eq(agreementVersions.id, agreementAcceptances.agreementVersionId),
      ),
    )
    .where(and(eq(agreementAcceptances.workspaceId, workspaceId), eq(agreementAcceptances.partnerId, partnerId)));
  for (const { agreementId } of accepted) {
    await applySignal(
      tx,
      source,
      workspaceId,
      partnerId,
      { type: "accept_agreement", agreementId },
      "agreement.accepted",
    );
  }
  const colleagues = await countColleagues(tx, workspaceId, partnerId);
  await applySignal(
    tx,
    source,
    workspaceId,
    partnerId,
    { type: "invite_colleagues", colleagues },
    "partner_user.invited",
  );
  if (await profileComplete(tx, workspaceId, partnerId)) {
    await applySignal(tx, source, workspaceId, partnerId, { type: "complete_profile" }, "partner.updated");
  }
}
