import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";

/** An onboarding journey template of a program. */
export const journeyTemplates = pgTable(
  "journey_templates",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    programId: uuid("program_id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Ordered steps: type, due offset from activation, owner side, type-specific config (e.g. `{ count: 2 }`). */
export const journeySteps = pgTable(
  "journey_steps",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    templateId: uuid("template_id").notNull(),
    position: integer("position").notNull(),
    type: text("type").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    dueOffsetDays: integer("due_offset_days").notNull().default(14),
    ownerSide: text("owner_side").notNull().default("partner"),
    config: jsonb("config").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("journey_steps_template_idx").on(t.workspaceId, t.templateId, t.position),
    foreignKey({
      columns: [t.workspaceId, t.templateId],
      foreignColumns: [journeyTemplates.workspaceId, journeyTemplates.id],
    }).onDelete("cascade"),
  ],
);

/** A partner on a journey (started at activation). */
export const partnerJourneys = pgTable(
  "partner_journeys",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    templateId: uuid("template_id").notNull(),
    startedAt: at("started_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partner_journeys_once_key").on(t.workspaceId, t.partnerId, t.templateId),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Each step of a partner's journey: due date, status, who completed it and how. */
export const partnerJourneySteps = pgTable(
  "partner_journey_steps",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    partnerJourneyId: uuid("partner_journey_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
    stepId: uuid("step_id").notNull(),
    status: text("status").notNull().default("pending"),
    dueAt: at("due_at").notNull(),
    completedAt: at("completed_at"),
    completedBy: text("completed_by"),
    /** What completed it: the event type and id, or "manual". */
    completedVia: text("completed_via"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partner_journey_steps_once_key").on(t.workspaceId, t.partnerJourneyId, t.stepId),
    index("partner_journey_steps_open_due_idx").on(t.workspaceId, t.dueAt).where(sql`status = 'pending'`),
    index("partner_journey_steps_partner_idx").on(t.workspaceId, t.partnerId),
    foreignKey({
      columns: [t.workspaceId, t.partnerJourneyId],
      foreignColumns: [partnerJourneys.workspaceId, partnerJourneys.id],
    }).onDelete("cascade"),
  ],
);
