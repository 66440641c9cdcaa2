import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { accounts } from "../accounts/accounts.schema";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * Opportunities (deals), usually synced from a CRM. Amounts are integer minor units in `currency`;
 * `amount_reporting_minor` is the same amount in the workspace's reporting currency at the rate of
 * the close date (open deals: the expected close date, else the created date), recomputed when
 * rates change, so reports never convert at today's rate.
 */
export const opportunities = pgTable(
  "opportunities",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** Null when a CRM export names no account (open deals often do not). */
    accountId: uuid("account_id"),
    /** The account as the source spelled it, kept for unmatched rows and mapping reports. */
    accountName: text("account_name"),
    name: text("name").notNull(),
    /** Free-form CRM stage (Prospecting, Engaging, Won, Lost …); `outcome` is the normalized state. */
    stage: text("stage").notNull().default("open"),
    outcome: text("outcome").notNull().default("open"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: char("currency", { length: 3 }),
    amountReportingMinor: bigint("amount_reporting_minor", { mode: "number" }),
    /** The rate used for `amount_reporting_minor` (reporting units per 1 unit of `currency`). */
    fxRate: numeric("fx_rate", { precision: 24, scale: 12 }),
    /** When the opportunity was created in the source system (not this row). */
    openedAt: at("opened_at").notNull(),
    closedAt: at("closed_at"),
    expectedCloseOn: date("expected_close_on", { mode: "string" }),
    products: text("products").array().notNull().default(sql`'{}'::text[]`),
    source: text("source").notNull().default("direct"),
    sourcingPartnerId: uuid("sourcing_partner_id"),
    ownerId: uuid("owner_id"),
    /** The sales agent as the source named them. */
    ownerName: text("owner_name"),
    /** The deal registration this opportunity was converted from. */
    registrationId: uuid("registration_id"),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("opportunities_external_id_key")
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("opportunities_account_idx").on(t.workspaceId, t.accountId),
    index("opportunities_outcome_closed_idx").on(t.workspaceId, t.outcome, t.closedAt),
    index("opportunities_opened_idx").on(t.workspaceId, t.openedAt),
    index("opportunities_sourcing_partner_idx")
      .on(t.workspaceId, t.sourcingPartnerId)
      .where(sql`${t.sourcingPartnerId} is not null`),
    index("opportunities_registration_idx")
      .on(t.workspaceId, t.registrationId)
      .where(sql`${t.registrationId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.sourcingPartnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    check("opportunities_outcome_check", sql`${t.outcome} in ('open','won','lost')`),
    check("opportunities_source_check", sql`${t.source} in ('direct','partner_sourced')`),
    check(
      "opportunities_sourcing_partner_check",
      sql`(${t.source} = 'partner_sourced') = (${t.sourcingPartnerId} is not null)`,
    ),
    check("opportunities_amount_check", sql`${t.amountMinor} is null or ${t.amountMinor} >= 0`),
    check("opportunities_currency_check", sql`(${t.amountMinor} is null) or (${t.currency} is not null)`),
    check("opportunities_closed_check", sql`(${t.outcome} = 'open') = (${t.closedAt} is null)`),
  ],
);

/**
 * Recurring-revenue movements per account, the basis of CLTV, NRR and GRR. `amount_minor` is the
 * annual recurring amount moved, always ≥ 0: `new`, `expansion` add it, `contraction`, `churn`
 * remove it, `renewal` confirms it (no change).
 */
export const revenueEvents = pgTable(
  "revenue_events",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    opportunityId: uuid("opportunity_id"),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountReportingMinor: bigint("amount_reporting_minor", { mode: "number" }),
    fxRate: numeric("fx_rate", { precision: 24, scale: 12 }),
    externalId: text("external_id"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("revenue_events_external_id_key")
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("revenue_events_account_idx").on(t.workspaceId, t.accountId, t.occurredOn),
    index("revenue_events_occurred_idx").on(t.workspaceId, t.occurredOn),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      "cascade",
    ),
    check("revenue_events_kind_check", sql`${t.kind} in ('new','expansion','contraction','renewal','churn')`),
    check("revenue_events_amount_check", sql`${t.amountMinor} >= 0`),
  ],
);

/**
 * Exchange rates into the workspace's reporting currency: `rate` reporting units per 1 unit of
 * `currency` on `rate_date`. An amount converts at the newest rate on or before its date.
 */
export const fxRates = pgTable(
  "fx_rates",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    rateDate: date("rate_date", { mode: "string" }).notNull(),
    rate: numeric("rate", { precision: 24, scale: 12 }).notNull(),
    source: text("source"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.currency, t.rateDate] }),
    check("fx_rates_rate_check", sql`${t.rate} > 0`),
  ],
);
