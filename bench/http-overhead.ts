// How much Symbiont's HTTP stack (Fastify plugins, session auth, authorization, zod validation
// and serialization, drizzle) costs on top of the bare minimum: the same two requests answered by
// a plain Fastify + pg server with hand-written SQL, both on the same PostgreSQL database.
//
//   npx tsx bench/http-overhead.ts      (or: npm run bench:http)
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/symbiont_bench; the
// database is created if missing), BENCH_DURATION (seconds per measurement, default 10),
// BENCH_WARMUP (seconds, default 2), BENCH_CONNECTIONS (default 10).
// All traffic goes to 127.0.0.1. The whole run is bounded (about a minute; hard stop at 5 minutes).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { ensureDatabase, freePort, positive, redact, runCli, stopProcess, waitForReady } from "./support/processes";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "apps", "server", "bin", "symbiont.mjs");
const resultsFile = join(root, "bench", "results", "http-overhead.json");

const databaseUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/symbiont_bench";
const durationSeconds = positive(process.env.BENCH_DURATION, 10);
const warmupSeconds = positive(process.env.BENCH_WARMUP, 2);
const connections = positive(process.env.BENCH_CONNECTIONS, 10);
const poolSize = 10; // Symbiont's DATABASE_POOL_SIZE default; the bare server gets the same.
const HARD_LIMIT_MS = 5 * 60 * 1000;

const DEMO_ADMIN = { email: "admin@acme.example", password: "symbiont-demo" };

interface Scenario {
  name: string;
  path: string;
}

const scenarios: Scenario[] = [
  { name: "me", path: "/api/auth/me" },
  { name: "partners", path: "/api/console/partners?limit=50" },
];

interface Measurement {
  scenario: string;
  path: string;
  server: "symbiont" | "bare";
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyAverageMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const say = (line = "") => process.stdout.write(`${line}\n`);

function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["BASE_URL", "SYMBIONT_DATA_DIR", "DATABASE_POOL_SIZE"]) delete env[name];
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATABASE_POOL_SIZE: String(poolSize),
  };
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_ADMIN),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    if (pair?.startsWith("symbiont_session=")) return pair;
  }
  throw new Error("sign-in set no symbiont_session cookie");
}

interface BareServer {
  stop(): Promise<void>;
}

/** Starts bench/bare-server.ts in a worker thread of this process (with tsx's loader). */
function startBare(port: number): Promise<BareServer> {
  const entry = new URL("./bare-server.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { databaseUrl, port, poolSize } });
  const stop = () =>
    new Promise<void>((done) => {
      const timer = setTimeout(() => void worker.terminate().then(() => done()), 5_000);
      worker.once("message", () => {
        clearTimeout(timer);
        void worker.terminate().then(() => done());
      });
      worker.postMessage("stop");
    });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(new Error("the bare server did not start within 15 s"));
    }, 15_000);
    worker.once("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    worker.once("message", (message: unknown) => {
      clearTimeout(timer);
      if (message === "ready") done({ stop });
      else {
        void worker.terminate();
        fail(new Error(`the bare server failed to start: ${JSON.stringify(message)}`));
      }
    });
  });
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Both servers must answer the same thing before their speed is compared. */
async function checkEquivalence(symbiont: string, bare: string, cookie: string): Promise<void> {
  const meA = (await getJson(`${symbiont}/api/auth/me`, cookie)) as { user?: { email?: string } };
  const meB = (await getJson(`${bare}/api/auth/me`, cookie)) as { user?: { email?: string } };
  if (meA.user?.email !== DEMO_ADMIN.email || meB.user?.email !== DEMO_ADMIN.email) {
    throw new Error(`/api/auth/me differs: ${JSON.stringify(meA)} vs ${JSON.stringify(meB)}`);
  }
  type Page = { items?: { name: string }[]; total?: number };
  const path = "/api/console/partners?limit=50";
  const pageA = (await getJson(`${symbiont}${path}`, cookie)) as Page;
  const pageB = (await getJson(`${bare}${path}`, cookie)) as Page;
  const names = (page: Page) => JSON.stringify(page.items?.map((item) => item.name));
  if (pageA.total !== pageB.total || names(pageA) !== names(pageB) || !pageA.total) {
    throw new Error(`partner pages differ: ${JSON.stringify(pageA)} vs ${JSON.stringify(pageB)}`);
  }
  say(`bench: both servers answer alike (${pageA.total} partners in the demo workspace)`);
}

async function load(url: string, cookie: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers: { cookie }, timeout: 10 });
}

