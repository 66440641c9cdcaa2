// Reads a snapshot's inputs from the database in chunks: closed opportunities (won convert, lost
// are the null paths) with their non-void touches up to the cut-off, in one stable order, so a
// second read inside the same transaction visits exactly the same touches.
import type { PoolClient } from "pg";
import type { Grouping } from "./attribution.rules";

export interface InputScope {
  workspaceId: string;
  cutoffAt: Date;
  periodStart: Date | null;
  grouping: Grouping;
  includeDirect: boolean;
}

export interface InputOpportunity {
  id: string;
  won: boolean;
  amountMinor: number | null;
  currency: string | null;
  /** In the reporting currency; null when no rate is known for the deal's currency. */
  amountReportingMinor: number | null;
  openedMs: number;
  closedMs: number;
}

export interface InputTouch {
  /** Null for a direct sales engagement. */
  touchpointId: string | null;
  partnerId: string | null;
  type: string;
  occurredMs: number;
  weight: number | null;
}

export const DIRECT_CHANNEL = "direct";

/** The channel key a touch is credited to under a grouping. */
export function channelOf(touch: InputTouch, grouping: Grouping): string {
  if (touch.partnerId === null) return DIRECT_CHANNEL;
  if (grouping === "partner") return touch.partnerId;
  if (grouping === "touch_type") return touch.type;
  return `${touch.partnerId}|${touch.type}`;
}

const OPPORTUNITIES = `
  select o.id, o.outcome = 'won', o.amount_minor::float8, o.currency, o.amount_reporting_minor::float8,
         extract(epoch from o.opened_at) * 1000, extract(epoch from o.closed_at) * 1000, o.account_id
  from opportunities o
  where o.workspace_id = $1 and o.outcome in ('won', 'lost') and o.closed_at <= $2
    and ($3::timestamptz is null or o.closed_at >= $3) and o.id > $4
  order by o.id
  limit $5`;

// Touches on the deal itself, touches on its account not tied to another deal, and (optionally)
// direct sales engagements on its account. A touch voided after the cut-off still counts: the
// snapshot shows the ledger as it stood then. The chunk's id range ($6, $7) lets PostgreSQL read
// just that slice of the touchpoints index; without it the planner may hash the whole table for
// every chunk, which makes a large read quadratic.
const TOUCHES = `
  with chunk as (select * from unnest($2::uuid[], $3::uuid[]) as c(opportunity_id, account_id))
  select c.opportunity_id, t.id, t.partner_id, t.type, extract(epoch from t.occurred_at) * 1000, t.weight::float8
  from chunk c join touchpoints t on t.workspace_id = $1 and t.opportunity_id = c.opportunity_id
  where t.opportunity_id between $6 and $7 and t.occurred_at <= $4 and (t.voided_at is null or t.voided_at > $4)
  union all
  select c.opportunity_id, t.id, t.partner_id, t.type, extract(epoch from t.occurred_at) * 1000, t.weight::float8
  from chunk c join touchpoints t on t.workspace_id = $1 and t.account_id = c.account_id and t.opportunity_id is null
  where t.occurred_at <= $4 and (t.voided_at is null or t.voided_at > $4)
  union all
  select c.opportunity_id, null, null, 'direct', extract(epoch from d.engaged_at) * 1000, null
  from chunk c join direct_engagements d on d.workspace_id = $1 and d.account_id = c.account_id
  where $5 and d.engaged_at <= $4
  order by 1, 5, 2`;

type Row = unknown[];

export interface InputChunk {
  opportunities: InputOpportunity[];
  /** Touches per opportunity, ordered by time (ties by touchpoint id, direct engagements last). */
  touches: Map<string, InputTouch[]>;
}

/** Counts the opportunities a read will visit (for progress). */
export async function countInputs(client: PoolClient, scope: InputScope): Promise<number> {
  const result = await client.query<{ n: number }>(
    `select count(*)::int as n from opportunities o where o.workspace_id = $1 and o.outcome in ('won', 'lost')
       and o.closed_at <= $2 and ($3::timestamptz is null or o.closed_at >= $3)`,
    [scope.workspaceId, scope.cutoffAt, scope.periodStart],
  );
  return result.rows[0]?.n ?? 0;
}

/** Streams the inputs chunk by chunk (keyset over opportunity ids). */
export async function* readInputs(
  client: PoolClient,
  scope: InputScope,
  chunkSize = 20_000,
): AsyncGenerator<InputChunk> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await client.query<Row>({
      text: OPPORTUNITIES,
      values: [scope.workspaceId, scope.cutoffAt, scope.periodStart, after, chunkSize],
      rowMode: "array",
    });
    if (rows.length === 0) return;
    const opportunities: InputOpportunity[] = rows.map((r) => ({
      id: r[0] as string,
      won: r[1] as boolean,
      amountMinor: r[2] === null ? null : Number(r[2]),
      currency: r[3] as string | null,
      amountReportingMinor: r[4] === null ? null : Number(r[4]),
      openedMs: Number(r[5]),
      closedMs: Number(r[6]),
    }));
    const touchRows = await client.query<Row>({
      text: TOUCHES,
      values: [
        scope.workspaceId,
        rows.map((r) => r[0]),
        rows.map((r) => r[7]),
        scope.cutoffAt,
        scope.includeDirect,
        rows[0]![0],
        rows[rows.length - 1]![0],
      ],
      rowMode: "array",
    });
    const touches = new Map<string, InputTouch[]>();
    let sinceYield = 0;
    for (const r of touchRows.rows) {
      // A chunk holds a few hundred thousand touches: let the event loop serve requests meanwhile.
      if (++sinceYield === 20_000) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const opportunityId = r[0] as string;
      let list = touches.get(opportunityId);
      if (!list) {
        list = [];
        touches.set(opportunityId, list);
      }
      list.push({
        touchpointId: r[1] as string | null,
        partnerId: r[2] as string | null,
        type: r[3] as string,
        occurredMs: Number(r[4]),
        weight: r[5] === null ? null : Number(r[5]),
      });
    }
    yield { opportunities, touches };
    after = rows[rows.length - 1]![0] as string;
    if (rows.length < chunkSize) return;
  }
}
