import { z } from "zod";

/** Kinds of partner contribution to a deal (DOMAIN.md §4). */
export const touchpointTypes = [
  "registration",
  "referral",
  "lead",
  "introduction",
  "co_sell_meeting",
  "technical_validation",
  "demo",
  "implementation",
  "integration",
  "marketplace_listing",
  "mdf_campaign",
  "content_engagement",
  "training",
  "review",
] as const;
export const touchpointType = z.enum(touchpointTypes);
export type TouchpointType = z.infer<typeof touchpointType>;

/** What produced a touchpoint. */
export const touchpointOrigins = [
  "registration",
  "referral",
  "lead",
  "manual",
  "import",
  "api",
  "co_sell",
  "demo_seed",
] as const;
export const touchpointOrigin = z.enum(touchpointOrigins);
export type TouchpointOrigin = z.infer<typeof touchpointOrigin>;

// ── the touchpoint ledger over HTTP ────────────────────────────────────────

const touchWeight = z.number().min(0, { message: "Use a weight of 0 or more" }).max(1000);
const touchNote = z.string().trim().max(2000);

function needsTarget(
  value: { opportunityId?: string | null | undefined; accountId?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.opportunityId && !value.accountId)
    ctx.addIssue({ code: "custom", path: ["opportunityId"], message: "Name an opportunity or an account" });
}

export const createTouchpointBody = z
  .object({
    partnerId: z.uuid(),
    type: touchpointType,
    occurredAt: z.iso.datetime({ offset: true }),
    opportunityId: z.uuid().nullable().optional(),
    accountId: z.uuid().nullable().optional(),
    weight: touchWeight.nullable().optional(),
    note: touchNote.nullable().optional(),
    accelerated: z.boolean().optional(),
    externalId: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .superRefine(needsTarget);
export type CreateTouchpointBody = z.input<typeof createTouchpointBody>;
export type CreateTouchpointInput = z.output<typeof createTouchpointBody>;

export const upsertTouchpointItem = z
  .object({
    externalId: z.string().trim().min(1, { message: "Enter an id" }).max(200),
    partnerId: z.uuid(),
    type: touchpointType,
    occurredAt: z.iso.datetime({ offset: true }),
    opportunityId: z.uuid().nullable().optional(),
    accountId: z.uuid().nullable().optional(),
    weight: touchWeight.nullable().optional(),
    note: touchNote.nullable().optional(),
    accelerated: z.boolean().optional(),
  })
  .superRefine(needsTarget);
export type UpsertTouchpointItem = z.output<typeof upsertTouchpointItem>;
export const bulkUpsertTouchpointsBody = z.object({
  items: z.array(upsertTouchpointItem).min(1).max(5000, { message: "Send at most 5000 rows" }),
});

export const voidTouchpointBody = z.object({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)" }).max(500),
});

export const touchpointListQuery = z.object({
  partnerId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  type: touchpointType.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  includeVoided: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TouchpointListQuery = z.input<typeof touchpointListQuery>;

export const touchpointRecord = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    type: touchpointType,
    occurredAt: z.iso.datetime({ offset: true }),
    opportunityId: z.uuid().nullable(),
    opportunityName: z.string().nullable(),
    accountId: z.uuid().nullable(),
    accountName: z.string().nullable(),
    actorLabel: z.string().nullable(),
    weight: z.number().nullable(),
    note: z.string().nullable(),
    accelerated: z.boolean(),
    origin: touchpointOrigin,
    externalId: z.string().nullable(),
    voidedAt: z.iso.datetime({ offset: true }).nullable(),
    voidedReason: z.string().nullable(),
    voidedBy: z.string().nullable(),
  })
  .meta({ id: "Touchpoint" });
export type TouchpointRecord = z.infer<typeof touchpointRecord>;
export const touchpointList = z.object({ items: z.array(touchpointRecord), total: z.number().int() });
export type TouchpointList = z.infer<typeof touchpointList>;

/** What a partner sees of its own touchpoints (no vendor notes, no actors). */
export const portalTouchpointRecord = z
  .object({
    id: z.uuid(),
    type: touchpointType,
    occurredAt: z.iso.datetime({ offset: true }),
    opportunityId: z.uuid().nullable(),
    opportunityName: z.string().nullable(),
    accountName: z.string().nullable(),
    voided: z.boolean(),
  })
  .meta({ id: "PortalTouchpoint" });
export const portalTouchpointList = z.object({ items: z.array(portalTouchpointRecord), total: z.number().int() });
export const portalTouchpointQuery = z.object({
  opportunityId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
