import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { domainEvents, emitEvent } from "../../platform/events";
import { defineJob } from "../../platform/jobs";
import "./onboarding.events";
import { journeySteps, partnerJourneySteps } from "./onboarding.schema";

/**
 * Flags every open step that passed its due date, once: an `onboarding.step_overdue` event per step
 * (the partner timeline shows it; notifications can subscribe). Returns how many were flagged.
 */
export async function flagOverdueSteps(database: Database, now: Date, workspaceId?: string): Promise<number> {
  const late = await database.db
    .select({ row: partnerJourneySteps, title: journeySteps.title, ownerSide: journeySteps.ownerSide })
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
        eq(partnerJourneySteps.status, "pending"),
        lt(partnerJourneySteps.dueAt, now),
        workspaceId ? eq(partnerJourneySteps.workspaceId, workspaceId) : undefined,
        sql`not exists (select 1 from ${domainEvents} e where e.workspace_id = ${partnerJourneySteps.workspaceId}
          and e.type = 'onboarding.step_overdue' and e.entity_id = ${partnerJourneySteps.id}::text)`,
      ),
    )
    .limit(5000);
  for (const { row, title, ownerSide } of late) {
    const source = { actor: { kind: "system" as const, workspaceId: row.workspaceId, label: "onboarding reminders" } };
    await transaction(database, async (tx) => {
      await recordAudit(tx, source, {
        action: "onboarding.step_overdue",
        entityType: "partner_journey_step",
        entityId: row.id,
        partnerId: row.partnerId,
        after: { title, dueAt: row.dueAt.toISOString() },
      });
      await emitEvent(tx, source, {
        type: "onboarding.step_overdue",
        workspaceId: row.workspaceId,
        partnerId: row.partnerId,
        entityType: "partner_journey_step",
        entityId: row.id,
        payload: { journeyId: row.partnerJourneyId, stepId: row.id, title, ownerSide, dueAt: row.dueAt.toISOString() },
      });
    });
  }
  return late.length;
}

export const flagOverdueStepsJob = defineJob({
  name: "onboarding.flag-overdue-steps",
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional(), workspaceId: z.uuid().optional() }).default({}),
  cron: "30 6 * * *",
  async handler(payload, { database, logger }) {
    const flagged = await flagOverdueSteps(
      database,
      payload.now ? new Date(payload.now) : new Date(),
      payload.workspaceId,
    );
    logger.info({ flagged }, "overdue onboarding steps flagged");
  },
});
