import "./onboarding.subscribers";

export { flagOverdueStepsJob } from "./onboarding.jobs";
export { applySignal, startDefaultJourneys, startJourney } from "./onboarding.progress";
export { consoleOnboardingRoutes, portalOnboardingRoutes } from "./onboarding.routes";
export { onboardingSeed } from "./onboarding.seed";
export { registerOnboardingSubscribers } from "./onboarding.subscribers";
