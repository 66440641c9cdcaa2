// Attribution recompute at scale on PostgreSQL: loads closed opportunities with partner touches,
// runs the recompute job in the same process as the HTTP server (as a worker node would), probes
// /healthz while it runs, samples its progress, then re-reads the snapshot twice and checks that
// both reads are identical and that the credits add up to the snapshot's totals.
//
//   npx tsx bench/attribution-recompute.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_attribution_bench` is created there (dropped at the end unless BENCH_KEEP=1).
// BENCH_OPPORTUNITIES (default 100,000), BENCH_TOUCHES_PER_DEAL (10; the spec's full scale is
// 1,000,000 opportunities and 10,000,000 touches), BENCH_PARTNERS (200),
// BENCH_MODELS (comma-separated, default linear,markov).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config/env";
import { createDatabase, runMigrations } from "../apps/server/src/db";
import { jobDefinitions } from "../apps/server/src/jobs";
import {
  insertSnapshotBatch,
  recomputeAttributionJob,
} from "../apps/server/src/modules/attribution/attribution.snapshots";
import { JobQueue } from "../apps/server/src/platform/jobs";
import { createLogger } from "../apps/server/src/platform/logging";
import { positive, quoteIdent } from "./support/processes";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const opportunities = positive(process.env.BENCH_OPPORTUNITIES, 100_000);
const touchesPerDeal = positive(process.env.BENCH_TOUCHES_PER_DEAL, 10);
const partnerCount = positive(process.env.BENCH_PARTNERS, 200);
const models = (process.env.BENCH_MODELS ?? "linear,markov").split(",").map((m) => m.trim()) as ("linear" | "markov")[];
const DB_NAME = "symbiont_attribution_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const say = (line = "") => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`drop database if exists ${quoteIdent(DB_NAME)}`);
await admin(`create database ${quoteIdent(DB_NAME)}`);
const logger = createLogger("warn");
const database = await createDatabase({ url: benchUrl, poolSize: 8 });
await runMigrations(database);

say(
  `attribution recompute bench: ${opportunities.toLocaleString("en")} opportunities × ${touchesPerDeal} touches, ${partnerCount} partners, models ${models.join(", ")}`,
);
const loadAtStart = load();
say(`load average at start: ${loadAtStart}`);

// ── data ────────────────────────────────────────────────────────────────────
// A bulk load as a restore would do it: secondary indexes (and the touchpoints primary key, which
// nothing references) are dropped first and rebuilt after, and the generated rows, consistent by
// construction, skip per-row foreign-key triggers (session_replication_role = replica).
const loadStarted = performance.now();
const loader = await database.pool.connect();
await loader.query("set maintenance_work_mem = '1GB'");
await loader.query("set synchronous_commit = off");
const { rows: ws } = await loader.query<{ id: string }>(
  "insert into workspaces (name, slug) values ('Bench', 'bench') returning id",
);
const workspaceId = ws[0]!.id;
const { rows: dropped } = await loader.query<{ drop: string; create: string }>(
  `select format('drop index %s', i.indexrelid::regclass) as drop, pg_get_indexdef(i.indexrelid) as create
   from pg_index i
   where i.indrelid in ('opportunities'::regclass, 'touchpoints'::regclass)
     and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
   union all
   select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname),
          format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
   from pg_constraint c
   where c.conrelid = 'touchpoints'::regclass and c.contype = 'p'
     and not exists (select 1 from pg_constraint f where f.confrelid = c.conrelid)`,
);
for (const d of dropped) await loader.query(d.drop);
await loader.query("set session_replication_role = replica");
await loader.query("select setseed(0.42)");
await loader.query(
  `insert into partners (workspace_id, name) select $1, 'Partner ' || g from generate_series(1, $2) g`,
  [workspaceId, partnerCount],
);
await loader.query(
  `insert into opportunities (workspace_id, name, outcome, stage, amount_minor, currency, amount_reporting_minor, fx_rate,
                              opened_at, closed_at)
   select $1, 'Deal ' || g, outcome, outcome, amount, 'USD', amount, 1, opened, opened + interval '60 days'
   from (select g, case when random() < 0.4 then 'won' else 'lost' end as outcome,
                timestamptz '2025-01-01' + random() * interval '300 days' as opened,
                (1000 + floor(random() * 100000))::bigint * 100 as amount
         from generate_series(1, $2) g) x`,
  [workspaceId, opportunities],
);
const partnerIds = (
  await loader.query<{ id: string }>("select id from partners where workspace_id = $1 order by name", [workspaceId])
).rows.map((r) => r.id);
await loader.query(
  `insert into touchpoints (workspace_id, partner_id, opportunity_id, type, occurred_at, origin)
   select o.workspace_id, ($3::uuid[])[1 + floor(power(random(), 2) * array_length($3::uuid[], 1))::int],
          o.id, (array['referral','demo','co_sell_meeting','technical_validation','training'])[1 + floor(random() * 5)::int],
          o.opened_at - interval '20 days' + random() * interval '79 days', 'import'
   from opportunities o cross join generate_series(1, $2) k
   where o.workspace_id = $1`,
  [workspaceId, touchesPerDeal, partnerIds],
);
await loader.query("set session_replication_role = origin");
const rowsMs = performance.now() - loadStarted;
for (const d of dropped) await loader.query(d.create);
await loader.query("vacuum analyze opportunities");
await loader.query("vacuum analyze touchpoints");
await loader.query("analyze");
loader.release();
const loadMs = performance.now() - loadStarted;
say(
  `loaded in ${(loadMs / 1000).toFixed(1)} s (rows ${(rowsMs / 1000).toFixed(1)} s, ${dropped.length} indexes rebuilt; load average ${load()})`,
);

