import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { workspaces } from "../workspaces/workspaces.schema";

/** Partner organizations: the directory every capability refers to. */
export const partners = pgTable(
  "partners",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** Display name. */
    name: text("name").notNull(),
    legalName: text("legal_name"),
    website: text("website"),
    /** Registrable domain (public-suffix aware), lower case; the duplicate key for imports. */
    domain: text("domain"),
    hqCountry: char("hq_country", { length: 2 }),
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    size: text("size"),
    /** Fluid partner roles (reseller, referral, isv …). */
    types: text("types").array().notNull().default(sql`'{}'::text[]`),
    specializations: text("specializations").array().notNull().default(sql`'{}'::text[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb("custom_fields").notNull().default(sql`'{}'::jsonb`),
    /** The vendor user who manages the relationship. */
    managerId: uuid("manager_id"),
    stage: text("stage").notNull().default("prospect"),
    stageChangedAt: at("stage_changed_at").notNull().defaultNow(),
    /** When the partner first became active: onboarding and time-to-first-deal clocks start here. */
    activatedAt: at("activated_at"),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partners_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    uniqueIndex("partners_workspace_domain_key").on(t.workspaceId, t.domain).where(sql`${t.domain} is not null`),
    index("partners_workspace_stage_idx").on(t.workspaceId, t.stage),
    index("partners_workspace_manager_idx").on(t.workspaceId, t.managerId),
    // Search ORs name, legal name and domain: each needs its own trigram index for a BitmapOr.
    index("partners_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("partners_legal_name_trgm_idx").using("gin", sql`lower(${t.legalName}) gin_trgm_ops`),
    index("partners_domain_trgm_idx").using("gin", sql`${t.domain} gin_trgm_ops`),
    // The list's sort orders, so a page never sorts the whole directory.
    index("partners_workspace_name_sort_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index("partners_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("partners_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("partners_tags_idx").using("gin", t.tags),
    index("partners_types_idx").using("gin", t.types),
    check(
      "partners_stage_check",
      sql`${t.stage} in ('prospect','applied','vetting','onboarding','active','at_risk','offboarding','offboarded','rejected')`,
    ),
  ],
);

/** Every lifecycle transition, with who, why and when. Append-only. */
export const partnerStageTransitions = pgTable(
  "partner_stage_transitions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    reason: text("reason"),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    occurredAt: at("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("partner_stage_transitions_partner_idx").on(t.workspaceId, t.partnerId, t.occurredAt),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Typed custom fields on partners, defined per workspace. */
export const partnerCustomFields = pgTable(
  "partner_custom_fields",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type").notNull(),
    options: text("options").array().notNull().default(sql`'{}'::text[]`),
    required: boolean("required").notNull().default(false),
    /** Partner admins may edit it in the portal. */
    partnerEditable: boolean("partner_editable").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partner_custom_fields_key").on(t.workspaceId, t.key),
    check("partner_custom_fields_type_check", sql`${t.type} in ('text','number','date','select')`),
  ],
);

/** Per-workspace directory settings: which standard fields partner admins may edit themselves. */
export const partnerDirectorySettings = pgTable("partner_directory_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  partnerEditableFields: text("partner_editable_fields")
    .array()
    .notNull()
    .default(sql`'{description,website,regions,industries,specializations}'::text[]`),
  updatedAt: updatedAt(),
});
