import { defineConfig } from "vitest/config";

// Unit, service and HTTP tests. Service and HTTP tests use the embedded database loaded from a
// dump migrated once per run (test/global-setup.ts), or real PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Fails tests that run queries concurrently on one connection (a transaction's).
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
