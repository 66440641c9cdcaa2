import type { DashboardFilters, DashboardPeriod } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";

const DAY = 86_400_000;

/** The resolved filters of one dashboard request: both periods as dates, and the partner filters. */
export interface ReportScope {
  workspaceId: string;
  period: DashboardPeriod;
  filters: DashboardFilters;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The period (default: the 365 days ending today, UTC) and the previous period of the same length
 * ending the day before it.
 */
export function resolvePeriod(filters: Pick<DashboardFilters, "from" | "to">, today = new Date()): DashboardPeriod {
  const to = filters.to ?? today.toISOString().slice(0, 10);
  const from = filters.from ?? isoDay(dayMs(to) - 364 * DAY);
  const days = Math.round((dayMs(to) - dayMs(from)) / DAY) + 1;
  const previousTo = isoDay(dayMs(from) - DAY);
  const previousFrom = isoDay(dayMs(previousTo) - (days - 1) * DAY);
  return { from, to, previousFrom, previousTo };
}

export function scopeOf(workspaceId: string, filters: DashboardFilters, today?: Date): ReportScope {
  return { workspaceId, period: resolvePeriod(filters, today), filters };
}

/** Midnight UTC starting `date`, as a timestamptz parameter. */
export const startOf = (date: string): SQL => sql`${`${date}T00:00:00Z`}::timestamptz`;
/** Midnight UTC after `date` (the exclusive end of a period ending that day). */
export const endOf = (date: string): SQL => startOf(isoDay(dayMs(date) + DAY));

/**
 * The partners the figures are about: everyone, or those of a role, in a program, at a tier.
 * Direct-only deals (no partner at all) stay the comparison baseline whatever these filters say.
 */
export function eligiblePartners(scope: ReportScope): SQL {
  const { workspaceId, filters } = scope;
  const conditions: SQL[] = [sql`p.workspace_id = ${workspaceId}`];
  if (filters.role) conditions.push(sql`${filters.role} = any(p.types)`);
  if (filters.programId || filters.tierId) {
    const membership: SQL[] = [sql`m.workspace_id = p.workspace_id`, sql`m.partner_id = p.id`];
    if (filters.programId) membership.push(sql`m.program_id = ${filters.programId}`);
    if (filters.tierId) membership.push(sql`m.tier_id = ${filters.tierId}`);
    conditions.push(sql`exists (select 1 from program_memberships m where ${sql.join(membership, sql` and `)})`);
  }
  return sql`select p.id from partners p where ${sql.join(conditions, sql` and `)}`;
}

/**
 * Closed opportunities of the current and the previous period, classified once:
 * `sourced` (an eligible partner sourced it), `touched` (≥ 1 live touchpoint of an eligible
 * partner), `direct` (no partner at all: no sourcing partner, no live touchpoint).
 * Amounts are in the reporting currency, converted at the close date.
 */
export function closedDealsCte(scope: ReportScope): SQL {
  const { workspaceId, period, filters } = scope;
  const region = filters.region ? sql`and a.region = ${filters.region}` : sql``;
  return sql`eligible as (${eligiblePartners(scope)}),
  deals as (
    select o.id, o.outcome, coalesce(o.amount_reporting_minor, 0)::float8 as amount,
      o.opened_at, o.closed_at, a.region, o.sourcing_partner_id,
      o.closed_at >= ${startOf(period.from)} as current,
      coalesce(o.sourcing_partner_id in (select id from eligible), false) as sourced,
      exists (
        select 1 from touchpoints t
        where t.workspace_id = o.workspace_id and t.opportunity_id = o.id and t.voided_at is null
          and t.partner_id in (select id from eligible)
      ) as touched,
      o.sourcing_partner_id is null and not exists (
        select 1 from touchpoints t
        where t.workspace_id = o.workspace_id and t.opportunity_id = o.id and t.voided_at is null
      ) as direct
    from opportunities o
    left join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
    where o.workspace_id = ${workspaceId} and o.outcome <> 'open'
      and o.closed_at >= ${startOf(period.previousFrom)} and o.closed_at < ${endOf(period.to)}
      ${region}
  )`;
}
