// Partner-level metric views: health and engagement, scorecards, rankings, cohorts, market
// penetration and the portal's own scorecard with its peer benchmark.
import { z } from "zod";
import { timestamp } from "./common";
import { isoDay, metricFilters, metricPeriod, metricUnits } from "./metrics";

const healthBand = z.enum(["green", "yellow", "red"]);
export const healthView = z.object({
  score: z.number().nullable(),
  band: healthBand.nullable(),
  components: z.array(
    z.object({ key: z.string(), value: z.number().nullable(), weight: z.number(), used: z.boolean() }),
  ),
});
export const engagementView = z.object({
  score: z.number(),
  previousScore: z.number(),
  halfLifeDays: z.number(),
  components: z.array(z.object({ key: z.string(), label: z.string(), normalized: z.number(), weight: z.number() })),
});

export const partnerMetricFigures = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  winRate: z.number().nullable(),
  sourcedMinor: z.number(),
  influencedMinor: z.number(),
  attributedMinor: z.number(),
  averageWonCycleDays: z.number().nullable(),
  touchpoints: z.number().int(),
});

export const scorecardMonth = z.object({
  month: isoDay,
  won: z.number().int(),
  lost: z.number().int(),
  sourcedMinor: z.number(),
  influencedMinor: z.number(),
  attributedMinor: z.number(),
  touchpoints: z.number().int(),
});

export const metricScorecard = z.object({
  partner: z.object({
    id: z.uuid(),
    name: z.string(),
    roles: z.array(z.string()),
    regions: z.array(z.string()),
    activatedAt: timestamp.nullable(),
  }),
  period: metricPeriod,
  currency: z.string(),
  attributionModel: z.string(),
  refreshedAt: timestamp.nullable(),
  metrics: partnerMetricFigures,
  previous: partnerMetricFigures,
  trend: z.array(scorecardMonth),
  engagement: engagementView,
  health: healthView,
  /** Leads the vendor and other partners gave the partner, and those it gave back; null without lead data. */
  reciprocity: z
    .object({ sentToPartner: z.number().int(), receivedFromPartner: z.number().int(), ratio: z.number().nullable() })
    .nullable(),
  timeToFirstRevenueDays: z.number().nullable(),
  tiers: z.array(
    z.object({
      programId: z.uuid(),
      programName: z.string(),
      tierId: z.uuid().nullable(),
      tierName: z.string().nullable(),
    }),
  ),
});
export type MetricScorecard = z.infer<typeof metricScorecard>;

export const partnerRankingQuery = metricFilters.and(
  z.object({
    sort: z.enum(["attributed", "sourced", "influenced", "engagement", "engagement_drop"]).default("attributed"),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  }),
);
export const partnerRanking = z.object({
  period: metricPeriod,
  attributionModel: z.string(),
  items: z.array(
    z.object({
      partnerId: z.uuid(),
      name: z.string(),
      sourcedMinor: z.number(),
      influencedMinor: z.number(),
      attributedMinor: z.number(),
      won: z.number().int(),
      engagement: z.number(),
      previousEngagement: z.number(),
      healthBand: healthBand.nullable(),
    }),
  ),
});
export type PartnerRanking = z.infer<typeof partnerRanking>;

export const cohortQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });
export const cohortList = z.object({
  items: z.array(
    z.object({
      cohort: z.string(),
      partners: z.number().int(),
      reached: z.number().int(),
      meanDays: z.number().nullable(),
      medianDays: z.number().nullable(),
    }),
  ),
});

export const penetrationQuery = metricFilters.and(z.object({ by: z.enum(["region", "industry"]).default("region") }));
export const penetrationView = z.object({
  by: z.enum(["region", "industry"]),
  currency: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      customers: z.number().int(),
      withPartner: z.number().int(),
      withoutPartner: z.number().int(),
      revenue: z.number(),
      revenueWithPartner: z.number(),
      partnerShare: z.number(),
    }),
  ),
});

export const portalScorecardQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });
const benchmarkStat = z.union([
  z.object({ peers: z.number().int(), insufficient: z.literal(true) }),
  z.object({ peers: z.number().int(), q1: z.number(), median: z.number(), q3: z.number() }),
]);
export const portalBenchmark = z.object({
  period: metricPeriod,
  /** Peers: other partners sharing a role and a region with you. */
  peerGroup: z.object({ roles: z.array(z.string()), regions: z.array(z.string()), peers: z.number().int() }),
  minimumPeers: z.number().int(),
  metrics: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.enum(metricUnits),
      you: z.number().nullable(),
      peers: benchmarkStat,
    }),
  ),
});
export type PortalBenchmark = z.infer<typeof portalBenchmark>;
