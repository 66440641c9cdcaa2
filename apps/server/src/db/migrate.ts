import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

// Any constant works; it only has to be the same on every node.
const MIGRATION_LOCK = 727_001;

/** Applies pending migrations. Safe to run from several nodes at once: they take turns. */
export async function runMigrations(database: Pick<Database, "pool">): Promise<{ applied: number }> {
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const before = await appliedCount(client);
    await migrate(drizzle({ client }), { migrationsFolder });
    const after = await appliedCount(client);
    return { applied: after - before };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function appliedCount(client: { query: (sql: string) => Promise<{ rows: { n: number }[] }> }) {
  const exists = await client.query("select to_regclass('drizzle.__drizzle_migrations') is not null as n");
  if (!exists.rows[0]?.n) return 0;
  const result = await client.query("select count(*)::int as n from drizzle.__drizzle_migrations");
  return result.rows[0]?.n ?? 0;
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  current: boolean;
}

/** Compares the committed migration history with what the database has applied. */
let expectedCount: number | undefined;

export async function migrationStatus(database: Pick<Database, "pool">): Promise<MigrationStatus> {
  expectedCount ??= readMigrationFiles({ migrationsFolder }).length;
  const expected = expectedCount;
  const client = await database.pool.connect();
  try {
    const applied = await appliedCount(client);
    return { expected, applied, current: applied >= expected };
  } finally {
    client.release();
  }
}
