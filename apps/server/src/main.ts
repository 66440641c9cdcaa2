import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config/env";
import { createDatabase, runMigrations } from "./db";
import { migrationStatus } from "./db/migrate";
import { jobDefinitions } from "./jobs";
import { demoLogins } from "./modules/identity";
import { workspaces } from "./modules/workspaces";
import type { AppDeps } from "./platform/context";
import { JobQueue } from "./platform/jobs";
import { createLogger } from "./platform/logging";
import { DEMO_PASSWORD, seedDemo } from "./seed";

export type Role = "api" | "worker";

export interface StartOptions {
  roles: readonly Role[];
  /** Seed the demo workspace when the embedded database is empty. */
  demo: boolean;
  print(line: string): void;
}

export interface Running {
  deps: AppDeps;
  app: FastifyInstance | undefined;
  stop(): Promise<void>;
}

/** Opens the database and starts the requested roles. Used by `symbiont serve`. */
export async function start(config: Config, options: StartOptions): Promise<Running> {
  const started = Date.now();
  const logger = createLogger(config.logLevel);
  const database = await createDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: config.poolSize,
  });
  const jobs = new JobQueue(database, logger, jobDefinitions);
  const deps: AppDeps = { config, database, jobs, logger };
  let app: FastifyInstance | undefined;
  try {
    if (database.kind === "embedded") {
      const { applied } = await runMigrations(database);
      if (applied > 0) options.print(`Applied ${applied} migration${applied === 1 ? "" : "s"}`);
    } else {
      const status = await migrationStatus(database);
      if (!status.current) {
        throw new Error(
          `The database has ${status.applied} of ${status.expected} migrations: run \`symbiont migrate\` first`,
        );
      }
    }
    await jobs.start({ worker: options.roles.includes("worker") });
    if (options.demo && database.kind === "embedded") {
      const [any] = await database.db.select({ id: workspaces.id }).from(workspaces).limit(1);
      if (!any) {
        const result = await seedDemo(database, (message) => options.print(`  seeded ${message}`));
        if (result.created) options.print("Demo workspace Acme Cloud created");
      }
    }
    if (options.roles.includes("api")) {
      app = await buildApp(deps, { serveWeb: true });
      await app.listen({ port: config.port, host: config.host });
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Finish in-flight requests, then stop taking jobs, then close the database.
      await app?.close();
      await jobs.stop();
      await database.close();
    })();
    return stopping;
  };

  logger.info({ roles: options.roles, database: database.kind, ms: Date.now() - started }, "symbiont started");
  if (app) {
    options.print("");
    options.print(
      `Symbiont is running at ${config.baseUrl}  (${database.kind === "embedded" ? `embedded database in ${config.dataDir}` : "PostgreSQL"}, started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (options.demo && database.kind === "embedded") {
      options.print("");
      options.print(`Demo logins (password: ${DEMO_PASSWORD})`);
      for (const login of demoLogins) options.print(`  ${login.email.padEnd(30)}${login.label}`);
    }
    options.print("");
    options.print(`API reference: ${config.baseUrl}/docs`);
  }
  return { deps, app, stop };
}