// ── app + worker in one process ───────────────────────────────────────────
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

const snapshots = await insertSnapshotBatch(
  database.db,
  workspaceId,
  { models, cutoffAt: "2026-01-01T00:00:00Z" },
  "bench",
);
const batchId = snapshots[0]!.batchId;
// The main thread's event-loop delay (what blocks requests), apart from CPU contention on the machine.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const started = performance.now();
let running = true;
const job = jobs.runNow(recomputeAttributionJob, { workspaceId, batchId }).finally(() => {
  running = false;
});
const during: number[] = [];
const progress: { s: number; phase: string | null; processed: number; total: number | null }[] = [];
// When each phase was first seen (progress is polled every probe, about every 50 ms).
const phaseStarts: Record<string, number> = {};
let lastSample = 0;
while (running) {
  during.push(await probe());
  const { rows } = await database.pool.query<{ phase: string | null; processed: number; total: number | null }>(
    "select phase, processed_opportunities as processed, total_opportunities as total from attribution_snapshots where workspace_id = $1 and batch_id = $2 limit 1",
    [workspaceId, batchId],
  );
  const row = rows[0];
  if (row?.phase && phaseStarts[row.phase] === undefined) phaseStarts[row.phase] = performance.now() - started;
  if (performance.now() - lastSample > 5000) {
    lastSample = performance.now();
    if (row) {
      progress.push({ s: Math.round((performance.now() - started) / 100) / 10, ...row });
      say(
        `  ${progress.at(-1)!.s}s ${row.phase ?? "…"} ${row.processed.toLocaleString("en")}/${(row.total ?? 0).toLocaleString("en")}`,
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await job;
const recomputeMs = performance.now() - started;
loopDelay.disable();
const loadDuring = load();
const phaseSeconds: Record<string, number> = {};
const order = ["reading", "computing", "writing"].filter((p) => phaseStarts[p] !== undefined);
for (const [i, phase] of order.entries()) {
  const end = i + 1 < order.length ? phaseStarts[order[i + 1]!]! : recomputeMs;
  phaseSeconds[phase] = Math.round((end - phaseStarts[phase]!) / 100) / 10;
}

// ── re-read twice ──────────────────────────────────────────────────────────
const digest = async () =>
  (
    await database.pool.query(
      `select s.model, count(c.*)::int as credits, sum(c.share)::float8 as shares, sum(c.revenue_minor)::float8 as revenue,
              bit_xor(hashtextextended(c.opportunity_id::text || ':' || c.position || ':' || c.share::text, 0))::text as hash,
              s.total_revenue_minor as snapshot_revenue
       from attribution_snapshots s join attribution_credits c on c.workspace_id = s.workspace_id and c.snapshot_id = s.id
       where s.workspace_id = $1 and s.batch_id = $2 group by s.model, s.total_revenue_minor order by s.model`,
      [workspaceId, batchId],
    )
  ).rows;
const first = await digest();
const second = await digest();
const identical = JSON.stringify(first) === JSON.stringify(second);
const consistent = first.every(
  (r) => Math.abs(r.revenue - r.snapshot_revenue) <= 1e-6 * Math.max(1, r.snapshot_revenue),
);
const { rows: status } = await database.pool.query(
  "select model, status, counts, issues from attribution_snapshots where workspace_id = $1 and batch_id = $2",
  [workspaceId, batchId],
);

idle.sort((a, b) => a - b);
during.sort((a, b) => a - b);
const result = {
  opportunities,
  touches: opportunities * touchesPerDeal,
  partners: partnerCount,
  models,
  loadSeconds: Math.round(loadMs / 100) / 10,
  recomputeSeconds: Math.round(recomputeMs / 100) / 10,
  /** From the first poll showing each phase to the next; "writing" includes totals and completion. */
  phaseSeconds,
  creditRowsPerSecond: phaseSeconds.writing
    ? Math.round(first.reduce((n, r) => n + r.credits, 0) / phaseSeconds.writing)
    : null,
  touchesReadPerSecond: phaseSeconds.reading
    ? Math.round((opportunities * touchesPerDeal) / phaseSeconds.reading)
    : null,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  statuses: status.map((s) => ({ model: s.model, status: s.status, counts: s.counts })),
  healthz: {
    idle: { probes: idle.length, p50Ms: percentile(idle, 0.5), p99Ms: percentile(idle, 0.99) },
    duringRecompute: {
      probes: during.length,
      p50Ms: percentile(during, 0.5),
      p99Ms: percentile(during, 0.99),
      maxMs: during.at(-1) ?? 0,
    },
  },
  eventLoopDelayMs: {
    p50: Math.round(loopDelay.percentile(50) / 1e5) / 10,
    p99: Math.round(loopDelay.percentile(99) / 1e5) / 10,
    max: Math.round(loopDelay.max / 1e5) / 10,
  },
  progressSamples: progress,
  reread: { identical, creditsMatchTotals: consistent, digest: first },
  loadAverage: { start: loadAtStart, recomputeEnd: loadDuring },
};
say(JSON.stringify({ ...result, progressSamples: progress.length }, null, 2));
const dir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}attribution-recompute.json`, `${JSON.stringify(result, null, 2)}\n`);

await app.close();
await jobs.stop();
await database.close();
if (process.env.BENCH_KEEP !== "1") await admin(`drop database if exists ${quoteIdent(DB_NAME)}`);
if (!identical || !consistent || status.some((s) => s.status !== "completed")) process.exit(1);
