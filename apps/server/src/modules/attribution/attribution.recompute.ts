// Computes a batch of snapshots (one per model) from ONE consistent read of the workspace:
// read the inputs into columnar journeys, run the models on a worker thread, read again to pair
// each share with its touch, write credits and totals in batches, and mark the snapshots complete
// in the same transaction.
import { and, eq } from "drizzle-orm";
import type { PoolClient } from "pg";
import type { Logger } from "pino";
import type { Database } from "../../db";
import { computeInWorker, computeModel, type ModelOutput, type ModelRun } from "./attribution.compute";
import { channelOf, countInputs, type InputScope, readInputs } from "./attribution.inputs";
import { admit, type Grouping, SnapshotJourneys } from "./attribution.rules";
import { attributionSnapshots } from "./attribution.schema";
import type { AttributionModelName } from "./engine";

type SnapshotRow = typeof attributionSnapshots.$inferSelect;

/** Sets below this many touches are computed in-process; larger ones on a worker thread. */
const WORKER_THRESHOLD = 50_000;
const INSERT_BATCH = 10_000;

export interface RecomputeOptions {
  chunkSize?: number;
  /** Force the worker thread (tests) or in-process computation. */
  useWorker?: boolean;
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
    if (writer !== reader) await writer.query("BEGIN");
    await computeSnapshots(reader, pending, progress, options, writer);
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

  // First read: journeys for the engine.
  const collected = new SnapshotJourneys(scope.grouping);
  let read = 0;
  for await (const chunk of readInputs(client, scope, options.chunkSize)) {
    for (const opportunity of chunk.opportunities) collected.add(opportunity, chunk.touches.get(opportunity.id) ?? []);
    read += chunk.opportunities.length;
    await progress({ processedOpportunities: read });
  }
  const set = collected.build();
  await progress({ phase: "computing" });
  const runs: ModelRun[] = snapshots.map((s) => ({
    model: s.model as AttributionModelName,
    params: s.params as Record<string, unknown>,
  }));
  const useWorker = options.useWorker ?? set.touchChannel.length >= WORKER_THRESHOLD;
  const outputs = useWorker ? await computeInWorker(set, runs) : runs.map((run) => computeModel(set, run));
  const failed = outputs.findIndex((o) => o.error !== null);
  if (failed >= 0) throw new Error(`${runs[failed]!.model}: ${outputs[failed]!.error}`);
  await progress({ phase: "writing", processedOpportunities: 0 });

  // Second read: the same touches in the same order, now with their ids, paired with the shares.
  const channelIds = new Map(set.channelNames.map((name, i) => [name, i]));
  const deals = outputs.map(() => new Int32Array(set.channelNames.length));
  const lastDeal = outputs.map(() => new Int32Array(set.channelNames.length).fill(-1));
  const credits = new CreditWriter(writer, scope.workspaceId);
  let journey = 0;
  let touchIndex = 0;
  read = 0;
  for await (const chunk of readInputs(client, scope, options.chunkSize)) {
    for (const opportunity of chunk.opportunities) {
      const admission = admit(opportunity, chunk.touches.get(opportunity.id) ?? []);
      if ("skipped" in admission) continue;
      if (collected.opportunityIds[journey] !== opportunity.id) throw new Error("the inputs changed between reads");
      admission.touches.forEach((touch, position) => {
        const channel = channelOf(touch, scope.grouping);
        const channelId = channelIds.get(channel)!;
        if (!opportunity.won) return;
        outputs.forEach((output, m) => {
          const share = output.shares[touchIndex + position]!;
          if (share > 0 && lastDeal[m]![channelId] !== journey) {
            lastDeal[m]![channelId] = journey;
            deals[m]![channelId]! += 1;
          }
          credits.add(snapshots[m]!.id, opportunity.id, position, touch, channel, share, admission.value);
        });
      });
      touchIndex += admission.touches.length;
      journey++;
      await credits.flushIfFull();
    }
    read += chunk.opportunities.length;
    await progress({ processedOpportunities: read });
  }
  await credits.flush();
  if (journey !== collected.opportunityIds.length) throw new Error("the inputs changed between reads");

  await writeTotals(writer, scope.workspaceId, snapshots, outputs, set.channelNames, collected, deals);
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

/** Buffers credit rows column by column and inserts them with one `unnest` statement per batch. */
class CreditWriter {
  private snapshot: string[] = [];
  private opportunity: string[] = [];
  private position: number[] = [];
  private touchpoint: (string | null)[] = [];
  private channel: string[] = [];
  private partner: (string | null)[] = [];
  private type: string[] = [];
  private occurred: number[] = [];
  private share: number[] = [];
  private revenue: number[] = [];
  written = 0;

  constructor(
    private readonly client: PoolClient,
    private readonly workspaceId: string,
  ) {}

  add(
    snapshotId: string,
    opportunityId: string,
    position: number,
    touch: { touchpointId: string | null; partnerId: string | null; type: string; occurredMs: number },
    channel: string,
    share: number,
    value: number,
  ): void {
    if (position > 32_767) throw new Error(`opportunity ${opportunityId} has more than 32,767 touches`);
    this.snapshot.push(snapshotId);
    this.opportunity.push(opportunityId);
    this.position.push(position);
    this.touchpoint.push(touch.touchpointId);
    this.channel.push(channel);
    this.partner.push(touch.partnerId);
    this.type.push(touch.type);
    this.occurred.push(touch.occurredMs / 1000);
    this.share.push(share);
    this.revenue.push(share * value);
  }

  async flushIfFull(): Promise<void> {
    if (this.snapshot.length >= INSERT_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.snapshot.length === 0) return;
    await this.client.query(
      `insert into attribution_credits (workspace_id, snapshot_id, opportunity_id, position, touchpoint_id, channel,
         partner_id, touch_type, occurred_at, share, conversions, revenue_minor)
       select $1, s, o, p, t, c, pa, ty, to_timestamp(oc), sh, sh, r
       from unnest($2::uuid[], $3::uuid[], $4::int2[], $5::uuid[], $6::text[], $7::uuid[], $8::text[],
                   $9::float8[], $10::float8[], $11::float8[]) as u(s, o, p, t, c, pa, ty, oc, sh, r)`,
      [
        this.workspaceId,
        this.snapshot,
        this.opportunity,
        this.position,
        this.touchpoint,
        this.channel,
        this.partner,
        this.type,
        this.occurred,
        this.share,
        this.revenue,
      ],
    );
    this.written += this.snapshot.length;
    this.snapshot = [];
    this.opportunity = [];
    this.position = [];
    this.touchpoint = [];
    this.channel = [];
    this.partner = [];
    this.type = [];
    this.occurred = [];
    this.share = [];
    this.revenue = [];
  }
}
