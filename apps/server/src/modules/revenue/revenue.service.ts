import type {
  BulkUpsertResult,
  CloseOpportunityBody,
  OpportunityDetail,
  OpportunityList,
  UpdateOpportunityBody,
  UpsertOpportunityItem,
} from "@symbiont/contracts";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { type Tx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor, vendorWriters } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { accounts } from "../accounts/accounts.schema";
import { touchpointsOfOpportunity } from "../touchpoints";
import { upsertOpportunities } from "./revenue.bulk";
import { classifyOpportunities } from "./revenue.classification";
import { reportingCurrencyOf } from "./revenue.fx";
import {
  listOpportunityRecords,
  loadOpportunityRecord,
  type OpportunityFilters,
  opportunityTotals,
  toRevenueEventRecord,
} from "./revenue.queries";
import { recomputeOpportunityAmounts } from "./revenue.recompute";
import { bulkPath, checkCurrencies, checkReferences, IssueList, singlePath } from "./revenue.refs";
import { opportunities, revenueEvents } from "./revenue.schema";

export async function listOpportunities(ctx: ServiceContext, query: OpportunityFilters): Promise<OpportunityList> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  const [items, totals, currency] = await Promise.all([
    listOpportunityRecords(db, workspaceId, query),
    opportunityTotals(db, workspaceId, query),
    reportingCurrencyOf(db, workspaceId),
  ]);
  return { items, total: totals.count, totals: { ...totals, currency } };
}

export async function getOpportunity(ctx: ServiceContext, id: string): Promise<OpportunityDetail> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  const record = await loadOpportunityRecord(db, workspaceId, id);
  if (!record) throw notFound("Opportunity not found");
  const [account] = record.accountId
    ? await db
        .select({
          id: accounts.id,
          name: accounts.name,
          domain: accounts.domain,
          country: accounts.country,
          industry: accounts.industry,
          status: accounts.status,
        })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, record.accountId)))
    : [];
  const events = await db
    .select({ e: revenueEvents, accountName: accounts.name })
    .from(revenueEvents)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, revenueEvents.workspaceId), eq(accounts.id, revenueEvents.accountId)),
    )
    .where(
      and(
        eq(revenueEvents.workspaceId, workspaceId),
        record.accountId
          ? or(eq(revenueEvents.opportunityId, id), eq(revenueEvents.accountId, record.accountId))
          : eq(revenueEvents.opportunityId, id),
      ),
    )
    .orderBy(asc(revenueEvents.occurredOn))
    .limit(500);
  const [touches, classes, reportingCurrency] = await Promise.all([
    touchpointsOfOpportunity(db, workspaceId, { id, accountId: record.accountId }),
    classifyOpportunities(db, workspaceId, [id]),
    reportingCurrencyOf(db, workspaceId),
  ]);
  const classification = classes.get(id) ?? {
    kind: "direct" as const,
    accelerated: false,
    sourcingPartnerIds: [],
    influencingPartnerIds: [],
  };
  return {
    ...record,
    account: account ?? null,
    touchpoints: touches,
    revenueEvents: events.map((row) => toRevenueEventRecord({ ...row.e, accountName: row.accountName })),
    classification,
    reportingCurrency,
  };
}

/** Creates one opportunity (an external id makes it an upsert: the same call twice is one deal). */
export async function createOpportunityByHand(
  ctx: ServiceContext,
  input: Omit<UpsertOpportunityItem, "externalId"> & { externalId?: string | null | undefined },
): Promise<OpportunityDetail> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  const id = await transaction(ctx.database, async (tx) => {
    const issues = new IssueList("NOT_FOUND");
    await checkReferences(tx, workspaceId, "accounts", [input.accountId], "accountId", singlePath, issues, "account");
    await checkReferences(
      tx,
      workspaceId,
      "partners",
      [input.sourcingPartnerId],
      "sourcingPartnerId",
      singlePath,
      issues,
      "partner",
    );
    issues.throwIfAny();
    const externalId = input.externalId ?? `manual:${crypto.randomUUID()}`;
    const result = await upsertOpportunities(tx, auditSource(ctx), workspaceId, [{ ...input, externalId }], singlePath);
    const newId = result.ids[0];
    if (!newId) throw new Error("opportunity upsert returned nothing");
    if (!input.externalId) {
      await tx
        .update(opportunities)
        .set({ externalId: null })
        .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, newId)));
    }
    return newId;
  });
  return getOpportunity(ctx, id);
}

export async function upsertOpportunity(ctx: ServiceContext, input: UpsertOpportunityItem): Promise<OpportunityDetail> {
  return createOpportunityByHand(ctx, input);
}

export async function bulkUpsertOpportunities(
  ctx: ServiceContext,
  items: readonly UpsertOpportunityItem[],
): Promise<BulkUpsertResult> {
  requireVendor(ctx.actor, vendorWriters);
  return transaction(ctx.database, (tx) =>
    upsertOpportunities(tx, auditSource(ctx), ctx.actor.workspaceId, items, bulkPath),
  );
}

