import type {
  CostLineRecord,
  CreateCostLineBody,
  CreateSpendBody,
  SpendRecord,
  UpdateCostLineBody,
  UpdateSpendBody,
} from "@symbiont/contracts";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { partners } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { programs } from "../programs";
import { isKnownCurrency, toReporting } from "../revenue";
import { assertCanReadMetrics, assertCanWriteCosts } from "./metrics.policies";
import { metricChannelSpend, metricCostLines } from "./metrics.schema";

type CostRow = typeof metricCostLines.$inferSelect;
type SpendRow = typeof metricChannelSpend.$inferSelect;

export const toCostLineRecord = (row: CostRow): CostLineRecord => ({
  id: row.id,
  category: row.category as CostLineRecord["category"],
  programId: row.programId,
  partnerId: row.partnerId,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  amountMinor: Number(row.amountMinor),
  currency: row.currency,
  amountReportingMinor: Number(row.amountReportingMinor),
  note: row.note,
  createdBy: row.createdBy,
  updatedAt: row.updatedAt.toISOString(),
});

export const toSpendRecord = (row: SpendRow): SpendRecord => ({
  id: row.id,
  channel: row.channel as SpendRecord["channel"],
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  amountMinor: Number(row.amountMinor),
  currency: row.currency,
  amountReportingMinor: Number(row.amountReportingMinor),
  note: row.note,
  createdBy: row.createdBy,
  updatedAt: row.updatedAt.toISOString(),
});

/** The amount in the reporting currency at the rate of the period's last day. */
async function reportingAmount(db: DbOrTx, workspaceId: string, amount: number, currency: string, periodEnd: string) {
  if (!isKnownCurrency(currency)) throw fieldError("body.currency", `${currency} is not a known currency code`);
  const converted = await toReporting(db, workspaceId, amount, currency, periodEnd);
  if (converted.amountReportingMinor === null) {
    throw fieldError("body.currency", `No ${currency} exchange rate is known on or before ${periodEnd}; add one first`);
  }
  return converted.amountReportingMinor;
}

async function assertReferences(
  db: DbOrTx,
  workspaceId: string,
  input: { programId?: string | null; partnerId?: string | null },
) {
  if (input.programId) {
    const [row] = await db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, input.programId)));
    if (!row) throw notFound("Program not found");
  }
  if (input.partnerId) {
    const [row] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, input.partnerId)));
    if (!row) throw notFound("Partner not found");
  }
}

interface PeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function listCostLines(ctx: ServiceContext, query: PeriodQuery) {
  assertCanReadMetrics(ctx.actor);
  const where = and(
    eq(metricCostLines.workspaceId, ctx.actor.workspaceId),
    query.from ? gte(metricCostLines.periodEnd, query.from) : undefined,
    query.to ? lte(metricCostLines.periodStart, query.to) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(metricCostLines)
      .where(where)
      .orderBy(asc(metricCostLines.periodStart), asc(metricCostLines.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(metricCostLines).where(where),
  ]);
  return { items: rows.map(toCostLineRecord), total: count?.n ?? 0 };
}

export async function createCostLine(ctx: ServiceContext, input: CreateCostLineBody): Promise<CostLineRecord> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    await assertReferences(tx, workspaceId, input);
    const amountReportingMinor = await reportingAmount(
      tx,
      workspaceId,
      input.amountMinor,
      input.currency,
      input.periodEnd,
    );
    const [row] = await tx
      .insert(metricCostLines)
      .values({
        workspaceId,
        category: input.category,
        programId: input.programId ?? null,
        partnerId: input.partnerId ?? null,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        amountMinor: input.amountMinor,
        currency: input.currency,
        amountReportingMinor,
        note: input.note ?? null,
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!row) throw new Error("cost line insert returned nothing");
    const record = toCostLineRecord(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "cost_line.created",
      entityType: "cost_line",
      entityId: row.id,
      after: record,
    });
    return record;
  });
}

async function loadCostLine(db: DbOrTx, workspaceId: string, id: string): Promise<CostRow> {
  const [row] = await db
    .select()
    .from(metricCostLines)
    .where(and(eq(metricCostLines.workspaceId, workspaceId), eq(metricCostLines.id, id)));
  if (!row) throw notFound("Cost line not found");
  return row;
}

