// Executive reporting: the dashboard, drill-down, exports and board packs.
export { computeDashboard, getDashboard, INFLUENCE_MODEL } from "./reports.dashboard";
export { executeBoardPack, renderBoardPackJob } from "./reports.packs";
export { consoleBoardPackRoutes } from "./reports.packs.routes";
export { findFigureRecords } from "./reports.records";
export { consoleDashboardRoutes } from "./reports.routes";
export { boardPackFiles, boardPacks } from "./reports.schema";
export { type ReportScope, resolvePeriod, scopeOf } from "./reports.scope";
export { computeScorecard, MIN_PEERS } from "./reports.scorecard";
export { consoleScorecardRoutes, portalScorecardRoutes } from "./reports.scorecard.routes";
