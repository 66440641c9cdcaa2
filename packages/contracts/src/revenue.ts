import { z } from "zod";
import { timestamp } from "./common";

/** Bulk endpoints accept at most this many rows per call. */
export const BULK_LIMIT = 5000;

export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO 4217 code such as EUR" });

export const isoDate = z.iso.date({ message: "Use a date such as 2026-03-31" });

/** Integer minor units (cents), never negative. */
export const amountMinor = z
  .number()
  .int({ message: "Use whole minor units (cents)" })
  .min(0, { message: "Amounts cannot be negative" })
  .max(9_000_000_000_000_000);

export const externalId = z.string().trim().min(1, { message: "Enter an id" }).max(200);

export const opportunityOutcomes = ["open", "won", "lost"] as const;
export const opportunityOutcome = z.enum(opportunityOutcomes);
export type OpportunityOutcome = z.infer<typeof opportunityOutcome>;
export const opportunitySources = ["direct", "partner_sourced"] as const;
export const opportunitySource = z.enum(opportunitySources);

/** How partners contributed to a deal (DOMAIN.md §4). */
export const classificationKinds = ["sourced", "influenced", "direct"] as const;
export const opportunityClassification = z
  .object({
    kind: z.enum(classificationKinds),
    accelerated: z.boolean(),
    /** Partners with a touch before the opportunity was opened, or its sourcing partner. */
    sourcingPartnerIds: z.array(z.uuid()),
    /** Partners with a touch while it was open. */
    influencingPartnerIds: z.array(z.uuid()),
  })
  .meta({ id: "OpportunityClassification" });
export type OpportunityClassification = z.infer<typeof opportunityClassification>;

// ── opportunities ──────────────────────────────────────────────────────────

const opportunityFields = {
  name: z.string().trim().min(1, { message: "Enter a name" }).max(300),
  accountId: z.uuid().nullable(),
  accountName: z.string().trim().max(300).nullable(),
  stage: z.string().trim().min(1).max(80),
  amountMinor: amountMinor.nullable(),
  currency: currencyCode.nullable(),
  openedAt: timestamp,
  expectedCloseOn: isoDate.nullable(),
  products: z.array(z.string().trim().min(1).max(200)).max(50),
  source: opportunitySource,
  sourcingPartnerId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().trim().max(200).nullable(),
  externalId: externalId.nullable(),
};

