// Revenue events per account, the FX rates that convert amounts to the reporting currency, and the
// opportunity detail views (console and portal) built on them.
import { z } from "zod";
import { timestamp } from "./common";
import {
  amountMinor,
  BULK_LIMIT,
  currencyCode,
  externalId,
  isoDate,
  opportunityClassification,
  opportunityOutcome,
  opportunityRecord,
} from "./revenue";
import { portalTouchpointRecord, touchpointRecord } from "./touchpoints";

// ── revenue events ─────────────────────────────────────────────────────────

export const revenueEventKinds = ["new", "expansion", "contraction", "renewal", "churn"] as const;
export const revenueEventKind = z.enum(revenueEventKinds);

export const createRevenueEventBody = z.object({
  accountId: z.uuid(),
  opportunityId: z.uuid().nullable().optional(),
  kind: revenueEventKind,
  occurredOn: isoDate,
  amountMinor,
  currency: currencyCode,
  externalId: externalId.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type CreateRevenueEventBody = z.input<typeof createRevenueEventBody>;
export const upsertRevenueEventItem = createRevenueEventBody.extend({ externalId });
export type UpsertRevenueEventItem = z.output<typeof upsertRevenueEventItem>;
export const bulkUpsertRevenueEventsBody = z.object({
  items: z
    .array(upsertRevenueEventItem)
    .min(1)
    .max(BULK_LIMIT, { message: `Send at most ${BULK_LIMIT} rows` }),
});

export const revenueEventListQuery = z.object({
  accountId: z.uuid().optional(),
  kind: revenueEventKind.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const revenueEventRecord = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    opportunityId: z.uuid().nullable(),
    kind: revenueEventKind,
    occurredOn: z.string(),
    amountMinor: z.number(),
    currency: z.string(),
    amountReportingMinor: z.number().nullable(),
    fxRate: z.string().nullable(),
    externalId: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "RevenueEvent" });
export type RevenueEventRecord = z.infer<typeof revenueEventRecord>;
export const revenueEventList = z.object({
  items: z.array(revenueEventRecord),
  total: z.number().int(),
  currency: z.string(),
});

// ── FX rates ───────────────────────────────────────────────────────────────

export const fxRateItem = z.object({
  currency: currencyCode,
  rateDate: isoDate,
  /** Reporting-currency units per one unit of `currency`. */
  rate: z.number().positive({ message: "Use a rate above 0" }).max(1e9),
  source: z.string().trim().max(200).nullable().optional(),
});
export type FxRateItem = z.output<typeof fxRateItem>;
export const bulkUpsertFxRatesBody = z.object({
  items: z
    .array(fxRateItem)
    .min(1)
    .max(BULK_LIMIT, { message: `Send at most ${BULK_LIMIT} rows` }),
});
export const fxRateListQuery = z.object({
  currency: currencyCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const fxRateRecord = z
  .object({
    currency: z.string(),
    rateDate: z.string(),
    rate: z.string(),
    source: z.string().nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: "FxRate" });
export type FxRateRecord = z.infer<typeof fxRateRecord>;
export const fxRateList = z.object({
  items: z.array(fxRateRecord),
  total: z.number().int(),
  reportingCurrency: z.string(),
});
export const fxUpsertResult = z.object({
  rates: z.number().int(),
  /** Opportunities and revenue events whose reporting amounts were recomputed. */
  recomputedOpportunities: z.number().int(),
  recomputedRevenueEvents: z.number().int(),
});
export type FxUpsertResult = z.infer<typeof fxUpsertResult>;

// ── opportunity detail and the partner's view ─────────────────────────────

export const opportunityDetail = opportunityRecord
  .extend({
    account: z
      .object({
        id: z.uuid(),
        name: z.string(),
        domain: z.string().nullable(),
        country: z.string().nullable(),
        industry: z.string().nullable(),
        status: z.string(),
      })
      .nullable(),
    touchpoints: z.array(touchpointRecord),
    revenueEvents: z.array(revenueEventRecord),
    classification: opportunityClassification,
    reportingCurrency: z.string(),
  })
  .meta({ id: "OpportunityDetail" });
export type OpportunityDetail = z.infer<typeof opportunityDetail>;

/** A partner sees only deals it sourced or touched, and only these fields. */
export const portalOpportunityRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountName: z.string().nullable(),
    stage: z.string(),
    outcome: opportunityOutcome,
    amountMinor: z.number().nullable(),
    currency: z.string().nullable(),
    openedAt: timestamp,
    closedAt: timestamp.nullable(),
    sourcedByYou: z.boolean(),
  })
  .meta({ id: "PortalOpportunity" });
export type PortalOpportunityRecord = z.infer<typeof portalOpportunityRecord>;
export const portalOpportunityList = z.object({ items: z.array(portalOpportunityRecord), total: z.number().int() });
export const portalOpportunityQuery = z.object({
  outcome: opportunityOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const portalOpportunityDetail = portalOpportunityRecord
  .extend({ touchpoints: z.array(portalTouchpointRecord) })
  .meta({ id: "PortalOpportunityDetail" });

// ── spelling variants of imported values ──────────────────────────────────

export const variantFields = ["product", "account"] as const;
export const variantQuery = z.object({ field: z.enum(variantFields) });
export const variantGroup = z.object({
  canonical: z.string(),
  spellings: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export const variantReport = z.object({ field: z.enum(variantFields), groups: z.array(variantGroup) });
export type VariantReport = z.infer<typeof variantReport>;
export const mapVariantsBody = z.object({
  field: z.enum(variantFields),
  from: z.array(z.string().min(1).max(300)).min(1).max(100),
  to: z.string().trim().min(1, { message: "Enter the spelling to keep" }).max(300),
});
export type MapVariantsBody = z.input<typeof mapVariantsBody>;
export const mapVariantsResult = z.object({ opportunities: z.number().int() });
