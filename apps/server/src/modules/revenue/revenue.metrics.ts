import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { registerTierMetricProvider, type TierMetricQuery } from "../tiers";
import { countedTouchJoin } from "./revenue.classification";

/**
 * Per-partner sums over won opportunities closed in the window, one query for the whole batch:
 * `sourced` = the partner is the source or touched the deal before it was opened; `influenced` =
 * the partner has at least one counted touch (DOMAIN.md §10). Amounts in reporting minor units.
 */
async function wonDealMetric(
  db: DbOrTx,
  query: TierMetricQuery,
  measure: "sourced_revenue" | "influenced_revenue" | "won_deals",
): Promise<Map<string, number>> {
  if (query.partnerIds.length === 0) return new Map();
  const partnerArray = `{${query.partnerIds.join(",")}}`;
  const involvement =
    measure === "sourced_revenue"
      ? sql`select o.sourcing_partner_id where o.sourcing_partner_id is not null
          union select t.partner_id from touchpoints t where ${countedTouchJoin()} and t.occurred_at < o.opened_at`
      : measure === "influenced_revenue"
        ? sql`select t.partner_id from touchpoints t where ${countedTouchJoin()}`
        : sql`select o.sourcing_partner_id where o.sourcing_partner_id is not null
          union select t.partner_id from touchpoints t where ${countedTouchJoin()}`;
  const value = measure === "won_deals" ? sql`count(*)` : sql`coalesce(sum(o.amount_reporting_minor), 0)`;
  const rows = await db.execute<{ partner_id: string; value: string }>(sql`
    select p.partner_id, ${value}::float8 as value
    from opportunities o
    cross join lateral (${involvement}) as p(partner_id)
    where o.workspace_id = ${query.workspaceId}::uuid and o.outcome = 'won'
      and o.closed_at >= ${query.from.toISOString()}::timestamptz and o.closed_at < ${query.to.toISOString()}::timestamptz
      and p.partner_id = any(${partnerArray}::uuid[])
    group by p.partner_id`);
  return new Map(rows.rows.map((r) => [r.partner_id, Number(r.value)]));
}

/** Registers the evidence-backed tier metrics (replacing the tiers module's zero placeholders). */
export function registerRevenueTierMetrics(): void {
  registerTierMetricProvider("sourced_revenue", (db, q) => wonDealMetric(db, q, "sourced_revenue"));
  registerTierMetricProvider("influenced_revenue", (db, q) => wonDealMetric(db, q, "influenced_revenue"));
  registerTierMetricProvider("won_deals", (db, q) => wonDealMetric(db, q, "won_deals"));
}

registerRevenueTierMetrics();
