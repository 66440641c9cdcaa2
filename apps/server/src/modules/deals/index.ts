// Deal registration and rules of engagement. Other modules import only from here.
import "./deals.events";
import "./deals.metrics";

export { CONFLICT_LOOKUP_SQL, NAME_KEY_STATS_SQL, runConflictCheck } from "./deals.check";
export { expireRegistrationsJob, registrationSlaJob } from "./deals.jobs";
export { expireRegistrations, sweepApprovalSla } from "./deals.lifecycle";
export { consoleRegistrationRoutes, portalRegistrationRoutes } from "./deals.routes";
export { dealRegistrations, registrationPolicies } from "./deals.schema";
