import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { transaction } from "../../db";
import { defineJob } from "../../platform/jobs";
import { programs } from "../programs";
import { evaluateProgramTiers } from "./tiers.evaluation";

export const evaluateTiersPayload = z
  .object({
    /** The evaluation clock (ISO); tests pass it, the cron slot leaves it to now. */
    now: z.iso.datetime({ offset: true }).optional(),
    workspaceId: z.uuid().optional(),
    programId: z.uuid().optional(),
  })
  .default({});

/**
 * Daily: evaluates every member of every live program (one transaction per program), turning
 * upgrades into proposals at once and shortfalls into downgrade proposals after the grace period.
 */
export const evaluateTiersJob = defineJob({
  name: "tiers.evaluate",
  payload: evaluateTiersPayload,
  cron: "0 4 * * *",
  async handler(payload, { database, logger }) {
    const now = payload.now ? new Date(payload.now) : new Date();
    const live = await database.db
      .select()
      .from(programs)
      .where(
        and(
          isNull(programs.archivedAt),
          payload.workspaceId ? eq(programs.workspaceId, payload.workspaceId) : undefined,
          payload.programId ? eq(programs.id, payload.programId) : undefined,
        ),
      );
    const totals = { programs: 0, evaluated: 0, proposed: 0, applied: 0, graceStarted: 0 };
    for (const program of live) {
      const result = await transaction(database, (tx) =>
        evaluateProgramTiers(
          tx,
          { actor: { kind: "system", workspaceId: program.workspaceId, label: "tier evaluation job" } },
          program,
          now,
        ),
      );
      totals.programs += 1;
      totals.evaluated += result.evaluated;
      totals.proposed += result.proposed;
      totals.applied += result.applied;
      totals.graceStarted += result.graceStarted;
    }
    logger.info(totals, "tiers evaluated");
  },
});
