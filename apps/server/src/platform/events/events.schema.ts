import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, workspaceId } from "../../db/columns";

/**
 * Domain events (`partner.created`, `deal.registered` …), stored in the transaction that caused
 * them: the partner timeline reads them, and subscribers run in the same transaction.
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    workspaceId: workspaceId(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    type: text("type").notNull(),
    partnerId: uuid("partner_id"),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    payload: jsonb("payload").notNull(),
    actorLabel: text("actor_label"),
    occurredAt: at("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("domain_events_partner_idx").on(t.workspaceId, t.partnerId, t.id),
    index("domain_events_type_idx").on(t.workspaceId, t.type),
  ],
);
