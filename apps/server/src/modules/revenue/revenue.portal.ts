import type { PortalOpportunityRecord } from "@symbiont/contracts";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { accounts } from "../accounts/accounts.schema";
import { loadPortalTouchpoints } from "../touchpoints/touchpoints.portal";
import { partnerTouchedSql } from "./revenue.queries";
import { opportunities } from "./revenue.schema";

/** A partner sees the deals it sourced or touched (a counted, non-voided touch), nothing else. */
const visibleTo = (workspaceId: string, partnerId: string): SQL =>
  and(
    eq(opportunities.workspaceId, workspaceId),
    sql`(${opportunities.sourcingPartnerId} = ${partnerId}::uuid or ${partnerTouchedSql(partnerId)})`,
  ) as SQL;

function select(db: DbOrTx, partnerId: string) {
  return db
    .select({
      id: opportunities.id,
      name: opportunities.name,
      accountName: sql<string | null>`coalesce(${accounts.name}, ${opportunities.accountName})`,
      stage: opportunities.stage,
      outcome: opportunities.outcome,
      amountMinor: opportunities.amountMinor,
      currency: opportunities.currency,
      openedAt: opportunities.openedAt,
      closedAt: opportunities.closedAt,
      sourcedByYou: sql<boolean>`coalesce(${opportunities.sourcingPartnerId} = ${partnerId}::uuid, false)`,
    })
    .from(opportunities)
    .leftJoin(
      accounts,
      and(eq(accounts.workspaceId, opportunities.workspaceId), eq(accounts.id, opportunities.accountId)),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];
const toRecord = (r: Row): PortalOpportunityRecord => ({
  ...r,
  outcome: r.outcome as PortalOpportunityRecord["outcome"],
  amountMinor: r.amountMinor === null ? null : Number(r.amountMinor),
  openedAt: r.openedAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
});

export async function listOwnOpportunities(
  ctx: ServiceContext,
  query: { outcome?: "open" | "won" | "lost" | undefined; limit: number; offset: number },
) {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  const db = ctx.database.db;
  const where = and(
    visibleTo(workspaceId, partnerId),
    query.outcome ? eq(opportunities.outcome, query.outcome) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    select(db, partnerId)
      .where(where)
      .orderBy(desc(opportunities.openedAt), opportunities.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(opportunities).where(where),
  ]);
  return { items: rows.map(toRecord), total: Number(count?.n ?? 0) };
}

export async function getOwnOpportunity(ctx: ServiceContext, id: string) {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  const [row] = await select(ctx.database.db, partnerId).where(
    and(visibleTo(workspaceId, partnerId), eq(opportunities.id, id)),
  );
  if (!row) throw notFound("Opportunity not found");
  const touches = await loadPortalTouchpoints(ctx.database.db, workspaceId, partnerId, {
    opportunityId: id,
    limit: 500,
    offset: 0,
  });
  return { ...toRecord(row), touchpoints: touches.items };
}
