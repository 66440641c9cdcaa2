// Sustained deal registration through HTTP: `POST /api/portal/registrations` with `submit: true`
// (validation, match keys, advisory locks, conflict check against the candidate view, rules of
// engagement, ensureAccount, touchpoint, audit, events — one transaction) against a bare Fastify +
// pg server that only inserts the row, in the same run on the same PostgreSQL database. Then
// Symbiont alone at a fixed 500 requests/s for its latency.
//
//   npx tsx bench/register-deal.ts
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/symbiont_registrations_bench;
// created if missing), BENCH_DURATION (seconds per measurement, default 10), BENCH_WARMUP (default 2),
// BENCH_CONNECTIONS (default 10), BENCH_RATE (fixed-rate run, default 500 requests/s).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { faker } from "@faker-js/faker";
import autocannon from "autocannon";
import {
  ensureDatabase,
  freePort,
  positive,
  postgresCpuMs,
  processCpuMs,
  redact,
  runCli,
  stopProcess,
  waitForReady,
} from "./support/processes";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "apps", "server", "bin", "symbiont.mjs");
const resultsFile = join(root, "bench", "results", "register-deal.json");
const databaseUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/symbiont_registrations_bench";
const durationSeconds = positive(process.env.BENCH_DURATION, 10);
const warmupSeconds = positive(process.env.BENCH_WARMUP, 2);
const connections = positive(process.env.BENCH_CONNECTIONS, 10);
const rate = positive(process.env.BENCH_RATE, 500);
const databaseName = new URL(databaseUrl).pathname.slice(1);
const poolSize = 10;
const HARD_LIMIT_MS = 5 * 60 * 1000;
const PARTNER = { email: "alex@northwind.example", password: "symbiont-demo" };

const say = (line = "") => process.stdout.write(`${line}\n`);

// Realistic, distinct companies (seeded, so runs compare): names share tokens the way real ones do
// (common surnames and words), not one repeated prefix that would make every check hit every row.
faker.seed(20261202);
const usedNames = new Set<string>();
const SUFFIXES = ["Ltd", "Limited", "GmbH", "Inc.", "LLC", "SAS", "B.V.", "plc"];
/** A complete short form for a company nobody registered yet (each request a new company). */
function body(): string {
  let name = faker.company.name();
  while (usedNames.has(name)) name = `${faker.company.name()} ${faker.location.city()}`;
  usedNames.add(name);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return JSON.stringify({
    submit: true,
    companyName: `${name} ${faker.helpers.arrayElement(SUFFIXES)}`,
    website: `${slug}.co.uk`,
    country: "GB",
    contactName: faker.person.fullName(),
    contactEmail: `buyer@${slug}.co.uk`,
    amount: faker.number.int({ min: 5_000, max: 250_000 }),
    currency: "GBP",
    expectedCloseOn: "2027-06-30",
    products: ["Platform"],
  });
}

async function signIn(baseUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(PARTNER),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("symbiont_session="));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { cookie, "x-csrf-token": csrfToken };
}

function startBare(port: number): Promise<() => Promise<void>> {
  const entry = new URL("./register-deal-bare.ts", import.meta.url).href;
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
    worker.once("error", fail);
    worker.once("message", (message: unknown) =>
      message === "ready" ? done(stop) : fail(new Error(JSON.stringify(message))),
    );
  });
}

interface Measurement {
  server: "symbiont" | "bare";
  mode: "max" | "fixed-rate";
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU per request during the measured run: the Symbiont server process, and the database's PostgreSQL backends. */
  serverCpuMsPerRequest: number | null;
  postgresCpuMsPerRequest: number | null;
}

