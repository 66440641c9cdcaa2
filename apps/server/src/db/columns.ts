import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant table starts with this column (and leads its primary key with it). */
export const workspaceId = () => uuid("workspace_id").notNull();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true });
