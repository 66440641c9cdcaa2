import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Database, transaction } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { defineJob } from "../../platform/jobs";
import { leads } from "./leads.schema";
import { expiredOfferIds, reassignLead } from "./leads.writes";

/**
 * Moves every offer whose deadline passed to the next partner by the workspace's routing rule (or
 * back to the vendor). Each lead in its own transaction, locked with SKIP LOCKED so concurrent
 * workers and a partner accepting at the last second never both win. Returns how many moved.
 */
export async function reassignExpiredOffers(database: Database, now: Date, workspaceId?: string): Promise<number> {
  const due = await expiredOfferIds(database.db, now, 1000, workspaceId);
  let moved = 0;
  for (const { workspaceId: ws, id } of due) {
    const source: AuditSource = { actor: { kind: "system", workspaceId: ws, label: "lead routing" } };
    const done = await transaction(database, async (tx) => {
      const [lead] = await tx
        .select()
        .from(leads)
        .where(and(eq(leads.workspaceId, ws), eq(leads.id, id)))
        .for("update", { skipLocked: true });
      // Someone else has it, or it was answered meanwhile.
      if (lead?.status !== "offered" || !lead.offerExpiresAt || lead.offerExpiresAt >= now) return false;
      await reassignLead(tx, source, lead, "expired");
      return true;
    });
    if (done) moved += 1;
  }
  return moved;
}

export const reassignExpiredOffersJob = defineJob({
  name: "leads.reassign-expired-offers",
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional(), workspaceId: z.uuid().optional() }).default({}),
  cron: "* * * * *",
  async handler(payload, { database, logger }) {
    const moved = await reassignExpiredOffers(
      database,
      payload.now ? new Date(payload.now) : new Date(),
      payload.workspaceId,
    );
    if (moved > 0) logger.info({ moved }, "expired lead offers reassigned");
  },
});
