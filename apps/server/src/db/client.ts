import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded/embedded";

/** A drizzle handle on the pool (outside a transaction). */
export type Db = NodePgDatabase & { $client: pg.Pool };
/** A drizzle handle bound to one connection inside a transaction. */
export type Tx = NodePgDatabase & { $client: pg.PoolClient };
/** Query functions accept either, so they compose inside a service's transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  readonly kind: "embedded" | "postgres";
  readonly db: Db;
  readonly pool: pg.Pool;
  /** Present in embedded mode: the PGlite thread. */
  readonly embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Real PostgreSQL. When absent, PGlite runs embedded (in `dataDir`, or in memory). */
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Embedded only: start from a dump instead of an empty directory (tests). */
  loadDataDir?: Uint8Array | undefined;
  poolSize?: number;
  applicationName?: string;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.url
    ? undefined
    : await startEmbeddedPostgres({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const pool = new pg.Pool({
    connectionString: options.url ?? embedded?.connectionString,
    // PGlite has a single backend session: one connection, shared in turn.
    max: embedded ? 1 : (options.poolSize ?? 10),
    idleTimeoutMillis: embedded ? 0 : 30_000,
    connectionTimeoutMillis: 60_000,
    application_name: options.applicationName ?? "symbiont",
  });
  pool.on("error", () => {
    // An idle client died (database restart); the pool replaces it on next use.
  });
  const db = drizzle({ client: pool });
  return {
    kind: embedded ? "embedded" : "postgres",
    db,
    pool,
    embedded,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * Runs `work` in one transaction on one connection. Everything inside must use the `tx` it is
 * given: on the embedded database the pool has a single connection, which the transaction holds.
 */
export async function transaction<T>(database: Pick<Database, "pool">, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    const tx = drizzle({ client });
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
