import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";

/**
 * Extension points: modules that own a signal plug it in here when they load, so the metrics
 * engine never reads their tables directly. Registering replaces the current provider.
 */

export interface AttributedRevenueRow {
  partnerId: string;
  /** First day of the month (`YYYY-MM-01`) the credited deal closed in. */
  month: string;
  /** Credit in reporting-currency minor units. */
  amountMinor: number;
}

/** Where a workspace's attributed revenue comes from: a model's stored result, or the built-in split. */
export interface AttributionSource {
  /** The model's name as shown beside every attributed figure (ROPI, attributed revenue, partner credit). */
  name: string;
  /** The stored result (e.g. an attribution snapshot) the credit comes from. */
  snapshotId: string | null;
  /** Credit per partner and month for won deals. */
  rows: AttributedRevenueRow[];
}

/**
 * Per workspace: the credit of the model the workspace reports with, or null when it has none yet
 * (the linear split over involved partners then applies, computed in SQL per deal).
 */
export type AttributedRevenueProvider = (db: DbOrTx, workspaceId: string) => Promise<AttributionSource | null>;

/** Until a workspace has attribution results: each won deal's amount split equally over its partners. */
export const LEDGER_LINEAR_MODEL = "linear split over involved partners";

let attribution: AttributedRevenueProvider | null = null;

export function registerAttributedRevenueProvider(provider: AttributedRevenueProvider): void {
  attribution = provider;
}

export function attributedRevenueProvider(): AttributedRevenueProvider | null {
  return attribution;
}

/**
 * A stored result's credit per deal: SQL yielding rows (partner_id uuid, opportunity_id uuid,
 * amount float8), possibly several per partner and deal; `only` narrows it to the partners and deals
 * of subqueries of ids. The records behind attributed figures (the attribution flow's drill-down)
 * read it, so they add up to what the provider's rows sum to.
 */
export type DealCreditProvider = (
  workspaceId: string,
  snapshotId: string,
  only?: { partners?: SQL; opportunities?: SQL },
) => SQL;

let dealCredit: DealCreditProvider | null = null;

export function registerDealCreditProvider(provider: DealCreditProvider): void {
  dealCredit = provider;
}

export function dealCreditProvider(): DealCreditProvider | null {
  return dealCredit;
}

export interface EngagementQuery {
  workspaceId: string;
  now: Date;
  halfLifeDays: number;
}

export interface EngagementSignal {
  label: string;
  /** True when the value is already 0–1 (a progress share) and is neither decayed nor normalized. */
  absolute?: boolean;
  /** Per partner: Σ 2^(−age/H) over the signal's events (or the 0–1 share when `absolute`). */
  collect(db: DbOrTx, query: EngagementQuery): Promise<Map<string, number>>;
}

const signals = new Map<string, EngagementSignal>();

export function registerEngagementSignal(key: string, signal: EngagementSignal): void {
  signals.set(key, signal);
}

export function engagementSignals(): ReadonlyMap<string, EngagementSignal> {
  return signals;
}

export interface ReciprocityRow {
  /** Leads the vendor (or other partners) sent to the partner. */
  sentToPartner: number;
  /** Leads the partner sent back. */
  receivedFromPartner: number;
}

export type ReciprocityProvider = (
  db: DbOrTx,
  /** `partnerId`: only that partner's row is needed (a scorecard), so only its leads are read. */
  query: { workspaceId: string; from: Date; to: Date; partnerId?: string },
) => Promise<Map<string, ReciprocityRow>>;

let reciprocity: ReciprocityProvider | null = null;

/** The leads module registers lead counts per partner; until then reciprocity reads "not available". */
export function registerReciprocityProvider(provider: ReciprocityProvider): void {
  reciprocity = provider;
}

export function reciprocityProvider(): ReciprocityProvider | null {
  return reciprocity;
}

const toMap = (rows: Record<string, unknown>[]) =>
  new Map(rows.map((row) => [String(row.partner_id), Number(row.value)]));

const decay = (column: ReturnType<typeof sql>, query: EngagementQuery) =>
  sql`sum(power(2::float8, -greatest(0, extract(epoch from (${query.now.toISOString()}::timestamptz - ${column})) / 86400.0) / ${query.halfLifeDays}))`;

registerEngagementSignal("logins", {
  label: "Portal sign-ins",
  async collect(db, query) {
    const result = await db.execute(sql`
      select u.partner_id, ${decay(sql`s.created_at`, query)} as value
      from sessions s join users u on u.workspace_id = s.workspace_id and u.id = s.user_id
      where s.workspace_id = ${query.workspaceId} and u.partner_id is not null
        and s.created_at <= ${query.now.toISOString()}::timestamptz
      group by u.partner_id`);
    return toMap(result.rows);
  },
});

registerEngagementSignal("touchpoints", {
  label: "Touchpoints on deals",
  async collect(db, query) {
    const result = await db.execute(sql`
      select t.partner_id, ${decay(sql`t.occurred_at`, query)} as value
      from touchpoints t
      where t.workspace_id = ${query.workspaceId} and t.voided_at is null
        and t.occurred_at <= ${query.now.toISOString()}::timestamptz
      group by t.partner_id`);
    return toMap(result.rows);
  },
});

registerEngagementSignal("onboarding", {
  label: "Onboarding progress",
  absolute: true,
  async collect(db, query) {
    const result = await db.execute(sql`
      select s.partner_id, avg((s.status = 'completed')::int)::float8 as value
      from partner_journey_steps s
      where s.workspace_id = ${query.workspaceId}
      group by s.partner_id`);
    return toMap(result.rows);
  },
});
