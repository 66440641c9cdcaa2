import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, workspaceId } from "../../db/columns";
import { accounts } from "../accounts/accounts.schema";
import { partners } from "../partners/partners.schema";
import { opportunities } from "../revenue/revenue.schema";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * The ledger of partner contributions to deals (DOMAIN.md §4). Append-mostly: a wrong entry is
 * voided with a reason, never deleted, so every attribution snapshot can be reproduced. Modules
 * record through `recordTouchpoint`, idempotent on (origin, origin_id, type).
 */
export const touchpoints = pgTable(
  "touchpoints",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    opportunityId: uuid("opportunity_id"),
    accountId: uuid("account_id"),
    /** registration, referral, introduction, co_sell_meeting, technical_validation, demo, … */
    type: text("type").notNull(),
    occurredAt: at("occurred_at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label"),
    /** Optional weight for the custom-weights model (null = the type's default). */
    weight: numeric("weight", { precision: 10, scale: 4 }),
    note: text("note"),
    /** Flagged by a manager: this touch shortened the cycle. */
    accelerated: boolean("accelerated").notNull().default(false),
    /** What produced it: registration, referral, lead, manual, import, api, co_sell, demo_seed. */
    origin: text("origin").notNull(),
    /** The producing record's id (registration id, referral id …) for idempotent recording. */
    originId: text("origin_id"),
    externalId: text("external_id"),
    voidedAt: at("voided_at"),
    voidedReason: text("voided_reason"),
    voidedBy: text("voided_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("touchpoints_origin_key")
      .on(t.workspaceId, t.origin, t.originId, t.type)
      .where(sql`${t.originId} is not null`),
    uniqueIndex("touchpoints_external_id_key").on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index("touchpoints_opportunity_idx").on(t.workspaceId, t.opportunityId, t.occurredAt),
    index("touchpoints_account_idx").on(t.workspaceId, t.accountId, t.occurredAt),
    index("touchpoints_partner_idx").on(t.workspaceId, t.partnerId, t.occurredAt),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    foreignKey({
      columns: [t.workspaceId, t.opportunityId],
      foreignColumns: [opportunities.workspaceId, opportunities.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      "cascade",
    ),
    check("touchpoints_target_check", sql`${t.opportunityId} is not null or ${t.accountId} is not null`),
    check("touchpoints_weight_check", sql`${t.weight} is null or ${t.weight} >= 0`),
  ],
);
