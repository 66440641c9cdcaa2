import type { FxRateItem, FxRateRecord, FxUpsertResult, fxRateListQuery } from "@symbiont/contracts";
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Tx, transaction } from "../../db";
import { type AuditSource, recordAuditMany } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError } from "../../platform/errors";
import { reportingCurrencyOf } from "./revenue.fx";
import { recomputeOpportunityAmounts, recomputeRevenueEventAmounts } from "./revenue.recompute";
import { bulkPath, checkCurrencies, type FieldPath, IssueList, singlePath } from "./revenue.refs";
import { fxRates } from "./revenue.schema";

const rateWriters = ["admin", "finance"] as const;

export async function listFxRates(ctx: ServiceContext, query: z.output<typeof fxRateListQuery>) {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  const where: (SQL | undefined)[] = [eq(fxRates.workspaceId, workspaceId)];
  if (query.currency) where.push(eq(fxRates.currency, query.currency));
  if (query.from) where.push(gte(fxRates.rateDate, query.from));
  if (query.to) where.push(lte(fxRates.rateDate, query.to));
  const filter = and(...where);
  const [rows, [count], reportingCurrency] = await Promise.all([
    db
      .select()
      .from(fxRates)
      .where(filter)
      .orderBy(asc(fxRates.currency), sql`${fxRates.rateDate} desc`)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(fxRates).where(filter),
    reportingCurrencyOf(db, workspaceId),
  ]);
  const items: FxRateRecord[] = rows.map((r) => ({
    currency: r.currency,
    rateDate: r.rateDate,
    rate: r.rate,
    source: r.source,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total: Number(count?.n ?? 0), reportingCurrency };
}

/**
 * Upserts rates and, in the same transaction, recomputes the reporting amounts of every
 * opportunity and revenue event of those currencies dated on or after the earliest changed rate.
 */
export async function writeFxRates(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  items: readonly FxRateItem[],
  path: FieldPath,
): Promise<FxUpsertResult> {
  const reporting = await reportingCurrencyOf(tx, workspaceId);
  const issues = new IssueList();
  checkCurrencies(items, path, issues);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.currency === reporting)
      issues.add(path(index, "currency"), `${reporting} is the reporting currency (its rate is always 1)`);
    const key = `${item.currency}@${item.rateDate}`;
    if (seen.has(key)) issues.add(path(index, "rateDate"), `${item.currency} on ${item.rateDate} appears twice`);
    seen.add(key);
  });
  issues.throwIfAny();
  const rows = items.map((i) => ({
    currency: i.currency,
    rate_date: i.rateDate,
    rate: i.rate,
    source: i.source ?? null,
  }));
  const changed = await tx.execute<{ currency: string; rate_date: string; rate: string; old_rate: string | null }>(sql`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(currency text, rate_date date, rate numeric, source text)
    ), old as (
      select f.currency, f.rate_date, f.rate from fx_rates f join x on f.currency = x.currency and f.rate_date = x.rate_date
      where f.workspace_id = ${workspaceId}::uuid
    ), up as (
      insert into fx_rates (workspace_id, currency, rate_date, rate, source)
      select ${workspaceId}::uuid, x.currency, x.rate_date, x.rate, x.source from x
      on conflict (workspace_id, currency, rate_date) do update set rate = excluded.rate, source = excluded.source,
        updated_at = now()
      where fx_rates.rate is distinct from excluded.rate or fx_rates.source is distinct from excluded.source
      returning currency, rate_date, rate
    )
    select up.currency, up.rate_date::text, up.rate::text, old.rate::text as old_rate
    from up left join old on old.currency = up.currency and old.rate_date = up.rate_date`);
  const moved = changed.rows.filter((r) => r.old_rate === null || Number(r.old_rate) !== Number(r.rate));
  await recordAuditMany(
    tx,
    source,
    changed.rows.map((r) => ({
      action: "fx_rate.upserted",
      entityType: "fx_rate",
      entityId: `${r.currency.trim()}@${r.rate_date}`,
      before: r.old_rate === null ? null : { rate: r.old_rate },
      after: { rate: r.rate },
    })),
  );
  let recomputedOpportunities = 0;
  let recomputedRevenueEvents = 0;
  const earliest = new Map<string, string>();
  for (const r of moved) {
    const currency = r.currency.trim();
    const current = earliest.get(currency);
    if (!current || r.rate_date < current) earliest.set(currency, r.rate_date);
  }
  for (const [currency, fromDate] of earliest) {
    const scope = { currencies: [currency], fromDate };
    recomputedOpportunities += await recomputeOpportunityAmounts(tx, workspaceId, scope, reporting);
    recomputedRevenueEvents += await recomputeRevenueEventAmounts(tx, workspaceId, scope, reporting);
  }
  return { rates: changed.rows.length, recomputedOpportunities, recomputedRevenueEvents };
}

export async function upsertFxRate(ctx: ServiceContext, item: FxRateItem): Promise<FxUpsertResult> {
  requireVendor(ctx.actor, rateWriters);
  return transaction(ctx.database, (tx) =>
    writeFxRates(tx, auditSource(ctx), ctx.actor.workspaceId, [item], singlePath),
  );
}

export async function bulkUpsertFxRates(ctx: ServiceContext, items: readonly FxRateItem[]): Promise<FxUpsertResult> {
  requireVendor(ctx.actor, rateWriters);
  if (items.length === 0) throw fieldError("body.items", "Send at least one rate");
  return transaction(ctx.database, (tx) => writeFxRates(tx, auditSource(ctx), ctx.actor.workspaceId, items, bulkPath));
}
