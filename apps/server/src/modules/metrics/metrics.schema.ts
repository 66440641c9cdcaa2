import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";

/**
 * Partner program cost lines (DOMAIN.md §10 ROPI, partner CAC): incentives, MDF, partner team,
 * tooling, other — per period, optionally per program or partner. Amounts are minor units of
 * `currency`, converted into the reporting currency at the rate of the period end.
 */
export const metricCostLines = pgTable(
  "metric_cost_lines",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    category: text("category").notNull(),
    programId: uuid("program_id"),
    partnerId: uuid("partner_id"),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    /** Inclusive last day of the period. */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountReportingMinor: bigint("amount_reporting_minor", { mode: "number" }).notNull(),
    note: text("note"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("metric_cost_lines_period_idx").on(t.workspaceId, t.periodStart, t.periodEnd),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }).onDelete(
      "cascade",
    ),
    check(
      "metric_cost_lines_category_check",
      sql`${t.category} in ('incentives','mdf','partner_team','tooling','other')`,
    ),
    check("metric_cost_lines_amount_check", sql`${t.amountMinor} >= 0`),
    check("metric_cost_lines_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Sales, marketing and partner spend per period and channel (the CAC numerators). */
export const metricChannelSpend = pgTable(
  "metric_channel_spend",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    channel: text("channel").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountReportingMinor: bigint("amount_reporting_minor", { mode: "number" }).notNull(),
    note: text("note"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("metric_channel_spend_period_idx").on(t.workspaceId, t.periodStart, t.periodEnd),
    check("metric_channel_spend_channel_check", sql`${t.channel} in ('sales','marketing','partner')`),
    check("metric_channel_spend_amount_check", sql`${t.amountMinor} >= 0`),
    check("metric_channel_spend_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Per-workspace metric settings: engagement weights and half-life, health weights and bands, margin. */
export const metricSettings = pgTable("metric_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  settings: jsonb("settings").notNull().default(sql`'{}'::jsonb`),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});

/**
 * Read model: one row per opportunity with everything the headline metrics filter and group by.
 * Partner dimensions are arrays (a deal may involve several partners); rebuilt by `metrics.refresh`.
 */
export const metricDealFacts = pgTable(
  "metric_deal_facts",
  {
    workspaceId: workspaceId(),
    opportunityId: uuid("opportunity_id").notNull(),
    accountId: uuid("account_id"),
    outcome: text("outcome").notNull(),
    openedAt: at("opened_at").notNull(),
    closedAt: at("closed_at"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    cycleDays: doublePrecision("cycle_days"),
    region: text("region"),
    industry: text("industry"),
    segment: text("segment"),
    sourced: boolean("sourced").notNull(),
    partnerInvolved: boolean("partner_involved").notNull(),
    sourcingPartnerId: uuid("sourcing_partner_id"),
    partnerIds: uuid("partner_ids").array().notNull().default(sql`'{}'::uuid[]`),
    programIds: uuid("program_ids").array().notNull().default(sql`'{}'::uuid[]`),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    tierIds: uuid("tier_ids").array().notNull().default(sql`'{}'::uuid[]`),
    touchpoints: integer("touchpoints").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.opportunityId] }),
    index("metric_deal_facts_closed_idx").on(t.workspaceId, t.closedAt),
    index("metric_deal_facts_opened_idx").on(t.workspaceId, t.openedAt),
    index("metric_deal_facts_partners_idx").using("gin", t.partnerIds),
    // Drill-down pages list deals newest first.
    index("metric_deal_facts_recent_idx").on(
      t.workspaceId,
      sql`coalesce(${t.closedAt}, ${t.openedAt}) desc`,
      t.opportunityId,
    ),
  ],
);

/**
 * Read model: one row per account with what the retention cohort and new-customer counts ask of
 * every account, so they need not scan all deal facts per request: its first `new` revenue event,
 * when its first partner-involved deal was opened and whether a partner-sourced deal of it was won.
 */
export const metricAccountFacts = pgTable(
  "metric_account_facts",
  {
    workspaceId: workspaceId(),
    accountId: uuid("account_id").notNull(),
    region: text("region"),
    industry: text("industry"),
    firstNewOn: date("first_new_on", { mode: "string" }),
    firstPartnerOpenedAt: at("first_partner_opened_at"),
    wonSourced: boolean("won_sourced").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.accountId] }),
    index("metric_account_facts_first_new_idx").on(t.workspaceId, t.firstNewOn),
  ],
);

/**
 * Read model: the closed deals of each close month summed per outcome, region, segment, size band
 * and partner involvement, with the won deals' amounts and cycles themselves (for exact medians and
 * resampling). Dashboards without partner slicers add whole months from here and read only the
 * partial months at a period's edges from the deal facts. Bands follow `minor_per_major` of the
 * reporting currency at refresh time.
 */
