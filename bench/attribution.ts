// How fast is the attribution engine on a million journeys? Replicates ChannelAttribution's Data.csv
// to 1,000,000 paths, times every model single-threaded (wall time, peak RSS, heap), compares with
// the package's published-on-this-machine-class timings, and times linear and time decay written as
// PostgreSQL window-function queries over the same touches.
// Run: npx tsx bench/attribution.ts        (settings: see bench/README.md)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import pg from "pg";
import {
  type AttributionModelName,
  type AttributionResult,
  DAY_MS,
  type JourneySet,
  journeyTotals,
  parseChannelAttribution,
  runAttribution,
} from "../apps/server/src/modules/attribution/engine";

const PATHS = Number(process.env.BENCH_PATHS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/symbiont_bench";
const SKIP_SQL = process.env.BENCH_SKIP_SQL === "1";
/** ChannelAttribution (C++) on 1M paths on the reference machine class, in seconds. */
const ANCHOR = { heuristics: 1.35, markov: 2.29 };

const here = fileURLToPath(new URL(".", import.meta.url));
const fixture = join(here, "..", "..", "shared", "fixtures", "channelattribution", "Data.csv");
if (!existsSync(fixture)) {
  console.log(
    `Skipping the attribution benchmark: the fixture is missing (expected <repo>/../shared/fixtures/channelattribution/Data.csv).`,
  );
  process.exit(0);
}

// A global gc() so every model starts from a collected heap.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MB = 1024 * 1024;
const started = performance.now();
const deadline = started + 5 * 60_000;

/** Samples process-wide RSS every millisecond from another thread while the main thread computes. */
function rssSampler() {
  const worker = new Worker(
    `const { parentPort } = require("node:worker_threads");
     let peak = 0;
     setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 1);
     parentPort.on("message", (m) => { if (m === "reset") peak = process.memoryUsage.rss(); else parentPort.postMessage(peak); });`,
    { eval: true },
  );
  const peak = () =>
    new Promise<number>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage("peak");
    });
  return { reset: () => worker.postMessage("reset"), peak, stop: () => worker.terminate() };
}

/**
 * Data.csv replicated row by row to `paths` journeys. Data.csv has no times, so they are
 * synthesized deterministically: journey j closes at 2024-01-01 + (j mod 730) days, and walking
 * back from the close, each earlier touch i comes 1 + ((j·7919 + i·104729) mod 14) days before
 * the next one (a fixed hash, 1–14 days).
 */
function replicate(base: JourneySet, paths: number): JourneySet {
  const rows = base.journeyOffsets.length - 1;
  const offsets = new Uint32Array(paths + 1);
  for (let j = 0; j < paths; j++) {
    const r = j % rows;
    offsets[j + 1] = offsets[j]! + base.journeyOffsets[r + 1]! - base.journeyOffsets[r]!;
  }
  const touches = offsets[paths]!;
  const touchChannel = new Uint16Array(touches);
  const touchTime = new Float64Array(touches);
  const closeTime = new Float64Array(paths);
  const conversions = new Float64Array(paths);
  const value = new Float64Array(paths);
  const nulls = new Float64Array(paths);
  const epoch = Date.UTC(2024, 0, 1);
  for (let j = 0; j < paths; j++) {
    const r = j % rows;
    touchChannel.set(base.touchChannel.subarray(base.journeyOffsets[r]!, base.journeyOffsets[r + 1]!), offsets[j]!);
    conversions[j] = base.conversions[r]!;
    value[j] = base.value[r]!;
    nulls[j] = base.nulls[r]!;
    const close = epoch + (j % 730) * DAY_MS;
    closeTime[j] = close;
    let t = close;
    for (let p = offsets[j + 1]! - 1; p >= offsets[j]!; p--) {
      touchTime[p] = t;
      t -= (1 + ((j * 7919 + (p - offsets[j]!) * 104729) % 14)) * DAY_MS;
    }
  }
  return {
    ...base,
    journeyOffsets: offsets,
    touchChannel,
    touchTime,
    conversions,
    value,
    nulls,
    closeTime,
  };
}

interface ModelTiming {
  model: string;
  medianMs: number;
  firstMs: number;
  runs: number;
  peakRssMB: number;
  rssAboveBaselineMB: number;
  heapDeltaMB: number;
}

const sampler = rssSampler();
const text = readFileSync(fixture, "utf8");
const parsedBase = parseChannelAttribution(text);
if (!parsedBase.ok) throw new Error(`Data.csv does not parse: ${JSON.stringify(parsedBase.issues)}`);

/** Parses the text format at full size, as `symbiont attribution` would (then lets it go). */
function timeParse(): { parseMs: number; parsedPaths: number } {
  const newline = text.indexOf("\n") + 1;
  const bigText = text.slice(0, newline) + text.slice(newline).repeat(Math.ceil(PATHS / 10_000));
  gc();
  const parseStart = performance.now();
  const parsed = parseChannelAttribution(bigText);
  const parseMs = performance.now() - parseStart;
  if (!parsed.ok) throw new Error("replicated text does not parse");
  return { parseMs, parsedPaths: parsed.journeys.journeyOffsets.length - 1 };
}

