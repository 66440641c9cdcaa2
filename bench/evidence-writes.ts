// Evidence writes at scale, on PostgreSQL: bulk upsert throughput (rows/s) of opportunities and
// touchpoints through the same functions the API and the imports use (validation, set-based
// upsert, FX conversion, bulk audit), in batches of 5,000 per transaction; then the time to change
// one FX rate when every opportunity converts at it (the recomputation runs in that transaction).
//
//   npx tsx bench/evidence-writes.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_evidence_bench` is created there, migrated, and dropped at the end
// (BENCH_KEEP=1 keeps it). BENCH_ROWS (100,000), BENCH_BATCH (5,000).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { UpsertOpportunityItem, UpsertTouchpointItem } from "@symbiont/contracts";
import pg from "pg";
import { createDatabase, runMigrations, transaction } from "../apps/server/src/db";
import { partners } from "../apps/server/src/modules/partners";
import { bulkPath, upsertOpportunities, writeFxRates } from "../apps/server/src/modules/revenue";
import { upsertTouchpointBatch } from "../apps/server/src/modules/touchpoints";
import { createWorkspace } from "../apps/server/src/modules/workspaces";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);
const DB_NAME = "symbiont_evidence_bench";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function main() {
  await admin(`drop database if exists ${DB_NAME}`);
  await admin(`create database ${DB_NAME}`);
  const database = await createDatabase({ url: benchUrl, poolSize: 4, applicationName: "bench-evidence" });
  try {
    await runMigrations(database);
    const { workspaceId, partnerIds } = await transaction(database, async (tx) => {
      const workspace = await createWorkspace(tx, { name: "Bench Vendor", slug: "bench" }, "bench");
      const rows = await tx
        .insert(partners)
        .values(Array.from({ length: 200 }, (_, i) => ({ workspaceId: workspace.id, name: `Partner ${i}` })))
        .returning({ id: partners.id });
      return { workspaceId: workspace.id, partnerIds: rows.map((r) => r.id) };
    });
    const source = { actor: { kind: "system" as const, workspaceId, label: "bench" } };
    await transaction(database, (tx) =>
      writeFxRates(tx, source, workspaceId, [{ currency: "EUR", rateDate: "2023-12-01", rate: 1.08 }], bulkPath),
    );

    const opportunity = (i: number, stage: string): UpsertOpportunityItem => {
      const won = i % 3 === 0;
      const lost = i % 3 === 1;
      return {
        externalId: `OPP-${i}`,
        name: `Deal ${i}`,
        stage,
        outcome: won ? "won" : lost ? "lost" : "open",
        amountMinor: 100_000 + (i % 997) * 1_000,
        currency: "EUR",
        openedAt: day(i % 300),
        closedAt: won || lost ? day((i % 300) + 30 + (i % 60)) : null,
        products: ["Platform"],
        source: i % 5 === 0 ? "partner_sourced" : "direct",
        sourcingPartnerId: i % 5 === 0 ? (partnerIds[i % partnerIds.length] ?? null) : null,
        ownerName: `Rep ${i % 40}`,
      };
    };
    const runBatches = async <T>(make: (i: number) => T, write: (batch: T[]) => Promise<unknown>) => {
      for (let start = 0; start < ROWS; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, k) => make(start + k));
        await write(batch);
      }
    };
    const writeOpportunities = (stage: string) =>
      timed(() =>
        runBatches(
          (i) => opportunity(i, stage),
          (batch) => transaction(database, (tx) => upsertOpportunities(tx, source, workspaceId, batch, bulkPath)),
        ),
      );
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const insertOpps = await writeOpportunities("Engaging");
    const updateOpps = await writeOpportunities("Negotiation");
    const ids = (
      await database.pool.query<{ external_id: string; id: string }>(
        "select external_id, id from opportunities where workspace_id = $1",
        [workspaceId],
      )
    ).rows;
    const idOf = new Map(ids.map((r) => [r.external_id, r.id]));
    const touch = (i: number): UpsertTouchpointItem => ({
      externalId: `T-${i}`,
      partnerId: partnerIds[(i * 7) % partnerIds.length] ?? "",
      type: i % 2 === 0 ? "co_sell_meeting" : "introduction",
      occurredAt: day((i % 300) + (i % 20)),
      opportunityId: idOf.get(`OPP-${i}`) ?? null,
      accountId: null,
    });
    const insertTouches = await timed(() =>
      runBatches(touch, (batch) =>
        transaction(database, (tx) => upsertTouchpointBatch(tx, source, workspaceId, batch, "import")),
      ),
    );
    const eurOpportunities = ids.length;
    const fx = await timed(() =>
      transaction(database, (tx) =>
        writeFxRates(tx, source, workspaceId, [{ currency: "EUR", rateDate: "2023-12-01", rate: 1.1 }], bulkPath),
      ),
    );
    const load = loadavg();
    const results = {
      rows: ROWS,
      batch: BATCH,
      opportunities: {
        insertRowsPerSecond: Math.round(ROWS / (insertOpps.ms / 1000)),
        updateRowsPerSecond: Math.round(ROWS / (updateOpps.ms / 1000)),
        insertSeconds: insertOpps.ms / 1000,
        updateSeconds: updateOpps.ms / 1000,
      },
      touchpoints: {
        insertRowsPerSecond: Math.round(ROWS / (insertTouches.ms / 1000)),
        insertSeconds: insertTouches.ms / 1000,
      },
      fxRecompute: {
        affectedOpportunities: fx.value.recomputedOpportunities,
        expectedAffected: eurOpportunities,
        seconds: fx.ms / 1000,
      },
      loadAverage: load,
      at: new Date().toISOString(),
    };
    console.log(
      `opportunities: ${ROWS} inserted in ${(insertOpps.ms / 1000).toFixed(1)} s (${results.opportunities.insertRowsPerSecond} rows/s), updated in ${(updateOpps.ms / 1000).toFixed(1)} s (${results.opportunities.updateRowsPerSecond} rows/s)`,
    );
    console.log(
      `touchpoints:   ${ROWS} inserted in ${(insertTouches.ms / 1000).toFixed(1)} s (${results.touchpoints.insertRowsPerSecond} rows/s)`,
    );
    console.log(
      `FX change:     ${fx.value.recomputedOpportunities} opportunities recomputed in ${(fx.ms / 1000).toFixed(2)} s (one transaction)`,
    );
    console.log(`load average after: ${load.map((l) => l.toFixed(2)).join(" ")}`);
    const dir = fileURLToPath(new URL("./results/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}evidence-writes.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await admin(`drop database if exists ${DB_NAME}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
