// Opportunities, revenue events and FX. Other modules create opportunities through `createOpportunity`.
export {
  ACCOUNT_TOUCH_LOOKBACK_DAYS,
  type ClassifiableOpportunity,
  type ClassifiableTouch,
  classifyOpportunities,
  classifyOpportunity,
  countedTouchJoin,
} from "./revenue.classification";
export { convertMinor, isKnownCurrency, minorDigits, rateOn, reportingCurrencyOf, toReporting } from "./revenue.fx";

import "./revenue.metrics";

export { upsertOpportunities } from "./revenue.bulk";
export { type CrmOpportunityRow, writeCrmOpportunities } from "./revenue.import.crm";
export { fxRatesImportKind, opportunitiesImportKind, revenueEventsImportKind } from "./revenue.import.kinds";
export {
  conversionDate,
  createOpportunity,
  findOpportunity,
  type NewOpportunity,
  type OpportunityRow,
} from "./revenue.opportunities";
export { writeFxRates } from "./revenue.rates.service";
export { recomputeOpportunityAmounts, recomputeRevenueEventAmounts } from "./revenue.recompute";
export { bulkPath, checkReferences, type FieldPath, IssueList, singlePath } from "./revenue.refs";
export { consoleRevenueRoutes, portalRevenueRoutes } from "./revenue.routes";
export { fxRates, opportunities, revenueEvents } from "./revenue.schema";
export { type PipelineStats, pipelineStats } from "./revenue.stats";
