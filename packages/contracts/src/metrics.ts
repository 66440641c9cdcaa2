import { z } from "zod";
import { pageOf, timestamp } from "./common";

/** Units of metric values: money in reporting-currency minor units, ratios as fractions (0.25 = 25 %). */
export const metricUnits = ["money", "ratio", "days", "count", "money_per_day", "score"] as const;
export type MetricUnit = (typeof metricUnits)[number];

export const headlineMetricKeys = [
  "sourced_revenue",
  "influenced_revenue",
  "sourced_influenced_ratio",
  "attributed_revenue",
  "won_deals",
  "open_deals",
  "win_rate",
  "average_won_amount",
  "average_cycle_days",
  "median_cycle_days",
  "sales_velocity",
  "program_cost",
  "ropi",
  "cac",
  "partner_cac",
  "nrr_partner",
  "nrr_other",
  "grr_partner",
  "grr_other",
] as const;
export const headlineMetricKey = z.enum(headlineMetricKeys);
export type HeadlineMetricKey = z.infer<typeof headlineMetricKey>;

export const isoDay = z.iso.date({ message: "Use a date such as 2026-01-31" });
const optionalText = z.string().trim().min(1).max(80).optional();

/** Filters shared by the metric reads: a period [from, to] (inclusive days) and slicers. */
export const metricFilters = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    programId: z.uuid().optional(),
    partnerId: z.uuid().optional(),
    tierId: z.uuid().optional(),
    region: optionalText,
    role: optionalText,
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The period must end on or after its start",
  });
export type MetricFilters = z.infer<typeof metricFilters>;

export const metricPeriod = z.object({ from: isoDay, to: isoDay });

export const metricValue = z.object({
  key: headlineMetricKey,
  label: z.string(),
  unit: z.enum(metricUnits),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** (value − previous) ÷ |previous|; null when either is missing or previous is 0. */
  change: z.number().nullable(),
  /** The attribution model behind the figure, when it depends on one. */
  model: z.string().nullable(),
});
export type MetricValue = z.infer<typeof metricValue>;

export const dealGroupSummary = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  open: z.number().int(),
  winRate: z.number().nullable(),
  wonAmount: z.number(),
  averageWonAmount: z.number().nullable(),
  cycle: z.object({ mean: z.number().nullable(), median: z.number().nullable(), n: z.number().int() }),
  salesVelocity: z.number().nullable(),
});

const interval = z.object({ low: z.number(), high: z.number() });
export const upliftResult = z.object({
  partnerMean: z.number().nullable(),
  directMean: z.number().nullable(),
  difference: z.number().nullable(),
  relative: z.number().nullable(),
  interval: interval.nullable(),
  welch: interval.extend({ difference: z.number(), df: z.number() }).nullable(),
  matched: z.object({ partner: z.number().int(), direct: z.number().int(), strata: z.number().int() }),
  unmatched: z.number().int(),
  resamples: z.number().int(),
  seed: z.number().int(),
  level: z.number(),
});
export type UpliftResultView = z.infer<typeof upliftResult>;

const retentionView = z.object({
  start: z.number(),
  expansion: z.number(),
  contraction: z.number(),
  churn: z.number(),
  nrr: z.number().nullable(),
  grr: z.number().nullable(),
  accounts: z.number().int(),
  /** Accounts of the cohort left with no recurring revenue at the period's end. */
  churnedAccounts: z.number().int(),
});

export const headlineMetrics = z.object({
  period: metricPeriod,
  previousPeriod: metricPeriod,
  currency: z.string(),
  attributionModel: z.string(),
  /** The attribution snapshot behind attributed revenue and ROPI; null: the linear split over involved partners. */
  attributionSnapshotId: z.uuid().nullable(),
  refreshedAt: timestamp.nullable(),
  metrics: z.array(metricValue),
  groups: z.object({ partner: dealGroupSummary, direct: dealGroupSummary }),
  uplift: z.object({ winRate: upliftResult, dealSize: upliftResult, cycleDays: upliftResult }),
  retention: z.object({ partnerAttached: retentionView, other: retentionView }),
});
export type HeadlineMetrics = z.infer<typeof headlineMetrics>;

export const metricDefinition = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(metricUnits),
  formula: z.string(),
  model: z.string().nullable(),
  caveats: z.string().nullable(),
  drillable: z.boolean(),
});
export const metricDefinitionList = z.object({ items: z.array(metricDefinition) });
export type MetricDefinition = z.infer<typeof metricDefinition>;