function checkOpportunity(
  value: {
    amountMinor?: number | null | undefined;
    currency?: string | null | undefined;
    source?: string | undefined;
    sourcingPartnerId?: string | null | undefined;
    outcome?: string | undefined;
    closedAt?: string | null | undefined;
    openedAt?: string | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (value.amountMinor != null && value.currency == null)
    ctx.addIssue({ code: "custom", path: ["currency"], message: "Give the currency of the amount" });
  if (value.source === "partner_sourced" && !value.sourcingPartnerId)
    ctx.addIssue({ code: "custom", path: ["sourcingPartnerId"], message: "Name the partner that sourced it" });
  if (value.source === "direct" && value.sourcingPartnerId)
    ctx.addIssue({ code: "custom", path: ["source"], message: "A direct deal has no sourcing partner" });
  if (value.outcome && value.outcome !== "open" && !value.closedAt)
    ctx.addIssue({ code: "custom", path: ["closedAt"], message: "Give the close date of a won or lost deal" });
  if (value.outcome === "open" && value.closedAt)
    ctx.addIssue({ code: "custom", path: ["closedAt"], message: "An open deal has no close date" });
  if (value.closedAt && value.openedAt && value.closedAt < value.openedAt)
    ctx.addIssue({ code: "custom", path: ["closedAt"], message: "The close date is before the created date" });
}

export const createOpportunityBody = z
  .object({
    name: opportunityFields.name,
    accountId: opportunityFields.accountId.optional(),
    accountName: opportunityFields.accountName.optional(),
    stage: opportunityFields.stage.optional(),
    outcome: opportunityOutcome.default("open"),
    amountMinor: opportunityFields.amountMinor.optional(),
    currency: opportunityFields.currency.optional(),
    openedAt: timestamp,
    closedAt: timestamp.nullable().optional(),
    expectedCloseOn: opportunityFields.expectedCloseOn.optional(),
    products: opportunityFields.products.optional(),
    source: opportunitySource.default("direct"),
    sourcingPartnerId: opportunityFields.sourcingPartnerId.optional(),
    ownerId: opportunityFields.ownerId.optional(),
    ownerName: opportunityFields.ownerName.optional(),
    externalId: opportunityFields.externalId.optional(),
  })
  .superRefine(checkOpportunity);
export type CreateOpportunityBody = z.input<typeof createOpportunityBody>;

/** One row of an idempotent upsert by CRM id. */
export const upsertOpportunityItem = z
  .object({
    externalId,
    name: opportunityFields.name,
    accountId: opportunityFields.accountId.optional(),
    accountName: opportunityFields.accountName.optional(),
    stage: opportunityFields.stage.optional(),
    outcome: opportunityOutcome.default("open"),
    amountMinor: opportunityFields.amountMinor.optional(),
    currency: opportunityFields.currency.optional(),
    openedAt: timestamp,
    closedAt: timestamp.nullable().optional(),
    expectedCloseOn: opportunityFields.expectedCloseOn.optional(),
    products: opportunityFields.products.optional(),
    source: opportunitySource.default("direct"),
    sourcingPartnerId: opportunityFields.sourcingPartnerId.optional(),
    ownerName: opportunityFields.ownerName.optional(),
  })
  .superRefine(checkOpportunity);
export type UpsertOpportunityItem = z.output<typeof upsertOpportunityItem>;
export const upsertOpportunityBody = upsertOpportunityItem;
export const bulkUpsertOpportunitiesBody = z.object({
  items: z
    .array(upsertOpportunityItem)
    .min(1)
    .max(BULK_LIMIT, { message: `Send at most ${BULK_LIMIT} rows` }),
});
export type BulkUpsertOpportunitiesBody = z.input<typeof bulkUpsertOpportunitiesBody>;

export const bulkUpsertResult = z
  .object({ created: z.number().int(), updated: z.number().int(), ids: z.array(z.uuid()) })
  .meta({ id: "BulkUpsertResult" });
export type BulkUpsertResult = z.infer<typeof bulkUpsertResult>;

export const updateOpportunityBody = z
  .object({
    name: opportunityFields.name,
    accountId: opportunityFields.accountId,
    stage: opportunityFields.stage,
    amountMinor: opportunityFields.amountMinor,
    currency: opportunityFields.currency,
    openedAt: timestamp,
    expectedCloseOn: opportunityFields.expectedCloseOn,
    products: opportunityFields.products,
    source: opportunitySource,
    sourcingPartnerId: opportunityFields.sourcingPartnerId,
    ownerName: opportunityFields.ownerName,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Change at least one field" });
export type UpdateOpportunityBody = z.input<typeof updateOpportunityBody>;

export const closeOpportunityBody = z.object({
  outcome: z.enum(["won", "lost"]),
  closedAt: timestamp,
  amountMinor: amountMinor.optional(),
  currency: currencyCode.optional(),
  stage: opportunityFields.stage.optional(),
});
export type CloseOpportunityBody = z.input<typeof closeOpportunityBody>;

export const opportunitySortFields = ["openedAt", "closedAt", "amount", "name"] as const;
const outcomeList = z
  .string()
  .max(40)
  .transform((value) =>
    value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(opportunityOutcome).max(3));

export const opportunityListQuery = z.object({
  /** Comma-separated: `won,lost`. */
  outcome: outcomeList.optional(),
  stage: z.string().trim().min(1).max(80).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  source: opportunitySource.optional(),
  partnerId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  /** Opportunities closed (won/lost) or, when open, created in this period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Reporting-currency minor units. */
  minAmount: z.coerce.number().int().min(0).optional(),
  maxAmount: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(opportunitySortFields).default("openedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OpportunityListQuery = z.input<typeof opportunityListQuery>;

export const opportunityRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountId: z.uuid().nullable(),
    accountName: z.string().nullable(),
    stage: z.string(),
    outcome: opportunityOutcome,
    amountMinor: z.number().nullable(),
    currency: z.string().nullable(),
    amountReportingMinor: z.number().nullable(),
    fxRate: z.string().nullable(),
    openedAt: timestamp,
    closedAt: timestamp.nullable(),
    expectedCloseOn: z.string().nullable(),
    products: z.array(z.string()),
    source: opportunitySource,
    sourcingPartnerId: z.uuid().nullable(),
    sourcingPartnerName: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    registrationId: z.uuid().nullable(),
    externalId: z.string().nullable(),
    touchCount: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: "Opportunity" });
export type OpportunityRecord = z.infer<typeof opportunityRecord>;

export const opportunityTotals = z.object({
  count: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  open: z.number().int(),
  /** Σ reporting amounts of the matching opportunities (minor units of `currency`). */
  amountReportingMinor: z.number(),
  wonAmountReportingMinor: z.number(),
  /** Matching opportunities with an amount but no FX rate for their date. */
  unconverted: z.number().int(),
  currency: z.string(),
});
export const opportunityList = z.object({
  items: z.array(opportunityRecord),
  total: z.number().int(),
  totals: opportunityTotals,
});
export type OpportunityList = z.infer<typeof opportunityList>;
