import { z } from "zod";
import { pageOf, timestamp } from "./common";
import { partnerType } from "./partner-domain";

const isoDate = z.iso.date({ message: "Use a date like 2026-01-31" });

/**
 * What every dashboard figure is computed for. The period is inclusive of both dates; the
 * previous period is the same number of days immediately before it.
 */
export const dashboardFilterFields = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  programId: z.uuid().optional(),
  tierId: z.uuid().optional(),
  /** The account's sales region (the market the deal is in), e.g. `EMEA`. */
  region: z.string().trim().min(1).max(60).optional(),
  /** Partner role: a partner type such as reseller or referral. */
  role: partnerType.optional(),
});
const periodInOrder = (value: { from?: string; to?: string }) => !value.from || !value.to || value.from <= value.to;
const periodMessage = { message: "The period must start on or before its end", path: ["from"] };
export const dashboardFilters = dashboardFilterFields.refine(periodInOrder, periodMessage);
export type DashboardFilters = z.infer<typeof dashboardFilters>;

export const figureUnits = ["money", "ratio", "percent", "count"] as const;
export const figureUnit = z.enum(figureUnits);
export type FigureUnit = z.infer<typeof figureUnit>;

/** The record sets a figure can be drilled into. */
export const drillFigures = [
  "sourced",
  "influenced",
  "partner_won",
  "partner_lost",
  "direct_won",
  "direct_lost",
] as const;
export const drillFigure = z.enum(drillFigures);
export type DrillFigure = z.infer<typeof drillFigure>;

export const headlineFigure = z.object({
  key: z.string(),
  label: z.string(),
  unit: figureUnit,
  /** null when it cannot be computed from the data (the note says why). */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** Relative change against the previous period (0.1 = +10 %); null without a base. */
  change: z.number().nullable(),
  /** Which model or method produced the number. */
  model: z.string(),
  definition: z.string(),
  note: z.string().nullable(),
  drill: drillFigure.nullable(),
});
export type HeadlineFigure = z.infer<typeof headlineFigure>;

export const upliftEstimate = z.object({
  partnerWinRate: z.number().nullable(),
  directWinRate: z.number().nullable(),
  /** partner − direct win rate, with its 95 % confidence interval. */
  difference: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  partnerDeals: z.number().int(),
  directDeals: z.number().int(),
  partnerAvgWonMinor: z.number().nullable(),
  directAvgWonMinor: z.number().nullable(),
  partnerCycleDays: z.number().nullable(),
  directCycleDays: z.number().nullable(),
  method: z.string(),
});
export type UpliftEstimate = z.infer<typeof upliftEstimate>;

export const retentionFigures = z.object({
  partnerNrr: z.number().nullable(),
  directNrr: z.number().nullable(),
  partnerGrr: z.number().nullable(),
  directGrr: z.number().nullable(),
  partnerAccounts: z.number().int(),
  directAccounts: z.number().int(),
});
export type RetentionFigures = z.infer<typeof retentionFigures>;

export const trendPoint = z.object({
  month: z.string().describe("First day of the month, YYYY-MM-DD"),
  sourcedMinor: z.number(),
  influencedMinor: z.number(),
  directMinor: z.number(),
  partnerWinRate: z.number().nullable(),
  directWinRate: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const flowLink = z.object({
  role: z.string(),
  sourcedMinor: z.number(),
  influencedMinor: z.number(),
});
export type FlowLink = z.infer<typeof flowLink>;

export const partnerFigureRow = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  sourcedMinor: z.number(),
  influencedMinor: z.number(),
  wonDeals: z.number().int(),
});
export type PartnerFigureRow = z.infer<typeof partnerFigureRow>;

export const partnerAtRisk = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  recent: z.number().int(),
  previous: z.number().int(),
  change: z.number(),
});
export type PartnerAtRisk = z.infer<typeof partnerAtRisk>;

export const regionRow = z.object({
  region: z.string(),
  partnerWonMinor: z.number(),
  directWonMinor: z.number(),
  wonDeals: z.number().int(),
  partnerShare: z.number().nullable(),
  winRate: z.number().nullable(),
});
export type RegionRow = z.infer<typeof regionRow>;

export const dashboardPeriod = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
});
export type DashboardPeriod = z.infer<typeof dashboardPeriod>;

