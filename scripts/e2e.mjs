#!/usr/bin/env node
// Browser tests. Starts the real Symbiont server on a free loopback port with a fresh database,
// drives the built web app with headless Chromium (playwright-core, the system's Chromium; no
// browser is ever downloaded) through the specs in e2e/, then stops the server and cleans up.
//
//   node scripts/e2e.mjs                       all specs, embedded database (a fresh temp dir)
//   node scripts/e2e.mjs e2e/portal            only the specs in a folder (or name files)
//   node scripts/e2e.mjs --grep "API key"      only tests whose name matches
//   E2E_DATABASE_URL=postgres://… node scripts/e2e.mjs
//                                              against PostgreSQL (migrated and seeded first;
//                                              use a fresh database: sign-in limits persist)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_DATABASE_URL, E2E_REBUILD=1 (always
// rebuild the web app), E2E_TIMEOUT_MS (whole spec run, default 300000).
// Screenshots and the server log go to test-results/e2e/. The last line is `e2e: N passed, M failed`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "apps", "server", "bin", "symbiont.mjs");
const resultsDir = join(root, "test-results", "e2e");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const databaseUrl = process.env.E2E_DATABASE_URL || undefined;
const specTimeoutMs = Number(process.env.E2E_TIMEOUT_MS || 300_000);

const say = (line = "") => process.stdout.write(`${line}\n`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { grep: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (options.help) {
  say("Usage: node scripts/e2e.mjs [spec files or folders…] [--grep <test name pattern>]");
  process.exit(0);
}

/** Everything started here that must be stopped or removed on the way out. */
const cleanup = { server: undefined, specs: undefined, dataDir: undefined, log: undefined };
let finished = false;

function finish(passed, failed, code = failed > 0 ? 1 : 0) {
  finished = true;
  return shutdown().then(() => {
    say(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(code);
  });
}

async function shutdown() {
  if (cleanup.specs && cleanup.specs.exitCode === null && cleanup.specs.signalCode === null) killGroup(cleanup.specs);
  if (cleanup.server) await stopServer(cleanup.server);
  cleanup.server = undefined;
  if (cleanup.dataDir) await rm(cleanup.dataDir, { recursive: true, force: true }).catch(() => undefined);
  cleanup.dataDir = undefined;
  if (cleanup.log) await new Promise((done) => cleanup.log.end(done));
  cleanup.log = undefined;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (finished) return;
    say(`\ne2e: interrupted by ${signal}`);
    void finish(0, 1, 130);
  });
}

/** Setup went wrong: say why, show the server log's tail, and count it as one failure. */
async function abort(message) {
  say(`e2e: ${message}`);
  const logFile = join(resultsDir, "server.log");
  if (cleanup.log) await new Promise((done) => cleanup.log.end(done));
  cleanup.log = undefined;
  if (existsSync(logFile)) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n").trim();
    if (tail) say(`--- last lines of ${relative(root, logFile)} ---\n${tail}\n---`);
  }
  await finish(0, 1);
}

/** The specs run in their own process group, so their browsers go down with them. */
function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is already empty
  }
}

function run(command, args, env, label) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => done({ code: 1, output: `${label}: ${error.message}` }));
    child.on("exit", (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

async function ensureWebBuild() {
  const index = join(root, "apps", "web", "dist", "index.html");
  const web = join(root, "apps", "web");
  let reason;
  if (!existsSync(index)) reason = "apps/web/dist/index.html is missing";
  else if (process.env.E2E_REBUILD === "1") reason = "E2E_REBUILD=1";
  else {
    const built = statSync(index).mtimeMs;
    const sources = ["src", "public", "index.html", "vite.config.ts", "package.json"].map((p) => join(web, p));
    sources.push(join(root, "packages", "contracts", "src"));
    if (sources.some((source) => newestMtime(source) > built)) reason = "the web sources changed since the last build";
  }
  if (!reason) return true;
  const started = Date.now();
  say(`e2e: building the web app (${reason})…`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = await run(npm, ["run", "build", "-w", "@symbiont/web"], process.env, "npm run build");
  if (build.code !== 0 || !existsSync(index)) {
    say(build.output.trim().split("\n").slice(-30).join("\n"));
    return false;
  }
  say(`e2e: web app built in ${seconds(started)}`);
  return true;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function serverEnv(port, dataDir) {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "BASE_URL", "NODE_ENV", "SYMBIONT_DATA_DIR"]) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    SYMBIONT_DATA_DIR: dataDir,
  });
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

async function prepareDatabase(env) {
  for (const args of [["migrate"], ["seed", "--demo"]]) {
    const started = Date.now();
    const step = await run(process.execPath, [cli, ...args], env, `symbiont ${args.join(" ")}`);
    cleanup.log?.write(`$ symbiont ${args.join(" ")}\n${step.output}\n`);
    if (step.code !== 0) {
      say(step.output.trim());
      return false;
    }
    say(`e2e: symbiont ${args.join(" ")} done in ${seconds(started)}`);
  }
  return true;
}

function stopServer(child) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(killer);
      done();
    });
    child.kill("SIGTERM");
  });
}

