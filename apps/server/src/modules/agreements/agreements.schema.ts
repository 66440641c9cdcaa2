import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";

/** A partner agreement of a program (e.g. "Reseller terms"); its text lives in versions. */
export const agreements = pgTable(
  "agreements",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    programId: uuid("program_id").notNull(),
    title: text("title").notNull(),
    createdAt: createdAt(),
    archivedAt: at("archived_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.programId], foreignColumns: [programs.workspaceId, programs.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Immutable published versions (markdown). A version may require everyone to accept again. */
export const agreementVersions = pgTable(
  "agreement_versions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    agreementId: uuid("agreement_id").notNull(),
    version: integer("version").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    requiresReacceptance: boolean("requires_reacceptance").notNull().default(true),
    publishedAt: at("published_at").notNull().defaultNow(),
    publishedBy: text("published_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("agreement_versions_number_key").on(t.workspaceId, t.agreementId, t.version),
    foreignKey({
      columns: [t.workspaceId, t.agreementId],
      foreignColumns: [agreements.workspaceId, agreements.id],
    }).onDelete("cascade"),
  ],
);

/** Who accepted which version, when and from where. Immutable (trigger in migration). */
export const agreementAcceptances = pgTable(
  "agreement_acceptances",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    agreementVersionId: uuid("agreement_version_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
    userId: uuid("user_id").notNull(),
    userEmail: text("user_email").notNull(),
    acceptedAt: at("accepted_at").notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("agreement_acceptances_once_key").on(t.workspaceId, t.agreementVersionId, t.partnerId),
    index("agreement_acceptances_partner_idx").on(t.workspaceId, t.partnerId),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    foreignKey({
      columns: [t.workspaceId, t.agreementVersionId],
      foreignColumns: [agreementVersions.workspaceId, agreementVersions.id],
    }),
  ],
);