export const drilldownQuery = metricFilters.and(
  z.object({
    metric: headlineMetricKey,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
);
export type DrilldownQuery = z.infer<typeof drilldownQuery>;

export const drilldownDeal = z.object({
  opportunityId: z.uuid(),
  name: z.string(),
  accountName: z.string().nullable(),
  outcome: z.enum(["open", "won", "lost"]),
  amountMinor: z.number().nullable(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  cycleDays: z.number().nullable(),
  sourced: z.boolean(),
  partnerInvolved: z.boolean(),
  region: z.string().nullable(),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const costCategories = ["incentives", "mdf", "partner_team", "tooling", "other"] as const;
export const spendChannels = ["sales", "marketing", "partner"] as const;

export const costLineRecord = z.object({
  id: z.uuid(),
  category: z.enum(costCategories),
  programId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  periodStart: isoDay,
  periodEnd: isoDay,
  amountMinor: z.number().int(),
  currency: z.string(),
  amountReportingMinor: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: timestamp,
});
export type CostLineRecord = z.infer<typeof costLineRecord>;

const amountFields = {
  periodStart: isoDay,
  periodEnd: isoDay,
  amountMinor: z.number().int().min(0, { message: "Use 0 or more" }).max(1e15),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { message: "Use a three-letter currency code" }),
  note: z.string().trim().max(500).nullable().optional(),
};
const periodOrder = (value: { periodStart?: string; periodEnd?: string }) =>
  !value.periodStart || !value.periodEnd || value.periodStart <= value.periodEnd;
const periodIssue = { path: ["periodEnd"], message: "The period must end on or after its start" };

export const createCostLineBody = z
  .object({
    category: z.enum(costCategories),
    programId: z.uuid().nullable().optional(),
    partnerId: z.uuid().nullable().optional(),
    ...amountFields,
  })
  .refine(periodOrder, periodIssue);
export type CreateCostLineBody = z.infer<typeof createCostLineBody>;
export const updateCostLineBody = z
  .object({
    category: z.enum(costCategories).optional(),
    programId: z.uuid().nullable().optional(),
    partnerId: z.uuid().nullable().optional(),
    periodStart: isoDay.optional(),
    periodEnd: isoDay.optional(),
    amountMinor: amountFields.amountMinor.optional(),
    currency: amountFields.currency.optional(),
    note: amountFields.note,
  })
  .refine(periodOrder, periodIssue);
export type UpdateCostLineBody = z.infer<typeof updateCostLineBody>;

export const spendRecord = z.object({
  id: z.uuid(),
  channel: z.enum(spendChannels),
  periodStart: isoDay,
  periodEnd: isoDay,
  amountMinor: z.number().int(),
  currency: z.string(),
  amountReportingMinor: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: timestamp,
});
export type SpendRecord = z.infer<typeof spendRecord>;

/** A cost line or spend entry as a figure counts it: the share of its amount in the period, prorated by days. */
const inPeriod = { inPeriodMinor: z.number() };
/** Σ of the lines' in-period amounts over the whole list (not only this page): the figure's cost or spend. */
const periodTotal = { periodTotalMinor: z.number() };

export const drilldownPage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deals"), metric: headlineMetricKey, items: z.array(drilldownDeal), total: z.number() }),
  z.object({
    kind: z.literal("cost_lines"),
    metric: headlineMetricKey,
    items: z.array(costLineRecord.extend(inPeriod)),
    total: z.number(),
    ...periodTotal,
  }),
  z.object({
    kind: z.literal("spend"),
    metric: headlineMetricKey,
    items: z.array(spendRecord.extend(inPeriod)),
    total: z.number(),
    ...periodTotal,
  }),
]);
export type DrilldownPage = z.infer<typeof drilldownPage>;
export const createSpendBody = z
  .object({ channel: z.enum(spendChannels), ...amountFields })
  .refine(periodOrder, periodIssue);
export type CreateSpendBody = z.infer<typeof createSpendBody>;
export const updateSpendBody = z
  .object({
    channel: z.enum(spendChannels).optional(),
    periodStart: isoDay.optional(),
    periodEnd: isoDay.optional(),
    amountMinor: amountFields.amountMinor.optional(),
    currency: amountFields.currency.optional(),
    note: amountFields.note,
  })
  .refine(periodOrder, periodIssue);
export type UpdateSpendBody = z.infer<typeof updateSpendBody>;

export const costLineQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The period must end on or after its start",
  });
export const costLinePage = pageOf(costLineRecord);
export const spendPage = pageOf(spendRecord);

const weight = z.number().finite().min(0).max(100);
export const metricSettingsView = z.object({
  engagementWeights: z.record(z.string().regex(/^[a-z_]{1,40}$/), weight),
  halfLifeDays: z.number().min(1).max(3650),
  healthWeights: z.object({
    revenue: weight,
    engagement: weight,
    enablement: weight,
    pipeline: weight,
    relationship: weight,
  }),
  healthBands: z.object({ green: z.number().min(0).max(100), yellow: z.number().min(0).max(100) }),
  /** Gross margin (0–1) applied to attributed revenue in ROPI and to revenue in CLTV. */
  grossMargin: z.number().min(0).max(1),
  /** Discount rate per year for cohort CLTV. */
  discountRate: z.number().min(0).max(1),
});
export type MetricSettingsView = z.infer<typeof metricSettingsView>;
export const putMetricSettingsBody = metricSettingsView
  .partial()
  .refine((value) => !value.healthBands || value.healthBands.green > value.healthBands.yellow, {
    path: ["healthBands", "green"],
    message: "Green must start above yellow",
  });
export type PutMetricSettingsBody = z.infer<typeof putMetricSettingsBody>;
export const metricSettingsResponse = metricSettingsView.extend({
  signals: z.array(z.object({ key: z.string(), label: z.string(), available: z.boolean() })),
  updatedAt: timestamp.nullable(),
});
export type MetricSettingsResponse = z.infer<typeof metricSettingsResponse>;

export const refreshResult = z.object({
  refreshedAt: timestamp,
  durationMs: z.number().int(),
  dealRows: z.number().int(),
  partnerMonthRows: z.number().int(),
  partnerHealthRows: z.number().int(),
  attributionModel: z.string(),
  attributionSnapshotId: z.uuid().nullable(),
});
