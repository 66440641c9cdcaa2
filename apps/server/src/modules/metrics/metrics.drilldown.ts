import type { DrilldownPage, DrilldownQuery } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { ServiceContext } from "../../platform/context";
import { fieldError } from "../../platform/errors";
import { headlineDefinitions } from "./metrics.definitions";
import { lineDrilldown } from "./metrics.line-drilldown";
import { hasPartnerFilter, partnerSlice, regionSlice, resolvePeriod } from "./metrics.period";
import { assertCanReadMetrics } from "./metrics.policies";
import { assertSlicers } from "./metrics.slicers";

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)).toISOString());

/** The records behind a headline figure: its deals, newest first, or its cost lines or spend entries, paged. */
export async function drilldown(ctx: ServiceContext, query: DrilldownQuery): Promise<DrilldownPage> {
  assertCanReadMetrics(ctx.actor);
  await assertSlicers(ctx.database.db, ctx.actor.workspaceId, query);
  return drilldownPage(ctx.database.db, ctx.actor.workspaceId, query);
}

/** The same for a workspace, slicers already checked (the board pack's evidence, the benchmark). */
export async function drilldownPage(db: DbOrTx, workspaceId: string, query: DrilldownQuery): Promise<DrilldownPage> {
  const definition = headlineDefinitions[query.metric];
  if (!definition.drill) throw fieldError("query.metric", `${definition.label} has no records to list`);
  const period = resolvePeriod(query);
  if (definition.drill === "cost_lines" || definition.drill === "spend") {
    return lineDrilldown(db, workspaceId, query, period, definition.drill);
  }
  const start = period.start.toISOString();
  const end = period.end.toISOString();
  const closedIn = sql`f.closed_at >= ${start} and f.closed_at < ${end}`;
  const slice = hasPartnerFilter(query) ? partnerSlice(query) : sql`true`;
  const predicates: Record<string, SQL> = {
    won_sourced: sql`f.outcome = 'won' and ${closedIn} and ${query.partnerId ? sql`f.sourcing_partner_id = ${query.partnerId}` : sql`f.sourced and ${slice}`}`,
    won_involved: sql`f.outcome = 'won' and ${closedIn} and ${partnerSlice(query)}`,
    closed: sql`f.outcome in ('won', 'lost') and ${closedIn} and ${slice}`,
    won: sql`f.outcome = 'won' and ${closedIn} and ${slice}`,
    open: sql`f.opened_at < ${end} and (f.closed_at is null or f.closed_at >= ${end}) and ${slice}`,
  };
  const where = sql`f.workspace_id = ${workspaceId} and ${regionSlice(query)} and ${predicates[definition.drill] ?? sql`false`}`;
  // The page is cut from the facts alone (in the order of metric_deal_facts_recent_idx), and only its
  // rows are joined to their opportunity, account and partners: a year's deals at a million deals
  // would otherwise all be joined before the sort.
  const rows = await db.execute(sql`
      with page as (
        select f.* from metric_deal_facts f
        where ${where}
        order by coalesce(f.closed_at, f.opened_at) desc, f.opportunity_id
        limit ${query.limit} offset ${query.offset}
      )
      select f.opportunity_id, o.name, coalesce(a.name, o.account_name) as account_name, f.outcome, f.amount_minor,
        f.opened_at, f.closed_at, f.cycle_days, f.sourced, f.partner_involved, f.region,
        coalesce((select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) order by p.name)
          from partners p where p.workspace_id = f.workspace_id and p.id = any(f.partner_ids)), '[]'::jsonb) as partners
      from page f
      join opportunities o on o.workspace_id = f.workspace_id and o.id = f.opportunity_id
      left join accounts a on a.workspace_id = f.workspace_id and a.id = f.account_id
      order by coalesce(f.closed_at, f.opened_at) desc, f.opportunity_id`);
  const count = await db.execute(sql`select count(*)::int as n from metric_deal_facts f where ${where}`);
  return {
    kind: "deals",
    metric: query.metric,
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.rows.map((row) => ({
      opportunityId: String(row.opportunity_id),
      name: String(row.name),
      accountName: row.account_name === null ? null : String(row.account_name),
      outcome: row.outcome as "open" | "won" | "lost",
      amountMinor: row.amount_minor === null ? null : Number(row.amount_minor),
      openedAt: iso(row.opened_at) as string,
      closedAt: iso(row.closed_at),
      cycleDays: row.cycle_days === null ? null : Number(row.cycle_days),
      sourced: Boolean(row.sourced),
      partnerInvolved: Boolean(row.partner_involved),
      region: row.region === null ? null : String(row.region),
      partners: (typeof row.partners === "string" ? JSON.parse(row.partners) : row.partners) as {
        id: string;
        name: string;
      }[],
    })),
  };
}
