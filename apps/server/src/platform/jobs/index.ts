import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Database, DbOrTx } from "../../db";

export interface JobContext {
  database: Database;
  logger: Logger;
  jobs: JobQueue;
}

export interface JobDefinition<Payload> {
  /** Queue name, `module.verb-noun`. */
  name: string;
  payload: z.ZodType<Payload>;
  handler(payload: Payload, context: JobContext): Promise<void>;
  /** Cron expression (UTC) for recurring jobs; pg-boss keeps one run per slot across all nodes. */
  cron?: string;
  retryLimit?: number;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

// Definitions of different payload types live in one list (the handler is a method, so each
// definition fits `unknown` and is used with its own type where it is enqueued).
type AnyJob = JobDefinition<unknown>;

const SCHEMA = "pgboss";

function adapter(client: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }) {
  return { executeSql: (text: string, values: unknown[]) => client.query(text, values) as Promise<{ rows: never[] }> };
}

/**
 * pg-boss in the application database, reached through our own pool (so it works the same on
 * PGlite and PostgreSQL). Producers always run; consumers only where the worker role runs.
 */
export class JobQueue {
  private boss: PgBoss | undefined;
  private readonly byName = new Map<string, AnyJob>();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    definitions: readonly AnyJob[],
  ) {
    for (const definition of definitions) this.byName.set(definition.name, definition);
  }

  get definitions(): AnyJob[] {
    return [...this.byName.values()];
  }

  /** Installs or upgrades the queue schema (also run by `symbiont migrate`). */
  async start(options: { worker: boolean }): Promise<void> {
    const boss = new PgBoss({
      db: adapter(this.database.pool),
      schema: SCHEMA,
      supervise: options.worker,
      schedule: options.worker,
      migrate: true,
    });
    boss.on("error", (error) => this.logger.error({ err: error }, "job queue error"));
    await boss.start();
    for (const definition of this.byName.values()) {
      await boss.createQueue(definition.name, { name: definition.name, retryLimit: definition.retryLimit ?? 3 });
    }
    this.boss = boss;
    if (!options.worker) return;
    for (const definition of this.byName.values()) {
      await boss.work(definition.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (batch) => {
        for (const job of batch) await this.runNow(definition, job.data);
      });
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
    }
  }

  /**
   * Enqueues inside the caller's transaction: the job exists only if the business change commits.
   */
  async enqueue<Payload>(
    tx: DbOrTx,
    job: JobDefinition<Payload>,
    payload: Payload,
    options: { startAfter?: Date; singletonKey?: string } = {},
  ): Promise<string | null> {
    const boss = this.requireStarted();
    const data = job.payload.parse(payload) as object;
    return boss.send(job.name, data, { ...options, db: adapter(tx.$client) });
  }

  /** Runs a job's handler in this process, validating the payload as the worker would. */
  async runNow<Payload>(job: JobDefinition<Payload>, payload: unknown): Promise<void> {
    const data = job.payload.parse(payload ?? {});
    const started = Date.now();
    await job.handler(data, { database: this.database, logger: this.logger.child({ job: job.name }), jobs: this });
    this.logger.debug({ job: job.name, ms: Date.now() - started }, "job done");
  }

  /** Counts jobs by state, for tests and operations. */
  async count(name: string, state: "created" | "completed" | "failed" | "active" = "created"): Promise<number> {
    const result = await this.database.pool.query<{ n: number }>(
      `select count(*)::int as n from ${SCHEMA}.job where name = $1 and state = $2`,
      [name, state],
    );
    return result.rows[0]?.n ?? 0;
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private requireStarted(): PgBoss {
    if (!this.boss) throw new Error("The job queue has not been started");
    return this.boss;
  }
}
