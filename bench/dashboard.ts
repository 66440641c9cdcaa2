// Executive dashboard at scale, on PostgreSQL: p50/p95 of the service calls behind the dashboard's
// API (dashboard, headline metrics, drill-down pages, partner scorecard, one table export) over the
// metrics read models, the read-model refresh time, and the demo generator's throughput.
//
//   npx tsx bench/dashboard.ts                          # scale 1: the `npm start` demo
//   BENCH_SCALE=250 BENCH_REQUESTS=10 npx tsx bench/dashboard.ts   # ≈ 1M opportunities, 10M touchpoints
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_dashboard_bench` is created there and dropped at the end unless BENCH_KEEP=1.
// BENCH_DATABASE names another database. BENCH_REUSE=1 measures a database kept by an earlier run
// instead of seeding again. BENCH_SCALE (1),
// BENCH_REQUESTS (30 timed calls per API call after one warm-up), BENCH_COLD_REQUESTS (as many, for the
// calls computed on the request), BENCH_REFRESHES (3; 1 above scale 10; 0 with BENCH_REUSE keeps the models).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase } from "../apps/server/src/db";
import {
  drilldownPage,
  headlineFor,
  partnerScorecardView,
  refreshReadModels,
  storedHeadline,
  warmViews,
} from "../apps/server/src/modules/metrics";
import { computeDashboard, evidenceOf, scopeOf, storedDashboard } from "../apps/server/src/modules/reports";
import { positive, quoteIdent, redact } from "./support/processes";

const root = fileURLToPath(new URL("..", import.meta.url));
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const scale = positive(process.env.BENCH_SCALE, 1);
const requests = Math.floor(positive(process.env.BENCH_REQUESTS, 30));
// 0 is allowed with BENCH_REUSE: measure the kept read models as they are.
const refreshes =
  process.env.BENCH_REFRESHES === "0" ? 0 : Math.floor(positive(process.env.BENCH_REFRESHES, scale > 10 ? 1 : 3));
// Computing a dashboard at a million deals takes seconds; fewer timed calls keep the run short.
const coldRequests = Math.floor(positive(process.env.BENCH_COLD_REQUESTS, requests));
const reuse = process.env.BENCH_REUSE === "1";
const keep = reuse || process.env.BENCH_KEEP === "1";
const DB_NAME = process.env.BENCH_DATABASE ?? "symbiont_dashboard_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");
const say = (line = "") => process.stdout.write(`${line}\n`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `symbiont seed --demo --scale N` (or another command) with its progress on stderr; resolves with the output. */
function seedDemo(command = ["seed", "--demo", "--scale", String(scale)]): Promise<string> {
  const args = ["apps/server/bin/symbiont.mjs", ...command];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: benchUrl, LOG_LEVEL: "warn", SESSION_SECRET: "d".repeat(32) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done(output) : fail(new Error(`seed failed (${code})`))));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

async function measure(name: string, call: () => Promise<unknown>, runs = requests) {
  await call(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const row = {
    p50: Math.round(percentile(times, 0.5) * 10) / 10,
    p95: Math.round(percentile(times, 0.95) * 10) / 10,
  };
  say(`${name.padEnd(48)} p50 ${String(row.p50).padStart(8)} ms   p95 ${String(row.p95).padStart(8)} ms`);
  return row;
}

const results: Record<string, unknown> = { database: "PostgreSQL", scale, requests, loadBefore: load() };
say(`bench: executive dashboard at scale ${scale} on ${redact(benchUrl)}; load average ${load()}`);
try {
  if (!reuse) {
    await admin(`drop database if exists ${quoteIdent(DB_NAME)} with (force)`);
    await admin(`create database ${quoteIdent(DB_NAME)}`);
    const started = performance.now();
    const output = await seedDemo();
    results.seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    const attribution = /attribution: (\d+) snapshots in (\d+) ms/.exec(output);
    if (attribution) results.attributionSeedSeconds = Math.round(Number(attribution[2]) / 100) / 10;
    // Large scales compute the linear snapshot and the read models after the seed transaction.
    const deferred = /attribution: linear snapshot in ([\d.]+) s/.exec(output);
    if (deferred) results.attributionSeedSeconds = Number(deferred[1]);
    const models = /metric read models: .* in (\d+) ms/.exec(output);
    if (models) results.readModelsSeedSeconds = Math.round(Number(models[1]) / 100) / 10;
    results.loadAfterSeed = load();
  } else {
    await seedDemo(["migrate"]); // a kept database may predate the newest migrations
  }
  const database = await createDatabase({ url: benchUrl, poolSize: 10 });
  try {
    const { db } = database;
    const found = await db.execute(sql`
      select w.id, (select after from audit_events a where a.workspace_id = w.id and a.action = 'demo.generated'
          order by a.occurred_at desc limit 1) as generated,
        (select count(*)::int from opportunities o where o.workspace_id = w.id) as opportunities,
        (select count(*)::int from touchpoints t where t.workspace_id = w.id) as touchpoints,
        (select count(*)::int from partners p where p.workspace_id = w.id) as partners
      from workspaces w order by 3 desc limit 1`);
    const demo = found.rows[0];
    if (!demo) throw new Error("no demo workspace");
    const workspaceId = String(demo.id);
    const generated = (demo.generated ?? {}) as { rows?: number; seconds?: number; rowsPerSecond?: number };
    Object.assign(results, {
      partners: demo.partners,
      opportunities: demo.opportunities,
      touchpoints: demo.touchpoints,
      generator: { rows: generated.rows, seconds: generated.seconds, rowsPerSecond: generated.rowsPerSecond },
    });
    say(
      `scale ${scale}: ${demo.partners} partners, ${demo.opportunities} opportunities, ${demo.touchpoints} touchpoints`,
    );
    say(
      `generator: ${generated.rows} rows in ${generated.seconds} s = ${generated.rowsPerSecond} rows/s` +
        (results.seedSeconds
          ? `; whole seed ${results.seedSeconds} s (attribution ${results.attributionSeedSeconds ?? "?"} s)`
          : ""),
    );

    const refreshTimes: number[] = [];
    let refresh: Awaited<ReturnType<typeof refreshReadModels>> | undefined;
    for (let i = 0; i < refreshes; i++) {
      const started = performance.now();
      refresh = await refreshReadModels(database, workspaceId);
      refreshTimes.push(Math.round(performance.now() - started));
    }
    results.readModelRefresh = { runsMs: refreshTimes, last: refresh };
    if (refresh)
      say(
        `read-model refresh: ${refreshTimes.join(", ")} ms (${refresh.dealRows} deals, ${refresh.partnerMonthRows} partner-months, ${refresh.partnerHealthRows} partners; ${refresh.attributionModel})`,
      );

    const scope = scopeOf(workspaceId, {});
    const dashboard = await storedDashboard(db, workspaceId, {});
    const region = dashboard.availableRegions[0];
    const top = dashboard.topPartners[0]?.partnerId;
    const period = { from: scope.period.from, to: scope.period.to };
    const timings: Record<string, unknown> = {};
    // As served: the views the refresh job computes ahead, then read from the store.
    const warmed = await warmViews(db, workspaceId);
    results.warmViews = warmed;
    say(`views computed ahead after the refresh: ${warmed.views} in ${warmed.durationMs} ms`);
    timings.servedDashboard = await measure("served: GET /dashboard (12 months)", () =>
      storedDashboard(db, workspaceId, {}),
    );
    timings.servedDashboardRegion = await measure(`served: GET /dashboard?region=${region}`, () =>
      storedDashboard(db, workspaceId, { region }),
    );
    timings.servedDashboardRole = await measure("served: GET /dashboard?role=reseller", () =>
      storedDashboard(db, workspaceId, { role: "reseller" }),
    );
    timings.servedHeadline = await measure("served: GET /metrics/headline", () => storedHeadline(db, workspaceId, {}));
    // Computed on the request (a combination nobody asked for since the refresh): the read models' cost.
    timings.dashboard = await measure(
      "computed: GET /dashboard (12 months)",
      () => computeDashboard(db, scope),
      coldRequests,
    );
    timings.dashboardRegion = await measure(
      `computed: GET /dashboard?region=${region}`,
      () => computeDashboard(db, scopeOf(workspaceId, { region })),
      coldRequests,
    );
    timings.dashboardRole = await measure(
      "computed: GET /dashboard?role=reseller",
      () => computeDashboard(db, scopeOf(workspaceId, { role: "reseller" })),
      coldRequests,
    );
    // A period nobody stored: whole months from the deal months, partial months at both edges.
    const shift = (day: string, days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const custom = { from: shift(period.from, -40), to: shift(period.to, -47) };
    timings.dashboardCustomPeriod = await measure(
      `computed: GET /dashboard?from=${custom.from}&to=${custom.to}`,
      () => computeDashboard(db, scopeOf(workspaceId, custom)),
      coldRequests,
    );
    timings.dashboardCustomPeriodRegion = await measure(
      `computed: GET /dashboard?from=…&to=…&region=${region}`,
      () => computeDashboard(db, scopeOf(workspaceId, { ...custom, region })),
      coldRequests,
    );
    timings.headline = await measure(
      "computed: GET /metrics/headline",
      () => headlineFor(db, workspaceId, {}),
      coldRequests,
    );
    timings.drilldown = await measure("GET /metrics/drilldown?metric=influenced_revenue", () =>
      drilldownPage(db, workspaceId, { ...period, metric: "influenced_revenue", limit: 25, offset: 0 }),
    );
    timings.drilldownCosts = await measure("GET /metrics/drilldown?metric=ropi", () =>
      drilldownPage(db, workspaceId, { ...period, metric: "ropi", limit: 25, offset: 0 }),
    );
    if (top) {
      timings.drilldownPartner = await measure("GET /metrics/drilldown?metric=won_deals&partnerId", () =>
        drilldownPage(db, workspaceId, { ...period, metric: "won_deals", partnerId: top, limit: 25, offset: 0 }),
      );
      timings.scorecard = await measure(
        "GET /partners/:id/scorecard",
        () => partnerScorecardView(db, workspaceId, top, {}),
        coldRequests,
      );
    }
    timings.evidence = await measure("GET /dashboard/export?table=evidence (200)", () => evidenceOf(db, scope, 200));
    results.timings = timings;
  } finally {
    await database.close();
  }
} finally {
  results.loadAfter = load();
  if (!keep) await admin(`drop database if exists ${quoteIdent(DB_NAME)} with (force)`);
}
say(`load average ${results.loadBefore} → ${results.loadAfter}`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/dashboard-scale-${scale}.json`, import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
