import type {
  BulkUpsertResult,
  CreateRevenueEventBody,
  RevenueEventRecord,
  revenueEventListQuery,
  UpsertRevenueEventItem,
} from "@symbiont/contracts";
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type DbOrTx, type Tx, transaction } from "../../db";
import { type AuditSource, recordAuditMany } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { accounts } from "../accounts/accounts.schema";
import { reportingCurrencyOf } from "./revenue.fx";
import { toRevenueEventRecord } from "./revenue.queries";
import { recomputeRevenueEventAmounts } from "./revenue.recompute";
import {
  bulkPath,
  checkCurrencies,
  checkDuplicateExternalIds,
  checkReferences,
  type FieldPath,
  IssueList,
  singlePath,
} from "./revenue.refs";
import { revenueEvents } from "./revenue.schema";

/** Finance owns the revenue book. */
export const revenueWriters = ["admin", "finance"] as const;
const CHUNK = 5000;

type ListQuery = z.output<typeof revenueEventListQuery>;

export async function listRevenueEvents(ctx: ServiceContext, query: ListQuery) {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  const where: (SQL | undefined)[] = [eq(revenueEvents.workspaceId, workspaceId)];
  if (query.accountId) where.push(eq(revenueEvents.accountId, query.accountId));
  if (query.kind) where.push(eq(revenueEvents.kind, query.kind));
  if (query.from) where.push(gte(revenueEvents.occurredOn, query.from));
  if (query.to) where.push(lte(revenueEvents.occurredOn, query.to));
  const filter = and(...where);
  const [rows, [count], currency] = await Promise.all([
    db
      .select({ e: revenueEvents, accountName: accounts.name })
      .from(revenueEvents)
      .innerJoin(
        accounts,
        and(eq(accounts.workspaceId, revenueEvents.workspaceId), eq(accounts.id, revenueEvents.accountId)),
      )
      .where(filter)
      .orderBy(asc(revenueEvents.occurredOn), asc(revenueEvents.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(revenueEvents).where(filter),
    reportingCurrencyOf(db, workspaceId),
  ]);
  return {
    items: rows.map((row) => toRevenueEventRecord({ ...row.e, accountName: row.accountName })),
    total: Number(count?.n ?? 0),
    currency,
  };
}

async function loadEvents(db: DbOrTx, workspaceId: string, ids: string[]): Promise<RevenueEventRecord[]> {
  const rows = await db
    .select({ e: revenueEvents, accountName: accounts.name })
    .from(revenueEvents)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, revenueEvents.workspaceId), eq(accounts.id, revenueEvents.accountId)),
    )
    .where(
      and(eq(revenueEvents.workspaceId, workspaceId), sql`${revenueEvents.id} = any(${`{${ids.join(",")}}`}::uuid[])`),
    );
  return rows.map((row) => toRevenueEventRecord({ ...row.e, accountName: row.accountName }));
}

async function validateEvents(
  tx: Tx,
  workspaceId: string,
  items: readonly CreateRevenueEventBody[],
  path: FieldPath,
  code: "VALIDATION_FAILED" | "NOT_FOUND",
) {
  const issues = new IssueList(code);
  checkCurrencies(items, path, issues);
  await checkReferences(
    tx,
    workspaceId,
    "accounts",
    items.map((i) => i.accountId),
    "accountId",
    path,
    issues,
    "account",
  );
  await checkReferences(
    tx,
    workspaceId,
    "opportunities",
    items.map((i) => i.opportunityId),
    "opportunityId",
    path,
    issues,
    "opportunity",
  );
  issues.throwIfAny();
}

/** Inserts (or, with external ids, upserts) events in bulk and converts them at their dates. */
export async function writeRevenueEvents(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  items: readonly CreateRevenueEventBody[],
): Promise<BulkUpsertResult> {
  const ids: string[] = [];
  let created = 0;
  for (let start = 0; start < items.length; start += CHUNK) {
    const rows = items.slice(start, start + CHUNK).map((i) => ({
      account_id: i.accountId,
      opportunity_id: i.opportunityId ?? null,
      kind: i.kind,
      occurred_on: i.occurredOn,
      amount_minor: i.amountMinor,
      currency: i.currency,
      external_id: i.externalId ?? null,
      note: i.note ?? null,
    }));
    const result = await tx.execute<{
      id: string;
      inserted: boolean;
      kind: string;
      amount_minor: string;
      currency: string;
    }>(sql`
      insert into revenue_events (workspace_id, account_id, opportunity_id, kind, occurred_on, amount_minor, currency,
        external_id, note)
      select ${workspaceId}::uuid, x.account_id, x.opportunity_id, x.kind, x.occurred_on, x.amount_minor, x.currency,
        x.external_id, x.note
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(account_id uuid, opportunity_id uuid, kind text,
        occurred_on date, amount_minor bigint, currency text, external_id text, note text)
      on conflict (workspace_id, external_id) where external_id is not null do update set
        account_id = excluded.account_id, opportunity_id = excluded.opportunity_id, kind = excluded.kind,
        occurred_on = excluded.occurred_on, amount_minor = excluded.amount_minor, currency = excluded.currency,
        note = excluded.note
      returning id, (xmax = 0) as inserted, kind, amount_minor, currency`);
    for (const row of result.rows) {
      ids.push(row.id);
      if (row.inserted) created++;
    }
    await recordAuditMany(
      tx,
      source,
      result.rows.map((row) => ({
        action: row.inserted ? "revenue_event.created" : "revenue_event.upserted",
        entityType: "revenue_event",
        entityId: row.id,
        after: { kind: row.kind, amountMinor: Number(row.amount_minor), currency: row.currency },
      })),
    );
  }
  await recomputeRevenueEventAmounts(tx, workspaceId, { ids });
  return { created, updated: ids.length - created, ids };
}

export async function createRevenueEvent(
  ctx: ServiceContext,
  input: CreateRevenueEventBody,
): Promise<RevenueEventRecord> {
  requireVendor(ctx.actor, revenueWriters);
  const workspaceId = ctx.actor.workspaceId;
  const ids = await transaction(ctx.database, async (tx) => {
    await validateEvents(tx, workspaceId, [input], singlePath, "NOT_FOUND");
    return (await writeRevenueEvents(tx, auditSource(ctx), workspaceId, [input])).ids;
  });
  const [record] = await loadEvents(ctx.database.db, workspaceId, ids);
  if (!record) throw notFound("Revenue event not found");
  return record;
}

export async function bulkUpsertRevenueEvents(
  ctx: ServiceContext,
  items: readonly UpsertRevenueEventItem[],
): Promise<BulkUpsertResult> {
  requireVendor(ctx.actor, revenueWriters);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const issues = new IssueList();
    checkDuplicateExternalIds(items, bulkPath, issues);
    issues.throwIfAny();
    await validateEvents(tx, workspaceId, items, bulkPath, "VALIDATION_FAILED");
    return writeRevenueEvents(tx, auditSource(ctx), workspaceId, items);
  });
}