async function waitUntilReady(baseUrl, child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      return `the server exited (${child.exitCode ?? child.signalCode})`;
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return null;
    } catch {
      // not listening yet
    }
    await new Promise((settle) => setTimeout(settle, 250));
  }
  return "the server was not ready within 90 s";
}

function specFiles(targets) {
  const found = [];
  const walk = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== "support") walk(join(path, entry));
    } else if (path.endsWith(".spec.ts")) found.push(path);
  };
  for (const target of targets) {
    const path = resolve(root, target);
    if (!existsSync(path)) throw new Error(`no such spec file or folder: ${target}`);
    walk(path);
  }
  return found.map((file) => relative(root, file));
}

/** Runs the specs with Node's test runner, streaming its output, and reads its summary. */
function runSpecs(files, baseUrl) {
  return new Promise((done) => {
    const args = [
      "--import",
      "tsx",
      "--test",
      "--test-concurrency=1",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
    ];
    if (options.grep) args.push("--test-name-pattern", options.grep);
    const child = spawn(process.execPath, [...args, ...files], {
      cwd: root,
      env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath, E2E_RESULTS_DIR: resultsDir },
      stdio: ["ignore", "pipe", "inherit"],
      detached: process.platform !== "win32",
    });
    cleanup.specs = child;
    let output = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    const watchdog = setTimeout(() => {
      say(`\ne2e: the specs ran longer than ${specTimeoutMs / 1000} s; stopping them`);
      killGroup(child);
    }, specTimeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(watchdog);
      killGroup(child); // anything the specs left behind (normally nothing)
      const count = (name) => {
        const match = output.match(new RegExp(`^\\S*\\s*${name} (\\d+)\\s*$`, "m"));
        return match ? Number(match[1]) : undefined;
      };
      const passed = count("pass") ?? 0;
      let failed = (count("fail") ?? 0) + (count("cancelled") ?? 0);
      if ((code !== 0 || signal) && failed === 0) failed = 1;
      done({ passed, failed });
    });
  });
}

async function main() {
  if (!existsSync(chromiumPath)) {
    say(`e2e: skipped — no Chromium found at ${chromiumPath} (apt-get install chromium)`);
    process.exit(0);
  }
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });

  let files;
  try {
    files = specFiles(positionals.length > 0 ? positionals : ["e2e"]);
  } catch (error) {
    return abort(error.message);
  }
  if (files.length === 0) return abort("no spec files found");

  if (!(await ensureWebBuild())) return abort("the web app did not build");

  cleanup.dataDir = await mkdtemp(join(tmpdir(), "symbiont-e2e-data-"));
  cleanup.log = createWriteStream(join(resultsDir, "server.log"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = serverEnv(port, cleanup.dataDir);
  if (databaseUrl) {
    say(`e2e: preparing PostgreSQL at ${redact(databaseUrl)}`);
    if (!(await prepareDatabase(env))) return abort("migrating or seeding PostgreSQL failed");
  }

  const serverStart = Date.now();
  const server = spawn(process.execPath, [cli, "serve"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  cleanup.server = server;
  server.stdout.pipe(cleanup.log, { end: false });
  server.stderr.pipe(cleanup.log, { end: false });
  const problem = await waitUntilReady(baseUrl, server);
  if (problem) return abort(`could not start the server: ${problem}`);
  say(
    `e2e: server ready at ${baseUrl} (${databaseUrl ? "PostgreSQL" : "embedded database"}) in ${seconds(serverStart)}; running ${files.length} spec file${files.length === 1 ? "" : "s"}`,
  );

  const { passed, failed } = await runSpecs(files, baseUrl);
  if (finished) return;
  say(`e2e: finished in ${seconds(started)}; screenshots and the server log are in ${relative(root, resultsDir)}/`);
  if (failed > 0 && cleanup.log) {
    await shutdown();
    const tail = readFileSync(join(resultsDir, "server.log"), "utf8").split("\n").slice(-40).join("\n").trim();
    if (tail) say(`--- last lines of the server log ---\n${tail}\n---`);
  }
  if (passed + failed === 0) return finish(0, 1);
  return finish(passed, failed);
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

main().catch(async (error) => {
  say(`e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await finish(0, 1);
});
