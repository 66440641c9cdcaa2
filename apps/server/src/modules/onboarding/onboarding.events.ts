// Onboarding events, and the events of later modules that complete journey steps (declared here so
// the subscriptions type-check today; the emitting modules reuse these payloads).
declare module "../../platform/events" {
  interface EventMap {
    "course.completed": { courseId: string; userId: string | null };
    "certification.earned": { certificationId: string; userId: string | null };
    "deal.registered": { dealId: string };
    "deal.won": { dealId: string };
    "onboarding.started": { journeyId: string; templateId: string; templateName: string };
    "onboarding.step_completed": { journeyId: string; stepId: string; title: string; via: string };
    "onboarding.completed": { journeyId: string; templateId: string; days: number };
    "onboarding.step_overdue": { journeyId: string; stepId: string; title: string; ownerSide: string; dueAt: string };
  }
}

export {};
