import { z } from "zod";
import { pageOf, timestamp } from "./common";
import {
  companySize,
  customFieldType,
  partnerStage,
  partnerStages,
  partnerType,
  partnerTypes,
  region,
  regions,
} from "./partner-domain";

// ── shared pieces ───────────────────────────────────────────────────────────

const label = (max: number) => z.string().trim().min(1, { message: "Enter a value" }).max(max);
const list = <T extends z.ZodType>(item: T, max = 30) =>
  z.array(item).max(max, { message: `Use at most ${max} entries` });

/** A custom field value as stored: text, number or a YYYY-MM-DD date (null clears it). */
export const customFieldValue = z.union([z.string().max(2000), z.number(), z.null()]);
export const customFieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "Use lower-case letters, digits and underscores (start with a letter)" });
export const customFieldValues = z.record(customFieldKey, customFieldValue);
export type CustomFieldValues = z.infer<typeof customFieldValues>;

/** ISO 3166-1 alpha-2, upper-cased. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: "Use a two-letter ISO country code such as US or DE" });

export const partnerWebsite = z
  .url({ protocol: /^https?$/, message: "Enter a full URL such as https://example.com" })
  .max(300);

/** A registrable domain such as example.com (lower case, no scheme, no `www.`). */
export const partnerDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$/, { message: "Enter a domain such as example.com" });

// ── records ─────────────────────────────────────────────────────────────────

export const partnerProgramMembership = z.object({
  programId: z.uuid(),
  programName: z.string(),
  tierId: z.uuid().nullable(),
  tierName: z.string().nullable(),
  tierRank: z.number().int().nullable(),
  joinedAt: timestamp,
});
export type PartnerProgramMembership = z.infer<typeof partnerProgramMembership>;

export const partnerManager = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type PartnerManager = z.infer<typeof partnerManager>;
/** Staff who can be assigned as partner managers. */
export const partnerManagerList = z.object({ items: z.array(partnerManager) });
export type PartnerManagerList = z.infer<typeof partnerManagerList>;

/** A partner organization as the console sees it. */
export const partnerRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    legalName: z.string().nullable(),
    website: z.string().nullable(),
    domain: z.string().nullable(),
    hqCountry: z.string().nullable(),
    regions: z.array(z.string()),
    industries: z.array(z.string()),
    size: z.string().nullable(),
    types: z.array(z.string()),
    specializations: z.array(z.string()),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), customFieldValue),
    managerId: z.uuid().nullable(),
    manager: partnerManager.nullable(),
    stage: partnerStage,
    stageChangedAt: timestamp,
    activatedAt: timestamp.nullable(),
    description: z.string().nullable(),
    programs: z.array(partnerProgramMembership),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Partner" });
export type PartnerRecord = z.infer<typeof partnerRecord>;
export const partnerPage = pageOf(partnerRecord);
export type PartnerPage = z.infer<typeof partnerPage>;

// ── list query ──────────────────────────────────────────────────────────────

/** A comma-separated list of enum values in a query string (`stage=active,at_risk`). */
function csvOf<T extends string>(values: readonly T[]) {
  const known = new Set<string>(values);
  return z
    .string()
    .max(500)
    .transform((raw, ctx): T[] => {
      const parts = [...new Set(raw.split(",").map((part) => part.trim()))].filter(Boolean);
      const unknown = parts.filter((part) => !known.has(part));
      if (unknown.length > 0) {
        ctx.addIssue({ code: "custom", message: `Unknown value(s): ${unknown.join(", ")}. Use: ${values.join(", ")}` });
        return z.NEVER;
      }
      return parts as T[];
    });
}

export const partnerSortFields = ["name", "createdAt", "updatedAt", "stage", "country"] as const;
export type PartnerSortField = (typeof partnerSortFields)[number];

