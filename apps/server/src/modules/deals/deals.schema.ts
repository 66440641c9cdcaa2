import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * Rules of engagement, versioned per program (`program_id` null = the workspace default). A new
 * version is a new row; decisions keep the id of the version that produced them.
 */
export const registrationPolicies = pgTable(
  "registration_policies",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    programId: uuid("program_id"),
    version: integer("version").notNull(),
    rules: jsonb("rules").notNull(),
    note: text("note"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("registration_policies_version_key").on(
      t.workspaceId,
      sql`coalesce(${t.programId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.version,
    ),
  ],
);

/**
 * A partner's claim to pursue one opportunity (DOMAIN.md §3). The match keys are derived with the
 * conflict engine's normalizers on every write so other registrations can be checked against it.
 */
export const dealRegistrations = pgTable(
  "deal_registrations",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    programId: uuid("program_id"),
    createdByUserId: uuid("created_by_user_id"),
    createdByLabel: text("created_by_label").notNull(),
    status: text("status").notNull().default("draft"),
    companyName: text("company_name").notNull(),
    website: text("website"),
    country: char("country", { length: 2 }),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: char("currency", { length: 3 }),
    expectedCloseOn: date("expected_close_on", { mode: "string" }),
    products: text("products").array().notNull().default(sql`'{}'::text[]`),
    useCase: text("use_case"),
    incumbent: text("incumbent"),
    notes: text("notes"),
    // Match keys (conflict engine normalizers).
    nameNormalized: text("name_normalized").notNull(),
    nameKeys: text("name_keys").array().notNull().default(sql`'{}'::text[]`),
    domain: text("domain"),
    emailDomain: text("email_domain"),
    phoneE164: text("phone_e164"),
    accountId: uuid("account_id"),
    opportunityId: uuid("opportunity_id"),
    /** Database clock at submission: the first-in-time order. */
    submittedAt: at("submitted_at"),
    /** When the vendor must have decided (approval SLA). */
    reviewDueAt: at("review_due_at"),
    remindedAt: at("reminded_at"),
    escalatedAt: at("escalated_at"),
    decidedAt: at("decided_at"),
    decidedBy: text("decided_by"),
    /** Plain-language reason of the last decision, safe to show the partner. */
    decisionReason: text("decision_reason"),
    /** Set while the vendor waits for the partner to add information. */
    infoRequest: text("info_request"),
    approvedAt: at("approved_at"),
    protectionExpiresAt: at("protection_expires_at"),
    closedAt: at("closed_at"),
    /** The policy version of the last decision. */
    policyId: uuid("policy_id"),
    policyVersion: integer("policy_version"),
    /** The latest check's decision (clear/review/conflict) and whether an override is needed. */
    checkDecision: text("check_decision"),
    blockedBy: text("blocked_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("deal_registrations_partner_idx").on(t.workspaceId, t.partnerId, t.createdAt),
    index("deal_registrations_queue_idx").on(t.workspaceId, t.status, t.reviewDueAt),
    index("deal_registrations_expiry_idx").on(t.protectionExpiresAt).where(sql`${t.status} = 'approved'`),
    index("deal_registrations_domain_idx").on(t.workspaceId, t.domain),
    index("deal_registrations_email_domain_idx").on(t.workspaceId, t.emailDomain),
    index("deal_registrations_phone_idx").on(t.workspaceId, t.phoneE164),
    index("deal_registrations_name_keys_idx").using("gin", t.nameKeys),
    index("deal_registrations_name_trgm_idx").using("gin", sql`${t.nameNormalized} gin_trgm_ops`),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
    check(
      "deal_registrations_status_check",
      sql`${t.status} in ('draft','submitted','under_review','approved','rejected','converted','expired','withdrawn')`,
    ),
    check("deal_registrations_amount_check", sql`${t.amountMinor} is null or ${t.amountMinor} >= 0`),
  ],
);

/** Every state change with its actor, reason and time (append-only). */
export const registrationTransitions = pgTable(
  "registration_transitions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    registrationId: uuid("registration_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorLabel: text("actor_label").notNull(),
    actorUserId: uuid("actor_user_id"),
    reason: text("reason"),
    at: at("at").notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("registration_transitions_registration_idx").on(t.workspaceId, t.registrationId, t.at),
    foreignKey({
      columns: [t.workspaceId, t.registrationId],
      foreignColumns: [dealRegistrations.workspaceId, dealRegistrations.id],
    }).onDelete("cascade"),
  ],
);

/** Conflict checks with the full evidence and the policy version they ran under. */
export const registrationChecks = pgTable(
  "registration_checks",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    registrationId: uuid("registration_id").notNull(),
    /** `submit` or `review`. */
    trigger: text("trigger").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason").notNull(),
    partnerReason: text("partner_reason").notNull(),
    evidence: jsonb("evidence").notNull(),
    policyId: uuid("policy_id"),
    policyVersion: integer("policy_version").notNull(),
    checkedAt: at("checked_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("registration_checks_registration_idx").on(t.workspaceId, t.registrationId, t.checkedAt),
    foreignKey({
      columns: [t.workspaceId, t.registrationId],
      foreignColumns: [dealRegistrations.workspaceId, dealRegistrations.id],
    }).onDelete("cascade"),
  ],
);

/** A partner's request to extend the protection window, and the manager's answer. */
export const registrationExtensions = pgTable(
  "registration_extensions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    registrationId: uuid("registration_id").notNull(),
    requestedDays: integer("requested_days").notNull(),
    reason: text("reason").notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedAt: at("requested_at").notNull().defaultNow(),
    status: text("status").notNull().default("pending"),
    decidedBy: text("decided_by"),
    decidedAt: at("decided_at"),
    decisionReason: text("decision_reason"),
    newExpiresAt: at("new_expires_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("registration_extensions_registration_idx").on(t.workspaceId, t.registrationId),
    foreignKey({
      columns: [t.workspaceId, t.registrationId],
      foreignColumns: [dealRegistrations.workspaceId, dealRegistrations.id],
    }).onDelete("cascade"),
    check("registration_extensions_status_check", sql`${t.status} in ('pending','approved','denied')`),
    check("registration_extensions_days_check", sql`${t.requestedDays} between 1 and 365`),
  ],
);

/** Evidence files; the bytes live in the attachment store under `storage_key`. */
export const registrationAttachments = pgTable(
  "registration_attachments",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    registrationId: uuid("registration_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("registration_attachments_registration_idx").on(t.workspaceId, t.registrationId),
    foreignKey({
      columns: [t.workspaceId, t.registrationId],
      foreignColumns: [dealRegistrations.workspaceId, dealRegistrations.id],
    }).onDelete("cascade"),
  ],
);

/** Notifications and reminders about registrations, for the partner or for vendor staff. */
export const registrationNotifications = pgTable(
  "registration_notifications",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    registrationId: uuid("registration_id").notNull(),
    /** `partner` (the registering partner), `manager` or `manager_lead`. */
    audience: text("audience").notNull(),
    partnerId: uuid("partner_id"),
    userId: uuid("user_id"),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("registration_notifications_partner_idx").on(t.workspaceId, t.partnerId, t.createdAt),
    index("registration_notifications_registration_idx").on(t.workspaceId, t.registrationId),
    foreignKey({
      columns: [t.workspaceId, t.registrationId],
      foreignColumns: [dealRegistrations.workspaceId, dealRegistrations.id],
    }).onDelete("cascade"),
  ],
);
