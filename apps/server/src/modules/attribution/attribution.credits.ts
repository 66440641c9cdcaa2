// Writes every credited touch of a batch of snapshots: one row per (snapshot, won deal, touch).
// On PostgreSQL the rows stream through one binary COPY (no per-row SQL parsing or text
// conversion); the embedded database's wire bridge has no COPY FROM STDIN, so there the rows go
// in multi-row `unnest` inserts. Both paths write the same rows in the same transaction.
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ModelOutput } from "./attribution.compute";
import { uuidBytes } from "./attribution.ids";
import type { SnapshotJourneys } from "./attribution.rules";
import type { JourneySet } from "./engine";

const COLUMNS = `workspace_id, snapshot_id, opportunity_id, position, touchpoint_id, channel, partner_id, touch_type,
  occurred_at, share, conversions, revenue_minor`;

export interface CreditInput {
  workspaceId: string;
  snapshotIds: readonly string[];
  set: JourneySet;
  collected: SnapshotJourneys;
  outputs: readonly ModelOutput[];
}

export interface CreditTotals {
  /** Rows written over all snapshots. */
  written: number;
  /** Per snapshot and channel: won deals in which the channel holds some credit. */
  deals: Int32Array[];
}

/** One row per touch of a won deal and snapshot; `touch` indexes the set, `wonTouch` the won-touch columns. */
interface CreditSink {
  row(
    snapshot: number,
    journey: number,
    position: number,
    touch: number,
    wonTouch: number,
    share: number,
    revenue: number,
  ): void;
  flushIfFull(): Promise<void>;
  finish(): Promise<void>;
}

/** How many journeys are processed between two pauses (lets the event loop serve requests). */
const JOURNEYS_PER_SLICE = 2_000;

/**
 * Streams the credits through `sink` journey by journey, pausing regularly so the event loop
 * stays responsive, and counts each channel's credited deals on the way.
 */
export async function writeCredits(
  client: PoolClient,
  input: CreditInput,
  options: { copy: boolean; onProgress?: (journeysDone: number) => Promise<void> },
): Promise<CreditTotals> {
  const { set, outputs } = input;
  const sink: CreditSink = options.copy ? new CopySink(client, input) : new UnnestSink(client, input);
  const models = outputs.length;
  const channels = set.channelNames.length;
  const deals = outputs.map(() => new Int32Array(channels));
  const lastDeal = outputs.map(() => new Int32Array(channels).fill(-1));
  const offsets = set.journeyOffsets;
  const journeys = offsets.length - 1;
  let wonTouch = 0;
  let written = 0;
  try {
    for (let j = 0; j < journeys; j++) {
      if (set.conversions[j] !== 0) {
        const start = offsets[j]!;
        const end = offsets[j + 1]!;
        const value = set.value[j]!;
        for (let k = start; k < end; k++) {
          const channel = set.touchChannel[k]!;
          for (let m = 0; m < models; m++) {
            const share = outputs[m]!.shares[k]!;
            if (share > 0 && lastDeal[m]![channel] !== j) {
              lastDeal[m]![channel] = j;
              deals[m]![channel]! += 1;
            }
            sink.row(m, j, k - start, k, wonTouch, share, share * value);
          }
          wonTouch++;
        }
        written += (end - start) * models;
      }
      if ((j + 1) % JOURNEYS_PER_SLICE === 0) {
        await sink.flushIfFull();
        await new Promise((resolve) => setImmediate(resolve));
        if ((j + 1) % (JOURNEYS_PER_SLICE * 25) === 0) await options.onProgress?.(j + 1);
      }
    }
    await sink.finish();
  } catch (error) {
    if (sink instanceof CopySink) sink.abort(error);
    throw error;
  }
  if (wonTouch !== input.collected.wonTouchIds.length) throw new Error("credited touches do not match the read");
  return { written, deals };
}

/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const BUFFER_SIZE = 1 << 22;
const ROW_FIXED = 2 + 12 * 4 + 16 * 5 + 2 + 8 * 4;

/** Binary COPY: each row is field count, then per field its length and big-endian bytes. */
class CopySink implements CreditSink {
  private readonly stream;
  private readonly workspace: Uint8Array;
  private readonly snapshots: Uint8Array[];
  private readonly channels: Buffer[];
  private readonly types: Buffer[];
  private readonly partners: Uint8Array[];
  private readonly maxRow: number;
  private buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  private at = 0;
  private failed: unknown = null;

  constructor(
    client: PoolClient,
    private readonly input: CreditInput,
  ) {
    this.stream = client.query(copyFrom(`copy attribution_credits (${COLUMNS}) from stdin with (format binary)`));
    this.stream.on("error", (error) => {
      this.failed ??= error;
    });
    this.workspace = uuidBytes(input.workspaceId);
    this.snapshots = input.snapshotIds.map(uuidBytes);
    this.channels = input.set.channelNames.map((name) => Buffer.from(name, "utf8"));
    this.types = input.set.touchTypeNames.map((name) => Buffer.from(name, "utf8"));
    this.partners = input.collected.wonTouchPartners.names.map(uuidBytes);
    const longest = (list: Buffer[]) => list.reduce((n, b) => Math.max(n, b.length), 0);
    this.maxRow = ROW_FIXED + longest(this.channels) + longest(this.types);
    this.buffer.write("PGCOPY\n\xff\r\n\0", 0, "latin1");
    this.buffer.writeInt32BE(0, 11);
    this.buffer.writeInt32BE(0, 15);
    this.at = 19;
  }

