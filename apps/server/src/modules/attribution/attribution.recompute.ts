// Computes a batch of snapshots (one per model) from ONE consistent read of the workspace:
// read the inputs once into columnar journeys (ids kept as bytes), run the models on a worker
// thread, stream the credits (binary COPY on PostgreSQL) and write the totals, and mark the
// snapshots complete in the same transaction.
import { and, eq } from "drizzle-orm";
import type { PoolClient } from "pg";
import type { Logger } from "pino";
import type { Database } from "../../db";
import { computeInWorkerLending, computeModel, type ModelOutput, type ModelRun } from "./attribution.compute";
import { writeCredits } from "./attribution.credits";
import { countInputs, type InputScope, readInputs } from "./attribution.inputs";
import { type Grouping, SnapshotJourneys } from "./attribution.rules";
import { attributionSnapshots } from "./attribution.schema";
import type { AttributionModelName } from "./engine";

type SnapshotRow = typeof attributionSnapshots.$inferSelect;

/** Sets below this many touches are computed in-process; larger ones on a worker thread. */
const WORKER_THRESHOLD = 50_000;
/** Opportunities collected between two pauses of the read loop. */
const YIELD_EVERY = 2_000;

export interface RecomputeOptions {
  chunkSize?: number;
  /** Force the worker thread (tests) or in-process computation. */
  useWorker?: boolean;
  /** Write credits with binary COPY (PostgreSQL); otherwise multi-row inserts. */
  copy?: boolean;
  logger?: Logger;
}

export async function recomputeBatch(
  database: Database,
  workspaceId: string,
  batchId: string,
  options: RecomputeOptions = {},
): Promise<void> {
  const snapshots = await database.db
    .select()
    .from(attributionSnapshots)
    .where(and(eq(attributionSnapshots.workspaceId, workspaceId), eq(attributionSnapshots.batchId, batchId)));
  const pending = snapshots.filter((s) => s.status === "queued" || s.status === "running");
  const first = pending[0];
  if (!first) return;
  const ids = pending.map((s) => s.id);
  const progress = progressWriter(database, workspaceId, batchId);
  await progress({ status: "running", phase: "reading", startedAt: new Date(), processedOpportunities: 0 }, true);
  // Both reads see one snapshot of the data (REPEATABLE READ). On PostgreSQL the results are
  // written through a second connection, so progress updates never conflict with the reader's
  // snapshot; the embedded database has one connection, which then does both.
  const reader = await database.pool.connect();
  const writer = database.kind === "postgres" ? await database.pool.connect() : reader;
  const release = () => {
    reader.release();
    if (writer !== reader) writer.release();
  };
  try {
    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    // Each chunk's touches (a few hundred thousand rows) are sorted in memory rather than on disk.
    await reader.query("SET LOCAL work_mem = '64MB'");
    if (writer !== reader) await writer.query("BEGIN");
    await computeSnapshots(reader, pending, progress, { copy: database.kind === "postgres", ...options }, writer);
    if (writer !== reader) await writer.query("COMMIT");
    await reader.query("COMMIT");
  } catch (error) {
    if (writer !== reader) await writer.query("ROLLBACK").catch(() => undefined);
    await reader.query("ROLLBACK").catch(() => undefined);
    release();
    const message = error instanceof Error ? error.message : String(error);
    options.logger?.error({ err: error, batchId }, "attribution recompute failed");
    await progress({ status: "failed", phase: null, failure: message.slice(0, 500), completedAt: new Date() }, true);
    throw error;
  }
  release();
  options.logger?.info({ batchId, snapshots: ids.length }, "attribution snapshots computed");
}

type Progress = (values: Partial<typeof attributionSnapshots.$inferInsert>, always?: boolean) => Promise<void>;

// Progress goes through another connection so it is visible while the computing transaction runs;
// the embedded database has one connection only, so there progress is written at the ends.
function progressWriter(database: Database, workspaceId: string, batchId: string): Progress {
  return async (values, always = false) => {
    if (!always && database.kind !== "postgres") return;
    await database.db
      .update(attributionSnapshots)
      .set(values)
      .where(and(eq(attributionSnapshots.workspaceId, workspaceId), eq(attributionSnapshots.batchId, batchId)));
  };
}

/**
 * Computes and writes queued snapshots of one batch on `client`, inside the caller's transaction
 * (the job opens a REPEATABLE READ one; the demo seed runs in its own).
 */
