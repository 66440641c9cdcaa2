import { z } from "zod";
import { pageOf, timestamp } from "./common";
import { type TierMetric, tierMetric } from "./partner-domain";

export const tierMetricLabels: Record<TierMetric, string> = {
  sourced_revenue: "Sourced revenue",
  influenced_revenue: "Influenced revenue",
  approved_registrations: "Approved deal registrations",
  won_deals: "Won deals",
  certified_people: "Certified people",
  engagement_score: "Engagement score",
  points: "Points",
};

/** Metrics measured in money (reporting-currency minor units). */
export const moneyTierMetrics: readonly TierMetric[] = ["sourced_revenue", "influenced_revenue"];

export const tierCriterion = z.object({
  metric: tierMetric,
  min: z.number().finite().min(0, { message: "Use 0 or more" }).max(1e15),
});
export type TierCriterion = z.infer<typeof tierCriterion>;

export const manualCheckKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, { message: "Use 1–40 lower-case letters, digits or underscores" });
export const tierManualCheck = z.object({
  key: manualCheckKey,
  label: z.string().trim().min(1, { message: "Enter a label" }).max(200),
});
export type TierManualCheck = z.infer<typeof tierManualCheck>;

const criteriaList = z
  .array(tierCriterion)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((criterion, index) => {
      if (seen.has(criterion.metric))
        ctx.addIssue({ code: "custom", path: [index, "metric"], message: "Each metric may appear once" });
      seen.add(criterion.metric);
    });
  });
const manualCheckList = z
  .array(tierManualCheck)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((check, index) => {
      if (seen.has(check.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: "Keys must be unique" });
      seen.add(check.key);
    });
  });
const textList = z.array(z.string().trim().min(1).max(300)).max(30);
const tierName = z.string().trim().min(1, { message: "Enter a name" }).max(80);
const tierColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "Use a hex colour such as #c0a030" })
  .nullable();

export const tierRecord = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    name: z.string(),
    rank: z.number().int(),
    color: z.string().nullable(),
    benefits: z.array(z.string()),
    criteria: z.array(tierCriterion),
    manualChecks: z.array(tierManualCheck),
    vendorObligations: z.array(z.string()),
    memberCount: z.number().int(),
  })
  .meta({ id: "Tier" });
export type TierRecord = z.infer<typeof tierRecord>;
export const tierList = z.object({ items: z.array(tierRecord), currency: z.string() });
export type TierList = z.infer<typeof tierList>;

export const createTierBody = z.object({
  name: tierName,
  color: tierColor.optional(),
  benefits: textList.default([]),
  criteria: criteriaList.default([]),
  manualChecks: manualCheckList.default([]),
  vendorObligations: textList.default([]),
});
export type CreateTierBody = z.input<typeof createTierBody>;

export const updateTierBody = z.object({
  name: tierName.optional(),
  color: tierColor.optional(),
  benefits: textList.optional(),
  criteria: criteriaList.optional(),
  manualChecks: manualCheckList.optional(),
  vendorObligations: textList.optional(),
});
export type UpdateTierBody = z.input<typeof updateTierBody>;

export const reorderTiersBody = z.object({
  tierIds: z.array(z.uuid()).min(1, { message: "List every tier of the program" }).max(50),
});

/** Manual signals: a metric maintained by hand, or `check:<key>` (1 = done, 0 = not). */
export const manualSignalKey = z.union([
  z.enum(["certified_people", "points", "engagement_score"]),
  z.templateLiteral(["check:", manualCheckKey]),
]);
export const partnerSignal = z.object({
  key: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp,
});
export const partnerSignals = z
  .object({
    partnerId: z.uuid(),
    signals: z.array(partnerSignal),
    /** Manual checks of the tiers of the partner's programs, to tick. */
    checks: z.array(z.object({ key: z.string(), label: z.string(), programName: z.string(), tierName: z.string() })),
  })
  .meta({ id: "PartnerSignals" });
