import { z } from "zod";
import { email, timestamp } from "./common";
import { countryCode } from "./partners";

/** Registration states (DOMAIN.md §3). */
export const registrationStatuses = [
  "draft",
  "submitted",
  "under_review",
  "approved",
  "rejected",
  "converted",
  "expired",
  "withdrawn",
] as const;
export const registrationStatus = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

export const conflictDecision = z.enum(["clear", "review", "conflict"]);
export type ConflictDecisionValue = z.infer<typeof conflictDecision>;

const text = (max: number, message = `Use at most ${max} characters`) => z.string().trim().max(max, { message });
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === "" ? null : v));

const registrationCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO 4217 currency code such as USD or EUR" });

const website = z
  .string()
  .trim()
  .max(253)
  .regex(/^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i, { message: "Enter a domain such as contoso.com" });

/** The short form (company … products) plus the optional detail. Drafts may leave most of it empty. */
export const registrationFields = z.object({
  companyName: z.string().trim().min(2, { message: "Enter the customer's company name" }).max(200),
  website: website.nullish().or(z.literal("").transform(() => null)),
  country: countryCode.nullish(),
  contactName: optionalText(120),
  contactEmail: email.nullish().or(z.literal("").transform(() => null)),
  contactPhone: text(40)
    .regex(/^[+0-9 ().-]*$/, { message: "Use digits, spaces and + ( ) - . only" })
    .nullish(),
  amount: z
    .number()
    .nonnegative({ message: "The amount cannot be negative" })
    .max(1_000_000_000_000, { message: "The amount is too large" })
    .nullish(),
  currency: registrationCurrency.nullish(),
  expectedCloseOn: z.iso.date({ message: "Use a date such as 2026-06-30" }).nullish(),
  products: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  useCase: optionalText(4000),
  incumbent: optionalText(200),
  notes: optionalText(4000),
  programId: z.uuid().nullish(),
});

export const createRegistrationBody = registrationFields.extend({
  /** Submit at once instead of saving a draft. */
  submit: z.boolean().optional(),
});
export type CreateRegistrationBody = z.input<typeof createRegistrationBody>;

export const updateRegistrationBody = registrationFields.partial();
export type UpdateRegistrationBody = z.input<typeof updateRegistrationBody>;

export const checkRegistrationBody = z.object({
  companyName: z.string().trim().max(200).default(""),
  website: z.string().trim().max(253).nullish(),
  country: countryCode.nullish(),
  contactEmail: z.string().trim().max(254).nullish(),
  contactPhone: z.string().trim().max(40).nullish(),
});
export type CheckRegistrationBody = z.input<typeof checkRegistrationBody>;

/** What a partner may see of a check: the decision and a plain reason, never another record. */
export const partnerCheck = z
  .object({ decision: conflictDecision, reason: z.string() })
  .meta({ id: "RegistrationPartnerCheck" });
export type PartnerCheck = z.infer<typeof partnerCheck>;

export const registrationExtension = z
  .object({
    id: z.uuid(),
    requestedDays: z.number().int(),
    reason: z.string(),
    requestedBy: z.string(),
    requestedAt: timestamp,
    status: z.enum(["pending", "approved", "denied"]),
    decidedBy: z.string().nullable(),
    decidedAt: timestamp.nullable(),
    decisionReason: z.string().nullable(),
    newExpiresAt: timestamp.nullable(),
  })
  .meta({ id: "RegistrationExtension" });
export type RegistrationExtension = z.infer<typeof registrationExtension>;

export const registrationAttachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    uploadedBy: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: "RegistrationAttachment" });
export type RegistrationAttachment = z.infer<typeof registrationAttachment>;

export const registrationTransition = z
  .object({
    fromStatus: registrationStatus.nullable(),
    toStatus: registrationStatus,
    actorLabel: z.string(),
    reason: z.string().nullable(),
    at: timestamp,
  })
  .meta({ id: "RegistrationTransition" });
export type RegistrationTransition = z.infer<typeof registrationTransition>;