export async function updateCostLine(
  ctx: ServiceContext,
  id: string,
  input: UpdateCostLineBody,
): Promise<CostLineRecord> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await loadCostLine(tx, workspaceId, id);
    await assertReferences(tx, workspaceId, input);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    } as CostRow;
    if (next.periodEnd < next.periodStart)
      throw fieldError("body.periodEnd", "The period must end on or after its start");
    const amountReportingMinor = await reportingAmount(
      tx,
      workspaceId,
      Number(next.amountMinor),
      next.currency,
      next.periodEnd,
    );
    const [row] = await tx
      .update(metricCostLines)
      .set({
        category: next.category,
        programId: next.programId,
        partnerId: next.partnerId,
        periodStart: next.periodStart,
        periodEnd: next.periodEnd,
        amountMinor: next.amountMinor,
        currency: next.currency,
        amountReportingMinor,
        note: next.note,
        updatedAt: sql`now()`,
      })
      .where(and(eq(metricCostLines.workspaceId, workspaceId), eq(metricCostLines.id, id)))
      .returning();
    if (!row) throw notFound("Cost line not found");
    const record = toCostLineRecord(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "cost_line.updated",
      entityType: "cost_line",
      entityId: id,
      before: toCostLineRecord(before),
      after: record,
    });
    return record;
  });
}

export async function deleteCostLine(ctx: ServiceContext, id: string): Promise<void> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await loadCostLine(tx, workspaceId, id);
    await tx
      .delete(metricCostLines)
      .where(and(eq(metricCostLines.workspaceId, workspaceId), eq(metricCostLines.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "cost_line.deleted",
      entityType: "cost_line",
      entityId: id,
      before: toCostLineRecord(before),
    });
  });
}

export async function listSpend(ctx: ServiceContext, query: PeriodQuery) {
  assertCanReadMetrics(ctx.actor);
  const where = and(
    eq(metricChannelSpend.workspaceId, ctx.actor.workspaceId),
    query.from ? gte(metricChannelSpend.periodEnd, query.from) : undefined,
    query.to ? lte(metricChannelSpend.periodStart, query.to) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(metricChannelSpend)
      .where(where)
      .orderBy(asc(metricChannelSpend.periodStart), asc(metricChannelSpend.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(metricChannelSpend).where(where),
  ]);
  return { items: rows.map(toSpendRecord), total: count?.n ?? 0 };
}

export async function createSpend(ctx: ServiceContext, input: CreateSpendBody): Promise<SpendRecord> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const amountReportingMinor = await reportingAmount(
      tx,
      workspaceId,
      input.amountMinor,
      input.currency,
      input.periodEnd,
    );
    const [row] = await tx
      .insert(metricChannelSpend)
      .values({
        workspaceId,
        channel: input.channel,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        amountMinor: input.amountMinor,
        currency: input.currency,
        amountReportingMinor,
        note: input.note ?? null,
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!row) throw new Error("spend insert returned nothing");
    const record = toSpendRecord(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "channel_spend.created",
      entityType: "channel_spend",
      entityId: row.id,
      after: record,
    });
    return record;
  });
}

async function loadSpend(db: DbOrTx, workspaceId: string, id: string): Promise<SpendRow> {
  const [row] = await db
    .select()
    .from(metricChannelSpend)
    .where(and(eq(metricChannelSpend.workspaceId, workspaceId), eq(metricChannelSpend.id, id)));
  if (!row) throw notFound("Spend entry not found");
  return row;
}

export async function updateSpend(ctx: ServiceContext, id: string, input: UpdateSpendBody): Promise<SpendRecord> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await loadSpend(tx, workspaceId, id);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    } as SpendRow;
    if (next.periodEnd < next.periodStart)
      throw fieldError("body.periodEnd", "The period must end on or after its start");
    const amountReportingMinor = await reportingAmount(
      tx,
      workspaceId,
      Number(next.amountMinor),
      next.currency,
      next.periodEnd,
    );
    const [row] = await tx
      .update(metricChannelSpend)
      .set({
        channel: next.channel,
        periodStart: next.periodStart,
        periodEnd: next.periodEnd,
        amountMinor: next.amountMinor,
        currency: next.currency,
        amountReportingMinor,
        note: next.note,
        updatedAt: sql`now()`,
      })
      .where(and(eq(metricChannelSpend.workspaceId, workspaceId), eq(metricChannelSpend.id, id)))
      .returning();
    if (!row) throw notFound("Spend entry not found");
    const record = toSpendRecord(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "channel_spend.updated",
      entityType: "channel_spend",
      entityId: id,
      before: toSpendRecord(before),
      after: record,
    });
    return record;
  });
}

export async function deleteSpend(ctx: ServiceContext, id: string): Promise<void> {
  assertCanWriteCosts(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await loadSpend(tx, workspaceId, id);
    await tx
      .delete(metricChannelSpend)
      .where(and(eq(metricChannelSpend.workspaceId, workspaceId), eq(metricChannelSpend.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "channel_spend.deleted",
      entityType: "channel_spend",
      entityId: id,
      before: toSpendRecord(before),
    });
  });
}
