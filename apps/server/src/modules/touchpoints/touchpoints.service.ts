import type {
  BulkUpsertResult,
  CreateTouchpointInput,
  TouchpointList,
  TouchpointRecord,
  UpsertTouchpointItem,
} from "@symbiont/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Tx, transaction } from "../../db";
import { type AuditSource, recordAudit, recordAuditMany } from "../../platform/audit";
import { requireVendor, vendorWriters } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { bulkPath, checkReferences, type FieldPath, IssueList, singlePath } from "../revenue";
import { countTouchpoints, loadTouchpointRecords, type TouchpointFilter } from "./touchpoints.queries";
import { touchpoints } from "./touchpoints.schema";

const CHUNK = 5000;

export async function listTouchpoints(
  ctx: ServiceContext,
  query: TouchpointFilter & { limit: number; offset: number },
): Promise<TouchpointList> {
  requireVendor(ctx.actor);
  const { limit, offset, ...filter } = query;
  const [items, total] = await Promise.all([
    loadTouchpointRecords(ctx.database.db, ctx.actor.workspaceId, filter, { limit, offset }),
    countTouchpoints(ctx.database.db, ctx.actor.workspaceId, filter),
  ]);
  return { items, total };
}

type TouchItem = Omit<UpsertTouchpointItem, "externalId"> & { externalId?: string | null | undefined };

/** Checks what the schema cannot: the records exist here, and no touch is after its deal closed. */
async function validateTouches(
  tx: Tx,
  workspaceId: string,
  items: readonly TouchItem[],
  path: FieldPath,
  referenceCode: "VALIDATION_FAILED" | "NOT_FOUND",
) {
  const refs = new IssueList(referenceCode);
  await checkReferences(
    tx,
    workspaceId,
    "partners",
    items.map((i) => i.partnerId),
    "partnerId",
    path,
    refs,
    "partner",
  );
  await checkReferences(
    tx,
    workspaceId,
    "opportunities",
    items.map((i) => i.opportunityId),
    "opportunityId",
    path,
    refs,
    "opportunity",
  );
  await checkReferences(
    tx,
    workspaceId,
    "accounts",
    items.map((i) => i.accountId),
    "accountId",
    path,
    refs,
    "account",
  );
  refs.throwIfAny();
  const issues = new IssueList();
  const linked = items
    .map((item, index) => ({ index, opportunity_id: item.opportunityId ?? null, occurred_at: item.occurredAt }))
    .filter((row) => row.opportunity_id !== null);
  if (linked.length > 0) {
    const late = await tx.execute<{ index: number; closed_at: Date }>(sql`
      select x.index, o.closed_at
      from jsonb_to_recordset(${JSON.stringify(linked)}::jsonb) as x(index int, opportunity_id uuid, occurred_at timestamptz)
      join opportunities o on o.workspace_id = ${workspaceId}::uuid and o.id = x.opportunity_id
      where o.closed_at is not null and x.occurred_at > o.closed_at
      order by x.index`);
    for (const row of late.rows)
      issues.add(
        path(row.index, "occurredAt"),
        `The opportunity closed on ${new Date(row.closed_at).toISOString().slice(0, 10)}; a touch cannot come after it`,
      );
  }
  issues.throwIfAny();
}

function originOf(ctx: ServiceContext, bulk: boolean): "api" | "manual" | "import" {
  if (ctx.actor.apiKeyId) return "api";
  return bulk ? "import" : "manual";
}

