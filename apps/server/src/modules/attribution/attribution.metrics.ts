import { type AttributionModel, attributionModelLabels } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";

/**
 * A completed snapshot's partner credit per deal as rows (partner_id, opportunity_id, amount), one
 * per credited touch, with the snapshot's active manual overrides applied: a deal with an override
 * is credited by its splits (share × the deal's whole credited revenue, as the results page adjusts
 * it), every other deal by its computed credits. `only` narrows to some partners and deals
 * (subqueries of ids), so a reader of a few partners' credit uses the credits' partner index
 * instead of reading the whole snapshot.
 */
export function partnerDealCreditSql(
  workspaceId: string,
  snapshotId: string,
  only: { partners?: SQL; opportunities?: SQL } = {},
): SQL {
  const partnerIn = (column: SQL) => (only.partners ? sql`and ${column} in (${only.partners})` : sql``);
  const dealIn = (column: SQL) => (only.opportunities ? sql`and ${column} in (${only.opportunities})` : sql``);
  return sql`
    with overridden as (
      select opportunity_id, splits from attribution_overrides
      where workspace_id = ${workspaceId} and snapshot_id = ${snapshotId} and reverted_at is null
        ${dealIn(sql`opportunity_id`)}
    ),
    deal as (
      select c.opportunity_id, sum(c.revenue_minor)::float8 as revenue from attribution_credits c
      join overridden using (opportunity_id)
      where c.workspace_id = ${workspaceId} and c.snapshot_id = ${snapshotId}
      group by 1
    )
    select c.partner_id, c.opportunity_id, c.revenue_minor::float8 as amount from attribution_credits c
    where c.workspace_id = ${workspaceId} and c.snapshot_id = ${snapshotId} and c.partner_id is not null
      and c.opportunity_id not in (select opportunity_id from overridden)
      ${partnerIn(sql`c.partner_id`)} ${dealIn(sql`c.opportunity_id`)}
    union all
    select x.partner_id, x.opportunity_id, x.amount from (
      select (s->>'partnerId')::uuid as partner_id, d.opportunity_id, (s->>'share')::float8 * d.revenue as amount
      from overridden o join deal d using (opportunity_id), jsonb_array_elements(o.splits) s
    ) x where true ${partnerIn(sql`x.partner_id`)}`;
}

/** Models the metrics engine prefers when the latest batch holds several (the first present wins). */
const preferred: AttributionModel[] = ["linear", "time-decay", "w-shaped", "u-shaped", "first", "last"];

export interface PartnerCreditSource {
  name: string;
  snapshotId: string;
  rows: { partnerId: string; month: string; amountMinor: number }[];
}

/**
 * The partner credit of the workspace's latest completed partner-grouped snapshot, per partner and
 * close month of the credited deal, with the snapshot's active manual overrides applied
 * (`partnerDealCreditSql`). Null when the workspace has no completed snapshot. What the metrics
 * engine reads as attributed revenue (dashboard, ROPI, scorecards).
 */
export async function latestPartnerCredit(db: DbOrTx, workspaceId: string): Promise<PartnerCreditSource | null> {
  const order = sql.join(
    preferred.map((model, i) => sql`when ${model} then ${i}`),
    sql` `,
  );
  const found = await db.execute(sql`
    select s.id, s.model, s.completed_at from attribution_snapshots s
    where s.workspace_id = ${workspaceId} and s.status = 'completed' and s.grouping in ('partner', 'partner_touch_type')
      and s.batch_id = (
        select batch_id from attribution_snapshots where workspace_id = ${workspaceId} and status = 'completed'
          and grouping in ('partner', 'partner_touch_type')
        order by completed_at desc, created_at desc limit 1)
    order by case s.model ${order} else 100 end, s.model limit 1`);
  const snapshot = found.rows[0];
  if (!snapshot) return null;
  const snapshotId = String(snapshot.id);
  const credit = await db.execute(sql`
    with credit as (${partnerDealCreditSql(workspaceId, snapshotId)})
    select c.partner_id, to_char(date_trunc('month', o.closed_at at time zone 'UTC'), 'YYYY-MM-DD') as month,
      sum(c.amount)::float8 as amount
    from credit c
    join opportunities o on o.workspace_id = ${workspaceId} and o.id = c.opportunity_id
    where o.closed_at is not null
    group by 1, 2`);
  const overrides = await db.execute(sql`
    select count(*)::int as n from attribution_overrides
    where workspace_id = ${workspaceId} and snapshot_id = ${snapshotId} and reverted_at is null`);
  const active = Number(overrides.rows[0]?.n ?? 0);
  const model = String(snapshot.model) as AttributionModel;
  const completed = new Date(String(snapshot.completed_at)).toISOString().slice(0, 10);
  return {
    name: `${attributionModelLabels[model] ?? model} attribution, snapshot ${snapshotId.slice(0, 8)} of ${completed}, manual overrides applied (${active})`,
    snapshotId,
    rows: credit.rows.map((row) => ({
      partnerId: String(row.partner_id),
      month: String(row.month),
      amountMinor: Number(row.amount),
    })),
  };
}
