import type { MetricFilters } from "@symbiont/contracts";
import { type SQL, sql } from "drizzle-orm";

const DAY_MS = 86_400_000;

/** A reporting period: inclusive days `from`..`to`, and the timestamps [start, end) behind them. */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
  days: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function periodOf(from: string, to: string): Period {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS);
  return { from, to, start, end, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) };
}

/** The filters' period; by default the 365 days ending today (UTC). */
export function resolvePeriod(
  filters: { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Period {
  const to = filters.to ?? (filters.from ? day(new Date(Math.max(now.getTime(), Date.parse(filters.from)))) : day(now));
  const from = filters.from ?? day(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY_MS));
  return periodOf(from, to);
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const to = day(new Date(period.start.getTime() - DAY_MS));
  const from = day(new Date(period.start.getTime() - period.days * DAY_MS));
  return periodOf(from, to);
}

/** True when any partner slicer (program, partner, tier, role) is set. */
export function hasPartnerFilter(filters: MetricFilters): boolean {
  return Boolean(filters.programId || filters.partnerId || filters.tierId || filters.role);
}

/** The partner slicers over `metric_deal_facts f` (or any table with the same array columns). */
export function partnerSlice(filters: MetricFilters, alias = sql`f`): SQL {
  const parts: SQL[] = [];
  if (filters.partnerId) parts.push(sql`${alias}.partner_ids @> array[${filters.partnerId}]::uuid[]`);
  if (filters.programId) parts.push(sql`${alias}.program_ids @> array[${filters.programId}]::uuid[]`);
  if (filters.tierId) parts.push(sql`${alias}.tier_ids @> array[${filters.tierId}]::uuid[]`);
  if (filters.role) parts.push(sql`${alias}.roles @> array[${filters.role}]::text[]`);
  return parts.length === 0 ? sql`${alias}.partner_involved` : sql.join(parts, sql` and `);
}

/** The region slicer: the deal's account region, case-insensitive. */
export function regionSlice(filters: MetricFilters, alias = sql`f`): SQL {
  return filters.region ? sql`lower(${alias}.region) = lower(${filters.region})` : sql`true`;
}

/**
 * Which group a deal belongs to: `true` partner-involved (matching the partner slicers),
 * `false` direct-only, null neither (deals of other partners when slicing by partner).
 */
export function groupExpression(filters: MetricFilters): SQL {
  return sql`case when ${partnerSlice(filters)} then true when not f.partner_involved then false end`;
}

/** The partner slicers over `metric_partner_months` (one partner per row); `true` without slicers. */
export function partnerMonthSlice(filters: MetricFilters, alias = sql`m`): SQL {
  const parts: SQL[] = [];
  if (filters.partnerId) parts.push(sql`${alias}.partner_id = ${filters.partnerId}`);
  if (filters.programId) parts.push(sql`${alias}.program_ids @> array[${filters.programId}]::uuid[]`);
  if (filters.tierId) parts.push(sql`${alias}.tier_ids @> array[${filters.tierId}]::uuid[]`);
  if (filters.role) parts.push(sql`${alias}.roles @> array[${filters.role}]::text[]`);
  if (filters.region) parts.push(sql`${filters.region} = any(${alias}.regions)`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}