export const partnerListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  stage: csvOf(partnerStages).optional(),
  type: csvOf(partnerTypes).optional(),
  region: csvOf(regions).optional(),
  industry: z.string().trim().max(100).optional(),
  country: countryCode.optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  managerId: z.union([z.uuid(), z.literal("none")]).optional(),
  programId: z.uuid().optional(),
  tierId: z.uuid().optional(),
});
export type PartnerListFilters = z.infer<typeof partnerListFilters>;

export const partnerListQuery = partnerListFilters.extend({
  sort: z.enum(partnerSortFields).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PartnerListQuery = z.input<typeof partnerListQuery>;

// ── create / update ─────────────────────────────────────────────────────────

const partnerFields = {
  name: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200),
  legalName: z.string().trim().max(200).nullable(),
  website: partnerWebsite.nullable(),
  domain: partnerDomain.nullable(),
  hqCountry: countryCode.nullable(),
  regions: list(region, 12),
  industries: list(label(80)),
  size: companySize.nullable(),
  types: list(partnerType, 15),
  specializations: list(label(80)),
  tags: list(z.string().trim().toLowerCase().min(1, { message: "Enter a tag" }).max(50)),
  customFields: customFieldValues,
  managerId: z.uuid().nullable(),
  description: z.string().trim().max(5000).nullable(),
};

export const createPartnerBody = z.object({
  ...partnerFields,
  legalName: partnerFields.legalName.optional(),
  website: partnerFields.website.optional(),
  domain: partnerFields.domain.optional(),
  hqCountry: partnerFields.hqCountry.optional(),
  regions: partnerFields.regions.optional(),
  industries: partnerFields.industries.optional(),
  size: partnerFields.size.optional(),
  types: partnerFields.types.optional(),
  specializations: partnerFields.specializations.optional(),
  tags: partnerFields.tags.optional(),
  customFields: partnerFields.customFields.optional(),
  managerId: partnerFields.managerId.optional(),
  description: partnerFields.description.optional(),
  stage: partnerStage.optional().describe("Initial lifecycle stage (default prospect)"),
});
export type CreatePartnerBody = z.input<typeof createPartnerBody>;

export const updatePartnerBody = z
  .object(partnerFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Change at least one field" });
export type UpdatePartnerBody = z.input<typeof updatePartnerBody>;

export const partnerStageChangeBody = z.object({
  to: partnerStage,
  reason: z.string().trim().max(1000).optional(),
});
export type PartnerStageChangeBody = z.input<typeof partnerStageChangeBody>;

// ── bulk actions ────────────────────────────────────────────────────────────

export const partnerBulkAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assign_manager"), managerId: z.uuid().nullable() }),
  z.object({ type: z.literal("add_tag"), tag: partnerFields.tags.element }),
  z.object({ type: z.literal("remove_tag"), tag: partnerFields.tags.element }),
  z.object({ type: z.literal("change_stage"), to: partnerStage, reason: z.string().trim().max(1000).optional() }),
]);
export type PartnerBulkAction = z.infer<typeof partnerBulkAction>;

export const partnerBulkBody = z.object({
  partnerIds: z
    .array(z.uuid())
    .min(1, { message: "Select at least one partner" })
    .max(500, { message: "Select at most 500 partners" }),
  action: partnerBulkAction,
});
export type PartnerBulkBody = z.input<typeof partnerBulkBody>;

export const partnerBulkResult = z.object({
  results: z.array(z.object({ partnerId: z.uuid(), name: z.string(), changed: z.boolean() })),
  changed: z.number().int(),
});
export type PartnerBulkResult = z.infer<typeof partnerBulkResult>;

// ── timeline ────────────────────────────────────────────────────────────────

