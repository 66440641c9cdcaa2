import { type DashboardFilters, type DrillFigure, headlineMetricKeys, partnerTypes } from "@symbiont/contracts";

/** The dashboard's URL state: the filters, and the figure being drilled into. */
export interface DashboardSearch extends DashboardFilters {
  drill?: DrillFigure;
  drillPartner?: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the URL leniently: unknown keys and bad values are dropped, never an error page. */
export function parseDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const search: DashboardSearch = {};
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string).trim() : "");
  if (isoDate.test(text("from"))) search.from = text("from");
  if (isoDate.test(text("to"))) search.to = text("to");
  if (search.from && search.to && search.from > search.to) delete search.from;
  if (uuid.test(text("programId"))) search.programId = text("programId");
  if (uuid.test(text("tierId"))) search.tierId = text("tierId");
  const region = text("region");
  if (region && region.length <= 60) search.region = region;
  const role = text("role");
  if ((partnerTypes as readonly string[]).includes(role)) search.role = role as DashboardFilters["role"];
  const drill = text("drill");
  if ((headlineMetricKeys as readonly string[]).includes(drill)) search.drill = drill as DrillFigure;
  if (uuid.test(text("drillPartner"))) search.drillPartner = text("drillPartner");
  return search;
}

/** Only the filters (what the API takes). */
export function filtersOf(search: DashboardSearch): DashboardFilters {
  const { drill: _drill, drillPartner: _partner, ...filters } = search;
  return filters;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Period presets offered next to the date fields. */
export function periodPresets(today = new Date()): { label: string; from: string; to: string }[] {
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const year = today.getUTCFullYear();
  const quarterStart = Date.UTC(year, Math.floor(today.getUTCMonth() / 3) * 3, 1);
  const lastQuarterStart = Date.UTC(year, Math.floor(today.getUTCMonth() / 3) * 3 - 3, 1);
  return [
    { label: "Last 12 months", from: iso(t - 364 * day), to: iso(t) },
    { label: "Quarter to date", from: iso(quarterStart), to: iso(t) },
    { label: "Last quarter", from: iso(lastQuarterStart), to: iso(quarterStart - day) },
    { label: "Year to date", from: `${year}-01-01`, to: iso(t) },
    { label: "Last year", from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}
