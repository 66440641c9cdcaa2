// Every table of every module, for drizzle-kit and the migrator. Modules own their tables.
export * from "../modules/accounts/accounts.schema";
export * from "../modules/agreements/agreements.schema";
export * from "../modules/identity/identity.schema";
export * from "../modules/onboarding/onboarding.schema";
export * from "../modules/partners/partners.schema";
export * from "../modules/programs/programs.schema";
export * from "../modules/recruitment/recruitment.schema";
export * from "../modules/reports/reports.schema";
export * from "../modules/revenue/revenue.schema";
export * from "../modules/tiers/tiers.schema";
export * from "../modules/touchpoints/touchpoints.schema";
export * from "../modules/workspaces/workspaces.schema";
export * from "../platform/audit/audit.schema";
export * from "../platform/events/events.schema";
export * from "../platform/http/rate-limit.schema";
export * from "../platform/imports/imports.schema";
