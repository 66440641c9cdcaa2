import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * The vendor's account book: customers and prospects. The match keys (`name_normalized`,
 * `name_keys`, `domain`, `phone_e164`) are derived with the conflict engine's normalizers on every
 * write, so deal-registration checks can probe accounts through indexes.
 */
export const accounts = pgTable(
  "accounts",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    website: text("website"),
    /** Registrable domain (public-suffix aware, free-mail excluded), lower case. */
    domain: text("domain"),
    /** ISO 3166-1 alpha-2. */
    country: char("country", { length: 2 }),
    /** Sales region (e.g. `EMEA`, `NA`, `APAC`, `LATAM`); derived from the country unless given. */
    region: text("region"),
    industry: text("industry"),
    /** Size band: `1-10`, `11-50`, `51-200`, `201-1000`, `1001-5000`, `5000+`. */
    size: text("size"),
    phone: text("phone"),
    phoneE164: text("phone_e164"),
    /** The vendor user who owns the account (direct sales); null = unowned. */
    ownerId: uuid("owner_id"),
    status: text("status").notNull().default("prospect"),
    /** When the account first became a customer. */
    customerSince: date("customer_since", { mode: "string" }),
    /** The most recent direct-sales engagement (maintained from direct_engagements). */
    lastDirectEngagementAt: at("last_direct_engagement_at"),
    /** CRM id, the key of idempotent upserts. */
    externalId: text("external_id"),
    nameNormalized: text("name_normalized").notNull(),
    nameKeys: text("name_keys").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("accounts_external_id_key").on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index("accounts_domain_idx").on(t.workspaceId, t.domain),
    index("accounts_phone_idx").on(t.workspaceId, t.phoneE164),
    index("accounts_name_keys_idx").using("gin", t.nameKeys),
    index("accounts_name_trgm_idx").using("gin", sql`${t.nameNormalized} gin_trgm_ops`),
    index("accounts_name_sort_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index("accounts_owner_idx").on(t.workspaceId, t.ownerId),
    index("accounts_status_idx").on(t.workspaceId, t.status),
    check("accounts_status_check", sql`${t.status} in ('prospect','customer','churned')`),
  ],
);

/**
 * Named-account lists ("Direct only", "Strategic"): accounts on a list that `blocks_partners`
 * are a conflict for partner registrations; other lists send registrations to review.
 */
export const accountLists = pgTable(
  "account_lists",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    blocksPartners: boolean("blocks_partners").notNull().default(true),
    createdAt: createdAt(),
    archivedAt: at("archived_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("account_lists_name_key").on(t.workspaceId, sql`lower(${t.name})`),
  ],
);

export const accountListMembers = pgTable(
  "account_list_members",
  {
    workspaceId: workspaceId(),
    listId: uuid("list_id").notNull(),
    accountId: uuid("account_id").notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
    addedBy: text("added_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.listId, t.accountId] }),
    index("account_list_members_account_idx").on(t.workspaceId, t.accountId),
    foreignKey({
      columns: [t.workspaceId, t.listId],
      foreignColumns: [accountLists.workspaceId, accountLists.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Direct-sales engagements (meetings, calls, demos) that make an account ineligible for a while. */
export const directEngagements = pgTable(
  "direct_engagements",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    engagedAt: at("engaged_at").notNull(),
    /** `meeting`, `call`, `email`, `demo`, `opportunity`, `other`. */
    kind: text("kind").notNull().default("meeting"),
    userId: uuid("user_id"),
    note: text("note"),
    externalId: text("external_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("direct_engagements_account_idx").on(t.workspaceId, t.accountId, t.engagedAt),
    uniqueIndex("direct_engagements_external_id_key")
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      "cascade",
    ),
  ],
);