export async function writeTouchpointRows(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  items: readonly TouchItem[],
  origin: string,
): Promise<BulkUpsertResult> {
  const ids: string[] = [];
  let created = 0;
  for (let start = 0; start < items.length; start += CHUNK) {
    const rows = items.slice(start, start + CHUNK).map((i) => ({
      partner_id: i.partnerId,
      type: i.type,
      occurred_at: i.occurredAt,
      opportunity_id: i.opportunityId ?? null,
      account_id: i.accountId ?? null,
      weight: i.weight ?? null,
      note: i.note ?? null,
      accelerated: i.accelerated ?? false,
      external_id: i.externalId ?? null,
    }));
    const actorUser = source.actor.kind === "system" ? null : source.actor.userId;
    const result = await tx.execute<{
      id: string;
      inserted: boolean;
      partner_id: string;
      type: string;
      opportunity_id: string | null;
    }>(sql`
      insert into touchpoints (workspace_id, partner_id, type, occurred_at, opportunity_id, account_id, weight, note,
        accelerated, external_id, origin, actor_user_id, actor_label)
      select ${workspaceId}::uuid, x.partner_id, x.type, x.occurred_at, x.opportunity_id, x.account_id, x.weight,
        x.note, x.accelerated, x.external_id, ${origin}, ${actorUser}::uuid, ${source.actor.label}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(partner_id uuid, type text, occurred_at timestamptz,
        opportunity_id uuid, account_id uuid, weight numeric, note text, accelerated boolean, external_id text)
      on conflict (workspace_id, external_id) where external_id is not null do update set
        partner_id = excluded.partner_id, type = excluded.type, occurred_at = excluded.occurred_at,
        opportunity_id = excluded.opportunity_id, account_id = excluded.account_id, weight = excluded.weight,
        note = excluded.note, accelerated = excluded.accelerated
      where touchpoints.voided_at is null
      returning id, (xmax = 0) as inserted, partner_id, type, opportunity_id`);
    for (const row of result.rows) {
      ids.push(row.id);
      if (row.inserted) created++;
    }
    await recordAuditMany(
      tx,
      source,
      result.rows.map((row) => ({
        action: row.inserted ? "touchpoint.created" : "touchpoint.upserted",
        entityType: "touchpoint",
        entityId: row.id,
        partnerId: row.partner_id,
        after: { type: row.type, opportunityId: row.opportunity_id },
      })),
    );
  }
  return { created, updated: ids.length - created, ids };
}

export async function createTouchpoint(ctx: ServiceContext, input: CreateTouchpointInput): Promise<TouchpointRecord> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  const ids = await transaction(ctx.database, async (tx) => {
    await validateTouches(tx, workspaceId, [input], singlePath, "NOT_FOUND");
    const result = await writeTouchpointRows(tx, auditSource(ctx), workspaceId, [input], originOf(ctx, false));
    if (result.ids.length === 0)
      throw new AppError("CONFLICT", { message: "A voided touchpoint already has this external id" });
    return result.ids;
  });
  const [record] = await loadTouchpointRecords(ctx.database.db, workspaceId, { ids, includeVoided: true });
  if (!record) throw notFound("Touchpoint not found");
  return record;
}

/**
 * Validates and upserts a batch of touchpoints by external id in the caller's transaction: the
 * records must exist, ids must be unique in the batch, and no touch may follow its deal's close.
 */
export async function upsertTouchpointBatch(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  items: readonly UpsertTouchpointItem[],
  origin: "api" | "import",
): Promise<BulkUpsertResult> {
  const issues = new IssueList();
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.externalId)) issues.add(bulkPath(index, "externalId"), `The id ${item.externalId} appears twice`);
    seen.add(item.externalId);
  });
  issues.throwIfAny();
  await validateTouches(tx, workspaceId, items, bulkPath, "VALIDATION_FAILED");
  return writeTouchpointRows(tx, source, workspaceId, items, origin);
}

export async function bulkUpsertTouchpoints(
  ctx: ServiceContext,
  items: readonly UpsertTouchpointItem[],
): Promise<BulkUpsertResult> {
  requireVendor(ctx.actor, vendorWriters);
  const origin = ctx.actor.apiKeyId ? "api" : "import";
  return transaction(ctx.database, (tx) =>
    upsertTouchpointBatch(tx, auditSource(ctx), ctx.actor.workspaceId, items, origin),
  );
}

/** Voids a touchpoint with a reason: it stays in the ledger (and in old snapshots) but no longer counts. */
export async function voidTouchpoint(ctx: ServiceContext, id: string, reason: string): Promise<TouchpointRecord> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)))
      .for("update");
    if (!row) throw notFound("Touchpoint not found");
    if (row.voidedAt) throw new AppError("CONFLICT", { message: "This touchpoint is already voided" });
    await tx
      .update(touchpoints)
      .set({ voidedAt: new Date(), voidedReason: reason, voidedBy: ctx.actor.label })
      .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id), isNull(touchpoints.voidedAt)));
    await recordAudit(tx, auditSource(ctx), {
      action: "touchpoint.voided",
      entityType: "touchpoint",
      entityId: id,
      partnerId: row.partnerId,
      before: { voided: false },
      after: { voided: true, reason },
    });
  });
  const [record] = await loadTouchpointRecords(ctx.database.db, workspaceId, { ids: [id], includeVoided: true });
  if (!record) throw notFound("Touchpoint not found");
  return record;
}
