// Demo ecosystem generator throughput on PostgreSQL: runs `symbiont seed --demo --scale N` (the
// command users run) against a fresh database and reports rows per second, table by table, plus
// the partner win-rate uplift the metrics module finds in what was written.
//
//   npx tsx bench/demo-generator.ts                  # scale 10 (≈ 40k opportunities), a few minutes
//   BENCH_SCALE=250 npx tsx bench/demo-generator.ts  # ≈ 10k partners, 1M opportunities, 10M touchpoints
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): the database
// `symbiont_demo_bench` is created there (dropped first if it exists) and dropped at the end unless
// BENCH_KEEP=1, in which case the dashboard and attribution benchmarks can read it (workspace
// `acme-cloud`). BENCH_SCALE (10), BENCH_SEED (20240601), BENCH_CONTROL=1.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { formulas } from "../apps/server/src/modules/metrics/index";
import { positive, quoteIdent, redact } from "./support/processes";

const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "symbiont_demo_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const scale = positive(process.env.BENCH_SCALE, 10);
const seed = Math.floor(positive(process.env.BENCH_SEED, 20_240_601));
const control = process.env.BENCH_CONTROL === "1";
const keep = process.env.BENCH_KEEP === "1";
const say = (line = "") => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs the CLI, passing its progress lines through; resolves with the wall time in seconds. */
function seedDemo(): Promise<number> {
  const args = ["apps/server/bin/symbiont.mjs", "seed", "--demo", "--scale", String(scale), "--seed", String(seed)];
  if (control) args.push("--control");
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: benchUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code === 0) done((performance.now() - started) / 1000);
      else fail(new Error(`symbiont seed failed (${code}):\n${output.trim()}`));
    });
  });
}

say(`bench: demo generator at scale ${scale}${control ? " (control)" : ""}, seed ${seed}, on ${redact(benchUrl)}`);
say(`bench: load average before: ${load()}`);
await admin(async (client) => {
  await client.query(`drop database if exists ${quoteIdent(DB_NAME)}`);
  await client.query(`create database ${quoteIdent(DB_NAME)}`);
});
const wallSeconds = await seedDemo();

const db = new pg.Client({ connectionString: benchUrl });
await db.connect();
const summaryRow = await db.query<{ after: Record<string, number> }>(
  "select after from audit_events where action = 'demo.generated' order by occurred_at desc limit 1",
);
const summary = summaryRow.rows[0]?.after;
if (!summary) throw new Error("the seed recorded no demo.generated summary");
const sizes = await db.query<{ name: string; bytes: string }>(
  `select relname as name, pg_total_relation_size(oid)::bigint as bytes from pg_class
    where relname in ('accounts','opportunities','touchpoints','revenue_events','deal_registrations','partners')`,
);
// The uplift over what was written (closed deals, stratified by account size and deal size band).
const closed = await db.query<{ involved: boolean; won: boolean; size: string | null; amount: string | null }>(
  `select exists (select 1 from touchpoints t where t.workspace_id = o.workspace_id and t.opportunity_id = o.id)
          as involved, o.outcome = 'won' as won, a.size, o.amount_reporting_minor as amount
     from opportunities o join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
    where o.outcome <> 'open'`,
);
await db.end();
const uplift = formulas.partnerUplift(
  closed.rows.map((row) => ({
    partner: row.involved,
    stratum: formulas.dealStratum(row.size, row.amount === null ? null : Number(row.amount)),
    value: row.won ? 1 : 0,
  })),
);

const generatorRows = Number(summary.rows);
const result = {
  scale,
  seed,
  control,
  loadAverageAfter: load(),
  wallSeconds: Math.round(wallSeconds * 10) / 10,
  generator: summary,
  rowsPerSecond: Number(summary.rowsPerSecond),
  tableBytes: Object.fromEntries(sizes.rows.map((row) => [row.name, Number(row.bytes)])),
  uplift: {
    partnerWinRate: uplift.partnerMean,
    directWinRate: uplift.directMean,
    difference: uplift.difference,
    interval: uplift.interval,
    matched: uplift.matched,
  },
  database: keep ? DB_NAME : null,
};
say("");
say(
  `generated ${fmt(Number(summary.partners))} partners, ${fmt(Number(summary.accounts))} accounts, ${fmt(Number(summary.opportunities))} opportunities,`,
);
say(
  `  ${fmt(Number(summary.touchpoints))} touchpoints, ${fmt(Number(summary.revenueEvents))} revenue events, ${fmt(Number(summary.registrations))} registrations`,
);
say(
  `generator: ${fmt(generatorRows)} rows in ${summary.seconds} s = ${fmt(result.rowsPerSecond)} rows/s (whole command ${result.wallSeconds} s, with migrations and the other demo seeds)`,
);
if (uplift.interval && uplift.difference !== null)
  say(
    `uplift: partner win rate ${((uplift.partnerMean ?? 0) * 100).toFixed(1)}% vs direct ${((uplift.directMean ?? 0) * 100).toFixed(1)}%, difference ${(uplift.difference * 100).toFixed(1)} points, 95% CI [${(uplift.interval.low * 100).toFixed(1)}, ${(uplift.interval.high * 100).toFixed(1)}]`,
  );
say(`load average after: ${result.loadAverageAfter}`);
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "demo-generator.json"), `${JSON.stringify(result, null, 2)}\n`);
say("wrote bench/results/demo-generator.json");
if (keep) say(`kept database ${DB_NAME} (workspace acme-cloud) for the dashboard and attribution benchmarks`);
else await admin((client) => client.query(`drop database if exists ${quoteIdent(DB_NAME)}`));
