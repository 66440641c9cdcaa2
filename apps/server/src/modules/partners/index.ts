export { consolePartnerRoutes, portalPartnerRoutes } from "./partners.routes";
export { partners } from "./partners.schema";
export { partnersSeed } from "./partners.seed";
