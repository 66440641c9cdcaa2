import { z } from "zod";
import { pageOf, timestamp } from "./common";

/** Attribution models, as the engine names them. */
export const attributionModelNames = [
  "first",
  "last",
  "linear",
  "time-decay",
  "u-shaped",
  "w-shaped",
  "full-path",
  "custom",
  "markov",
  "shapley",
  "shapley-exact",
  "shapley-ordered",
] as const;
export const attributionModel = z.enum(attributionModelNames);
export type AttributionModel = z.infer<typeof attributionModel>;

export const attributionModelLabels: Record<AttributionModel, string> = {
  first: "First touch",
  last: "Last touch",
  linear: "Linear",
  "time-decay": "Time decay",
  "u-shaped": "Position (U-shaped)",
  "w-shaped": "W-shaped",
  "full-path": "Full path",
  custom: "Custom weights",
  markov: "Markov (removal effect)",
  shapley: "Shapley (simplified)",
  "shapley-exact": "Shapley (exact)",
  "shapley-ordered": "Shapley (ordered)",
};

/** The models a recompute runs when none are named. */
export const defaultAttributionModels: AttributionModel[] = [
  "first",
  "last",
  "linear",
  "time-decay",
  "u-shaped",
  "w-shaped",
  "markov",
  "shapley",
];

export const attributionGroupings = ["partner", "touch_type", "partner_touch_type"] as const;
export const attributionGrouping = z.enum(attributionGroupings);
export type AttributionGrouping = z.infer<typeof attributionGrouping>;

export const attributionParams = z
  .object({
    /** Time decay: a touch this many days before the close weighs half. */
    halfLifeDays: z.number().positive({ message: "Use a positive number of days" }).max(3650).optional(),
    /** Custom weights per touch type. */
    typeWeights: z
      .record(z.string().trim().min(1).max(60), z.number().min(0, { message: "Use 0 or more" }).max(1000))
      .optional(),
    /** Markov chain order (1–4). */
    markovOrder: z.number().int().min(1).max(4).optional(),
  })
  .strict();
export type AttributionParams = z.infer<typeof attributionParams>;

export const createAttributionSnapshotsBody = z
  .object({
    models: z
      .array(attributionModel)
      .min(1, { message: "Pick at least one model" })
      .max(attributionModelNames.length)
      .refine((list) => new Set(list).size === list.length, { message: "Each model may appear once" })
      .optional(),
    /** Default: now. */
    cutoffAt: timestamp.optional(),
    periodStart: timestamp.optional(),
    grouping: attributionGrouping.default("partner"),
    includeDirect: z.boolean().default(false),
    params: attributionParams.default({}),
  })
  .strict();
export type CreateAttributionSnapshotsBody = z.input<typeof createAttributionSnapshotsBody>;

export const attributionSnapshotStatus = z.enum(["queued", "running", "completed", "failed"]);

export const attributionIssue = z.object({
  code: z.string(),
  message: z.string(),
  count: z.number().int(),
  opportunityIds: z.array(z.string()),
});
export type AttributionIssue = z.infer<typeof attributionIssue>;

export const attributionSnapshot = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  model: attributionModel,
  params: z.record(z.string(), z.unknown()),
  grouping: attributionGrouping,
  includeDirect: z.boolean(),
  cutoffAt: timestamp,
  periodStart: timestamp.nullable(),
  codeVersion: z.string(),
  reportingCurrency: z.string(),
  status: attributionSnapshotStatus,
  phase: z.string().nullable(),
  /** 0–1. */
  progress: z.number(),
  processedOpportunities: z.number().int(),
  totalOpportunities: z.number().int().nullable(),
  counts: z.object({
    wonDeals: z.number().optional(),
    lostDeals: z.number().optional(),
    touches: z.number().optional(),
    channels: z.number().optional(),
    credits: z.number().optional(),
  }),
  issues: z.array(attributionIssue),
  totalConversions: z.number().nullable(),
  totalRevenueMinor: z.number().nullable(),
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
});
export type AttributionSnapshot = z.infer<typeof attributionSnapshot>;

export const attributionSnapshotList = z.object({ items: z.array(attributionSnapshot) });
export const attributionSnapshotBatch = z.object({ batchId: z.uuid(), items: z.array(attributionSnapshot) });

export const attributionChannelResult = z.object({
  channel: z.string(),
  label: z.string(),
  partnerId: z.uuid().nullable(),
  touchType: z.string().nullable(),
  conversions: z.number(),
  revenueMinor: z.number(),
  deals: z.number().int(),
  removalEffect: z.number().nullable(),
  /** With active manager overrides applied (partner grouping only; else equal to the computed figures). */
  adjustedConversions: z.number(),
  adjustedRevenueMinor: z.number(),
});
export type AttributionChannelResult = z.infer<typeof attributionChannelResult>;

export const attributionResults = z.object({
  snapshot: attributionSnapshot,
  channels: z.array(attributionChannelResult),
  activeOverrides: z.number().int(),
});
export type AttributionResults = z.infer<typeof attributionResults>;

export const attributionComparison = z.object({
  batchId: z.uuid(),
  cutoffAt: timestamp,
  reportingCurrency: z.string(),
  models: z.array(z.object({ snapshotId: z.uuid(), model: attributionModel })),
  rows: z.array(
    z.object({
      channel: z.string(),
      label: z.string(),
      partnerId: z.uuid().nullable(),
      /** Per model, in the order of `models`. */
      conversions: z.array(z.number()),
      revenueMinor: z.array(z.number()),
    }),
  ),
});
export type AttributionComparison = z.infer<typeof attributionComparison>;

