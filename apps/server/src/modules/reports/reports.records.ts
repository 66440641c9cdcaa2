import type { DashboardRecord, DashboardRecordPage, DashboardRecordsQuery, DrillFigure } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { reportingCurrencyOf } from "../revenue";
import { readers } from "./reports.dashboard";
import { closedDealsCte, type ReportScope, scopeOf } from "./reports.scope";

/** Which classified deals stand behind each drillable figure (current period only). */
const figureCondition: Record<DrillFigure, SQL> = {
  sourced: sql`outcome = 'won' and sourced`,
  influenced: sql`outcome = 'won' and touched`,
  partner_won: sql`outcome = 'won' and (sourced or touched)`,
  partner_lost: sql`outcome = 'lost' and (sourced or touched)`,
  direct_won: sql`outcome = 'won' and direct`,
  direct_lost: sql`outcome = 'lost' and direct`,
};

/** The opportunities behind a figure, largest first, with the partners involved in each. */
export async function findFigureRecords(
  db: DbOrTx,
  scope: ReportScope,
  figure: DrillFigure,
  page: { limit: number; offset: number; partnerId?: string },
): Promise<{ items: DashboardRecord[]; total: number }> {
  const ws = scope.workspaceId;
  const partner = page.partnerId
    ? sql`and (d.sourcing_partner_id = ${page.partnerId} or exists (
        select 1 from touchpoints t where t.workspace_id = ${ws} and t.opportunity_id = d.id
          and t.voided_at is null and t.partner_id = ${page.partnerId}))`
    : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    with ${closedDealsCte(scope)},
    picked as (
      select d.id, count(*) over () as total, d.amount from deals d
      where d.current and ${figureCondition[figure]} ${partner}
      order by d.amount desc, d.closed_at desc, d.id
      limit ${page.limit} offset ${page.offset}
    )
    select o.id, o.name, o.account_name, a.name as account, a.region, o.outcome, o.source,
      o.amount_reporting_minor, o.opened_at, o.closed_at, sp.name as sourcing_partner, picked.total,
      coalesce((
        select array_agg(distinct p.name order by p.name) from touchpoints t
        join partners p on p.workspace_id = t.workspace_id and p.id = t.partner_id
        where t.workspace_id = ${ws} and t.opportunity_id = o.id and t.voided_at is null
      ), '{}') as touching
    from picked
    join opportunities o on o.workspace_id = ${ws} and o.id = picked.id
    left join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
    left join partners sp on sp.workspace_id = o.workspace_id and sp.id = o.sourcing_partner_id
    order by picked.amount desc, o.closed_at desc, o.id`);
  const rows = result.rows;
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    const count = await db.execute<{ n: number }>(sql`
      with ${closedDealsCte(scope)} select count(*)::int as n from deals d
      where d.current and ${figureCondition[figure]} ${partner}`);
    total = count.rows[0]?.n ?? 0;
  }
  const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
  return {
    total,
    items: rows.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      accountName: (row.account ?? row.account_name ?? null) as string | null,
      region: (row.region ?? null) as string | null,
      outcome: row.outcome as DashboardRecord["outcome"],
      source: String(row.source),
      sourcingPartner: (row.sourcing_partner ?? null) as string | null,
      touchingPartners: (row.touching as string[] | null) ?? [],
      amountMinor: row.amount_reporting_minor === null ? null : Number(row.amount_reporting_minor),
      openedAt: iso(row.opened_at),
      closedAt: row.closed_at === null ? null : iso(row.closed_at),
    })),
  };
}

export async function getFigureRecords(
  ctx: ServiceContext,
  query: DashboardRecordsQuery,
): Promise<DashboardRecordPage> {
  requireVendor(ctx.actor, readers);
  const { figure, partnerId, limit, offset, ...filters } = query;
  const scope = scopeOf(ctx.actor.workspaceId, filters);
  const [page, currency] = await Promise.all([
    findFigureRecords(ctx.database.db, scope, figure, { limit, offset, partnerId }),
    reportingCurrencyOf(ctx.database.db, ctx.actor.workspaceId),
  ]);
  return { ...page, currency, figure };
}