/** A registration as its partner sees it. */
export const portalRegistration = z
  .object({
    id: z.uuid(),
    status: registrationStatus,
    companyName: z.string(),
    website: z.string().nullable(),
    country: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    amount: z.number().nullable(),
    amountMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    expectedCloseOn: z.string().nullable(),
    products: z.array(z.string()),
    useCase: z.string().nullable(),
    incumbent: z.string().nullable(),
    notes: z.string().nullable(),
    programId: z.uuid().nullable(),
    createdBy: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    submittedAt: timestamp.nullable(),
    decidedAt: timestamp.nullable(),
    decisionReason: z.string().nullable(),
    infoRequest: z.string().nullable(),
    approvedAt: timestamp.nullable(),
    protectionExpiresAt: timestamp.nullable(),
    check: partnerCheck.nullable(),
    /** Fields the partner may still change. */
    editableFields: z.array(z.string()),
    extensions: z.array(registrationExtension),
    attachments: z.array(registrationAttachment),
    transitions: z.array(registrationTransition),
  })
  .meta({ id: "PortalRegistration" });
export type PortalRegistration = z.infer<typeof portalRegistration>;

export const portalRegistrationListQuery = z.object({
  status: registrationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const portalRegistrationSummary = z.object({
  id: z.uuid(),
  status: registrationStatus,
  companyName: z.string(),
  website: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  expectedCloseOn: z.string().nullable(),
  submittedAt: timestamp.nullable(),
  protectionExpiresAt: timestamp.nullable(),
  decisionReason: z.string().nullable(),
  infoRequest: z.string().nullable(),
  createdAt: timestamp,
});
export type PortalRegistrationSummary = z.infer<typeof portalRegistrationSummary>;

export const portalRegistrationList = z.object({
  items: z.array(portalRegistrationSummary),
  total: z.number().int(),
  /** Approved registrations whose protection ends within seven days. */
  expiringThisWeek: z.number().int(),
});

export const withdrawRegistrationBody = z.object({ reason: text(1000).optional() });
export const requestExtensionBody = z.object({
  days: z
    .number()
    .int()
    .min(1, { message: "Ask for at least one day" })
    .max(365, { message: "Ask for at most 365 days" }),
  reason: z.string().trim().min(3, { message: "Say why the deal needs more time" }).max(2000),
});

// ── Console ────────────────────────────────────────────────────────────────────────────────

export const evidenceItem = z.object({
  key: z.enum(["domain", "email_domain", "name", "phone", "country"]),
  probeValue: z.string(),
  candidateValue: z.string(),
  score: z.number(),
});

export const conflictMatchRecord = z
  .object({
    kind: z.enum(["registration", "account", "direct_opportunity", "customer", "named_account", "direct_engagement"]),
    recordId: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    country: z.string().nullable(),
    decision: z.enum(["review", "conflict"]),
    score: z.number(),
    reason: z.string(),
    evidence: z.array(evidenceItem),
    /** For registrations: the competing partner, status and submission time. */
    partnerId: z.string().nullable(),
    partnerName: z.string().nullable(),
    status: z.string().nullable(),
    submittedAt: timestamp.nullable(),
    listName: z.string().nullable(),
    engagedAt: timestamp.nullable(),
  })
  .meta({ id: "ConflictMatch" });
export type ConflictMatchRecord = z.infer<typeof conflictMatchRecord>;

export const registrationCheckRecord = z
  .object({
    id: z.uuid(),
    trigger: z.string(),
    decision: conflictDecision,
    reason: z.string(),
    partnerReason: z.string(),
    matches: z.array(conflictMatchRecord),
    policyVersion: z.number().int(),
    checkedAt: timestamp,
  })
  .meta({ id: "RegistrationCheck" });
export type RegistrationCheckRecord = z.infer<typeof registrationCheckRecord>;

export const consoleRegistrationSummary = portalRegistrationSummary
  .extend({
    partnerId: z.uuid(),
    partnerName: z.string(),
    country: z.string().nullable(),
    reviewDueAt: timestamp.nullable(),
    checkDecision: conflictDecision.nullable(),
    blockedBy: z.string().nullable(),
    /** Hours until the approval SLA ends (negative once overdue). */
    slaHoursLeft: z.number().nullable(),
  })
  .meta({ id: "ConsoleRegistrationSummary" });
export type ConsoleRegistrationSummary = z.infer<typeof consoleRegistrationSummary>;

export const consoleRegistrationListQuery = z.object({
  status: registrationStatus.optional(),
  /** `open` = submitted or under review (the review queue). */
  queue: z.enum(["open", "all"]).default("open"),
  partnerId: z.uuid().optional(),
  decision: conflictDecision.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const consoleRegistrationList = z.object({
  items: z.array(consoleRegistrationSummary),
  total: z.number().int(),
});

export const consoleRegistration = portalRegistration
  .extend({
    partnerId: z.uuid(),
    partnerName: z.string(),
    reviewDueAt: timestamp.nullable(),
    checkDecision: conflictDecision.nullable(),
    blockedBy: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    opportunityId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    checks: z.array(registrationCheckRecord),
    /** The partner's other registrations, newest first. */
    partnerHistory: z.array(portalRegistrationSummary),
  })
  .meta({ id: "ConsoleRegistration" });
export type ConsoleRegistration = z.infer<typeof consoleRegistration>;

export const approveRegistrationBody = z.object({
  /** Approve despite a blocking rule (direct engagement, another partner first); needs a reason. */
  override: z.boolean().optional(),
  reason: text(2000).optional(),
});
export const rejectRegistrationBody = z.object({
  reason: z.string().trim().min(3, { message: "Give the partner a reason" }).max(2000),
});
export const requestInfoBody = z.object({
  message: z.string().trim().min(3, { message: "Say what information is missing" }).max(2000),
});
export const bulkApproveBody = z.object({ ids: z.array(z.uuid()).min(1).max(200) });
export const bulkApproveResult = z.object({
  approved: z.array(z.uuid()),
  skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })),
});
export const decideExtensionBody = z.object({
  approve: z.boolean(),
  reason: text(2000).optional(),
});
export const extensionParams = z.object({ id: z.uuid(), extensionId: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const uploadAttachmentQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, { message: "Use a plain file name" }),
});

