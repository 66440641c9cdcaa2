// Executive dashboard at scale, on PostgreSQL: p50/p95 of the dashboard's API calls (headline
// dashboard, drill-down page, partner scorecard, one table export) computed from the demo
// ecosystem, plus how long the generator took to load it.
//
//   npx tsx bench/dashboard.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_dashboard_bench` is created there (kept with BENCH_KEEP=1).
// BENCH_SCALE (default 1: the `npm start` demo; 250 ≈ 10k partners), BENCH_REQUESTS (default 30).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase } from "../apps/server/src/db";
import { computeDashboard, computeScorecard, findFigureRecords, scopeOf } from "../apps/server/src/modules/reports";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const scale = Number(process.env.BENCH_SCALE ?? 1);
const requests = Number(process.env.BENCH_REQUESTS ?? 30);
const DB_NAME = "symbiont_dashboard_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const cli = fileURLToPath(new URL("../apps/server/bin/symbiont.mjs", import.meta.url));

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DB_NAME} with (force)`);
await admin.query(`create database ${DB_NAME}`);

function symbiont(...args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, DATABASE_URL: benchUrl, SESSION_SECRET: "d".repeat(32) },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`symbiont ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function measure(name: string, call: () => Promise<unknown>) {
  await call(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const row = { p50: Math.round(percentile(times, 0.5)), p95: Math.round(percentile(times, 0.95)) };
  console.log(`${name.padEnd(34)} p50 ${String(row.p50).padStart(6)} ms   p95 ${String(row.p95).padStart(6)} ms`);
  return row;
}

const results: Record<string, unknown> = { database: "PostgreSQL", scale, requests, loadBefore: loadavg()[0] };
try {
  results.migrateMs = Math.round(symbiont("migrate"));
  results.seedMs = Math.round(symbiont("seed", "--demo", "--scale", String(scale)));
  const database = await createDatabase({ url: benchUrl, poolSize: 10 });
  try {
    const { db } = database;
    const counts = await db.execute<{
      workspace_id: string;
      opportunities: number;
      touchpoints: number;
      partners: number;
    }>(
      sql`select o.workspace_id, count(*)::int as opportunities,
        (select count(*)::int from touchpoints t where t.workspace_id = o.workspace_id) as touchpoints,
        (select count(*)::int from partners p where p.workspace_id = o.workspace_id) as partners
        from opportunities o group by o.workspace_id order by 2 desc limit 1`,
    );
    const demo = counts.rows[0];
    if (!demo) throw new Error("the demo has no opportunities");
    Object.assign(results, {
      opportunities: demo.opportunities,
      touchpoints: demo.touchpoints,
      partners: demo.partners,
    });
    console.log(
      `scale ${scale}: ${demo.partners} partners, ${demo.opportunities} opportunities, ${demo.touchpoints} touchpoints; seeded in ${results.seedMs} ms`,
    );
    const scope = scopeOf(demo.workspace_id, {});
    const dashboard = await computeDashboard(db, scope);
    const region = dashboard.availableRegions[0];
    const top = dashboard.topPartners[0]?.partnerId;
    results.timings = {
      dashboard: await measure("GET /dashboard (12 months)", () => computeDashboard(db, scope)),
      dashboardRegion: await measure("GET /dashboard?region=…", () =>
        computeDashboard(db, scopeOf(demo.workspace_id, { region })),
      ),
      records: await measure("GET /dashboard/records (influenced)", () =>
        findFigureRecords(db, scope, "influenced", { limit: 50, offset: 0 }),
      ),
      ...(top
        ? {
            scorecard: await measure("GET /partners/:id/scorecard", () =>
              computeScorecard(db, demo.workspace_id, top, {}, { benchmark: true }),
            ),
          }
        : {}),
    };
    results.readModelRefreshMs = null;
    results.note = "No read models yet: every figure is computed from the base tables per request.";
  } finally {
    await database.close();
  }
} finally {
  results.loadAfter = loadavg()[0];
  if (process.env.BENCH_KEEP !== "1") await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
}
console.log(`load average ${Number(results.loadBefore).toFixed(1)} → ${Number(results.loadAfter).toFixed(1)}`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/dashboard-scale-${scale}.json`, import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