export const dashboard = z.object({
  period: dashboardPeriod,
  currency: z.string(),
  /** The attribution model behind the influenced figures and partner credit. */
  model: z.string(),
  headline: z.array(headlineFigure),
  uplift: upliftEstimate,
  retention: retentionFigures,
  trend: z.array(trendPoint),
  flow: z.array(flowLink),
  topPartners: z.array(partnerFigureRow),
  atRisk: z.array(partnerAtRisk),
  regions: z.array(regionRow),
  /** Every account region in the workspace, for the region filter. */
  availableRegions: z.array(z.string()),
  /** Closed deals in the period; 0 means the page shows its empty state. */
  closedDeals: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboard>;

export const dashboardRecordsQuery = dashboardFilterFields
  .extend({
    figure: drillFigure,
    partnerId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine(periodInOrder, periodMessage);
export type DashboardRecordsQuery = z.infer<typeof dashboardRecordsQuery>;

export const dashboardRecord = z.object({
  id: z.uuid(),
  name: z.string(),
  accountName: z.string().nullable(),
  region: z.string().nullable(),
  outcome: z.enum(["open", "won", "lost"]),
  source: z.string(),
  sourcingPartner: z.string().nullable(),
  touchingPartners: z.array(z.string()),
  amountMinor: z.number().nullable(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
});
export type DashboardRecord = z.infer<typeof dashboardRecord>;
export const dashboardRecordPage = pageOf(dashboardRecord).extend({ currency: z.string(), figure: drillFigure });
export type DashboardRecordPage = z.infer<typeof dashboardRecordPage>;

/** Tables that can be exported as CSV or XLSX. */
export const dashboardTables = ["headline", "trend", "top-partners", "at-risk", "regions", "flow", "evidence"] as const;
export const dashboardTable = z.enum(dashboardTables);
export type DashboardTable = z.infer<typeof dashboardTable>;
export const exportFormat = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormat>;
export const dashboardExportQuery = dashboardFilterFields
  .extend({ table: dashboardTable, format: exportFormat.default("csv") })
  .refine(periodInOrder, periodMessage);

export const boardPackStatuses = ["queued", "rendering", "completed", "failed"] as const;
export const boardPackStatus = z.enum(boardPackStatuses);
export type BoardPackStatus = z.infer<typeof boardPackStatus>;

export const boardPack = z.object({
  id: z.uuid(),
  status: boardPackStatus,
  progress: z.number().int().min(0).max(100),
  step: z.string().nullable(),
  /** `chromium` (print-to-PDF of the print page) or `pdf-lib` (when no browser is installed). */
  renderer: z.string().nullable(),
  fileName: z.string(),
  sizeBytes: z.number().int().nullable(),
  filters: dashboardFilterFields,
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type BoardPack = z.infer<typeof boardPack>;
export const createBoardPackBody = dashboardFilters;

/** One partner's figures over a period (the same definitions as the dashboard). */
export const scorecardQuery = dashboardFilterFields.pick({ from: true, to: true }).refine(periodInOrder, periodMessage);
export type ScorecardQuery = z.infer<typeof scorecardQuery>;

export const scorecardTierProgress = z.object({
  programId: z.uuid(),
  programName: z.string(),
  tierName: z.string().nullable(),
  nextTierName: z.string().nullable(),
  criteria: z.array(z.object({ metric: z.string(), min: z.number(), value: z.number().nullable() })),
  evaluatedAt: timestamp.nullable(),
});
export type ScorecardTierProgress = z.infer<typeof scorecardTierProgress>;

export const peerBenchmark = z.object({
  /** Partners of the same role sharing a region (never named). */
  peers: z.number().int(),
  /** false when fewer than 5 peers exist: nothing is shown then. */
  available: z.boolean(),
  message: z.string().nullable(),
  metrics: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: figureUnit,
      value: z.number(),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
    }),
  ),
});
export type PeerBenchmark = z.infer<typeof peerBenchmark>;

export const partnerScorecard = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  period: dashboardPeriod,
  currency: z.string(),
  model: z.string(),
  figures: z.array(headlineFigure),
  trend: z.array(z.object({ month: z.string(), sourcedMinor: z.number(), influencedMinor: z.number() })),
  /** Signals behind partner health (activity, pipeline, results), each with its own scale. */
  health: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), previous: z.number() })),
  tiers: z.array(scorecardTierProgress),
  benchmark: peerBenchmark.nullable(),
});
export type PartnerScorecard = z.infer<typeof partnerScorecard>;
