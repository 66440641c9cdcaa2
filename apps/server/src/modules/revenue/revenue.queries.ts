import type {
  OpportunityListQuery,
  OpportunityRecord,
  opportunityListQuery,
  RevenueEventRecord,
} from "@symbiont/contracts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "../../db";
import { accounts } from "../accounts/accounts.schema";
import { partners } from "../partners/partners.schema";
import { countedTouchJoin } from "./revenue.classification";
import { opportunities, type revenueEvents } from "./revenue.schema";

export type OpportunityFilters = z.output<typeof opportunityListQuery>;
export type { OpportunityListQuery };

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;

/** Non-voided touches of a partner on the opportunity (or on its account before it closed). */
export const partnerTouchedSql = (partnerId: string) =>
  sql`exists (select 1 from touchpoints t where t.partner_id = ${partnerId}::uuid and ${countedTouchJoin("opportunities")})`;

/** The list's WHERE clause, always workspace-scoped. */
export function opportunityWhere(workspaceId: string, f: Partial<OpportunityFilters>): SQL {
  const where: (SQL | undefined)[] = [eq(opportunities.workspaceId, workspaceId)];
  if (f.outcome?.length)
    where.push(
      sql`${opportunities.outcome} in (${sql.join(
        f.outcome.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
  if (f.stage) where.push(sql`lower(${opportunities.stage}) = lower(${f.stage})`);
  if (f.owner) where.push(sql`lower(${opportunities.ownerName}) = lower(${f.owner})`);
  if (f.source) where.push(eq(opportunities.source, f.source));
  if (f.accountId) where.push(eq(opportunities.accountId, f.accountId));
  if (f.partnerId)
    where.push(sql`(${opportunities.sourcingPartnerId} = ${f.partnerId}::uuid or ${partnerTouchedSql(f.partnerId)})`);
  const periodDate = sql`(coalesce(${opportunities.closedAt}, ${opportunities.openedAt}) at time zone 'UTC')::date`;
  if (f.from) where.push(sql`${periodDate} >= ${f.from}::date`);
  if (f.to) where.push(sql`${periodDate} <= ${f.to}::date`);
  if (f.minAmount !== undefined) where.push(sql`${opportunities.amountReportingMinor} >= ${f.minAmount}`);
  if (f.maxAmount !== undefined) where.push(sql`${opportunities.amountReportingMinor} <= ${f.maxAmount}`);
  if (f.q) {
    const pattern = likePattern(f.q);
    where.push(
      sql`(lower(${opportunities.name}) like ${pattern} or lower(${opportunities.accountName}) like ${pattern} or ${opportunities.externalId} = ${f.q})`,
    );
  }
  return and(...where) as SQL;
}

const sortColumns: Record<OpportunityFilters["sort"], SQL> = {
  openedAt: sql`${opportunities.openedAt}`,
  closedAt: sql`${opportunities.closedAt}`,
  amount: sql`${opportunities.amountReportingMinor}`,
  name: sql`lower(${opportunities.name})`,
};

const recordColumns = {
  id: opportunities.id,
  name: opportunities.name,
  accountId: opportunities.accountId,
  accountName: sql<string | null>`coalesce(${accounts.name}, ${opportunities.accountName})`,
  stage: opportunities.stage,
  outcome: opportunities.outcome,
  amountMinor: opportunities.amountMinor,
  currency: opportunities.currency,
  amountReportingMinor: opportunities.amountReportingMinor,
  fxRate: opportunities.fxRate,
  openedAt: opportunities.openedAt,
  closedAt: opportunities.closedAt,
  expectedCloseOn: opportunities.expectedCloseOn,
  products: opportunities.products,
  source: opportunities.source,
  sourcingPartnerId: opportunities.sourcingPartnerId,
  sourcingPartnerName: partners.name,
  ownerId: opportunities.ownerId,
  ownerName: opportunities.ownerName,
  registrationId: opportunities.registrationId,
  externalId: opportunities.externalId,
  touchCount: sql<number>`(select count(*)::int from touchpoints t where t.workspace_id = ${opportunities.workspaceId}
    and t.opportunity_id = ${opportunities.id} and t.voided_at is null)`,
  updatedAt: opportunities.updatedAt,
};
type RecordRow = {
  [K in keyof typeof recordColumns]: unknown;
};

function toRecord(row: RecordRow): OpportunityRecord {
  const r = row as Record<string, unknown>;
  const money = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    name: String(r.name),
    accountId: (r.accountId as string | null) ?? null,
    accountName: (r.accountName as string | null) ?? null,
    stage: String(r.stage),
    outcome: r.outcome as OpportunityRecord["outcome"],
    amountMinor: money(r.amountMinor),
    currency: (r.currency as string | null) ?? null,
    amountReportingMinor: money(r.amountReportingMinor),
    fxRate: r.fxRate === null ? null : String(r.fxRate),
    openedAt: (r.openedAt as Date).toISOString(),
    closedAt: r.closedAt ? (r.closedAt as Date).toISOString() : null,
    expectedCloseOn: (r.expectedCloseOn as string | null) ?? null,
    products: (r.products as string[]) ?? [],
    source: r.source as OpportunityRecord["source"],
    sourcingPartnerId: (r.sourcingPartnerId as string | null) ?? null,
    sourcingPartnerName: (r.sourcingPartnerName as string | null) ?? null,
    ownerId: (r.ownerId as string | null) ?? null,
    ownerName: (r.ownerName as string | null) ?? null,
    registrationId: (r.registrationId as string | null) ?? null,
    externalId: (r.externalId as string | null) ?? null,
    touchCount: Number(r.touchCount),
    updatedAt: (r.updatedAt as Date).toISOString(),
  };
}

function baseSelect(db: DbOrTx) {
  return db
    .select(recordColumns)
    .from(opportunities)
    .leftJoin(
      accounts,
      and(eq(accounts.workspaceId, opportunities.workspaceId), eq(accounts.id, opportunities.accountId)),
    )
    .leftJoin(
      partners,
      and(eq(partners.workspaceId, opportunities.workspaceId), eq(partners.id, opportunities.sourcingPartnerId)),
    );
}

export async function listOpportunityRecords(
  db: DbOrTx,
  workspaceId: string,
  f: OpportunityFilters,
): Promise<OpportunityRecord[]> {
  const where = opportunityWhere(workspaceId, f);
  const column = sortColumns[f.sort];
  const order = f.dir === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const rows = await baseSelect(db).where(where).orderBy(order, opportunities.id).limit(f.limit).offset(f.offset);
  return rows.map(toRecord);
}

export async function loadOpportunityRecord(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<OpportunityRecord | undefined> {
  const [row] = await baseSelect(db).where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return row ? toRecord(row) : undefined;
}

/** Counts and sums of the whole filtered set in the reporting currency (one aggregate query). */
export async function opportunityTotals(db: DbOrTx, workspaceId: string, f: Partial<OpportunityFilters>) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      won: sql<number>`count(*) filter (where ${opportunities.outcome} = 'won')::int`,
      lost: sql<number>`count(*) filter (where ${opportunities.outcome} = 'lost')::int`,
      open: sql<number>`count(*) filter (where ${opportunities.outcome} = 'open')::int`,
      amount: sql<string>`coalesce(sum(${opportunities.amountReportingMinor}), 0)::text`,
      wonAmount: sql<string>`coalesce(sum(${opportunities.amountReportingMinor}) filter (where ${opportunities.outcome} = 'won'), 0)::text`,
      unconverted: sql<number>`count(*) filter (where ${opportunities.amountMinor} is not null and ${opportunities.amountReportingMinor} is null)::int`,
    })
    .from(opportunities)
    .where(opportunityWhere(workspaceId, f));
  return {
    count: Number(row?.count ?? 0),
    won: Number(row?.won ?? 0),
    lost: Number(row?.lost ?? 0),
    open: Number(row?.open ?? 0),
    amountReportingMinor: Number(row?.amount ?? 0),
    wonAmountReportingMinor: Number(row?.wonAmount ?? 0),
    unconverted: Number(row?.unconverted ?? 0),
  };
}

export function toRevenueEventRecord(
  row: typeof revenueEvents.$inferSelect & { accountName: string | null },
): RevenueEventRecord {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName ?? "",
    opportunityId: row.opportunityId,
    kind: row.kind as RevenueEventRecord["kind"],
    occurredOn: row.occurredOn,
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    amountReportingMinor: row.amountReportingMinor === null ? null : Number(row.amountReportingMinor),
    fxRate: row.fxRate,
    externalId: row.externalId,
    note: row.note,
  };
}
