export type { Database, Db, DbOrTx, Tx } from "./client";
export { createDatabase, transaction } from "./client";
export { migrationStatus, runMigrations } from "./migrate";
