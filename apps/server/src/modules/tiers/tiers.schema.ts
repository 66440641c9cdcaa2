import { sql } from "drizzle-orm";
import {
  boolean,
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
 * Ordered tiers of a program. `criteria` holds thresholds over metrics
 * (`[{ metric, min }]`, amounts in reporting-currency minor units) and manual checks
 * (`[{ key, label }]`); see tiers.rules.ts.
 */
export const tiers = pgTable(
  "tiers",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    programId: uuid("program_id").notNull(),
    name: text("name").notNull(),
    /** 0 = entry tier; higher is better. */
    rank: integer("rank").notNull(),
    color: text("color"),
    benefits: text("benefits").array().notNull().default(sql`'{}'::text[]`),
    criteria: jsonb("criteria").notNull().default(sql`'[]'::jsonb`),
    manualChecks: jsonb("manual_checks").notNull().default(sql`'[]'::jsonb`),
    /** Vendor-side obligations at this tier (QBR held, manager assigned …). */
    vendorObligations: text("vendor_obligations").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("tiers_program_rank_key").on(t.workspaceId, t.programId, t.rank),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Manually maintained signals (e.g. certified people until enablement exists) and manual checks. */
export const partnerManualSignals = pgTable(
  "partner_manual_signals",
  {
    workspaceId: workspaceId(),
    partnerId: uuid("partner_id").notNull(),
    /** A tier metric name, or `check:<key>` for a manual tier check. */
    key: text("key").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.partnerId, t.key] }),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Evaluation state per partner and program: when a shortfall started (grace period clock). */
export const tierEvaluations = pgTable(
  "tier_evaluations",
  {
    workspaceId: workspaceId(),
    partnerId: uuid("partner_id").notNull(),
    programId: uuid("program_id").notNull(),
    qualifiedTierId: uuid("qualified_tier_id"),
    shortfallSince: at("shortfall_since"),
    metrics: jsonb("metrics").notNull().default(sql`'{}'::jsonb`),
    evaluatedAt: at("evaluated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.partnerId, t.programId] }),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Proposed tier changes awaiting a manager (or applied automatically when the program says so). */
export const tierProposals = pgTable(
  "tier_proposals",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    programId: uuid("program_id").notNull(),
    fromTierId: uuid("from_tier_id"),
    toTierId: uuid("to_tier_id"),
    direction: text("direction").notNull(),
    status: text("status").notNull().default("pending"),
    /** The metrics and criteria that produced it. */
    evidence: jsonb("evidence").notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    decidedAt: at("decided_at"),
    decidedBy: text("decided_by"),
    decisionReason: text("decision_reason"),
    autoApplied: boolean("auto_applied").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("tier_proposals_status_idx").on(t.workspaceId, t.status),
    uniqueIndex("tier_proposals_one_pending_key")
      .on(t.workspaceId, t.partnerId, t.programId)
      .where(sql`status = 'pending'`),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
  ],
);
