import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * A lead or referral passed between the vendor and partners. `sender_partner_id` null = the vendor
 * sent it; `recipient_partner_id` null = addressed to the vendor (or pooled/unassigned). Contact
 * details stay hidden from partners until they hold the lead.
 */
export const leads = pgTable(
  "leads",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    status: text("status").notNull(),
    company: text("company").notNull(),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    domain: text("domain"),
    country: char("country", { length: 2 }),
    need: text("need"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: char("currency", { length: 3 }),
    senderPartnerId: uuid("sender_partner_id"),
    recipientPartnerId: uuid("recipient_partner_id"),
    /** The pending offer's deadline (status `offered` with a recipient partner). */
    offerExpiresAt: at("offer_expires_at"),
    declineReason: text("decline_reason"),
    accountId: uuid("account_id"),
    opportunityId: uuid("opportunity_id"),
    referralLinkId: uuid("referral_link_id"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("leads_workspace_status_idx").on(t.workspaceId, t.status, t.createdAt),
    index("leads_recipient_idx").on(t.workspaceId, t.recipientPartnerId, t.createdAt),
    index("leads_sender_idx").on(t.workspaceId, t.senderPartnerId, t.createdAt),
    index("leads_offer_expiry_idx")
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered' and ${t.offerExpiresAt} is not null`),
    foreignKey({ columns: [t.workspaceId, t.senderPartnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    foreignKey({
      columns: [t.workspaceId, t.recipientPartnerId],
      foreignColumns: [partners.workspaceId, partners.id],
    }),
    check("leads_kind_check", sql`${t.kind} in ('lead','referral')`),
    check("leads_source_check", sql`${t.source} in ('vendor','partner','referral_link','api')`),
    check(
      "leads_status_check",
      sql`${t.status} in ('unassigned','offered','pooled','accepted','declined','contacted','qualified','converted','lost')`,
    ),
    check("leads_amount_check", sql`${t.amountMinor} is null or ${t.amountMinor} >= 0`),
  ],
);

/** Every offer of a lead to a partner and how it ended; drives reassignment (who had it already). */
export const leadOffers = pgTable(
  "lead_offers",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    leadId: uuid("lead_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
    offeredAt: at("offered_at").notNull().defaultNow(),
    expiresAt: at("expires_at"),
    /** pending | accepted | declined | expired | withdrawn */
    outcome: text("outcome").notNull().default("pending"),
    decidedAt: at("decided_at"),
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("lead_offers_lead_idx").on(t.workspaceId, t.leadId, t.offeredAt),
    index("lead_offers_partner_idx").on(t.workspaceId, t.partnerId, t.offeredAt),
    foreignKey({ columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
  ],
);

/** A lead's own timeline, shown on both sides (portal callers see entries about themselves only). */
export const leadActivities = pgTable(
  "lead_activities",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    leadId: uuid("lead_id").notNull(),
    type: text("type").notNull(),
    // Wall-clock time, so entries of one transaction keep their order.
    at: at("at").notNull().default(sql`clock_timestamp()`),
    actorLabel: text("actor_label"),
    /** The partner the entry is about (offered to, declined by …); null when only the vendor acted. */
    partnerId: uuid("partner_id"),
    status: text("status"),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("lead_activities_lead_idx").on(t.workspaceId, t.leadId, t.at),
    foreignKey({ columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** How timed-out offers move on, per workspace. */
export const leadRoutingSettings = pgTable("lead_routing_settings", {
  workspaceId: workspaceId()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  rule: text("rule").notNull().default("round_robin"),
  rankedPartnerIds: uuid("ranked_partner_ids").array().notNull().default(sql`'{}'::uuid[]`),
  acceptHours: integer("accept_hours").notNull().default(48),
  updatedAt: updatedAt(),
});

/** A partner's public referral code: `/r/<code>` opens a form that sends the partner a referral. */
export const referralLinks = pgTable(
  "referral_links",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    code: text("code").notNull(),
    createdAt: createdAt(),
    disabledAt: at("disabled_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Codes are looked up before the workspace is known.
    uniqueIndex("referral_links_code_key").on(t.code),
    uniqueIndex("referral_links_active_key").on(t.workspaceId, t.partnerId).where(sql`${t.disabledAt} is null`),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
  ],
);