export async function computeSnapshots(
  client: PoolClient,
  snapshots: SnapshotRow[],
  progress: Progress = async () => undefined,
  options: RecomputeOptions = {},
  writer: PoolClient = client,
): Promise<void> {
  const first = snapshots[0]!;
  const scope: InputScope = {
    workspaceId: first.workspaceId,
    cutoffAt: first.cutoffAt,
    periodStart: first.periodStart,
    grouping: first.grouping as Grouping,
    includeDirect: first.includeDirect,
  };
  const total = await countInputs(client, scope);
  await progress({ totalOpportunities: total });

  // One read: journeys for the engine, plus the ids the credits need in compact columns.
  const collected = new SnapshotJourneys(scope.grouping);
  let read = 0;
  for await (const chunk of readInputs(client, scope, options.chunkSize)) {
    let sinceYield = 0;
    for (const opportunity of chunk.opportunities) {
      collected.add(opportunity, chunk.touches.get(opportunity.id) ?? []);
      // Keep the event loop serving requests between slices of a large chunk.
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    read += chunk.opportunities.length;
    await progress({ processedOpportunities: read });
  }
  let set = collected.build();
  await progress({ phase: "computing" });
  const runs: ModelRun[] = snapshots.map((s) => ({
    model: s.model as AttributionModelName,
    params: s.params as Record<string, unknown>,
  }));
  const useWorker = options.useWorker ?? set.touchChannel.length >= WORKER_THRESHOLD;
  let outputs: ModelOutput[];
  if (useWorker) ({ outputs, set } = await computeInWorkerLending(set, runs));
  else outputs = runs.map((run) => computeModel(set, run));
  const failed = outputs.findIndex((o) => o.error !== null);
  if (failed >= 0) throw new Error(`${runs[failed]!.model}: ${outputs[failed]!.error}`);
  await progress({ phase: "writing", processedOpportunities: 0 });

  const journeys = set.journeyOffsets.length - 1;
  const credits = await writeCredits(
    writer,
    { workspaceId: scope.workspaceId, snapshotIds: snapshots.map((s) => s.id), set, collected, outputs },
    {
      copy: options.copy ?? false,
      onProgress: (done) => progress({ processedOpportunities: Math.round((done / Math.max(1, journeys)) * read) }),
    },
  );

  await writeTotals(writer, scope.workspaceId, snapshots, outputs, set.channelNames, collected, credits.deals);
  const counts = {
    wonDeals: collected.won,
    lostDeals: collected.lost,
    touches: collected.touches,
    channels: set.channelNames.length,
    credits: credits.written / Math.max(1, snapshots.length),
  };
  for (const [m, snapshot] of snapshots.entries()) {
    const output = outputs[m]!;
    await writer.query(
      `update attribution_snapshots set status = 'completed', phase = null, processed_opportunities = $3,
         total_opportunities = $3, counts = $4, issues = $5, total_conversions = $6, total_revenue_minor = $7,
         completed_at = now()
       where workspace_id = $1 and id = $2`,
      [
        snapshot.workspaceId,
        snapshot.id,
        read,
        JSON.stringify(counts),
        JSON.stringify(collected.issues.list()),
        sum(output.conversions),
        sum(output.value),
      ],
    );
  }
}

const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

async function writeTotals(
  client: PoolClient,
  workspaceId: string,
  snapshots: SnapshotRow[],
  outputs: ModelOutput[],
  channelNames: readonly string[],
  collected: SnapshotJourneys,
  deals: Int32Array[],
): Promise<void> {
  for (const [m, snapshot] of snapshots.entries()) {
    const output = outputs[m]!;
    const meta = channelNames.map((name) => collected.channels.get(name)!);
    await client.query(
      `insert into attribution_channel_totals
         (workspace_id, snapshot_id, channel, partner_id, touch_type, conversions, revenue_minor, deals, removal_effect)
       select $1, $2, * from unnest($3::text[], $4::uuid[], $5::text[], $6::float8[], $7::float8[], $8::int[], $9::float8[])`,
      [
        workspaceId,
        snapshot.id,
        channelNames,
        meta.map((c) => c.partnerId),
        meta.map((c) => c.touchType),
        Array.from(output.conversions),
        Array.from(output.value),
        Array.from(deals[m]!),
        output.removalEffect ? Array.from(output.removalEffect) : channelNames.map(() => null),
      ],
    );
  }
}
