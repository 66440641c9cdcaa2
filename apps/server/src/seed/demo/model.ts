import type { PartnerType, Region } from "@symbiont/contracts";

// The generating model of the demo ecosystem: every parameter the generator draws from, in one
// place, so docs/demo-data.md can state it and nobody mistakes the demo for measured truth.

export const DAY_MS = 86_400_000;
/** Opportunities open over this many days before the anchor date. */
export const HISTORY_DAYS = 1095;

export interface ScalePlan {
  scale: number;
  /** Partners the workspace should have in total (existing ones count). */
  partners: number;
  accounts: number;
  /** Share of accounts that never had an opportunity (prospects only). */
  prospectOnlyShare: number;
  /** Mean opportunities of an account that has any (1 + Poisson(mean − 1)). */
  opportunitiesPerActiveAccount: number;
  /** Mean touchpoints on a partner-involved opportunity. */
  touchesPerPartnerDeal: number;
}

/**
 * Scale 1 is the `npm start` demo (≈ 1,500 accounts, ≈ 4,000 opportunities); scale 250 reaches
 * 10,000 partners, ≈ 1M opportunities and ≈ 10M touchpoints. Larger ecosystems log more activity
 * per deal, so touches per partner deal grow with the logarithm of the scale.
 */
export function planFor(scale: number): ScalePlan {
  return {
    scale,
    partners: Math.min(10_000, Math.max(60, Math.round(40 * scale))),
    accounts: Math.max(50, Math.round(1_500 * scale)),
    prospectOnlyShare: 0.1,
    opportunitiesPerActiveAccount: 3,
    touchesPerPartnerDeal: 3 + 6 * Math.log10(Math.max(1, scale)),
  };
}

/** Role groups share an effect on the deals they touch. */
export type RoleGroup = "resale" | "services" | "referral" | "technology" | "marketplace" | "retention" | "coopetition";

export const roleGroupOf: Record<PartnerType, RoleGroup> = {
  reseller: "resale",
  var: "resale",
  distributor: "resale",
  system_integrator: "services",
  gsi: "services",
  msp: "services",
  referral: "referral",
  affiliate: "referral",
  influencer: "referral",
  isv: "technology",
  technology: "technology",
  strategic_alliance: "technology",
  cloud_marketplace: "marketplace",
  retention: "retention",
  competitor_coopetition: "coopetition",
};

export interface RoleEffect {
  /** Added to the deal's win log-odds when this role touches it. */
  winLogOdds: number;
  /** Multiplies the sales cycle (< 1 = faster). */
  cycleFactor: number;
  /** Multiplies the deal size. */
  sizeFactor: number;
  /** Touch types this role logs, first = the sourcing touch. */
  touchTypes: readonly string[];
}

export const roleEffects: Record<RoleGroup, RoleEffect> = {
  resale: {
    winLogOdds: 0.55,
    cycleFactor: 0.85,
    sizeFactor: 1,
    touchTypes: ["registration", "co_sell_meeting", "demo", "technical_validation", "implementation"],
  },
  services: {
    winLogOdds: 0.65,
    cycleFactor: 1.05,
    sizeFactor: 1.35,
    touchTypes: ["registration", "technical_validation", "implementation", "co_sell_meeting"],
  },
  referral: {
    winLogOdds: 0.4,
    cycleFactor: 0.8,
    sizeFactor: 0.9,
    touchTypes: ["referral", "introduction", "content_engagement", "review"],
  },
  technology: {
    winLogOdds: 0.45,
    cycleFactor: 0.95,
    sizeFactor: 1.1,
    touchTypes: ["lead", "integration", "technical_validation", "marketplace_listing"],
  },
  marketplace: {
    winLogOdds: 0.35,
    cycleFactor: 0.65,
    sizeFactor: 1,
    touchTypes: ["lead", "marketplace_listing", "review"],
  },
  retention: {
    winLogOdds: 0.15,
    cycleFactor: 1,
    sizeFactor: 1,
    touchTypes: ["introduction", "training", "content_engagement"],
  },
  coopetition: {
    winLogOdds: 0.05,
    cycleFactor: 1,
    sizeFactor: 1,
    touchTypes: ["introduction", "mdf_campaign", "content_engagement"],
  },
};

/** Partner quality: each partner's own deviation from its role's win effect (log-odds). */
export const PARTNER_QUALITY_SD = 0.3;
/** Share of opportunities a partner could take part in (whether one does depends on coverage). */
export const PARTNER_INVOLVEMENT = 0.55;
/** Of the partner-involved opportunities, the share the partner sourced. */
export const PARTNER_SOURCED_SHARE = 0.4;
/** How many partners touch a partner-involved deal. */
export const PARTNERS_PER_DEAL = { counts: [1, 2, 3], weights: [0.72, 0.22, 0.06] } as const;

export const sizeBands = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"] as const;
export type SizeBand = (typeof sizeBands)[number];

export interface SegmentModel {
  weight: number;
  /** Win log-odds before any partner effect. */
  winLogOdds: number;
  /** Median first-year amount in USD. */
  medianAmountUsd: number;
  /** Median days from open to close. */
  medianCycleDays: number;
}

