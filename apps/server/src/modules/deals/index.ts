// Deal registration and rules of engagement. Other modules import only from here.
import "./deals.events";
import "./deals.metrics";

export { expireRegistrationsJob, registrationSlaJob } from "./deals.jobs";
export { expireRegistrations, sweepApprovalSla } from "./deals.lifecycle";
export { consoleRegistrationRoutes, portalRegistrationRoutes } from "./deals.routes";
export { dealRegistrations, registrationPolicies } from "./deals.schema";
