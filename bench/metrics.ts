// Metrics engine on PostgreSQL: read-model refresh time and the latency of the headline and
// scorecard reads over the demo ecosystem (`symbiont seed --demo --scale N`).
//
//   npx tsx bench/metrics.ts                    # scale 1 (the `npm start` demo), about a minute
//   BENCH_SCALE=10 npx tsx bench/metrics.ts     # ≈ 40k opportunities
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): the database
// `symbiont_metrics_bench` is created there (dropped first) and dropped at the end unless
// BENCH_KEEP=1. BENCH_SCALE (1), BENCH_RUNS (40 reads per query shape).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDatabase } from "../apps/server/src/db";
import { headlineFor } from "../apps/server/src/modules/metrics/metrics.headline";
import { refreshReadModels } from "../apps/server/src/modules/metrics/metrics.refresh";
import { buildScorecard } from "../apps/server/src/modules/metrics/metrics.scorecard";
import { positive, quoteIdent, redact, runCli } from "./support/processes";

const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "symbiont_metrics_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const scale = positive(process.env.BENCH_SCALE, 1);
const runs = Math.floor(positive(process.env.BENCH_RUNS, 40));
const keep = process.env.BENCH_KEEP === "1";
const say = (line = "") => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function timed(label: string, work: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) ?? 0 };
  say(`  ${label.padEnd(34)} p50 ${result.p50.toFixed(1)} ms   p95 ${result.p95.toFixed(1)} ms`);
  return result;
}

say(`bench: metrics at demo scale ${scale} on ${redact(benchUrl)}; load average ${load()}`);
await admin(`drop database if exists ${quoteIdent(DB_NAME)}`);
await admin(`create database ${quoteIdent(DB_NAME)}`);
const seedStarted = performance.now();
await runCli(join(root, "apps/server/bin/symbiont.mjs"), root, ["seed", "--demo", "--scale", String(scale)], {
  ...process.env,
  DATABASE_URL: benchUrl,
  LOG_LEVEL: "warn",
});
say(`  demo seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
const database = await createDatabase({ url: benchUrl, poolSize: 4 });
try {
  const db = database.db;
  const workspace = (await db.execute("select id from workspaces where slug = 'acme-cloud'" as never)).rows[0];
  const workspaceId = String((workspace as { id: string }).id);
  const counts = (
    await database.pool.query(
      `select (select count(*) from opportunities where workspace_id = $1)::int as deals,
        (select count(*) from touchpoints where workspace_id = $1)::int as touchpoints,
        (select count(*) from partners where workspace_id = $1)::int as partners`,
      [workspaceId],
    )
  ).rows[0] as { deals: number; touchpoints: number; partners: number };
  say(`  ${counts.partners} partners, ${counts.deals} opportunities, ${counts.touchpoints} touchpoints`);
  const refreshes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = await refreshReadModels(database, workspaceId);
    refreshes.push(performance.now() - started);
    if (i === 0) say(`  read models: ${result.dealRows} deal rows, ${result.partnerMonthRows} partner-months`);
  }
  refreshes.sort((a, b) => a - b);
  say(`  read-model refresh                 median ${percentile(refreshes, 0.5).toFixed(0)} ms (3 runs)`);
  const partners = (
    await database.pool.query("select id from partners where workspace_id = $1 limit 20", [workspaceId])
  ).rows as { id: string }[];
  const regions = ["EMEA", "NA", "APAC", "LATAM"];
  const year = new Date().getUTCFullYear();
  const results = {
    headline: await timed("headline (last 365 days)", () => headlineFor(db, workspaceId, {})),
    headlineRegion: await timed("headline by region", (i) =>
      headlineFor(db, workspaceId, { region: regions[i % regions.length] }),
    ),
    headlinePartner: await timed("headline by partner", (i) =>
      headlineFor(db, workspaceId, { partnerId: partners[i % partners.length]?.id }),
    ),
    headlineYear: await timed(`headline ${year - 1}`, () =>
      headlineFor(db, workspaceId, { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }),
    ),
    scorecard: await timed("partner scorecard", (i) =>
      buildScorecard(db, workspaceId, partners[i % partners.length]?.id ?? "", {}),
    ),
  };
  const output = {
    bench: "metrics",
    at: new Date().toISOString(),
    scale,
    loadAverage: loadavg(),
    counts,
    refreshMs: refreshes,
    runs,
    results,
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results", "metrics.json"), `${JSON.stringify(output, null, 2)}\n`);
  say(`bench: load average after: ${load()}; results in bench/results/metrics.json`);
} finally {
  await database.close();
  if (!keep) await admin(`drop database if exists ${quoteIdent(DB_NAME)}`);
}