export const metricDealMonths = pgTable(
  "metric_deal_months",
  {
    workspaceId: workspaceId(),
    month: date("month", { mode: "string" }).notNull(),
    outcome: text("outcome").notNull(),
    region: text("region"),
    segment: text("segment").notNull(),
    band: integer("band"),
    partnerInvolved: boolean("partner_involved").notNull(),
    sourced: boolean("sourced").notNull(),
    deals: integer("deals").notNull(),
    amountN: integer("amount_n").notNull(),
    amountSum: doublePrecision("amount_sum").notNull(),
    amountSq: doublePrecision("amount_sq").notNull(),
    cycleN: integer("cycle_n").notNull(),
    cycleSum: doublePrecision("cycle_sum").notNull(),
    cycleSq: doublePrecision("cycle_sq").notNull(),
    /** Won cells: the amounts and cycle days of the deals, ascending. */
    amounts: doublePrecision("amounts").array(),
    cycles: doublePrecision("cycles").array(),
  },
  (t) => [index("metric_deal_months_month_idx").on(t.workspaceId, t.month)],
);

/** Read model: deals counted by open month × close month (null: open), region and partner involvement. */
export const metricDealOpenMonths = pgTable(
  "metric_deal_open_months",
  {
    workspaceId: workspaceId(),
    openMonth: date("open_month", { mode: "string" }).notNull(),
    closeMonth: date("close_month", { mode: "string" }),
    region: text("region"),
    partnerInvolved: boolean("partner_involved").notNull(),
    deals: integer("deals").notNull(),
  },
  (t) => [index("metric_deal_open_months_idx").on(t.workspaceId, t.openMonth)],
);

/**
 * Read model: per month × partner aggregates (won/lost counts, sourced, influenced and attributed
 * revenue, touchpoints) with the partner's programs, roles, tiers and regions at refresh time.
 */
export const metricPartnerMonths = pgTable(
  "metric_partner_months",
  {
    workspaceId: workspaceId(),
    month: date("month", { mode: "string" }).notNull(),
    partnerId: uuid("partner_id").notNull(),
    programIds: uuid("program_ids").array().notNull().default(sql`'{}'::uuid[]`),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    tierIds: uuid("tier_ids").array().notNull().default(sql`'{}'::uuid[]`),
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    won: integer("won").notNull().default(0),
    lost: integer("lost").notNull().default(0),
    wonCycleDays: doublePrecision("won_cycle_days").notNull().default(0),
    sourcedMinor: bigint("sourced_minor", { mode: "number" }).notNull().default(0),
    influencedMinor: bigint("influenced_minor", { mode: "number" }).notNull().default(0),
    attributedMinor: doublePrecision("attributed_minor").notNull().default(0),
    touchpoints: integer("touchpoints").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.month, t.partnerId] }),
    index("metric_partner_months_partner_idx").on(t.workspaceId, t.partnerId, t.month),
  ],
);

/**
 * Read model: each partner's engagement and ecosystem health at refresh time (and its engagement
 * 90 days earlier), with the first won partner-involved deal: what the dashboard's health bands,
 * partners at risk and time-to-first-revenue cohorts read.
 */
export const metricPartnerHealth = pgTable(
  "metric_partner_health",
  {
    workspaceId: workspaceId(),
    partnerId: uuid("partner_id").notNull(),
    stage: text("stage").notNull(),
    activatedAt: at("activated_at"),
    firstWonAt: at("first_won_at"),
    engagementScore: doublePrecision("engagement_score").notNull(),
    previousEngagementScore: doublePrecision("previous_engagement_score").notNull(),
    healthScore: doublePrecision("health_score"),
    healthBand: text("health_band"),
    programIds: uuid("program_ids").array().notNull().default(sql`'{}'::uuid[]`),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    tierIds: uuid("tier_ids").array().notNull().default(sql`'{}'::uuid[]`),
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.partnerId] })],
);

/** When each workspace's read models were last rebuilt, and how long it took. */
export const metricRefreshes = pgTable("metric_refreshes", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  refreshedAt: at("refreshed_at").notNull(),
  durationMs: integer("duration_ms").notNull(),
  dealRows: integer("deal_rows").notNull(),
  partnerMonthRows: integer("partner_month_rows").notNull(),
  attributionModel: text("attribution_model").notNull(),
  /** The attribution snapshot the attributed figures come from; null: the linear split over involved partners. */
  attributionSnapshotId: uuid("attribution_snapshot_id"),
  /** Minor units per major unit the deal months' size bands were built with; null: no deal months yet. */
  dealMonthsMinorPerMajor: integer("deal_months_minor_per_major"),
});

/**
 * Computed views over the read models (the executive dashboard, headline answers) per request
 * key: valid while the read models and the metric inputs (cost lines, spend, settings) are the ones
 * it was computed from (`inputs_token`). Emptied by every refresh.
 */
export const metricViewCache = pgTable(
  "metric_view_cache",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    viewKey: text("view_key").notNull(),
    refreshedAt: at("refreshed_at").notNull(),
    inputsToken: text("inputs_token").notNull(),
    body: jsonb("body").notNull(),
    computeMs: integer("compute_ms").notNull(),
    computedAt: at("computed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.viewKey] })],
);