export type PartnerSignals = z.infer<typeof partnerSignals>;
export const putPartnerSignalsBody = z.object({
  signals: z
    .array(
      z.object({
        key: manualSignalKey,
        value: z.number().finite().min(0, { message: "Use 0 or more" }).max(1e9),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type PutPartnerSignalsBody = z.input<typeof putPartnerSignalsBody>;

export const tierProposalStatuses = ["pending", "approved", "rejected", "withdrawn"] as const;
export const tierProposalStatus = z.enum(tierProposalStatuses);
export type TierProposalStatus = z.infer<typeof tierProposalStatus>;
export const tierDirection = z.enum(["up", "down"]);
export type TierDirection = z.infer<typeof tierDirection>;

const tierRef = z.object({ id: z.uuid(), name: z.string(), rank: z.number().int() }).nullable();

export const tierProposal = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    programId: z.uuid(),
    programName: z.string(),
    fromTier: tierRef,
    toTier: tierRef,
    direction: tierDirection,
    status: tierProposalStatus,
    evidence: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
    decidedAt: timestamp.nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    autoApplied: z.boolean(),
  })
  .meta({ id: "TierProposal" });
export type TierProposal = z.infer<typeof tierProposal>;
export const tierProposalPage = pageOf(tierProposal);
export type TierProposalPage = z.infer<typeof tierProposalPage>;
export const tierProposalQuery = z.object({
  status: tierProposalStatus.optional(),
  programId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const approveTierProposalBody = z.object({ reason: z.string().trim().max(500).optional() }).default({});
export const rejectTierProposalBody = z.object({
  reason: z.string().trim().min(1, { message: "Say why" }).max(500),
});

export const tierEvaluationResult = z.object({
  evaluated: z.number().int(),
  proposed: z.number().int(),
  applied: z.number().int(),
  graceStarted: z.number().int(),
});
export type TierEvaluationResult = z.infer<typeof tierEvaluationResult>;

export const simulateTiersBody = z.object({
  tierId: z.uuid(),
  criteria: criteriaList,
  manualChecks: manualCheckList.optional(),
});
export type SimulateTiersBody = z.input<typeof simulateTiersBody>;
export const tierMove = z.object({
  partnerId: z.uuid(),
  partnerName: z.string(),
  currentTier: tierRef,
  from: tierRef,
  to: tierRef,
  direction: tierDirection,
});
export type TierMove = z.infer<typeof tierMove>;
export const tierSimulation = z
  .object({
    evaluated: z.number().int(),
    up: z.number().int(),
    down: z.number().int(),
    moves: z.array(tierMove),
  })
  .meta({ id: "TierSimulation" });
export type TierSimulation = z.infer<typeof tierSimulation>;

/** One thing still needed for a tier (or already met). */
export const tierRequirement = z.object({
  kind: z.enum(["metric", "check"]),
  key: z.string(),
  label: z.string(),
  current: z.number(),
  required: z.number(),
  /** 0–1. */
  progress: z.number(),
  met: z.boolean(),
  /** Human-readable shortfall, e.g. "$40,000 more sourced revenue"; null when met. */
  missing: z.string().nullable(),
});
export type TierRequirement = z.infer<typeof tierRequirement>;

const portalTier = z.object({
  id: z.uuid(),
  name: z.string(),
  rank: z.number().int(),
  color: z.string().nullable(),
  benefits: z.array(z.string()),
});
export const portalTierStanding = z
  .object({
    programId: z.uuid(),
    programName: z.string(),
    currency: z.string(),
    windowMonths: z.number().int(),
    currentTier: portalTier.nullable(),
    tierSince: timestamp.nullable(),
    nextTier: portalTier.nullable(),
    requirements: z.array(tierRequirement),
    /** Plain sentence of what is still needed for the next tier; null at the top. */
    summary: z.string().nullable(),
    tiers: z.array(portalTier),
  })
  .meta({ id: "PortalTierStanding" });
export type PortalTierStanding = z.infer<typeof portalTierStanding>;
export const portalTierView = z.object({ programs: z.array(portalTierStanding) });
export type PortalTierView = z.infer<typeof portalTierView>;