async function post(url: string, headers: Record<string, string>, seconds: number, overallRate?: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: "POST",
        path: "/api/portal/registrations",
        headers: { ...headers, "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
}

async function measure(
  server: Measurement["server"],
  baseUrl: string,
  headers: Record<string, string>,
  overallRate?: number,
  serverPid?: number,
) {
  await post(baseUrl, headers, warmupSeconds, overallRate);
  const serverCpu0 = serverPid ? processCpuMs(serverPid) : null;
  const postgresCpu0 = postgresCpuMs(databaseName);
  const result = await post(baseUrl, headers, durationSeconds, overallRate);
  const serverCpu1 = serverPid ? processCpuMs(serverPid) : null;
  const postgresCpu1 = postgresCpuMs(databaseName);
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || result.requests.total === 0
      ? null
      : Math.round(((b - a) / result.requests.total) * 100) / 100;
  const m: Measurement = {
    server,
    mode: overallRate ? "fixed-rate" : "max",
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuMsPerRequest: perRequest(serverCpu0, serverCpu1),
    postgresCpuMsPerRequest: perRequest(postgresCpu0, postgresCpu1),
  };
  say(
    `bench: ${server.padEnd(8)} ${m.mode.padEnd(10)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${m.latencyP50Ms.toFixed(1)} ms  p99 ${m.latencyP99Ms.toFixed(1)} ms  (${m.non2xx} non-2xx, ${m.errors} errors)` +
      (m.postgresCpuMsPerRequest === null
        ? ""
        : `; CPU per request: ${m.serverCpuMsPerRequest === null ? "" : `server ${m.serverCpuMsPerRequest} ms, `}PostgreSQL ${m.postgresCpuMsPerRequest} ms`),
  );
  return m;
}

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(2));
  say(
    `bench: register-deal — ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s per run, load average ${load.join(" ")}, database ${redact(databaseUrl)}`,
  );
  await ensureDatabase(databaseUrl);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATABASE_POOL_SIZE: String(poolSize),
  };
  delete env.BASE_URL;
  delete env.SYMBIONT_DATA_DIR;
  await runCli(cli, root, ["migrate"], env);
  await runCli(cli, root, ["seed", "--demo"], env);
  let symbiont: ChildProcess | undefined;
  let stopBare: (() => Promise<void>) | undefined;
  const hardStop = setTimeout(() => {
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
    const symbiontUrl = `http://127.0.0.1:${port}`;
    await waitForReady(symbiontUrl, symbiont, () => log);
    const headers = await signIn(symbiontUrl);
    const barePort = await freePort();
    stopBare = await startBare(barePort);
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const sym = await measure("symbiont", symbiontUrl, headers, undefined, symbiont.pid);
    const bare = await measure("bare", bareUrl, {});
    const fixed = await measure("symbiont", symbiontUrl, headers, rate, symbiont.pid);
    // Latency where the server keeps up: half of the throughput it reached above.
    const sustainableRate = Math.max(1, Math.floor(sym.requestsPerSecond / 2));
    const sustainable = await measure("symbiont", symbiontUrl, headers, sustainableRate, symbiont.pid);
    const ratio = sym.requestsPerSecond / bare.requestsPerSecond;
    say("");
    say(
      `throughput: Symbiont ${sym.requestsPerSecond.toFixed(0)} req/s vs bare ${bare.requestsPerSecond.toFixed(0)} req/s = ${(ratio * 100).toFixed(0)}% (target ≥ 40%)`,
    );
    say(
      `at ${rate} req/s offered: Symbiont served ${fixed.requestsPerSecond.toFixed(0)} req/s, p99 ${fixed.latencyP99Ms.toFixed(1)} ms (target ≤ 50 ms)`,
    );
    say(
      `at ${sustainableRate} req/s offered (half the maximum): p50 ${sustainable.latencyP50Ms.toFixed(1)} ms, p99 ${sustainable.latencyP99Ms.toFixed(1)} ms`,
    );
    if (sym.non2xx > 0 || fixed.non2xx > 0)
      say(`warning: ${sym.non2xx + fixed.non2xx} registrations were not accepted (non-2xx)`);
    await mkdir(dirname(resultsFile), { recursive: true });
    await writeFile(
      resultsFile,
      `${JSON.stringify(
        {
          benchmark: "register-deal",
          date: new Date().toISOString(),
          loadAverage: load,
          settings: { connections, warmupSeconds, durationSeconds, rate, poolSize },
          machine: { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
          measurements: [sym, bare, fixed, sustainable],
          sustainableRate,
          throughputRatio: ratio,
        },
        null,
        2,
      )}\n`,
    );
    say(`bench: results written to ${relative(root, resultsFile)}`);
  } finally {
    clearTimeout(hardStop);
    await stopBare?.().catch(() => undefined);
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