async function lockOpportunity(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)))
    .for("update");
  if (!row) throw notFound("Opportunity not found");
  return row;
}

export async function updateOpportunity(
  ctx: ServiceContext,
  id: string,
  input: UpdateOpportunityBody,
): Promise<OpportunityDetail> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await lockOpportunity(tx, workspaceId, id);
    const issues = new IssueList();
    checkCurrencies([input], singlePath, issues);
    await checkReferences(tx, workspaceId, "accounts", [input.accountId], "accountId", singlePath, issues, "account");
    await checkReferences(
      tx,
      workspaceId,
      "partners",
      [input.sourcingPartnerId],
      "sourcingPartnerId",
      singlePath,
      issues,
      "partner",
    );
    issues.throwIfAny();
    const next = {
      name: input.name ?? before.name,
      accountId: input.accountId === undefined ? before.accountId : input.accountId,
      stage: input.stage ?? before.stage,
      amountMinor: input.amountMinor === undefined ? before.amountMinor : input.amountMinor,
      currency: input.currency === undefined ? before.currency : input.currency,
      openedAt: input.openedAt ? new Date(input.openedAt) : before.openedAt,
      expectedCloseOn: input.expectedCloseOn === undefined ? before.expectedCloseOn : input.expectedCloseOn,
      products: input.products ?? before.products,
      source: input.source ?? before.source,
      sourcingPartnerId:
        input.sourcingPartnerId !== undefined
          ? input.sourcingPartnerId
          : input.source === "direct"
            ? null
            : before.sourcingPartnerId,
      ownerName: input.ownerName === undefined ? before.ownerName : input.ownerName,
    };
    if (next.amountMinor !== null && !next.currency)
      throw fieldError("body.currency", "Give the currency of the amount");
    if ((next.source === "partner_sourced") !== (next.sourcingPartnerId !== null))
      throw fieldError("body.sourcingPartnerId", "A partner-sourced deal names its partner; a direct one names none");
    if (before.closedAt && next.openedAt > before.closedAt)
      throw fieldError("body.openedAt", "The created date is after the close date");
    await tx
      .update(opportunities)
      .set({ ...next, updatedAt: new Date() })
      .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
    await recomputeOpportunityAmounts(tx, workspaceId, { ids: [id] });
    await recordAudit(tx, auditSource(ctx), {
      action: "opportunity.updated",
      entityType: "opportunity",
      entityId: id,
      before: pick(before, Object.keys(input)),
      after: pick(next, Object.keys(input)),
    });
  });
  return getOpportunity(ctx, id);
}

/** Closes a deal as won or lost; its reporting amount converts at the close date's rate. */
export async function closeOpportunity(
  ctx: ServiceContext,
  id: string,
  input: CloseOpportunityBody,
): Promise<OpportunityDetail> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await lockOpportunity(tx, workspaceId, id);
    const closedAt = new Date(input.closedAt);
    if (closedAt < before.openedAt) throw fieldError("body.closedAt", "The close date is before the created date");
    const issues = new IssueList();
    checkCurrencies([input], singlePath, issues);
    issues.throwIfAny();
    const amountMinor = input.amountMinor ?? before.amountMinor;
    const currency = input.currency ?? before.currency;
    if (amountMinor !== null && !currency) throw fieldError("body.currency", "Give the currency of the amount");
    const [late] = await tx
      .execute<{ occurred_at: Date }>(sql`
      select occurred_at from touchpoints where workspace_id = ${workspaceId}::uuid and opportunity_id = ${id}::uuid
        and voided_at is null and occurred_at > ${closedAt.toISOString()}::timestamptz
      order by occurred_at desc limit 1`)
      .then((r) => r.rows);
    if (late)
      throw fieldError(
        "body.closedAt",
        `A partner touch on ${new Date(late.occurred_at).toISOString().slice(0, 10)} is after this close date; void it or close later`,
      );
    await tx
      .update(opportunities)
      .set({
        outcome: input.outcome,
        stage: input.stage ?? (input.outcome === "won" ? "Won" : "Lost"),
        closedAt,
        amountMinor,
        currency,
        updatedAt: new Date(),
      })
      .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
    await recomputeOpportunityAmounts(tx, workspaceId, { ids: [id] });
    await recordAudit(tx, auditSource(ctx), {
      action: `opportunity.${input.outcome}`,
      entityType: "opportunity",
      entityId: id,
      before: { outcome: before.outcome, closedAt: before.closedAt, amountMinor: before.amountMinor },
      after: { outcome: input.outcome, closedAt: input.closedAt, amountMinor, currency },
    });
    if (input.outcome === "won" && before.outcome !== "won") {
      const classes = await classifyOpportunities(tx, workspaceId, [id]);
      for (const partnerId of classes.get(id)?.sourcingPartnerIds ?? []) {
        await emitEvent(tx, auditSource(ctx), {
          type: "deal.won",
          workspaceId,
          partnerId,
          entityType: "opportunity",
          entityId: id,
          payload: { dealId: id },
        });
      }
    }
  });
  return getOpportunity(ctx, id);
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));
}
