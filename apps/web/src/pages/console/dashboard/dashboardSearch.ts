import {
  type DashboardFilters,
  type DrilldownSection,
  type DrillFigure,
  drilldownSections,
  type FlowRole,
  flowRoles,
  headlineMetricKeys,
  healthBandNames,
  partnerTypes,
} from "@symbiont/contracts";

/** A section's records (cohort, health band, at-risk, retention side, penetration row) being drilled into. */
export interface SectionDrill {
  drillSection: DrilldownSection;
  drillCohort?: string;
  drillBand?: (typeof healthBandNames)[number];
  drillSide?: "partner" | "other";
  drillBy?: "region" | "industry";
  drillKey?: string;
  /** An attribution-flow row: the partners' first role. */
  drillRole?: FlowRole;
}

/**
 * The dashboard's URL state: the filters, and the figure being drilled into, narrowed to one
 * partner, region or close month (`YYYY-MM`) when it came from a table row.
 */
export interface DashboardSearch extends DashboardFilters, Partial<SectionDrill> {
  drill?: DrillFigure;
  drillPartner?: string;
  drillRegion?: string;
  drillMonth?: string;
  /** A reciprocal-lead-sharing row: the partner whose leads are shown. */
  drillLeads?: string;
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
  if (uuid.test(text("drillLeads"))) search.drillLeads = text("drillLeads");
  const drillRegion = text("drillRegion");
  if (drillRegion && drillRegion.length <= 60) search.drillRegion = drillRegion;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text("drillMonth"))) search.drillMonth = text("drillMonth");
  const section = text("drillSection");
  if ((drilldownSections as readonly string[]).includes(section)) {
    search.drillSection = section as DrilldownSection;
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text("drillCohort"))) search.drillCohort = text("drillCohort");
    const band = text("drillBand");
    if ((healthBandNames as readonly string[]).includes(band)) search.drillBand = band as SectionDrill["drillBand"];
    const side = text("drillSide");
    if (side === "partner" || side === "other") search.drillSide = side;
    const by = text("drillBy");
    if (by === "region" || by === "industry") search.drillBy = by;
    const key = text("drillKey");
    if (key && key.length <= 80) search.drillKey = key;
    const role = text("drillRole");
    if ((flowRoles as readonly string[]).includes(role)) search.drillRole = role as FlowRole;
  }
  return search;
}

/** Only the filters (what the API takes). */
export function filtersOf(search: DashboardSearch): DashboardFilters {
  const {
    drill: _drill,
    drillPartner: _partner,
    drillRegion: _region,
    drillMonth: _month,
    drillLeads: _leads,
    drillSection: _section,
    drillCohort: _cohort,
    drillBand: _band,
    drillSide: _side,
    drillBy: _by,
    drillKey: _key,
    drillRole: _role,
    ...filters
  } = search;
  return filters;
}

/** The section drill of the URL, when one is open. */
export function sectionDrillOf(search: DashboardSearch): SectionDrill | undefined {
  if (!search.drillSection) return undefined;
  const { drillSection, drillCohort, drillBand, drillSide, drillBy, drillKey, drillRole } = search;
  return { drillSection, drillCohort, drillBand, drillSide, drillBy, drillKey, drillRole };
}

/** A close month narrowed to the period: the first and last day both months and period share. */
export function monthWithin(month: string, period: { from: string; to: string }): { from: string; to: string } {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const first = `${month}-01`;
  const last = new Date(Date.UTC(year, index, 0)).toISOString().slice(0, 10);
  // ISO days compare as text.
  const [from] = [first, period.from].sort().reverse();
  const [to] = [last, period.to].sort();
  return { from: from ?? first, to: to ?? last };
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
