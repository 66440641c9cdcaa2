import { z } from "zod";
import { timestamp } from "./common";
import { journeyStepType } from "./partner-domain";

export const journeyOwnerSides = ["partner", "vendor"] as const;
export const journeyOwnerSide = z.enum(journeyOwnerSides);
export type JourneyOwnerSide = z.infer<typeof journeyOwnerSide>;

/** Type-specific settings: `{ count }` for invite_colleagues, `{ agreementId }`, `{ courseId }`, `{ certificationId }`. */
export const journeyStepConfig = z
  .object({
    count: z.number().int().min(1).max(100).optional(),
    agreementId: z.uuid().optional(),
    courseId: z.string().trim().min(1).max(100).optional(),
    certificationId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type JourneyStepConfig = z.infer<typeof journeyStepConfig>;

export const journeyStepRecord = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    type: journeyStepType,
    title: z.string(),
    description: z.string().nullable(),
    dueOffsetDays: z.number().int(),
    ownerSide: journeyOwnerSide,
    config: journeyStepConfig,
  })
  .meta({ id: "JourneyStep" });
export type JourneyStepRecord = z.infer<typeof journeyStepRecord>;

export const journeyTemplateRecord = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    name: z.string(),
    isDefault: z.boolean(),
    steps: z.array(journeyStepRecord),
    activeJourneys: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "JourneyTemplate" });
export type JourneyTemplateRecord = z.infer<typeof journeyTemplateRecord>;
export const journeyTemplateList = z.object({ items: z.array(journeyTemplateRecord) });
export type JourneyTemplateList = z.infer<typeof journeyTemplateList>;

export const journeyStepInput = z.object({
  type: journeyStepType,
  title: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  dueOffsetDays: z.number().int().min(0, { message: "Use 0 or more days" }).max(730).default(14),
  ownerSide: journeyOwnerSide.default("partner"),
  config: journeyStepConfig.default({}),
});
export type JourneyStepInput = z.input<typeof journeyStepInput>;

export const journeyTemplateListQuery = z.object({ programId: z.uuid().optional() });

export const createJourneyTemplateBody = z.object({
  programId: z.uuid(),
  name: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200),
  /** Make it the journey new partners of the program start. */
  makeDefault: z.boolean().default(false),
  steps: z.array(journeyStepInput).max(50).default([]),
});
export type CreateJourneyTemplateBody = z.input<typeof createJourneyTemplateBody>;

export const updateJourneyTemplateBody = z.object({
  name: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200).optional(),
  makeDefault: z.literal(true).optional(),
});
export type UpdateJourneyTemplateBody = z.input<typeof updateJourneyTemplateBody>;

export const updateJourneyStepBody = journeyStepInput.partial();
export type UpdateJourneyStepBody = z.input<typeof updateJourneyStepBody>;

export const reorderJourneyStepsBody = z.object({ stepIds: z.array(z.uuid()).min(1).max(50) });
export type ReorderJourneyStepsBody = z.input<typeof reorderJourneyStepsBody>;

export const templateStepParams = z.object({ id: z.uuid(), stepId: z.uuid() });
export const stepIdParams = z.object({ stepId: z.uuid() });

export const journeyStepStatuses = ["pending", "completed"] as const;

/** One step of a partner's journey. */
export const partnerJourneyStepRecord = z
  .object({
    id: z.uuid(),
    stepId: z.uuid(),
    position: z.number().int(),
    type: journeyStepType,
    title: z.string(),
    description: z.string().nullable(),
    ownerSide: journeyOwnerSide,
    config: journeyStepConfig,
    status: z.enum(journeyStepStatuses),
    dueAt: timestamp,
    overdue: z.boolean(),
    completedAt: timestamp.nullable(),
    completedBy: z.string().nullable(),
    completedVia: z.string().nullable(),
    /** The caller may tick it by hand. */
    canComplete: z.boolean(),
  })
  .meta({ id: "PartnerJourneyStep" });
export type PartnerJourneyStepRecord = z.infer<typeof partnerJourneyStepRecord>;

export const partnerJourneyRecord = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    templateId: z.uuid(),
    templateName: z.string(),
    programId: z.uuid(),
    programName: z.string(),
    startedAt: timestamp,
    completedAt: timestamp.nullable(),
    completedSteps: z.number().int(),
    totalSteps: z.number().int(),
    steps: z.array(partnerJourneyStepRecord),
  })
  .meta({ id: "PartnerJourney" });
export type PartnerJourneyRecord = z.infer<typeof partnerJourneyRecord>;
export const partnerJourneyList = z.object({ items: z.array(partnerJourneyRecord) });
export type PartnerJourneyList = z.infer<typeof partnerJourneyList>;

export const partnerStepParams = z.object({ id: z.uuid(), stepId: z.uuid() });

export const onboardingTaskQuery = z.object({
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  ownerSide: journeyOwnerSide.optional(),
  programId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const onboardingTaskRecord = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    programName: z.string(),
    type: journeyStepType,
    title: z.string(),
    ownerSide: journeyOwnerSide,
    dueAt: timestamp,
    overdue: z.boolean(),
    daysOverdue: z.number().int(),
  })
  .meta({ id: "OnboardingTask" });
export type OnboardingTaskRecord = z.infer<typeof onboardingTaskRecord>;
export const onboardingTaskList = z.object({ items: z.array(onboardingTaskRecord) });
export type OnboardingTaskList = z.infer<typeof onboardingTaskList>;

export const onboardingMetricsQuery = z.object({
  programId: z.uuid().optional(),
  cohort: z.enum(["month"]).default("month"),
});

export const durationStats = z.object({
  /** Partners that reached the milestone. */
  count: z.number().int(),
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStats>;

export const onboardingPartnerMetric = z.object({
  partnerId: z.uuid(),
  partnerName: z.string(),
  activatedAt: timestamp,
  cohort: z.string(),
  daysToCompleteOnboarding: z.number().nullable(),
  daysToFirstDealRegistration: z.number().nullable(),
  daysToFirstWonDeal: z.number().nullable(),
});
export type OnboardingPartnerMetric = z.infer<typeof onboardingPartnerMetric>;

export const onboardingCohortMetric = z.object({
  cohort: z.string(),
  partners: z.number().int(),
  completeOnboarding: durationStats,
  firstDealRegistration: durationStats,
  firstWonDeal: durationStats,
});
export type OnboardingCohortMetric = z.infer<typeof onboardingCohortMetric>;

export const onboardingMetrics = z
  .object({
    partners: z.array(onboardingPartnerMetric),
    cohorts: z.array(onboardingCohortMetric),
    overall: onboardingCohortMetric,
  })
  .meta({ id: "OnboardingMetrics" });
export type OnboardingMetrics = z.infer<typeof onboardingMetrics>;
