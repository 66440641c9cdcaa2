import { expireInvitationsJob } from "./modules/identity";
import { pruneRateLimitsJob } from "./platform/http/rate-limit";

/** Every job definition; the worker role consumes them all. */
export const jobDefinitions = [expireInvitationsJob, pruneRateLimitsJob] as const;
