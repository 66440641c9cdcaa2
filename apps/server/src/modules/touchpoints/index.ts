// The partner touchpoint ledger. Other modules record through this interface only.

export { touchpointsImportKind } from "./touchpoints.import";
export { loadTouchpointRecords, touchpointsOfOpportunity } from "./touchpoints.queries";
export {
  linkTouchpointsToOpportunity,
  type RecordedTouchpoint,
  recordTouchpoint,
  type TouchpointInput,
  voidTouchpointsOf,
} from "./touchpoints.record";
export { consoleTouchpointRoutes, portalTouchpointRoutes } from "./touchpoints.routes";
export { touchpoints } from "./touchpoints.schema";
export { upsertTouchpointBatch } from "./touchpoints.service";
