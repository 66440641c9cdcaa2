import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, workspaceId } from "../../db/columns";

/**
 * Client-supplied `Idempotency-Key`s of create requests: the first result is stored and replayed
 * to retries from the same actor; the request hash catches a key reused for a different body.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: workspaceId(),
    /** `user:<id>` or `api_key:<id>`. */
    actorKey: text("actor_key").notNull(),
    /** The operation, e.g. `portalCreateRegistration`. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.actorKey, t.scope, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
