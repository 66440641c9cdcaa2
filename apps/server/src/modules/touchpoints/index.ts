// The partner touchpoint ledger. Other modules record through this interface only.
export {
  linkTouchpointsToOpportunity,
  type RecordedTouchpoint,
  recordTouchpoint,
  type TouchpointInput,
  voidTouchpointsOf,
} from "./touchpoints.record";
export { touchpoints } from "./touchpoints.schema";
