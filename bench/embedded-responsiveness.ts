// Does a long query on the embedded database stall the HTTP server? Starts Symbiont's app on an
// in-memory PGlite, runs a heavy aggregate through the application's pool, and probes /healthz
// every 20 ms while it runs. Prints the query time and the probe latencies.
// Run: npx tsx bench/embedded-responsiveness.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config/env";
import { createDatabase, runMigrations } from "../apps/server/src/db";
import { jobDefinitions } from "../apps/server/src/jobs";
import { JobQueue } from "../apps/server/src/platform/jobs";
import { createLogger } from "../apps/server/src/platform/logging";

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000_000);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const logger = createLogger("warn");
const database = await createDatabase({});
await runMigrations(database);
const jobs = new JobQueue(database, logger, jobDefinitions);
await jobs.start({ worker: false });
const config = { ...loadConfig({ SESSION_SECRET: "x".repeat(32), SYMBIONT_DATA_DIR: "/tmp/unused-bench" }), port: 0 };
const app = await buildApp({ config, database, jobs, logger });
const address = await app.listen({ port: 0, host: "127.0.0.1" });

async function probe(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${address}/healthz`);
  await response.text();
  return performance.now() - started;
}

const idle: number[] = [];
for (let i = 0; i < 50; i++) idle.push(await probe());

const started = performance.now();
let running = true;
const heavy = database.pool
  .query(`select count(*)::bigint as n, sum(g % 97)::bigint as s from generate_series(1, ${ROWS}) g`)
  .finally(() => {
    running = false;
  });
const during: number[] = [];
while (running) {
  during.push(await probe());
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await heavy;
const queryMs = performance.now() - started;

idle.sort((a, b) => a - b);
during.sort((a, b) => a - b);
const result = {
  rows: ROWS,
  heavyQueryMs: Math.round(queryMs),
  idle: { probes: idle.length, p50Ms: percentile(idle, 0.5), p99Ms: percentile(idle, 0.99) },
  duringHeavyQuery: {
    probes: during.length,
    p50Ms: percentile(during, 0.5),
    p99Ms: percentile(during, 0.99),
    maxMs: during[during.length - 1] ?? 0,
  },
};
const fmt = (n: number) => n.toFixed(2);
console.log(`heavy query: ${ROWS.toLocaleString()} rows in ${result.heavyQueryMs} ms on embedded PGlite`);
console.log(
  `/healthz idle:          p50 ${fmt(result.idle.p50Ms)} ms  p99 ${fmt(result.idle.p99Ms)} ms  (${idle.length} probes)`,
);
console.log(
  `/healthz during query:  p50 ${fmt(result.duringHeavyQuery.p50Ms)} ms  p99 ${fmt(result.duringHeavyQuery.p99Ms)} ms  max ${fmt(result.duringHeavyQuery.maxMs)} ms  (${during.length} probes)`,
);
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}embedded-responsiveness.json`, `${JSON.stringify(result, null, 2)}\n`);

await app.close();
await jobs.stop();
await database.close();
