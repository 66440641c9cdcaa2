import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, runMigrations } from "../src/db";
import { jobDefinitions } from "../src/jobs";
import { JobQueue } from "../src/platform/jobs";
import { createLogger } from "../src/platform/logging";

declare module "vitest" {
  export interface ProvidedContext {
    /** Gzipped PGlite data directory, migrated; empty when TEST_DATABASE_URL is used. */
    migratedDumpPath: string;
  }
}

/** Migrates once per run: a PGlite dump every test file loads, or the PostgreSQL test database. */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL;
  const database = await createDatabase({ url });
  const dir = mkdtempSync(join(tmpdir(), "symbiont-test-"));
  try {
    await runMigrations(database);
    const jobs = new JobQueue(database, createLogger("silent"), jobDefinitions);
    await jobs.start({ worker: false });
    await jobs.stop();
    let dumpPath = "";
    if (database.embedded) {
      dumpPath = join(dir, "migrated.tar.gz");
      writeFileSync(dumpPath, await database.embedded.dump());
    }
    project.provide("migratedDumpPath", dumpPath);
  } finally {
    await database.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
