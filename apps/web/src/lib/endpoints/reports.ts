import type {
  BoardPack,
  Dashboard,
  DashboardFilters,
  DashboardTable,
  DrilldownPage,
  DrillFigure,
  ExportFormat,
  SectionDrilldownPage,
  SectionDrilldownQuery,
} from "@symbiont/contracts";
import { buildUrl, request } from "../http";

/** The executive dashboard, its drill-down, table exports and board packs. */
export const reportEndpoints = {
  dashboard: (filters: DashboardFilters, signal?: AbortSignal) =>
    request<Dashboard>("GET", "/api/console/dashboard", { query: { ...filters }, signal }),
  /** The records behind a figure: the metric's own drill-down (deals or cost lines), with the same filters. */
  dashboardRecords: (
    params: DashboardFilters & { metric: DrillFigure; partnerId?: string; limit: number; offset: number },
    signal?: AbortSignal,
  ) => request<DrilldownPage>("GET", "/api/console/metrics/drilldown", { query: { ...params }, signal }),
  /** The records behind a section that is not a headline metric (a cohort, a health band, retention, …). */
  sectionRecords: (
    params: DashboardFilters & Omit<SectionDrilldownQuery, keyof DashboardFilters | "partnerId">,
    signal?: AbortSignal,
  ) =>
    request<SectionDrilldownPage>("GET", "/api/console/metrics/drilldown/sections", { query: { ...params }, signal }),
  /** A link that downloads one table (the browser handles the file). */
  dashboardExportUrl: (table: DashboardTable, format: ExportFormat, filters: DashboardFilters) =>
    buildUrl("/api/console/dashboard/export", { ...filters, table, format }),
  boardPacks: {
    list: (signal?: AbortSignal) => request<{ items: BoardPack[] }>("GET", "/api/console/board-packs", { signal }),
    create: (filters: DashboardFilters) => request<BoardPack>("POST", "/api/console/board-packs", { body: filters }),
    get: (id: string, signal?: AbortSignal) =>
      request<BoardPack>("GET", `/api/console/board-packs/${encodeURIComponent(id)}`, { signal }),
    downloadUrl: (id: string) => `/api/console/board-packs/${encodeURIComponent(id)}/download`,
  },
};