export const attributionExplanation = z.object({
  opportunity: z.object({
    id: z.uuid(),
    name: z.string(),
    outcome: z.string(),
    amountReportingMinor: z.number().nullable(),
    closedAt: timestamp.nullable(),
  }),
  reportingCurrency: z.string(),
  models: z.array(z.object({ snapshotId: z.uuid(), model: attributionModel })),
  touches: z.array(
    z.object({
      position: z.number().int(),
      touchpointId: z.uuid().nullable(),
      partnerId: z.uuid().nullable(),
      partnerName: z.string().nullable(),
      channel: z.string(),
      touchType: z.string().nullable(),
      occurredAt: timestamp,
      /** Share of the deal under each model, in the order of `models`. */
      shares: z.array(z.number()),
      revenueMinor: z.array(z.number()),
    }),
  ),
  override: z
    .object({
      id: z.uuid(),
      snapshotId: z.uuid(),
      splits: z.array(z.object({ partnerId: z.uuid(), share: z.number() })),
      reason: z.string(),
      createdBy: z.string(),
      createdAt: timestamp,
    })
    .nullable(),
});
export type AttributionExplanation = z.infer<typeof attributionExplanation>;

export const attributionDeal = z.object({
  opportunityId: z.uuid(),
  name: z.string(),
  closedAt: timestamp.nullable(),
  amountReportingMinor: z.number().nullable(),
  share: z.number(),
  conversions: z.number(),
  revenueMinor: z.number(),
  touches: z.number().int(),
});
export type AttributionDeal = z.infer<typeof attributionDeal>;
export const attributionDealPage = pageOf(attributionDeal);

export const attributionDealsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const snapshotOpportunityParams = z.object({ id: z.uuid(), opportunityId: z.uuid() });
export const snapshotPartnerParams = z.object({ id: z.uuid(), partnerId: z.uuid() });

export const attributionOverrideSplit = z.object({
  partnerId: z.uuid(),
  share: z.number().min(0, { message: "Use a share from 0 to 1" }).max(1, { message: "Use a share from 0 to 1" }),
});

export const createAttributionOverrideBody = z
  .object({
    opportunityId: z.uuid(),
    splits: z
      .array(attributionOverrideSplit)
      .min(1, { message: "Give at least one partner's share" })
      .max(50)
      .refine((list) => Math.abs(list.reduce((a, s) => a + s.share, 0) - 1) < 1e-9, {
        message: "The shares must add up to 1 (100%)",
      })
      .refine((list) => new Set(list.map((s) => s.partnerId)).size === list.length, {
        message: "Each partner may appear once",
      }),
    reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)" }).max(1000),
  })
  .strict();
export type CreateAttributionOverrideBody = z.infer<typeof createAttributionOverrideBody>;

export const revertAttributionOverrideBody = z
  .object({ reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)" }).max(1000) })
  .strict();

export const attributionOverride = z.object({
  id: z.uuid(),
  snapshotId: z.uuid(),
  opportunityId: z.uuid(),
  splits: z.array(z.object({ partnerId: z.uuid(), share: z.number() })),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: timestamp,
  revertedAt: timestamp.nullable(),
  revertedBy: z.string().nullable(),
  revertReason: z.string().nullable(),
});
export type AttributionOverride = z.infer<typeof attributionOverride>;
export const attributionOverrideList = z.object({ items: z.array(attributionOverride) });

/** Path-file analysis: a ChannelAttribution-format file, compared across models. */
export const pathAnalysisBody = z
  .object({
    fileName: z.string().trim().min(1).max(255).optional(),
    /** The file's text (UTF-8). */
    content: z
      .string()
      .min(1, { message: "The file is empty" })
      .max(20 * 1024 * 1024, { message: "The file is larger than 20 MB" }),
    models: z
      .array(attributionModel)
      .min(1, { message: "Pick at least one model" })
      .max(attributionModelNames.length)
      .default(["first", "last", "linear", "markov"]),
    onInvalid: z.enum(["reject", "skip"]).default("reject"),
    separator: z.string().min(1).max(10).optional(),
    params: attributionParams.default({}),
  })
  .strict();
export type PathAnalysisBody = z.input<typeof pathAnalysisBody>;

export const pathAnalysisResult = z.object({
  ok: z.boolean(),
  journeys: z.number().int(),
  totals: z.object({ conversions: z.number(), value: z.number(), nulls: z.number() }),
  skippedLines: z.number().int(),
  issueCount: z.number().int(),
  issues: z.array(z.object({ line: z.number().int(), message: z.string() })),
  models: z.array(
    z.object({
      model: attributionModel,
      error: z.string().nullable(),
      ms: z.number(),
    }),
  ),
  /** Per channel, per model (order of `models`). */
  channels: z.array(
    z.object({
      channel: z.string(),
      conversions: z.array(z.number().nullable()),
      value: z.array(z.number().nullable()),
      removalEffect: z.number().nullable(),
    }),
  ),
});
export type PathAnalysisResult = z.infer<typeof pathAnalysisResult>;

/** What a partner sees: its own figures in the newest completed snapshots. */
export const portalAttributionSummary = z.object({
  reportingCurrency: z.string(),
  cutoffAt: timestamp.nullable(),
  models: z.array(
    z.object({
      snapshotId: z.uuid(),
      model: attributionModel,
      conversions: z.number(),
      revenueMinor: z.number(),
      deals: z.number().int(),
    }),
  ),
});
export type PortalAttributionSummary = z.infer<typeof portalAttributionSummary>;
