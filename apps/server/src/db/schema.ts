// Every table of every module, for drizzle-kit and the migrator. Modules own their tables.
export * from "../modules/identity/identity.schema";
export * from "../modules/partners/partners.schema";
export * from "../modules/workspaces/workspaces.schema";
export * from "../platform/audit/audit.schema";
export * from "../platform/http/rate-limit.schema";