// ── Rules of engagement ────────────────────────────────────────────────────────────────────

export const autoApprovalCondition = z.discriminatedUnion("fact", [
  z.object({ fact: z.literal("decision"), op: z.literal("eq"), value: conflictDecision }),
  z.object({ fact: z.literal("tier"), op: z.enum(["gte", "eq"]), value: z.string().trim().min(1).max(100) }),
  z.object({
    fact: z.literal("amount"),
    op: z.enum(["lt", "lte", "gte", "gt"]),
    /** Major units of the reporting currency. */
    value: z.number().nonnegative(),
  }),
]);
export type AutoApprovalCondition = z.infer<typeof autoApprovalCondition>;

export const registrationRules = z
  .object({
    /** Protection window in days after approval; null = no expiry. */
    protectionDays: z.union([z.literal(30), z.literal(60), z.literal(90), z.literal(120), z.null()]),
    /** Two registrations for the same account within this many days: the earlier one wins. */
    firstInTimeDays: z.number().int().min(0).max(365),
    /** Direct-sales engagement within this many days makes partners ineligible unless overridden. */
    directLookbackDays: z.number().int().min(0).max(365),
    renewalsToPartnerOfRecord: z.boolean(),
    /** Auto-approve when every condition holds (empty = never auto-approve). */
    autoApprove: z.array(autoApprovalCondition).max(10),
    slaHours: z.number().int().min(1).max(720),
    reminderHours: z.number().int().min(1).max(720),
    maxExtensionDays: z.number().int().min(1).max(365),
  })
  .meta({ id: "RegistrationRules" });
export type RegistrationRules = z.infer<typeof registrationRules>;

export const registrationPolicyRecord = z
  .object({
    id: z.uuid(),
    programId: z.uuid().nullable(),
    version: z.number().int(),
    rules: registrationRules,
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    /** The rules in plain language. */
    summary: z.array(z.string()),
  })
  .meta({ id: "RegistrationPolicy" });
export type RegistrationPolicyRecord = z.infer<typeof registrationPolicyRecord>;

export const registrationPolicyQuery = z.object({ programId: z.uuid().optional() });
export const registrationPolicyList = z.object({
  current: registrationPolicyRecord,
  versions: z.array(registrationPolicyRecord),
});
export const createRegistrationPolicyBody = z.object({
  programId: z.uuid().nullish(),
  rules: registrationRules,
  note: text(500).optional(),
});
