import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db";
import { AppError } from "../errors";
import { defineJob } from "../jobs";

export interface RateLimit {
  /** Bucket key, e.g. `login:ip:203.0.113.7`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit in a fixed window stored in the database (so all nodes share it) and throws
 * RATE_LIMITED with Retry-After once the limit is passed.
 */
export async function enforceRateLimit(db: DbOrTx, { key, limit, windowSeconds }: RateLimit): Promise<void> {
  const result = await db.execute<{ hits: number; retry_after: number }>(sql`
    insert into rate_limit_buckets as b (key, window_started_at, hits)
    values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when b.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then 1 else b.hits + 1 end,
      window_started_at = case when b.window_started_at <= now() - make_interval(secs => ${windowSeconds})
        then now() else b.window_started_at end
    returning hits,
      ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  const row = result.rows[0];
  if (row && row.hits > limit) {
    const retryAfter = Math.max(1, row.retry_after);
    throw new AppError("RATE_LIMITED", {
      message: `Too many attempts; try again in ${retryAfter} seconds`,
      details: { retryAfterSeconds: retryAfter },
      headers: { "retry-after": String(retryAfter) },
    });
  }
}

/** Removes windows that ended long ago; run by a periodic job. */
export async function pruneRateLimitBuckets(db: DbOrTx): Promise<number> {
  const result = await db.execute(
    sql`delete from rate_limit_buckets where window_started_at < now() - interval '1 day'`,
  );
  return result.rowCount ?? 0;
}

export const pruneRateLimitsJob = defineJob({
  name: "platform.prune-rate-limits",
  payload: z.object({}).default({}),
  cron: "17 3 * * *",
  async handler(_payload, { database, logger }) {
    const removed = await pruneRateLimitBuckets(database.db);
    logger.info({ removed }, "rate-limit windows pruned");
  },
});
