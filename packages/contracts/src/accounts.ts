import { z } from "zod";
import { pageOf, timestamp } from "./common";
import { companySize } from "./partner-domain";
import { countryCode, partnerDomain } from "./partners";

// The vendor's account book: customers and prospects, named-account lists, direct engagements.

export const accountStatuses = ["prospect", "customer", "churned"] as const;
export const accountStatus = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof accountStatus>;
export const accountStatusLabels: Record<AccountStatus, string> = {
  prospect: "Prospect",
  customer: "Customer",
  churned: "Churned",
};

export const directEngagementKinds = ["meeting", "call", "email", "demo", "opportunity", "other"] as const;
export const directEngagementKind = z.enum(directEngagementKinds);
export type DirectEngagementKind = z.infer<typeof directEngagementKind>;

const isoDate = z.iso.date({ message: "Use a date such as 2026-03-02" });
const text = (max: number) => z.string().trim().min(1, { message: "Enter a value" }).max(max);

// ── records ─────────────────────────────────────────────────────────────────

export const accountListRef = z.object({ id: z.uuid(), name: z.string(), blocksPartners: z.boolean() });

export const accountRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    website: z.string().nullable(),
    domain: z.string().nullable(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    industry: z.string().nullable(),
    size: z.string().nullable(),
    phone: z.string().nullable(),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    status: accountStatus,
    customerSince: z.string().nullable(),
    lastDirectEngagementAt: timestamp.nullable(),
    externalId: z.string().nullable(),
    lists: z.array(accountListRef),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Account" });
export type AccountRecord = z.infer<typeof accountRecord>;
export const accountPage = pageOf(accountRecord);
export type AccountPage = z.infer<typeof accountPage>;

// ── list and search ─────────────────────────────────────────────────────────

export const accountSortFields = ["name", "createdAt", "updatedAt", "status", "country"] as const;

export const accountListQuery = z.object({
  /** Name or domain; ranked by trigram similarity on the normalized name. */
  q: z.string().trim().max(200).optional(),
  status: accountStatus.optional(),
  ownerId: z.union([z.uuid(), z.literal("none")]).optional(),
  country: countryCode.optional(),
  industry: z.string().trim().max(100).optional(),
  size: companySize.optional(),
  listId: z.uuid().optional(),
  sort: z.enum(accountSortFields).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AccountListQuery = z.input<typeof accountListQuery>;

// ── writes ──────────────────────────────────────────────────────────────────

const accountFields = {
  name: text(200),
  /** Free-form website or URL; the registrable domain is derived from it when `domain` is absent. */
  website: z.string().trim().max(300).nullable(),
  domain: partnerDomain.nullable(),
  country: countryCode.nullable(),
  region: z.string().trim().max(40).nullable(),
  industry: z.string().trim().max(100).nullable(),
  size: companySize.nullable(),
  phone: z.string().trim().max(40).nullable(),
  ownerId: z.uuid().nullable(),
  status: accountStatus,
  customerSince: isoDate.nullable(),
  externalId: z.string().trim().min(1).max(120).nullable(),
};

export const createAccountBody = z.object({
  name: accountFields.name,
  website: accountFields.website.optional(),
  domain: accountFields.domain.optional(),
  country: accountFields.country.optional(),
  region: accountFields.region.optional(),
  industry: accountFields.industry.optional(),
  size: accountFields.size.optional(),
  phone: accountFields.phone.optional(),
  ownerId: accountFields.ownerId.optional(),
  status: accountFields.status.default("prospect"),
  customerSince: accountFields.customerSince.optional(),
  externalId: accountFields.externalId.optional(),
});
export type CreateAccountBody = z.input<typeof createAccountBody>;

export const updateAccountBody = z
  .object(accountFields)
  .omit({ status: true })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: "Change at least one field" });
export type UpdateAccountBody = z.input<typeof updateAccountBody>;

export const accountStatusBody = z.object({ status: accountStatus, customerSince: isoDate.nullable().optional() });

/** An upsert keyed by the CRM id: the same call twice leaves one account. */
export const upsertAccountBody = createAccountBody.omit({ externalId: true, status: true }).extend({
  status: accountStatus.optional(),
});
export const externalIdParams = z.object({ externalId: z.string().trim().min(1).max(120) });

export const MAX_BULK_ACCOUNTS = 5000;
export const bulkUpsertAccountsBody = z.object({
  accounts: z
    .array(upsertAccountBody.extend({ externalId: accountFields.externalId.unwrap() }))
    .min(1, { message: "Send at least one account" })
    .max(MAX_BULK_ACCOUNTS, { message: `Send at most ${MAX_BULK_ACCOUNTS} accounts per call` }),
});
export type BulkUpsertAccountsBody = z.input<typeof bulkUpsertAccountsBody>;
export const bulkUpsertAccountsResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  items: z.array(z.object({ externalId: z.string(), id: z.uuid(), created: z.boolean() })),
});

// ── named-account lists ─────────────────────────────────────────────────────

export const accountList = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    blocksPartners: z.boolean(),
    memberCount: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: "AccountList" });
export type AccountList = z.infer<typeof accountList>;

export const createAccountListBody = z.object({
  name: text(120),
  description: z.string().trim().max(2000).nullable().optional(),
  /** Accounts on a blocking list are a conflict for partner registrations; others go to review. */
  blocksPartners: z.boolean().default(true),
});
export const updateAccountListBody = createAccountListBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: "Change at least one field" });

export const accountListMembersBody = z.object({
  accountIds: z
    .array(z.uuid())
    .min(1, { message: "Choose at least one account" })
    .max(MAX_BULK_ACCOUNTS, { message: `Use at most ${MAX_BULK_ACCOUNTS} accounts per call` }),
});
export const accountListMembersResult = z.object({ changed: z.number().int(), memberCount: z.number().int() });

// ── direct engagements ──────────────────────────────────────────────────────

export const directEngagement = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    engagedAt: timestamp,
    kind: directEngagementKind,
    user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    note: z.string().nullable(),
    externalId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "DirectEngagement" });
export type DirectEngagement = z.infer<typeof directEngagement>;

export const createDirectEngagementBody = z.object({
  engagedAt: timestamp.refine((value) => Date.parse(value) <= Date.now() + 24 * 3600_000, {
    message: "An engagement cannot be in the future",
  }),
  kind: directEngagementKind.default("meeting"),
  userId: z.uuid().nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  externalId: z.string().trim().min(1).max(120).nullable().optional(),
});
export const accountEngagementParams = z.object({ id: z.uuid(), engagementId: z.uuid() });
export const accountListMemberParams = z.object({ id: z.uuid() });

// ── activity ────────────────────────────────────────────────────────────────

export const accountActivityEntry = z.object({
  id: z.string(),
  at: timestamp,
  action: z.string(),
  actor: z.string().nullable(),
  summary: z.string(),
});
export const accountActivity = z.object({ items: z.array(accountActivityEntry), nextCursor: z.string().nullable() });
export type AccountActivity = z.infer<typeof accountActivity>;
export const accountActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, { message: "Use the nextCursor of the previous page" })
    .optional(),
});
