import { sql } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context";
import { defineJob } from "../../platform/jobs";
import { assertCanReadMetrics } from "./metrics.policies";
import { type RefreshResult, refreshReadModels } from "./metrics.refresh";
import { warmViews } from "./metrics.view-cache";

export const refreshMetricsPayload = z.object({ workspaceId: z.uuid().optional() }).default({});

/** Hourly (and on demand): rebuilds the metric read models of every workspace with deals or touchpoints. */
export const refreshMetricsJob = defineJob({
  name: "metrics.refresh",
  payload: refreshMetricsPayload,
  cron: "20 * * * *",
  async handler(payload, { database, logger }) {
    const ids = payload.workspaceId
      ? [payload.workspaceId]
      : (await database.db.execute(sql`select id from workspaces order by id`)).rows.map((row) => String(row.id));
    for (const workspaceId of ids) {
      const result = await refreshReadModels(database, workspaceId);
      const warmed = await warmViews(database.db, workspaceId);
      logger.info({ workspaceId, ...result, warmed }, "metric read models refreshed");
    }
  },
});

/** Rebuilds the caller's read models now and answers how long it took. */
export async function refreshMetricsNow(ctx: ServiceContext): Promise<RefreshResult> {
  assertCanReadMetrics(ctx.actor);
  return refreshReadModels(ctx.database, ctx.actor.workspaceId);
}
