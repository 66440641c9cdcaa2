import { recomputeAttributionJob } from "./modules/attribution";
import { expireRegistrationsJob, registrationSlaJob } from "./modules/deals";
import { expireInvitationsJob } from "./modules/identity";
import { reassignExpiredOffersJob } from "./modules/leads";
import { refreshMetricsJob } from "./modules/metrics";
import { flagOverdueStepsJob } from "./modules/onboarding";
import { runPartnerImportJob } from "./modules/partners";
import { renderBoardPackJob } from "./modules/reports";
import { evaluateTiersJob } from "./modules/tiers";
import { pruneRateLimitsJob } from "./platform/http/rate-limit";
import "./imports";
import { runImportJob } from "./platform/imports";

/** Every job definition; the worker role consumes them all. */
export const jobDefinitions = [
  expireInvitationsJob,
  pruneRateLimitsJob,
  runPartnerImportJob,
  evaluateTiersJob,
  flagOverdueStepsJob,
  renderBoardPackJob,
  runImportJob,
  recomputeAttributionJob,
  expireRegistrationsJob,
  registrationSlaJob,
  reassignExpiredOffersJob,
  refreshMetricsJob,
] as const;