async function measure(
  scenario: Scenario,
  server: Measurement["server"],
  baseUrl: string,
  cookie: string,
): Promise<Measurement> {
  const url = `${baseUrl}${scenario.path}`;
  await load(url, cookie, warmupSeconds);
  const result = await load(url, cookie, durationSeconds);
  const measurement: Measurement = {
    scenario: scenario.name,
    path: scenario.path,
    server,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyAverageMs: result.latency.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  say(
    `bench: ${server.padEnd(8)} GET ${scenario.path.padEnd(32)} ${fmt(measurement.requestsPerSecond, 0).padStart(7)} req/s  p50 ${fmt(measurement.latencyP50Ms, 2)} ms  p99 ${fmt(measurement.latencyP99Ms, 2)} ms`,
  );
  if (measurement.non2xx > 0 || measurement.errors > 0) {
    throw new Error(`${server} ${scenario.path}: ${measurement.non2xx} non-2xx answers, ${measurement.errors} errors`);
  }
  return measurement;
}

function fmt(value: number, digits: number): string {
  return value.toFixed(digits);
}

function table(measurements: Measurement[]): string {
  const header = ["request", "server", "req/s", "p50 ms", "p99 ms"];
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    const sym = measurements.find((m) => m.scenario === scenario.name && m.server === "symbiont");
    const bare = measurements.find((m) => m.scenario === scenario.name && m.server === "bare");
    if (!sym || !bare) continue;
    const label = `GET ${scenario.path}`;
    rows.push([label, "symbiont", fmt(sym.requestsPerSecond, 0), fmt(sym.latencyP50Ms, 2), fmt(sym.latencyP99Ms, 2)]);
    rows.push(["", "bare", fmt(bare.requestsPerSecond, 0), fmt(bare.latencyP50Ms, 2), fmt(bare.latencyP99Ms, 2)]);
    rows.push([
      "",
      "symbiont/bare",
      `${fmt(sym.requestsPerSecond / bare.requestsPerSecond, 2)}x`,
      `${fmt(sym.latencyP50Ms / bare.latencyP50Ms, 2)}x`,
      `${fmt(sym.latencyP99Ms / bare.latencyP99Ms, 2)}x`,
    ]);
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  say(
    `bench: http-overhead — ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s per run, database ${redact(databaseUrl)}`,
  );
  await ensureDatabase(databaseUrl);

  const symbiontPort = await freePort();
  const env = serverEnv(symbiontPort);
  await runCli(cli, root, ["migrate"], env);
  await runCli(cli, root, ["seed", "--demo"], env);
  say("bench: database migrated and seeded");

  let symbiont: ChildProcess | undefined;
  let bare: BareServer | undefined;
  const hardStop = setTimeout(() => {
    say("bench: hard time limit reached; stopping");
    symbiont?.kill("SIGKILL");
    process.exit(1);
  }, HARD_LIMIT_MS);
  try {
    let log = "";
    symbiont = spawn(process.execPath, [cli, "serve", "--role=api"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    };
    symbiont.stdout?.on("data", keep);
    symbiont.stderr?.on("data", keep);
    const symbiontUrl = `http://127.0.0.1:${symbiontPort}`;
    await waitForReady(symbiontUrl, symbiont, () => log);
    const cookie = await signIn(symbiontUrl);
    say(`bench: Symbiont ready at ${symbiontUrl} (NODE_ENV=production, --role=api); signed in as ${DEMO_ADMIN.email}`);

    const barePort = await freePort();
    bare = await startBare(barePort);
    const bareUrl = `http://127.0.0.1:${barePort}`;
    say(`bench: bare Fastify + pg server ready at ${bareUrl}`);
    await checkEquivalence(symbiontUrl, bareUrl, cookie);

    const measurements: Measurement[] = [];
    for (const scenario of scenarios) {
      measurements.push(await measure(scenario, "symbiont", symbiontUrl, cookie));
      measurements.push(await measure(scenario, "bare", bareUrl, cookie));
    }

    say("");
    say(table(measurements));
    say("");
    say("symbiont/bare: req/s below 1x and latency above 1x are the cost of Symbiont's stack.");

    const ratios = Object.fromEntries(
      scenarios.map((scenario) => {
        const sym = measurements.find((m) => m.scenario === scenario.name && m.server === "symbiont");
        const base = measurements.find((m) => m.scenario === scenario.name && m.server === "bare");
        return [
          scenario.name,
          sym && base
            ? {
                requestsPerSecond: sym.requestsPerSecond / base.requestsPerSecond,
                latencyP50: sym.latencyP50Ms / base.latencyP50Ms,
                latencyP99: sym.latencyP99Ms / base.latencyP99Ms,
              }
            : null,
        ];
      }),
    );
    await mkdir(dirname(resultsFile), { recursive: true });
    await writeFile(
      resultsFile,
      `${JSON.stringify(
        {
          benchmark: "http-overhead",
          date: new Date().toISOString(),
          settings: { connections, warmupSeconds, durationSeconds, poolSize },
          machine: { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
          database: redact(databaseUrl),
          measurements,
          ratios,
        },
        null,
        2,
      )}\n`,
    );
    say(`bench: results written to ${relative(root, resultsFile)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    clearTimeout(hardStop);
    await bare?.stop().catch(() => undefined);
    if (symbiont) await stopProcess(symbiont);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
