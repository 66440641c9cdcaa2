import type { TouchpointRecord } from "@symbiont/contracts";
import { and, asc, desc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { accounts } from "../accounts/accounts.schema";
import { partners } from "../partners/partners.schema";
import { opportunities } from "../revenue/revenue.schema";
import { touchpoints } from "./touchpoints.schema";

export interface TouchpointFilter {
  partnerId?: string | undefined;
  opportunityId?: string | undefined;
  accountId?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeVoided?: boolean | undefined;
  ids?: readonly string[] | undefined;
}

/** The ledger's WHERE clause, always workspace-scoped (and partner-scoped when a partner asks). */
export function touchpointWhere(workspaceId: string, f: TouchpointFilter): SQL {
  const where: (SQL | undefined)[] = [eq(touchpoints.workspaceId, workspaceId)];
  if (f.partnerId) where.push(eq(touchpoints.partnerId, f.partnerId));
  if (f.opportunityId) where.push(eq(touchpoints.opportunityId, f.opportunityId));
  if (f.accountId) where.push(eq(touchpoints.accountId, f.accountId));
  if (f.type) where.push(eq(touchpoints.type, f.type));
  if (f.from) where.push(gte(touchpoints.occurredAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lt(touchpoints.occurredAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (!f.includeVoided) where.push(isNull(touchpoints.voidedAt));
  if (f.ids) where.push(sql`${touchpoints.id} = any(${`{${f.ids.join(",")}}`}::uuid[])`);
  return and(...where) as SQL;
}

function select(db: DbOrTx) {
  return db
    .select({
      t: touchpoints,
      partnerName: partners.name,
      opportunityName: opportunities.name,
      accountName: sql<string | null>`coalesce(${accounts.name}, ${opportunities.accountName})`,
    })
    .from(touchpoints)
    .innerJoin(partners, and(eq(partners.workspaceId, touchpoints.workspaceId), eq(partners.id, touchpoints.partnerId)))
    .leftJoin(
      opportunities,
      and(eq(opportunities.workspaceId, touchpoints.workspaceId), eq(opportunities.id, touchpoints.opportunityId)),
    )
    .leftJoin(
      accounts,
      and(
        eq(accounts.workspaceId, touchpoints.workspaceId),
        eq(accounts.id, sql`coalesce(${touchpoints.accountId}, ${opportunities.accountId})`),
      ),
    );
}

type Selected = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];

function toRecord(row: Selected): TouchpointRecord {
  const t = row.t;
  return {
    id: t.id,
    partnerId: t.partnerId,
    partnerName: row.partnerName,
    type: t.type as TouchpointRecord["type"],
    occurredAt: t.occurredAt.toISOString(),
    opportunityId: t.opportunityId,
    opportunityName: row.opportunityName,
    accountId: t.accountId,
    accountName: row.accountName,
    actorLabel: t.actorLabel,
    weight: t.weight === null ? null : Number(t.weight),
    note: t.note,
    accelerated: t.accelerated,
    origin: t.origin as TouchpointRecord["origin"],
    externalId: t.externalId,
    voidedAt: t.voidedAt?.toISOString() ?? null,
    voidedReason: t.voidedReason,
    voidedBy: t.voidedBy,
  };
}

export async function loadTouchpointRecords(
  db: DbOrTx,
  workspaceId: string,
  filter: TouchpointFilter,
  page: { limit: number; offset: number; order?: "asc" | "desc" } = { limit: 500, offset: 0 },
): Promise<TouchpointRecord[]> {
  const direction = page.order === "asc" ? asc : desc;
  const rows = await select(db)
    .where(touchpointWhere(workspaceId, filter))
    .orderBy(direction(touchpoints.occurredAt), direction(touchpoints.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map(toRecord);
}

export async function countTouchpoints(db: DbOrTx, workspaceId: string, filter: TouchpointFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(touchpoints)
    .where(touchpointWhere(workspaceId, filter));
  return Number(row?.n ?? 0);
}

/**
 * The touches that count for one opportunity, oldest first: those on it, and account-level
 * touches on its account (the classification decides which of these count).
 */
export async function touchpointsOfOpportunity(
  db: DbOrTx,
  workspaceId: string,
  opportunity: { id: string; accountId: string | null },
): Promise<TouchpointRecord[]> {
  const target = opportunity.accountId
    ? sql`(${touchpoints.opportunityId} = ${opportunity.id} or (${touchpoints.opportunityId} is null and ${touchpoints.accountId} = ${opportunity.accountId}))`
    : sql`${touchpoints.opportunityId} = ${opportunity.id}`;
  const rows = await select(db)
    .where(and(eq(touchpoints.workspaceId, workspaceId), target))
    .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id))
    .limit(2000);
  return rows.map(toRecord);
}
