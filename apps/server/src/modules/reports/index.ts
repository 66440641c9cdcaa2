// Executive reporting: the dashboard's layout, exports and board packs (figures from the metrics module).
export { computeDashboard, getDashboard, storedDashboard } from "./reports.dashboard";
export { evidenceOf } from "./reports.evidence";
export { executeBoardPack, renderBoardPackJob } from "./reports.packs";
export { consoleBoardPackRoutes } from "./reports.packs.routes";
export { consoleDashboardRoutes } from "./reports.routes";
export { boardPackFiles, boardPacks } from "./reports.schema";
export { type ReportScope, resolvePeriod, scopeOf } from "./reports.scope";
