import "./agreements.events";

export { consoleAgreementRoutes, portalAgreementRoutes } from "./agreements.routes";
export { agreementsSeed } from "./agreements.seed";
export { partnerAgreementStatuses } from "./agreements.status";
