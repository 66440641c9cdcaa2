import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";

export interface PipelineStats {
  won: number;
  lost: number;
  open: number;
  /** won ÷ (won + lost); null without closed deals. */
  winRate: number | null;
  /** Mean reporting amount of won deals (minor units); null without won deals. */
  averageWonMinor: number | null;
  /** Mean days from created to closed over won deals. */
  averageWonCycleDays: number | null;
  /** open × average won amount × win rate ÷ average cycle days (minor units per day). */
  velocityMinorPerDay: number | null;
}

/**
 * The pipeline figures of DOMAIN.md §10 over a workspace's opportunities in one aggregate query:
 * win rate, average won deal, average won cycle and sales velocity. Deals closed in [from, to)
 * count as won/lost; `open` counts deals open now.
 */
export async function pipelineStats(
  db: DbOrTx,
  workspaceId: string,
  period: { from?: Date; to?: Date } = {},
): Promise<PipelineStats> {
  const from = period.from?.toISOString() ?? null;
  const to = period.to?.toISOString() ?? null;
  const result = await db.execute<Record<string, string | null>>(sql`
    with o as (
      select outcome, amount_reporting_minor, opened_at, closed_at from opportunities
      where workspace_id = ${workspaceId}::uuid
        and (outcome = 'open' or ((${from}::timestamptz is null or closed_at >= ${from}::timestamptz)
          and (${to}::timestamptz is null or closed_at < ${to}::timestamptz)))
    ), s as (
      select count(*) filter (where outcome = 'won') as won,
        count(*) filter (where outcome = 'lost') as lost,
        count(*) filter (where outcome = 'open') as open,
        avg(amount_reporting_minor) filter (where outcome = 'won') as avg_won,
        avg(extract(epoch from closed_at - opened_at) / 86400) filter (where outcome = 'won') as avg_cycle
      from o
    )
    select won, lost, open, avg_won::float8 as avg_won, avg_cycle::float8 as avg_cycle,
      (won::numeric / nullif(won + lost, 0))::float8 as win_rate,
      (open * avg_won * (won::numeric / nullif(won + lost, 0)) / nullif(avg_cycle, 0))::float8 as velocity
    from s`);
  const row = result.rows[0] ?? {};
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    won: Number(row.won ?? 0),
    lost: Number(row.lost ?? 0),
    open: Number(row.open ?? 0),
    winRate: num(row.win_rate),
    averageWonMinor: num(row.avg_won),
    averageWonCycleDays: num(row.avg_cycle),
    velocityMinorPerDay: num(row.velocity),
  };
}
