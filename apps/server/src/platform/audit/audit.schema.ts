import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, workspaceId } from "../../db/columns";

/**
 * Append-only record of every mutation. A trigger (migration 0001) rejects UPDATE and DELETE,
 * so not even a bug in our own code can rewrite history.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    workspaceId: workspaceId(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    partnerId: uuid("partner_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ipAddress: text("ip_address"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("audit_events_entity_idx").on(t.workspaceId, t.entityType, t.entityId),
    index("audit_events_action_idx").on(t.workspaceId, t.action),
  ],
);
