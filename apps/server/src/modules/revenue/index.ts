// Opportunities, revenue events and FX. Other modules create opportunities through `createOpportunity`.
export { convertMinor, isKnownCurrency, minorDigits, rateOn, reportingCurrencyOf, toReporting } from "./revenue.fx";
export {
  conversionDate,
  createOpportunity,
  findOpportunity,
  type NewOpportunity,
  type OpportunityRow,
} from "./revenue.opportunities";
export { fxRates, opportunities, revenueEvents } from "./revenue.schema";
