export { runPartnerImportJob } from "./partners.import";
export { ImportUsageError, runPartnerImportCommand } from "./partners.import.cli";
export { consolePartnerImportRoutes } from "./partners.import.routes";
export { changePartnerStage, stageTransitionError, transitionPartnerStage } from "./partners.lifecycle";
export {
  findPartnerPage,
  findPartnerRecord,
  findPartnerRow,
  listCustomFieldDefinitions,
  type PartnerPageRequest,
  type PartnerRow,
  type PartnerSort,
  partnerFilterWhere,
} from "./partners.queries";
export { consolePartnerRoutes, portalPartnerRoutes } from "./partners.routes";
export { allowedStageTransitions, canTransition, domainFromWebsite, validateCustomFields } from "./partners.rules";
export {
  partnerCustomFields,
  partnerDirectorySettings,
  partnerStageTransitions,
  partners,
} from "./partners.schema";
export { partnerManagersSeed, partnersSeed } from "./partners.seed";
export { consolePartnerSettingsRoutes } from "./partners.settings.routes";
export { insertPartner, type NewPartner, updatePartnerRow } from "./partners.writes";
