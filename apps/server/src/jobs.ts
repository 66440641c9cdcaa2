import { expireInvitationsJob } from "./modules/identity";
import { flagOverdueStepsJob } from "./modules/onboarding";
import { runPartnerImportJob } from "./modules/partners";
import { renderBoardPackJob } from "./modules/reports";
import { evaluateTiersJob } from "./modules/tiers";
import { pruneRateLimitsJob } from "./platform/http/rate-limit";

/** Every job definition; the worker role consumes them all. */
export const jobDefinitions = [
  expireInvitationsJob,
  pruneRateLimitsJob,
  runPartnerImportJob,
  evaluateTiersJob,
  flagOverdueStepsJob,
  renderBoardPackJob,
] as const;
