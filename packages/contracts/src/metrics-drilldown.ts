// Drill-downs of the dashboard sections that are not headline metrics: the partners behind a
// cohort, a health band or the at-risk list, the accounts behind retention, CLTV and market
// penetration, and the deals behind one role of the attribution flow. Headline figures drill
// through `drilldownQuery` (metrics.ts) instead.
import { z } from "zod";
import { timestamp } from "./common";
import { metricFilters } from "./metrics";
import { partnerTypes } from "./partner-domain";

export const drilldownSections = [
  "cohort",
  "health_band",
  "at_risk",
  "retention",
  "customers",
  "attribution_role",
  "new_customers",
] as const;
export const drilldownSection = z.enum(drilldownSections);
export type DrilldownSection = z.infer<typeof drilldownSection>;

export const healthBandNames = ["green", "yellow", "red"] as const;

/** What each section needs besides the filters, so a missing one is a 400 naming the field. */
/** A row of the attribution flow: a partner's first role, or `unspecified` for partners without one. */
export const flowRoles = [...partnerTypes, "unspecified"] as const;
export type FlowRole = (typeof flowRoles)[number];

const required: Record<DrilldownSection, readonly ("cohort" | "band" | "side" | "by" | "key" | "flowRole")[]> = {
  cohort: ["cohort"],
  health_band: ["band"],
  at_risk: [],
  retention: ["side"],
  customers: ["by", "key"],
  attribution_role: ["flowRole"],
  new_customers: [],
};

export const sectionDrilldownQuery = metricFilters
  .and(
    z.object({
      section: drilldownSection,
      /** The activation month of a time-to-first-revenue cohort, `YYYY-MM`. */
      cohort: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "Use a month such as 2026-01" })
        .optional(),
      band: z.enum(healthBandNames).optional(),
      /** Retention and CLTV: partner-attached accounts or the others. */
      side: z.enum(["partner", "other"]).optional(),
      /** Market penetration: the customers of one region or industry (`key`; `unknown` for none). */
      by: z.enum(["region", "industry"]).optional(),
      key: z.string().trim().min(1).max(80).optional(),
      /**
       * Attribution flow: the role row (a partner's first role). Distinct from the `role` filter,
       * which keeps partners holding the role among any of theirs.
       */
      flowRole: z.enum(flowRoles).optional(),
      /** New customers: only those a won partner-sourced deal brought (partner CAC's count). */
      partnerSourced: z.enum(["true", "false"]).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  )
  .superRefine((value, ctx) => {
    for (const field of required[value.section] ?? []) {
      if (value[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: `Required for the ${value.section} drill-down` });
      }
    }
  });
export type SectionDrilldownQuery = z.infer<typeof sectionDrilldownQuery>;

const healthComponent = z.object({
  key: z.string(),
  /** 0–100; null when the workspace has no data for it (left out of the score). */
  value: z.number().nullable(),
  weight: z.number(),
  used: z.boolean(),
});

export const drilldownPartner = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  stage: z.string(),
  /** When the partner joined (was activated). */
  activatedAt: timestamp.nullable(),
  /** Close date of its first won partner-involved deal, as the figure counts it (null: none by the period's end). */
  firstRevenueAt: timestamp.nullable(),
  daysToFirstRevenue: z.number().nullable(),
  engagementScore: z.number(),
  /** Engagement 90 days before the read model's refresh. */
  previousEngagementScore: z.number(),
  healthScore: z.number().nullable(),
  healthBand: z.enum(healthBandNames).nullable(),
  /** The health score's components (revenue and pipeline percentile ranks, engagement, …). */
  components: z.array(healthComponent),
});
export type DrilldownPartner = z.infer<typeof drilldownPartner>;

export const drilldownAccount = z.object({
  accountId: z.uuid(),
  name: z.string(),
  region: z.string().nullable(),
  /** Recurring revenue at the period's start, and what moved it during the period (reporting currency). */
  startMinor: z.number(),
  expansionMinor: z.number(),
  contractionMinor: z.number(),
  churnMinor: z.number(),
  endMinor: z.number(),
  /** No recurring revenue left at the period's end. */
  churned: z.boolean(),
});
export type DrilldownAccount = z.infer<typeof drilldownAccount>;

export const drilldownCustomer = z.object({
  accountId: z.uuid(),
  name: z.string(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  /** Won in the period (reporting currency) and how many deals. */
  wonMinor: z.number(),
  wonDeals: z.number().int(),
  /** A partner-involved won deal (matching the partner filters) counts the customer as with a partner. */
  withPartner: z.boolean(),
});
export type DrilldownCustomer = z.infer<typeof drilldownCustomer>;

export const drilldownCredit = z.object({
  opportunityId: z.uuid(),
  name: z.string(),
  accountName: z.string().nullable(),
  region: z.string().nullable(),
  closedAt: timestamp.nullable(),
  /** The deal's amount (reporting currency). */
  amountMinor: z.number().nullable(),
  /** The credit the role's partners received on the deal under the model; the rows sum to the flow's figure. */
  creditMinor: z.number(),
  /** The role's partners credited on the deal, with each one's credit. */
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), creditMinor: z.number() })),
});
export type DrilldownCredit = z.infer<typeof drilldownCredit>;

export const drilldownNewCustomer = z.object({
  accountId: z.uuid(),
  name: z.string(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  /** The day of the account's first `new` revenue event: what makes it a new customer of the period. */
  firstNewOn: z.string(),
  /** A won partner-sourced deal (matching the partner filters) brought it: partner CAC counts it. */
  partnerSourced: z.boolean(),
});
export type DrilldownNewCustomer = z.infer<typeof drilldownNewCustomer>;

const pageFields = {
  section: drilldownSection,
  /** The period the records are read for, inclusive. */
  period: z.object({ from: z.string(), to: z.string() }),
  /** How the figure is computed and from which read model, as shown beside the records. */
  model: z.string(),
  total: z.number().int(),
};
export const sectionDrilldownPage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("partners"), ...pageFields, items: z.array(drilldownPartner) }),
  z.object({ kind: z.literal("accounts"), ...pageFields, items: z.array(drilldownAccount) }),
  z.object({ kind: z.literal("customers"), ...pageFields, items: z.array(drilldownCustomer) }),
  z.object({
    kind: z.literal("credits"),
    ...pageFields,
    /** The credit of every deal of the list, not only this page's: the figure the flow shows. */
    creditTotalMinor: z.number(),
    items: z.array(drilldownCredit),
  }),
  z.object({ kind: z.literal("new_customers"), ...pageFields, items: z.array(drilldownNewCustomer) }),
]);
export type SectionDrilldownPage = z.infer<typeof sectionDrilldownPage>;
