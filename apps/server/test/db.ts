import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createDatabase, type Database } from "../src/db";

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Real PostgreSQL when TEST_DATABASE_URL is set, otherwise an embedded PGlite loaded from the dump
 * migrated once per run. Tests isolate by creating their own workspace, not by truncating.
 */
export function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return createDatabase({ url, poolSize: 4 });
  return createDatabase({ loadDataDir: new Uint8Array(readFileSync(inject("migratedDumpPath"))) });
}
