import type { DashboardFilters, DashboardPeriod } from "@symbiont/contracts";
import { resolvePeriod as metricPeriod, previousPeriod } from "../metrics";

/** The resolved filters of one dashboard request: both periods, and the slicers. */
export interface ReportScope {
  workspaceId: string;
  period: DashboardPeriod;
  filters: DashboardFilters;
}

/**
 * The period (default: the 365 days ending today, UTC) and the previous period of the same length
 * ending the day before it — the metrics engine's periods.
 */
export function resolvePeriod(filters: Pick<DashboardFilters, "from" | "to">, today = new Date()): DashboardPeriod {
  const period = metricPeriod(filters, today);
  const previous = previousPeriod(period);
  return { from: period.from, to: period.to, previousFrom: previous.from, previousTo: previous.to };
}

export function scopeOf(workspaceId: string, filters: DashboardFilters, today?: Date): ReportScope {
  return { workspaceId, period: resolvePeriod(filters, today), filters };
}
