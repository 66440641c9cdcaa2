// Partner directory at scale, on PostgreSQL: list/search latency (p50/p95) through the real HTTP
// stack (app.inject: routing, auth, validation, SQL, serialization) at 10,000 and 100,000 partners,
// and CSV import throughput (upload + validation + one-transaction write) against a raw COPY of
// the same rows in the same run.
//
//   npx tsx bench/partner-directory.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_bench_directory` is created there and dropped at the end.
// BENCH_IMPORT_ROWS (default 50000), BENCH_REQUESTS (per query, default 100).
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config/env";
import { createDatabase, runMigrations, transaction } from "../apps/server/src/db";
import { jobDefinitions } from "../apps/server/src/jobs";
import { createUserDirectly, hashPassword } from "../apps/server/src/modules/identity";
import { csrfTokenFor } from "../apps/server/src/modules/identity/secrets";
import { createSession } from "../apps/server/src/modules/identity/sessions";
import {
  createPartnerImport,
  executePartnerImport,
  validatePartnerImport,
} from "../apps/server/src/modules/partners/partners.import";
import { createWorkspace } from "../apps/server/src/modules/workspaces";
import type { VendorActor } from "../apps/server/src/platform/authz";
import { JobQueue } from "../apps/server/src/platform/jobs";
import { createLogger } from "../apps/server/src/platform/logging";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 100);
const DB_NAME = "symbiont_bench_directory";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DB_NAME} with (force)`);
await admin.query(`create database ${DB_NAME}`);

const logger = createLogger("warn");
const database = await createDatabase({ url: benchUrl, poolSize: 10 });
const results: Record<string, unknown> = { database: "PostgreSQL", requestsPerQuery: requests };
try {
  await runMigrations(database);
  const jobs = new JobQueue(database, logger, jobDefinitions);
  await jobs.start({ worker: false });
  const config = {
    ...loadConfig({ SESSION_SECRET: "b".repeat(32), SYMBIONT_DATA_DIR: "bench-unused" }),
    logLevel: "warn" as const,
  };
  const deps = { config, database, jobs, logger };
  const app = await buildApp(deps);

  const { workspaceId, headers, actor } = await transaction(database, async (tx) => {
    const workspace = await createWorkspace(tx, { name: "Bench Vendor", slug: "bench-vendor" }, "bench");
    const user = await createUserDirectly(
      tx,
      {
        workspaceId: workspace.id,
        email: "bench@bench.example",
        name: "Bench",
        role: "admin",
        passwordHash: await hashPassword("bench-password"),
      },
      "bench",
    );
    const session = await createSession(tx, user, { ipAddress: null, userAgent: "bench" });
    const actor: VendorActor = {
      kind: "vendor",
      role: "admin",
      partnerId: null,
      workspaceId: workspace.id,
      userId: user.id,
      apiKeyId: null,
      sessionId: session.sessionId,
      label: user.email,
    };
    return {
      workspaceId: workspace.id,
      actor,
      headers: {
        cookie: `symbiont_session=${session.token}`,
        "x-csrf-token": csrfTokenFor(session.sessionId, config.sessionSecret),
      },
    };
  });

  const queries: [string, string][] = [
    ["first page, by name", "/api/console/partners?limit=50"],
    ["search by name fragment", "/api/console/partners?q=nexus&limit=50"],
    ["search an exact-ish name", "/api/console/partners?q=partner%20004217&limit=50"],
    ["filter stage + type", "/api/console/partners?stage=active&type=reseller&limit=50"],
    ["filter region + tag", "/api/console/partners?region=emea&tag=gold&limit=50"],
    ["sort by updated, deep page", "/api/console/partners?sort=updatedAt&dir=desc&offset=5000&limit=50"],
  ];

  const latency: Record<string, Record<string, { p50: number; p95: number; total: number }>> = {};
  let loaded = 0;
  for (const scale of [10_000, 100_000]) {
    await seedPartners(workspaceId, loaded, scale);
    loaded = scale;
    await database.pool.query("analyze partners");
    latency[scale] = {};
    for (const [name, url] of queries) {
      for (let i = 0; i < 5; i++) await app.inject({ method: "GET", url, headers });
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        const response = await app.inject({ method: "GET", url, headers });
        times.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode} ${response.body}`);
        total = response.json().total;
      }
      times.sort((a, b) => a - b);
      const row = {
        p50: round(times[Math.floor(times.length * 0.5)] ?? 0),
        p95: round(times[Math.floor(times.length * 0.95)] ?? 0),
        total,
      };
      latency[scale][name] = row;
      console.log(
        `${String(scale).padStart(7)} partners  ${name.padEnd(28)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  (${total} matches)`,
      );
    }
  }
  results.latencyMs = latency;

  // Import throughput: the same rows through the import pipeline and through raw COPY.
  const importWorkspace = await transaction(database, (tx) =>
    createWorkspace(tx, { name: "Import Bench", slug: "import-bench" }, "bench"),
  );
  const rows = Array.from({ length: importRows }, (_, i) => [
    `Imported Partner ${i}`,
    `https://imported-${i}.example`,
    i % 2 ? "DE" : "US",
    i % 3 ? "reseller;msp" : "isv",
    "emea",
  ]);
  const csv = `Name,Website,Country,Partner Type,Regions\n${rows.map((r) => r.join(",")).join("\n")}\n`;
  const importActor: VendorActor = { ...actor, workspaceId: importWorkspace.id };
  const ctx = { ...deps, actor: importActor, requestId: "bench", ipAddress: null, userAgent: "bench" };
  const t0 = performance.now();
  const run = await createPartnerImport(ctx, {
    fileName: "bench.csv",
    contentBase64: Buffer.from(csv).toString("base64"),
  });
  const t1 = performance.now();
  const validated = await validatePartnerImport(ctx, run.id, { mapping: run.mapping, onDuplicate: "skip" });
  if (validated.status !== "validated")
    throw new Error(`bench CSV did not validate: ${JSON.stringify(validated.report?.errors.slice(0, 3))}`);
  const t2 = performance.now();
  await executePartnerImport(
    database,
    { actor: { kind: "system", workspaceId: importWorkspace.id, label: "bench" } },
    importWorkspace.id,
    run.id,
  );
  const t3 = performance.now();

  const client = await database.pool.connect();
  try {
    await client.query(
      "create temp table copy_target (name text, website text, domain text, hq_country text, types text[], regions text[])",
    );
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom("copy copy_target from stdin with (format csv)"));
      stream.on("finish", resolve);
      stream.on("error", reject);
      for (const [name, website, country, types, region] of rows) {
        stream.write(
          `${name},${website},${website?.replace("https://", "")},${country},"{${types?.replace(";", ",")}}","{${region}}"\n`,
        );
      }
      stream.end();
    });
    const copyMs = performance.now() - started;
    const pipelineMs = t3 - t0;
    results.import = {
      rows: importRows,
      uploadMs: round(t1 - t0),
      validateMs: round(t2 - t1),
      writeMs: round(t3 - t2),
      pipelineRowsPerSecond: Math.round(importRows / (pipelineMs / 1000)),
      writeRowsPerSecond: Math.round(importRows / ((t3 - t2) / 1000)),
      copyMs: round(copyMs),
      copyRowsPerSecond: Math.round(importRows / (copyMs / 1000)),
    };
    console.log(
      `\nimport of ${importRows.toLocaleString("en")} rows: upload ${round(t1 - t0)} ms, validate ${round(t2 - t1)} ms, write ${round(t3 - t2)} ms`,
    );
    console.log(
      `  pipeline ${Math.round(importRows / (pipelineMs / 1000)).toLocaleString("en")} rows/s; write phase alone ${Math.round(importRows / ((t3 - t2) / 1000)).toLocaleString("en")} rows/s (with audit entries)`,
    );
    console.log(
      `  raw COPY ${Math.round(importRows / (copyMs / 1000)).toLocaleString("en")} rows/s (${round(copyMs)} ms, no validation, no audit)`,
    );
  } finally {
    client.release();
  }
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}partner-directory.json`, `${JSON.stringify(results, null, 2)}\n`);
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

/** Adds partners [from, to) with deterministic, varied attributes, in one statement. */
async function seedPartners(workspaceId: string, from: number, to: number): Promise<void> {
  await database.pool.query(
    `insert into partners (workspace_id, name, website, domain, hq_country, regions, types, tags, stage, industries, updated_at)
     select $1::uuid,
       'Partner ' || lpad(i::text, 6, '0') || ' ' || (array['Nexus','Orbit','Summit','Vertex','Harbor','Lumen','Cobalt','Zenith'])[1 + i % 8],
       'https://partner-' || i || '.example', 'partner-' || i || '.example',
       (array['US','DE','GB','FR','JP','BR','IN','AU'])[1 + i % 8],
       array[(array['north_america','emea','apac','latin_america'])[1 + i % 4]],
       array[(array['reseller','referral','isv','msp','system_integrator'])[1 + i % 5]],
       case when i % 7 = 0 then array['gold'] else array['standard'] end,
       (array['active','active','active','onboarding','at_risk','prospect'])[1 + i % 6],
       array[(array['software','finance','healthcare','retail'])[1 + i % 4]],
       now() - (i % 1000) * interval '1 hour'
     from generate_series($2::int, $3::int - 1) as g(i)`,
    [workspaceId, from, to],
  );
}