const set = replicate(parsedBase.journeys, PATHS);
const totals = journeyTotals(set);
const touches = set.touchChannel.length;
console.log(
  `Attribution benchmark: ${PATHS.toLocaleString("en")} paths, ${touches.toLocaleString("en")} touches, ` +
    `${set.channelNames.length} channels, ${totals.conversions.toLocaleString("en")} conversions`,
);

const MODELS: { name: AttributionModelName; label: string; params?: { order: number } }[] = [
  { name: "first", label: "first" },
  { name: "last", label: "last" },
  { name: "linear", label: "linear" },
  { name: "time-decay", label: "time-decay" },
  { name: "u-shaped", label: "u-shaped" },
  { name: "w-shaped", label: "w-shaped" },
  { name: "full-path", label: "full-path" },
  { name: "markov", label: "markov" },
  { name: "markov", label: "markov-2", params: { order: 2 } },
  { name: "markov", label: "markov-3", params: { order: 3 } },
  { name: "shapley", label: "shapley" },
  { name: "shapley-exact", label: "shapley-exact" },
  { name: "shapley-ordered", label: "shapley-ordered" },
];

const results = new Map<string, AttributionResult>();
const timings: ModelTiming[] = [];
for (const { name, label, params } of MODELS) {
  if (performance.now() > deadline) {
    console.log(`Time budget spent; skipping ${label} and later models.`);
    break;
  }
  const times: number[] = [];
  let peak = 0;
  let baseline = 0;
  let heapDelta = 0;
  for (let run = 0; run < RUNS; run++) {
    gc();
    const before = process.memoryUsage();
    baseline = Math.max(baseline, before.rss);
    sampler.reset();
    const t0 = performance.now();
    const result = params ? runAttribution("markov", set, params) : runAttribution(name, set);
    times.push(performance.now() - t0);
    const after = process.memoryUsage();
    peak = Math.max(peak, await sampler.peak(), after.rss);
    heapDelta = Math.max(heapDelta, after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers);
    results.set(label, result);
  }
  const sorted = [...times].sort((a, b) => a - b);
  timings.push({
    model: label,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    firstMs: times[0]!,
    runs: times.length,
    peakRssMB: peak / MB,
    rssAboveBaselineMB: Math.max(0, peak - baseline) / MB,
    heapDeltaMB: heapDelta / MB,
  });
}
await sampler.stop();
// After the models, so the 60 MB of text does not inflate their RSS figures.
const { parseMs, parsedPaths } = timeParse();

const pad = (s: string, n: number, left = false) => (left ? s.padEnd(n) : s.padStart(n));
console.log("");
console.log(
  `${pad("model", 16, true)}${pad("median ms", 11)}${pad("1st run ms", 12)}${pad("peak RSS MB", 13)}${pad("+RSS MB", 9)}${pad("heap+buf MB", 13)}`,
);
for (const t of timings) {
  console.log(
    `${pad(t.model, 16, true)}${pad(t.medianMs.toFixed(1), 11)}${pad(t.firstMs.toFixed(1), 12)}` +
      `${pad(t.peakRssMB.toFixed(0), 13)}${pad(t.rssAboveBaselineMB.toFixed(1), 9)}${pad(t.heapDeltaMB.toFixed(1), 13)}`,
  );
}
console.log(
  `\nParsed ${parsedPaths.toLocaleString("en")} lines of ChannelAttribution text in ${parseMs.toFixed(0)} ms`,
);
const ms = (model: string) => timings.find((t) => t.model === model)?.medianMs ?? Number.NaN;
const heuristicsMs = ms("first") + ms("last") + ms("linear");
const comparison = {
  heuristics: { symbiontSeconds: heuristicsMs / 1000, channelAttributionSeconds: ANCHOR.heuristics },
  markov: { symbiontSeconds: ms("markov") / 1000, channelAttributionSeconds: ANCHOR.markov },
};
console.log("");
console.log(
  `vs ChannelAttribution (C++, 1M paths): heuristics (first+last+linear) ${heuristicsMs.toFixed(0)} ms vs ` +
    `${ANCHOR.heuristics * 1000} ms (${((ANCHOR.heuristics * 1000) / heuristicsMs).toFixed(1)}× faster); ` +
    `markov (exact) ${ms("markov").toFixed(0)} ms vs ${ANCHOR.markov * 1000} ms simulated ` +
    `(${((ANCHOR.markov * 1000) / ms("markov")).toFixed(1)}× faster)`,
);

const sql = SKIP_SQL ? { skipped: "BENCH_SKIP_SQL=1" } : await sqlComparison(set, results);
if ("skipped" in sql) console.log(`SQL comparison skipped: ${sql.skipped}`);

mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(
  join(here, "results", "attribution.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      paths: PATHS,
      touches,
      channels: set.channelNames.length,
      parse: { lines: parsedPaths, ms: parseMs },
      models: timings,
      comparison,
      sql,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote bench/results/attribution.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);

/**
 * Loads the touches into temp tables (multi-row unnest inserts; pg-copy-streams is not a
 * dependency) and runs linear and time decay as window-function queries, checking their credit
 * against the engine's.
 */
async function sqlComparison(set: JourneySet, engine: Map<string, AttributionResult>) {
  const client = await connect();
  if (typeof client === "string") return { skipped: client };
  try {
    await client.query("SET temp_buffers = '2GB'");
    await client.query("SET work_mem = '512MB'");
    await client.query(
      "CREATE TEMP TABLE bench_journeys (journey int, conversions float8, value float8, close_ms float8)",
    );
    await client.query("CREATE TEMP TABLE bench_touches (journey int, channel int2, t_ms float8)");
    const loadStart = performance.now();
    const journeys = set.journeyOffsets.length - 1;
    const BATCH = 200_000;
    for (let from = 0; from < journeys; from += BATCH) {
      const to = Math.min(journeys, from + BATCH);
      const ids = Array.from({ length: to - from }, (_, i) => from + i);
      await client.query(
        "INSERT INTO bench_journeys SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::float8[])",
        [
          ids,
          Array.from(set.conversions.subarray(from, to)),
          Array.from(set.value.subarray(from, to)),
          Array.from(set.closeTime!.subarray(from, to)),
        ],
      );
    }
    for (let from = 0; from < journeys; from += BATCH) {
      const to = Math.min(journeys, from + BATCH);
      const first = set.journeyOffsets[from]!;
      const last = set.journeyOffsets[to]!;
      const journeyOfTouch = new Array<number>(last - first);
      for (let j = from; j < to; j++)
        journeyOfTouch.fill(j, set.journeyOffsets[j]! - first, set.journeyOffsets[j + 1]! - first);
      await client.query("INSERT INTO bench_touches SELECT * FROM unnest($1::int[], $2::int2[], $3::float8[])", [
        journeyOfTouch,
        Array.from(set.touchChannel.subarray(first, last)),
        Array.from(set.touchTime!.subarray(first, last)),
      ]);
    }
    await client.query("ANALYZE bench_journeys");
    await client.query("ANALYZE bench_touches");
    const loadMs = performance.now() - loadStart;
    console.log(
      `Loaded ${set.touchChannel.length.toLocaleString("en")} touches into PostgreSQL temp tables in ${(loadMs / 1000).toFixed(1)} s`,
    );

    const halfLife = 7 * DAY_MS;
    const queries = {
      linear: `SELECT t.channel, sum(j.conversions / t.n) AS conversions, sum(j.value / t.n) AS value
        FROM (SELECT journey, channel, count(*) OVER (PARTITION BY journey) AS n FROM bench_touches) t
        JOIN bench_journeys j USING (journey) GROUP BY t.channel`,
      "time-decay": `SELECT t.channel, sum(j.conversions * t.w / t.total) AS conversions, sum(j.value * t.w / t.total) AS value
        FROM (SELECT x.journey, x.channel, x.w, sum(x.w) OVER (PARTITION BY x.journey) AS total
              FROM (SELECT b.journey, b.channel, power(2::float8, -greatest(0, bj.close_ms - b.t_ms) / ${halfLife}) AS w
                    FROM bench_touches b JOIN bench_journeys bj USING (journey)) x) t
        JOIN bench_journeys j USING (journey) GROUP BY t.channel`,
    } as const;
    const out: Record<string, { sqlMs: number; engineMs: number; ratio: number; maxRelativeDifference: number }> = {};
    for (const [model, query] of Object.entries(queries)) {
      let best = Number.POSITIVE_INFINITY;
      let rows: { channel: number; conversions: number; value: number }[] = [];
      for (let run = 0; run < 2 && (run === 0 || performance.now() < deadline); run++) {
        const t0 = performance.now();
        rows = (await client.query(query)).rows;
        best = Math.min(best, performance.now() - t0);
      }
      const result = engine.get(model)!;
      let maxRelativeDifference = 0;
      for (const row of rows) {
        for (const [got, want] of [
          [row.conversions, result.conversions[row.channel]!],
          [row.value, result.value[row.channel]!],
        ] as const) {
          maxRelativeDifference = Math.max(
            maxRelativeDifference,
            Math.abs(got - want) / Math.max(1e-12, Math.abs(want)),
          );
        }
      }
      const engineMs = timings.find((t) => t.model === model)!.medianMs;
      out[model] = { sqlMs: best, engineMs, ratio: best / engineMs, maxRelativeDifference };
      console.log(
        `PostgreSQL ${model}: ${best.toFixed(0)} ms vs engine ${engineMs.toFixed(0)} ms → SQL takes ${(best / engineMs).toFixed(1)}× as long ` +
          `(same credit to ${maxRelativeDifference.toExponential(1)} relative)`,
      );
    }
    return { loadMs, queries: out };
  } finally {
    await client.end();
  }
}

async function connect(): Promise<pg.Client | string> {
  const target = new URL(DATABASE_URL);
  const database = target.pathname.slice(1);
  try {
    const adminUrl = new URL(DATABASE_URL);
    adminUrl.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    return client;
  } catch (error) {
    return `cannot reach PostgreSQL at ${target.host} (${error instanceof Error ? error.message : String(error)})`;
  }
}