export const segments: Record<SizeBand, SegmentModel> = {
  "1-10": { weight: 0.2, winLogOdds: -0.25, medianAmountUsd: 6_000, medianCycleDays: 25 },
  "11-50": { weight: 0.25, winLogOdds: -0.35, medianAmountUsd: 15_000, medianCycleDays: 40 },
  "51-200": { weight: 0.22, winLogOdds: -0.55, medianAmountUsd: 40_000, medianCycleDays: 60 },
  "201-1000": { weight: 0.17, winLogOdds: -0.75, medianAmountUsd: 90_000, medianCycleDays: 90 },
  "1001-5000": { weight: 0.1, winLogOdds: -0.95, medianAmountUsd: 200_000, medianCycleDays: 120 },
  "5001+": { weight: 0.06, winLogOdds: -1.15, medianAmountUsd: 450_000, medianCycleDays: 160 },
};
/** Deal-level noise on the win log-odds, amount (log) and cycle (log). */
export const WIN_NOISE_SD = 0.5;
export const AMOUNT_SIGMA = 0.6;
export const CYCLE_SIGMA = 0.45;

/** Share of closings pulled into the last two weeks of the quarter (the quarter-end peak). */
export const QUARTER_END_PULL = 0.45;
/** Opportunity creation grows this much per year. */
export const YEARLY_GROWTH = 0.35;
/** Relative opportunity creation by calendar month (January first): summer and December dip. */
export const monthWeights = [0.9, 1, 1.1, 1, 1.05, 1, 0.85, 0.75, 1.1, 1.15, 1.1, 0.8] as const;

/**
 * Yearly recurring-revenue dynamics per customer. Accounts with a partner on a won deal retain
 * and expand better; in the control model both rows are the `other` row.
 */
export const retention = {
  partnerAttached: { churn: 0.08, contraction: 0.1, expansion: 0.35 },
  other: { churn: 0.2, contraction: 0.15, expansion: 0.2 },
} as const;

export const industries = [
  "Manufacturing",
  "Retail",
  "Healthcare",
  "Financial services",
  "Public sector",
  "Energy",
  "Media",
  "Logistics",
  "Education",
  "Telecom",
] as const;

export const products = ["Compute", "Storage", "Backup", "Analytics", "Security", "Networking"] as const;

/** Regions weighted by how much of the vendor's market they are; countries with their currency. */
export const markets: Record<Region, { weight: number; countries: readonly (readonly [string, string])[] }> = {
  north_america: {
    weight: 30,
    countries: [
      ["US", "USD"],
      ["US", "USD"],
      ["US", "USD"],
      ["CA", "CAD"],
    ],
  },
  latin_america: {
    weight: 5,
    countries: [
      ["BR", "USD"],
      ["MX", "USD"],
      ["AR", "USD"],
    ],
  },
  emea: {
    weight: 12,
    countries: [
      ["FR", "EUR"],
      ["NL", "EUR"],
      ["ES", "EUR"],
      ["IT", "EUR"],
    ],
  },
  dach: {
    weight: 10,
    countries: [
      ["DE", "EUR"],
      ["AT", "EUR"],
      ["CH", "EUR"],
    ],
  },
  uk_ireland: {
    weight: 10,
    countries: [
      ["GB", "GBP"],
      ["GB", "GBP"],
      ["IE", "EUR"],
    ],
  },
  nordics: {
    weight: 5,
    countries: [
      ["SE", "EUR"],
      ["NO", "EUR"],
      ["DK", "EUR"],
      ["FI", "EUR"],
    ],
  },
  apac: {
    weight: 6,
    countries: [
      ["SG", "USD"],
      ["HK", "USD"],
      ["KR", "USD"],
    ],
  },
  anz: {
    weight: 5,
    countries: [
      ["AU", "AUD"],
      ["NZ", "AUD"],
    ],
  },
  japan: { weight: 6, countries: [["JP", "JPY"]] },
  india: { weight: 5, countries: [["IN", "USD"]] },
  middle_east: {
    weight: 3,
    countries: [
      ["AE", "USD"],
      ["SA", "USD"],
      ["IL", "USD"],
    ],
  },
  africa: {
    weight: 3,
    countries: [
      ["ZA", "USD"],
      ["KE", "USD"],
      ["NG", "USD"],
    ],
  },
};

/** USD per unit at the start of the history; rates then drift monthly (random walk, 1.5% sd). */
export const usdPerUnit: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0067, AUD: 0.66, CAD: 0.74 };
export const FX_MONTHLY_SD = 0.015;

export const accountNameParts = {
  first: [
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Oscorp",
    "Massive",
    "Pied Piper",
    "Aperture",
    "Gringotts",
    "Monarch",
    "Dunder",
    "Sterling",
    "Prestige",
    "Acorn",
    "Beacon",
    "Cobalt",
    "Delta",
    "Evergreen",
    "Falcon",
    "Granite",
    "Harbor",
    "Ironwood",
    "Juniper",
    "Keystone",
    "Lighthouse",
    "Maple",
    "Nimbus",
    "Obsidian",
    "Pinnacle",
    "Quartz",
    "Redwood",
    "Summit",
    "Timber",
    "Unity",
    "Vertex",
    "Willow",
    "Zenith",
    "Aurora",
    "Borealis",
    "Cascade",
    "Drift",
    "Ember",
  ],
  second: [
    "Logistics",
    "Health",
    "Foods",
    "Energy",
    "Media",
    "Bank",
    "Insurance",
    "Motors",
    "Pharma",
    "Retail",
    "Telecom",
    "Analytics",
    "Textiles",
    "Airlines",
    "Hotels",
    "Robotics",
    "Foundry",
    "Brewing",
    "Shipping",
    "Labs",
    "Works",
    "Group",
    "Industries",
    "Holdings",
  ],
  legal: ["", "", "", " Inc.", " Ltd", " GmbH", " S.A.", " B.V.", " AB", " Pty Ltd", " K.K."],
} as const;