export const partnerTimelineQuery = z.object({
  before: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, { message: "Use the nextCursor of the previous page" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const partnerTimelineItem = z.object({
  id: z.string().describe("kind:id"),
  kind: z.enum(["stage", "event", "audit"]),
  occurredAt: timestamp,
  actorLabel: z.string().nullable(),
  /** Audit action or event type (`partner.updated`), or `stage` for a transition. */
  action: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown().describe("Event payload, or the audit entry's before/after"),
});
export type PartnerTimelineItem = z.infer<typeof partnerTimelineItem>;
export const partnerTimelinePage = z.object({ items: z.array(partnerTimelineItem), nextCursor: z.string().nullable() });
export type PartnerTimelinePage = z.infer<typeof partnerTimelinePage>;

// ── custom field definitions ────────────────────────────────────────────────

export const customFieldDefinition = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: customFieldType,
    options: z.array(z.string()),
    required: z.boolean(),
    partnerEditable: z.boolean(),
    position: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: "PartnerCustomField" });
export type CustomFieldDefinition = z.infer<typeof customFieldDefinition>;
export const customFieldDefinitionList = z.object({ items: z.array(customFieldDefinition) });
export type CustomFieldDefinitionList = z.infer<typeof customFieldDefinitionList>;

const selectOptions = z
  .array(z.string().trim().min(1, { message: "Enter an option" }).max(100))
  .max(50, { message: "Use at most 50 options" })
  .refine((values) => new Set(values).size === values.length, { message: "Options must be unique" });

export const createCustomFieldBody = z
  .object({
    key: customFieldKey,
    label: label(80),
    type: customFieldType,
    options: selectOptions.optional(),
    required: z.boolean().optional(),
    partnerEditable: z.boolean().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === "select" && (value.options?.length ?? 0) === 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "A select field needs at least one option" });
    if (value.type !== "select" && (value.options?.length ?? 0) > 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only select fields have options" });
  });
export type CreateCustomFieldBody = z.input<typeof createCustomFieldBody>;

export const updateCustomFieldBody = z
  .object({
    label: label(80),
    options: selectOptions,
    required: z.boolean(),
    partnerEditable: z.boolean(),
    position: z.number().int().min(0).max(1000),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Change at least one field" });
export type UpdateCustomFieldBody = z.input<typeof updateCustomFieldBody>;

// ── directory settings and the portal's own profile ─────────────────────────

/** Standard fields a vendor may let partner admins edit themselves. */
export const partnerEditableFieldNames = [
  "description",
  "website",
  "regions",
  "industries",
  "specializations",
  "size",
  "hqCountry",
  "legalName",
] as const;
export const partnerEditableField = z.enum(partnerEditableFieldNames);
export type PartnerEditableField = z.infer<typeof partnerEditableField>;

export const partnerDirectorySettings = z.object({
  partnerEditableFields: z
    .array(partnerEditableField)
    .max(partnerEditableFieldNames.length)
    .refine((values) => new Set(values).size === values.length, { message: "List each field once" }),
});
export type PartnerDirectorySettings = z.infer<typeof partnerDirectorySettings>;

/** What a partner sees about its own organization: no tags, no internal custom fields. */
export const ownPartnerRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    legalName: z.string().nullable(),
    website: z.string().nullable(),
    domain: z.string().nullable(),
    hqCountry: z.string().nullable(),
    regions: z.array(z.string()),
    industries: z.array(z.string()),
    size: z.string().nullable(),
    types: z.array(z.string()),
    specializations: z.array(z.string()),
    description: z.string().nullable(),
    stage: partnerStage,
    manager: z.object({ name: z.string(), email: z.string() }).nullable(),
    programs: z.array(partnerProgramMembership),
    customFields: z.record(z.string(), customFieldValue),
    /** The fields this partner's admins may edit, and the partner-editable custom field definitions. */
    editableFields: z.array(partnerEditableField),
    customFieldDefinitions: z.array(customFieldDefinition),
    createdAt: timestamp,
  })
  .meta({ id: "OwnPartner" });
export type OwnPartnerRecord = z.infer<typeof ownPartnerRecord>;

export const updateOwnPartnerBody = updatePartnerBody;
export type UpdateOwnPartnerBody = z.input<typeof updateOwnPartnerBody>;
