// `npm test`: unit, service and HTTP tests (vitest), then the browser tests when Chromium exists.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;

const where = process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite";
console.log(`\n▶ Unit, service and HTTP tests on ${where}\n`);
const unit = run(process.execPath, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--config",
  "apps/server/vitest.config.ts",
]);

console.log("\n▶ Browser tests (e2e)\n");
const e2e = run(process.execPath, ["scripts/e2e.mjs"]);

const failed = [unit !== 0 && "unit/service/HTTP", e2e !== 0 && "e2e"].filter(Boolean);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nAll test suites passed.");