  row(
    snapshot: number,
    journey: number,
    position: number,
    touch: number,
    wonTouch: number,
    share: number,
    revenue: number,
  ): void {
    if (position > 32_767) throw new Error("an opportunity has more than 32,767 touches");
    if (this.at + this.maxRow > this.buffer.length) this.push();
    const b = this.buffer;
    const { set, collected } = this.input;
    let o = b.writeInt16BE(12, this.at);
    o = this.uuid(this.workspace, o);
    o = this.uuid(this.snapshots[snapshot]!, o);
    o = b.writeInt32BE(16, o);
    collected.opportunityIds.copyTo(journey, b, o);
    o += 16;
    o = b.writeInt32BE(2, o);
    o = b.writeInt16BE(position, o);
    if (collected.wonTouchIds.isNull(wonTouch)) o = b.writeInt32BE(-1, o);
    else {
      o = b.writeInt32BE(16, o);
      collected.wonTouchIds.copyTo(wonTouch, b, o);
      o += 16;
    }
    o = this.text(this.channels[set.touchChannel[touch]!]!, o);
    const partner = collected.wonTouchPartners.at(wonTouch);
    o = partner < 0 ? b.writeInt32BE(-1, o) : this.uuid(this.partners[partner]!, o);
    o = set.touchType ? this.text(this.types[set.touchType[touch]!]!, o) : b.writeInt32BE(-1, o);
    const micros = Math.round((set.touchTime![touch]! - PG_EPOCH_MS) * 1000);
    const high = Math.floor(micros / 4_294_967_296);
    o = b.writeInt32BE(8, o);
    o = b.writeInt32BE(high, o);
    o = b.writeUInt32BE(micros - high * 4_294_967_296, o);
    o = b.writeInt32BE(8, o);
    o = b.writeDoubleBE(share, o);
    o = b.writeInt32BE(8, o);
    o = b.writeDoubleBE(share, o);
    o = b.writeInt32BE(8, o);
    this.at = b.writeDoubleBE(revenue, o);
  }

  private uuid(bytes: Uint8Array, at: number): number {
    const o = this.buffer.writeInt32BE(16, at);
    this.buffer.set(bytes, o);
    return o + 16;
  }

  private text(bytes: Buffer, at: number): number {
    const o = this.buffer.writeInt32BE(bytes.length, at);
    bytes.copy(this.buffer, o);
    return o + bytes.length;
  }

  /** Hands the filled part of the buffer to the stream and starts a new one. */
  private push(): void {
    if (this.failed) throw this.failed;
    this.stream.write(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(BUFFER_SIZE);
    this.at = 0;
  }

  async flushIfFull(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.stream.writableNeedDrain) await once(this.stream, "drain");
  }

  async finish(): Promise<void> {
    if (this.at + 2 > this.buffer.length) this.push();
    this.at = this.buffer.writeInt16BE(-1, this.at);
    this.push();
    this.stream.end();
    await finished(this.stream);
    if (this.failed) throw this.failed;
  }

  abort(error: unknown): void {
    if (!this.stream.destroyed) this.stream.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

const INSERT_BATCH = 20_000;

/** Multi-row inserts from column arrays, one `unnest` statement per batch. */
class UnnestSink implements CreditSink {
  private columns = emptyColumns();
  private readonly partnerNames: readonly string[];

  constructor(
    private readonly client: PoolClient,
    private readonly input: CreditInput,
  ) {
    this.partnerNames = input.collected.wonTouchPartners.names;
  }

  row(
    snapshot: number,
    journey: number,
    position: number,
    touch: number,
    wonTouch: number,
    share: number,
    revenue: number,
  ): void {
    if (position > 32_767) throw new Error("an opportunity has more than 32,767 touches");
    const { set, collected } = this.input;
    const c = this.columns;
    const partner = collected.wonTouchPartners.at(wonTouch);
    c.snapshot.push(this.input.snapshotIds[snapshot]!);
    c.opportunity.push(collected.opportunityIds.get(journey)!);
    c.position.push(position);
    c.touchpoint.push(collected.wonTouchIds.get(wonTouch));
    c.channel.push(set.channelNames[set.touchChannel[touch]!]!);
    c.partner.push(partner < 0 ? null : this.partnerNames[partner]!);
    c.type.push(set.touchType ? set.touchTypeNames[set.touchType[touch]!]! : null);
    c.occurred.push(set.touchTime![touch]! / 1000);
    c.share.push(share);
    c.revenue.push(revenue);
  }

  async flushIfFull(): Promise<void> {
    if (this.columns.snapshot.length >= INSERT_BATCH) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const c = this.columns;
    if (c.snapshot.length === 0) return;
    this.columns = emptyColumns();
    await this.client.query(
      `insert into attribution_credits (${COLUMNS})
       select $1, s, o, p, t, c, pa, ty, to_timestamp(oc), sh, sh, r
       from unnest($2::uuid[], $3::uuid[], $4::int2[], $5::uuid[], $6::text[], $7::uuid[], $8::text[],
                   $9::float8[], $10::float8[], $11::float8[]) as u(s, o, p, t, c, pa, ty, oc, sh, r)`,
      [
        this.input.workspaceId,
        c.snapshot,
        c.opportunity,
        c.position,
        c.touchpoint,
        c.channel,
        c.partner,
        c.type,
        c.occurred,
        c.share,
        c.revenue,
      ],
    );
  }
}

function emptyColumns() {
  return {
    snapshot: [] as string[],
    opportunity: [] as string[],
    position: [] as number[],
    touchpoint: [] as (string | null)[],
    channel: [] as string[],
    partner: [] as (string | null)[],
    type: [] as (string | null)[],
    occurred: [] as number[],
    share: [] as number[],
    revenue: [] as number[],
  };
}
