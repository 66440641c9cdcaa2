export { AttributionPage } from "./AttributionPage";
export { OpportunityAttributionPanel } from "./OpportunityAttributionPanel";
export { PartnerEvidenceTab } from "./PartnerEvidenceTab";
export { PathAnalysisPage } from "./PathAnalysisPage";
