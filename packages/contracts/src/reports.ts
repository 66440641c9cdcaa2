import { z } from "zod";
import { timestamp } from "./common";
import { headlineMetricKey } from "./metrics";
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

export const figureUnits = ["money", "ratio", "percent", "count", "days", "money_per_day", "score"] as const;
export const figureUnit = z.enum(figureUnits);
export type FigureUnit = z.infer<typeof figureUnit>;

/**
 * A figure drills into the records behind a headline metric (`GET /api/console/metrics/drilldown?metric=…`
 * with the same filters): its deals or its cost lines.
 */
export const drillFigure = headlineMetricKey;
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
  /** Engagement score (0–100) at the period's end and 90 days before it. */
  score: z.number(),
  previousScore: z.number(),
  /** previousScore → score, relative (−0.5 = halved). */
  change: z.number(),
  healthScore: z.number().nullable(),
  healthBand: z.enum(["green", "yellow", "red"]).nullable(),
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

export const penetrationRow = z.object({
  key: z.string(),
  customers: z.number().int(),
  withPartner: z.number().int(),
  withoutPartner: z.number().int(),
  revenueMinor: z.number(),
  revenueWithPartnerMinor: z.number(),
  partnerShare: z.number(),
});
export type PenetrationRow = z.infer<typeof penetrationRow>;

export const cohortRow = z.object({
  /** Activation month, YYYY-MM. */
  cohort: z.string(),
  partners: z.number().int(),
  /** Partners of the cohort with a won partner-involved deal so far. */
  reached: z.number().int(),
  meanDays: z.number().nullable(),
  medianDays: z.number().nullable(),
});
export type CohortRow = z.infer<typeof cohortRow>;

export const cltvFigure = z.object({
  /** Annual recurring revenue per account of the cohort at the period's start. */
  arpaMinor: z.number().nullable(),
  /** Share of the cohort that churned completely in the period, scaled to a year. */
  churnRate: z.number().nullable(),
  cltvMinor: z.number().nullable(),
  accounts: z.number().int(),
});
export type CltvFigure = z.infer<typeof cltvFigure>;

export const leadSharingRow = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  sentToPartner: z.number().int(),
  receivedFromPartner: z.number().int(),
  ratio: z.number().nullable(),
});
export type LeadSharingRow = z.infer<typeof leadSharingRow>;

export const dashboard = z.object({
  period: dashboardPeriod,
  currency: z.string(),
  /** The attribution model behind attributed revenue, ROPI and partner credit. */
  model: z.string(),
  /** When the read models the figures come from were rebuilt; null before the first rebuild. */
  refreshedAt: timestamp.nullable(),
  headline: z.array(headlineFigure),
  uplift: upliftEstimate,
  retention: retentionFigures,
  trend: z.array(trendPoint),
  flow: z.array(flowLink),
  topPartners: z.array(partnerFigureRow),
  atRisk: z.array(partnerAtRisk),
  regions: z.array(regionRow),
  /** Customers (accounts with a deal won in the period) and their revenue, with and without partners. */
  penetration: z.object({ byRegion: z.array(penetrationRow), byIndustry: z.array(penetrationRow) }),
  /** Time to first revenue per partner activation cohort (cohorts activated in the last 24 months). */
  cohorts: z.array(cohortRow),
  /** CLTV of partner-attached and other accounts, with the gross margin and discount rate used. */
  cltv: z.object({ partner: cltvFigure, other: cltvFigure, grossMargin: z.number() }),
  /** Partners by ecosystem health band at the period's end (active and at-risk partners). */
  health: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  /** Lead sharing with the partners that exchanged the most leads; null without lead data. */
  reciprocity: z.array(leadSharingRow).nullable(),
  /** Every account region in the workspace, for the region filter. */
  availableRegions: z.array(z.string()),
  /** Closed deals in the period; 0 means the page shows its empty state. */
  closedDeals: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboard>;

/** A deal of the board pack's evidence table (the largest partner-involved won deals). */
export const dashboardRecord = z.object({
  id: z.uuid(),
  name: z.string(),
  accountName: z.string().nullable(),
  region: z.string().nullable(),
  outcome: z.enum(["open", "won", "lost"]),
  sourced: z.boolean(),
  partners: z.array(z.string()),
  amountMinor: z.number().nullable(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
});
export type DashboardRecord = z.infer<typeof dashboardRecord>;

/** Tables that can be exported as CSV or XLSX. */
export const dashboardTables = [
  "headline",
  "trend",
  "top-partners",
  "at-risk",
  "regions",
  "flow",
  "penetration-region",
  "penetration-industry",
  "cohorts",
  "evidence",
] as const;
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
  /** Signals behind partner health (engagement, health score, results), each with its own scale. */
  health: z.array(
    z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), previous: z.number().nullable() }),
  ),
  /** The partner's ecosystem health score (0–100) and band. */
  healthScore: z.number().nullable(),
  healthBand: z.enum(["green", "yellow", "red"]).nullable(),
  refreshedAt: timestamp.nullable(),
  tiers: z.array(scorecardTierProgress),
  benchmark: peerBenchmark.nullable(),
});
export type PartnerScorecard = z.infer<typeof partnerScorecard>;
