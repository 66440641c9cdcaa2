import { sql } from "drizzle-orm";
import { pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, workspaceId } from "../../db/columns";
import { workspaces } from "../workspaces/workspaces.schema";

/** Partner organizations. Minimal here; the partner capability extends it. */
export const partners = pgTable(
  "partners",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    website: text("website"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("partners_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
  ],
);
