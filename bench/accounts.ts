// Accounts at scale, on PostgreSQL: bulk upsert throughput through the import platform's path
// (CSV parse + row validation + file checks, then `writeBatch` set-based upserts with audit entries
// in one transaction) for new rows and for the same rows again (all updates); then list/search
// latency (p50/p95) through the real HTTP stack (app.inject: auth, validation, SQL, serialization)
// over a large account book.
//
//   npx tsx bench/accounts.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_accounts_bench` is created there and dropped at the end.
// BENCH_UPSERT_ROWS (default 100,000), BENCH_ACCOUNTS (accounts in the searched book, default
// 300,000; the figures in bench/README.md also use 1,000,000), BENCH_REQUESTS (per query, default 50).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config/env";
import { createDatabase, runMigrations, transaction } from "../apps/server/src/db";
import { importKinds } from "../apps/server/src/imports";
import { jobDefinitions } from "../apps/server/src/jobs";
import { createUserDirectly, hashPassword } from "../apps/server/src/modules/identity";
import { csrfTokenFor } from "../apps/server/src/modules/identity/secrets";
import { createSession } from "../apps/server/src/modules/identity/sessions";
import { createWorkspace } from "../apps/server/src/modules/workspaces";
import {
  getImportKind,
  parseCsv,
  suggestMapping,
  validateImportRows,
  writeImportRows,
} from "../apps/server/src/platform/imports";
import { JobQueue } from "../apps/server/src/platform/jobs";
import { createLogger } from "../apps/server/src/platform/logging";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const upsertRows = Number(process.env.BENCH_UPSERT_ROWS ?? 100_000);
const bookSize = Number(process.env.BENCH_ACCOUNTS ?? 300_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);
const DB_NAME = "symbiont_accounts_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DB_NAME} with (force)`);
await admin.query(`create database ${DB_NAME}`);

