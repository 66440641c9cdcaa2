import { sql } from "drizzle-orm";
import {
  doublePrecision,
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
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";

/**
 * The Ideal Partner Profile of a program: weighted criteria with scoring rules (see ipp.rules.ts).
 * `version` increases on every change so scores can say which profile produced them.
 */
export const idealPartnerProfiles = pgTable(
  "ideal_partner_profiles",
  {
    workspaceId: workspaceId(),
    programId: uuid("program_id").notNull(),
    criteria: jsonb("criteria").notNull().default(sql`'[]'::jsonb`),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
    updatedBy: text("updated_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.programId] }),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Applications from the public page; each created an `applied` partner. */
export const partnerApplications = pgTable(
  "partner_applications",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    programId: uuid("program_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
    applicantName: text("applicant_name").notNull(),
    applicantEmail: text("applicant_email").notNull(),
    /** What the applicant wrote, as submitted. */
    answers: jsonb("answers").notNull().default(sql`'{}'::jsonb`),
    status: text("status").notNull().default("received"),
    fitScore: doublePrecision("fit_score"),
    /** Per-criterion contribution, and the IPP version it was computed with. */
    fitBreakdown: jsonb("fit_breakdown").notNull().default(sql`'[]'::jsonb`),
    ippVersion: integer("ipp_version"),
    vetterId: uuid("vetter_id"),
    decidedAt: at("decided_at"),
    decidedBy: text("decided_by"),
    decisionReason: text("decision_reason"),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partner_applications_partner_key").on(t.workspaceId, t.partnerId),
    index("partner_applications_queue_idx").on(t.workspaceId, t.status, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }),
  ],
);
