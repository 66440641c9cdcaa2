import { sql } from "drizzle-orm";
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, workspaceId } from "../../db/columns";
import { workspaces } from "../workspaces/workspaces.schema";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/**
 * A generated board pack: the filters it was made for, its progress while the job renders it,
 * and the PDF once done (kept in the database so every node can serve the download).
 */
export const boardPacks = pgTable(
  "board_packs",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    status: text("status").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    step: text("step"),
    filters: jsonb("filters").notNull().default(sql`'{}'::jsonb`),
    renderer: text("renderer"),
    fileName: text("file_name").notNull(),
    sizeBytes: integer("size_bytes"),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("board_packs_created_idx").on(t.workspaceId, t.createdAt),
    check("board_packs_status_check", sql`${t.status} in ('queued','rendering','completed','failed')`),
    check("board_packs_progress_check", sql`${t.progress} between 0 and 100`),
  ],
);

/** The rendered files, apart from the list so listing packs never reads the bytes. */
export const boardPackFiles = pgTable(
  "board_pack_files",
  {
    workspaceId: workspaceId(),
    packId: uuid("pack_id").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.packId] }),
    foreignKey({
      columns: [t.workspaceId, t.packId],
      foreignColumns: [boardPacks.workspaceId, boardPacks.id],
    }).onDelete("cascade"),
  ],
);