const logger = createLogger("warn");
const database = await createDatabase({ url: benchUrl, poolSize: 10 });
const results: Record<string, unknown> = {
  database: "PostgreSQL",
  loadAverageAtStart: loadAverage(),
  kinds: importKinds.map((k) => k.kind),
};
try {
  await runMigrations(database);
  const jobs = new JobQueue(database, logger, jobDefinitions);
  await jobs.start({ worker: false });
  const config = {
    ...loadConfig({ SESSION_SECRET: "b".repeat(32), SYMBIONT_DATA_DIR: "bench-unused" }),
    logLevel: "warn" as const,
  };
  const app = await buildApp({ config, database, jobs, logger });
  const { workspaceId, headers, email } = await transaction(database, async (tx) => {
    const workspace = await createWorkspace(tx, { name: "Bench Vendor", slug: "bench-vendor" }, "bench");
    const user = await createUserDirectly(
      tx,
      {
        workspaceId: workspace.id,
        email: "owner@bench.example",
        name: "Bench Owner",
        role: "admin",
        passwordHash: await hashPassword("bench-password"),
      },
      "bench",
    );
    const session = await createSession(tx, user, { ipAddress: null, userAgent: "bench" });
    return {
      workspaceId: workspace.id,
      email: user.email,
      headers: {
        cookie: `symbiont_session=${session.token}`,
        "x-csrf-token": csrfTokenFor(session.sessionId, config.sessionSecret),
      },
    };
  });
  await database.pool.query(
    "insert into account_lists (workspace_id, name, blocks_partners) values ($1, 'Strategic', false), ($1, 'Direct only', true)",
    [workspaceId],
  );

  // ── bulk upsert through the import platform ────────────────────────────────
  const industries = ["Software", "Retail", "Manufacturing", "Finance", "Healthcare", "Energy"];
  const countries = ["US", "DE", "GB", "FR", "JP", "BR", "IN", "AU"];
  const line = (i: number, suffix: string) =>
    [
      `Upserted ${String(i).padStart(6, "0")} ${suffix}`,
      `https://www.upserted-${i}.example`,
      countries[i % countries.length],
      industries[i % industries.length],
      i % 3 === 0 ? "customer" : "prospect",
      i % 10 === 0 ? email : "",
      `crm-${i}`,
      i % 20 === 0 ? "Strategic" : "",
    ].join(",");
  const header = "Name,Website,Country,Industry,Status,Owner,CRM Id,Lists";
  const kind = getImportKind("accounts");
  const fields = typeof kind.fields === "function" ? await kind.fields(database.db, workspaceId) : kind.fields;
  const source = { actor: { kind: "system" as const, workspaceId, label: "bench" } };
  const upsert: Record<string, unknown> = { rows: upsertRows };
  for (const [phase, suffix] of [
    ["insert", "Systems"],
    ["update", "Holdings"],
  ] as const) {
    const csv = `${header}\n${Array.from({ length: upsertRows }, (_, i) => line(i, suffix)).join("\n")}\n`;
    const t0 = performance.now();
    const file = parseCsv(csv, upsertRows);
    const mapping = suggestMapping(file.headers, fields);
    const { valid, report } = await validateImportRows(database.db, workspaceId, kind, fields, file, mapping);
    if (report.invalidRows > 0) throw new Error(`bench rows invalid: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const t1 = performance.now();
    const written = await transaction(database, (tx) =>
      writeImportRows(tx, kind, { workspaceId, source, importId: null }, valid),
    );
    const t2 = performance.now();
    const expected = phase === "insert" ? written.created : written.updated;
    if (expected !== upsertRows) throw new Error(`${phase}: wrote ${JSON.stringify(written)}`);
    upsert[phase] = {
      validateMs: round(t1 - t0),
      writeMs: round(t2 - t1),
      writeRowsPerSecond: Math.round(upsertRows / ((t2 - t1) / 1000)),
      pipelineRowsPerSecond: Math.round(upsertRows / ((t2 - t0) / 1000)),
    };
    console.log(
      `upsert ${upsertRows.toLocaleString("en")} rows (${phase}): validate ${round(t1 - t0)} ms, write ${round(t2 - t1)} ms → ` +
        `${Math.round(upsertRows / ((t2 - t1) / 1000)).toLocaleString("en")} rows/s written, ` +
        `${Math.round(upsertRows / ((t2 - t0) / 1000)).toLocaleString("en")} rows/s end to end`,
    );
  }
  results.upsert = upsert;

  // ── list and search over a large book ──────────────────────────────────────
  const t0 = performance.now();
  await seedAccounts(workspaceId, upsertRows, bookSize);
  await database.pool.query(
    `insert into account_list_members (workspace_id, list_id, account_id)
     select a.workspace_id, l.id, a.id from accounts a join account_lists l on l.workspace_id = a.workspace_id
       and l.name = 'Direct only' where a.workspace_id = $1 and a.name like 'Account %7 %'`,
    [workspaceId],
  );
  await database.pool.query("analyze accounts; analyze account_list_members");
  const seeded = await database.pool.query("select count(*)::int as n from accounts");
  const total = Number(seeded.rows[0].n);
  results.accounts = total;
  results.seedMs = round(performance.now() - t0);
  console.log(`\n${total.toLocaleString("en")} accounts loaded in ${round(performance.now() - t0)} ms`);
  const listId = (await database.pool.query("select id from account_lists where name = 'Direct only'")).rows[0].id;
  const queries: [string, string][] = [
    ["first page, by name", "/api/console/accounts?limit=50"],
    ["search name fragment", "/api/console/accounts?q=harbor%20dynamics&limit=50"],
    ["search with a typo", "/api/console/accounts?q=vertx%20logistcs%20004217&limit=50"],
    ["search a domain", "/api/console/accounts?q=www.account-123456.example&limit=50"],
    ["filter status + country", "/api/console/accounts?status=customer&country=DE&limit=50"],
    ["filter list membership", `/api/console/accounts?listId=${listId}&limit=50`],
    ["sort updated, deep page", "/api/console/accounts?sort=updatedAt&dir=desc&offset=5000&limit=50"],
  ];
  const latency: Record<string, { p50: number; p95: number; total: number }> = {};
  for (const [name, url] of queries) {
    for (let i = 0; i < 3; i++) await app.inject({ method: "GET", url, headers });
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const response = await app.inject({ method: "GET", url, headers });
      times.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode} ${response.body}`);
      matches = response.json().total;
    }
    times.sort((a, b) => a - b);
    const row = {
      p50: round(times[Math.floor(times.length * 0.5)] ?? 0),
      p95: round(times[Math.floor(times.length * 0.95)] ?? 0),
      total: matches,
    };
    latency[name] = row;
    console.log(
      `${name.padEnd(26)} p50 ${row.p50.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  (${matches} matches)`,
    );
  }
  results.latencyMs = latency;
  results.loadAverageAtEnd = loadAverage();
  console.log(`\nload average: start ${results.loadAverageAtStart}, end ${results.loadAverageAtEnd}`);
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}accounts.json`, `${JSON.stringify(results, null, 2)}\n`);
  await app.close();
  await jobs.stop();
} finally {
  await database.close();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

/**
 * Adds accounts [from, to) in statements of 100,000 with varied attributes. Names carry no legal
 * form, so the normalized name is the lower-cased name (as the match-key normalizer would make it).
 */
async function seedAccounts(workspaceId: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 100_000) {
    await database.pool.query(
      `insert into accounts (workspace_id, name, website, domain, country, industry, size, status, name_normalized,
         name_keys, updated_at)
       select $1::uuid, n, 'https://account-' || i || '.example', 'account-' || i || '.example',
         (array['US','DE','GB','FR','JP','BR','IN','AU'])[1 + i % 8],
         (array['Software','Retail','Manufacturing','Finance','Healthcare','Energy'])[1 + i % 6],
         (array['1-10','11-50','51-200','201-1000','1001-5000','5001+'])[1 + i % 6],
         (array['prospect','prospect','customer','churned'])[1 + i % 4],
         lower(n), string_to_array(lower(n), ' '), now() - (i % 5000) * interval '1 minute'
       from (
         select i, 'Account ' || lpad(i::text, 6, '0') || ' '
           || (array['Nexus','Orbit','Summit','Vertex','Harbor','Lumen','Cobalt','Zenith'])[1 + i % 8] || ' '
           || (array['Dynamics','Logistics','Labs','Foods','Robotics','Media','Health','Energy','Capital'])[1 + (i / 8) % 9] as n
         from generate_series($2::int, $3::int - 1) as g(i)
       ) s`,
      [workspaceId, start, Math.min(to, start + 100_000)],
    );
  }
}
