import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "../../db/columns";

/** Fixed-window counters kept in the database so every node enforces the same limits. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  windowStartedAt: at("window_started_at").notNull(),
  hits: integer("hits").notNull(),
});
