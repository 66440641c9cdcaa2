import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, workspaceId } from "../../db/columns";

/**
 * One CSV import (partners, accounts, opportunities …): its mapping, validation report and
 * progress, so any node can show progress and the result outlives the request.
 */
export const importRuns = pgTable(
  "import_runs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    /** What is imported: `partners`, `accounts` … */
    kind: text("kind").notNull(),
    status: text("status").notNull().default("validating"),
    fileName: text("file_name"),
    /** The uploaded CSV, kept until the import finishes (bounded by the upload limit). */
    content: text("content"),
    mapping: jsonb("mapping").notNull().default(sql`'{}'::jsonb`),
    options: jsonb("options").notNull().default(sql`'{}'::jsonb`),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    /** Validation and result report: errors per row, duplicates, counts created/updated/skipped. */
    report: jsonb("report").notNull().default(sql`'{}'::jsonb`),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("import_runs_kind_idx").on(t.workspaceId, t.kind, t.createdAt),
  ],
);
