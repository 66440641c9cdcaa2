import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/app";
import type { Config } from "../src/config/env";
import type { Database } from "../src/db";
import { jobDefinitions } from "../src/jobs";
import type { AppDeps } from "../src/platform/context";
import { JobQueue } from "../src/platform/jobs";
import { createLogger } from "../src/platform/logging";
import { openTestDatabase } from "./db";

export const testConfig: Config = {
  env: "test",
  port: 0,
  host: "127.0.0.1",
  databaseUrl: process.env.TEST_DATABASE_URL,
  dataDir: "",
  sessionSecret: "test-session-secret-that-is-long-enough-0123456789",
  baseUrl: "http://symbiont.test",
  logLevel: "silent",
  poolSize: 4,
  secureCookies: false,
  trustProxy: true,
};

export interface TestHarness {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly database: Database;
}

/**
 * Registers hooks that build one app per test file on the test database, with the job queue
 * started as a producer. Read the fields inside tests (they exist once `beforeAll` ran).
 */
export function useTestApp(): TestHarness {
  let app: FastifyInstance | undefined;
  let deps: AppDeps | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase();
    const logger = createLogger("silent");
    const jobs = new JobQueue(database, logger, jobDefinitions);
    await jobs.start({ worker: false });
    deps = { config: testConfig, database, jobs, logger };
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await deps?.jobs.stop();
    await deps?.database.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTestApp: read the harness inside a test or hook");
    return value;
  };
  return {
    get app() {
      return need(app);
    },
    get deps() {
      return need(deps);
    },
    get database() {
      return need(deps).database;
    },
  };
}
