import { sql } from "drizzle-orm";
import {
  boolean,
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

/** A partner program (Reseller, Referral, Technology …) with its own rules. */
export const programs = pgTable(
  "programs",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description"),
    /** Deal-registration protection window in days; null = no expiry. */
    protectionWindowDays: integer("protection_window_days").default(90),
    /** Journey new partners of this program start on activation. */
    defaultJourneyId: uuid("default_journey_id"),
    /** Tier proposals apply without a manager's approval. */
    autoApplyTierChanges: boolean("auto_apply_tier_changes").notNull().default(false),
    tierGraceDays: integer("tier_grace_days").notNull().default(30),
    tierWindowMonths: integer("tier_window_months").notNull().default(12),
    /** The public application page accepts applications. */
    applicationsOpen: boolean("applications_open").notNull().default(true),
    /** Optional rule: auto-reject obvious spam (free-mail domain, failing required IPP criteria). */
    autoRejectSpam: boolean("auto_reject_spam").notNull().default(false),
    archivedAt: at("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("programs_slug_key").on(t.workspaceId, t.slug),
    check("programs_protection_window_check", sql`${t.protectionWindowDays} is null or ${t.protectionWindowDays} > 0`),
  ],
);

/** A partner's membership of a program, with its current tier there. */
export const programMemberships = pgTable(
  "program_memberships",
  {
    workspaceId: workspaceId(),
    partnerId: uuid("partner_id").notNull(),
    programId: uuid("program_id").notNull(),
    tierId: uuid("tier_id"),
    tierSince: at("tier_since"),
    joinedAt: at("joined_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.partnerId, t.programId] }),
    index("program_memberships_program_idx").on(t.workspaceId, t.programId),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }).onDelete(
      "cascade",
    ),
  ],
);
