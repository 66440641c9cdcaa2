import type { PartnerBulkAction, PartnerBulkResult, PartnerRecord, PartnerStage } from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { type Tx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { assertCanWritePartners } from "./partners.policies";
import {
  findManagerCandidate,
  findPartnerRecord,
  findPartnerRow,
  listCustomFieldDefinitions,
  type PartnerRow,
} from "./partners.queries";
import { allowedStageTransitions, canTransition, stageTransitionMessage } from "./partners.rules";
import { partnerStageTransitions, partners } from "./partners.schema";
import { actorColumns, updatePartnerRow } from "./partners.writes";

export function stageTransitionError(from: PartnerStage, to: PartnerStage, partnerId?: string): AppError {
  return new AppError("PARTNER_STAGE_TRANSITION_INVALID", {
    message: stageTransitionMessage(from, to),
    details: { from, to, allowed: allowedStageTransitions(from), ...(partnerId ? { partnerId } : {}) },
  });
}

/**
 * Moves a (locked) partner along the stage machine: records the transition with actor and reason,
 * sets `activated_at` the first time it becomes active, audits and emits `partner.stage_changed`.
 * Illegal moves throw 409 PARTNER_STAGE_TRANSITION_INVALID naming the allowed stages.
 * Other modules (recruitment, onboarding) call it inside their own transaction.
 */
export async function transitionPartnerStage(
  tx: Tx,
  source: AuditSource,
  current: PartnerRow,
  to: PartnerStage,
  reason: string | null = null,
): Promise<PartnerRow> {
  const from = current.stage as PartnerStage;
  if (!canTransition(from, to)) throw stageTransitionError(from, to, current.id);
  const now = new Date();
  const [row] = await tx
    .update(partners)
    .set({
      stage: to,
      stageChangedAt: now,
      updatedAt: now,
      ...(to === "active" && !current.activatedAt ? { activatedAt: now } : {}),
    })
    .where(and(eq(partners.workspaceId, current.workspaceId), eq(partners.id, current.id)))
    .returning();
  if (!row) throw new Error("partner stage update returned nothing");
  await tx.insert(partnerStageTransitions).values({
    workspaceId: current.workspaceId,
    partnerId: current.id,
    fromStage: from,
    toStage: to,
    reason,
    ...actorColumns(source),
    occurredAt: now,
  });
  await recordAudit(tx, source, {
    action: "partner.stage_changed",
    entityType: "partner",
    entityId: current.id,
    partnerId: current.id,
    before: { stage: from },
    after: { stage: to, reason },
  });
  await emitEvent(tx, source, {
    type: "partner.stage_changed",
    workspaceId: current.workspaceId,
    partnerId: current.id,
    entityType: "partner",
    entityId: current.id,
    payload: { from, to, reason },
  });
  return row;
}

export async function changePartnerStage(
  ctx: ServiceContext,
  partnerId: string,
  input: { to: PartnerStage; reason?: string | undefined },
): Promise<PartnerRecord> {
  assertCanWritePartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const current = await findPartnerRow(tx, workspaceId, partnerId, { forUpdate: true });
    if (!current) throw notFound("Partner not found");
    await transitionPartnerStage(tx, auditSource(ctx), current, input.to, input.reason || null);
    const record = await findPartnerRecord(tx, workspaceId, partnerId);
    if (!record) throw notFound("Partner not found");
    return record;
  });
}

/**
 * One action over many partners, all or nothing: any partner the action cannot apply to
 * (unknown id, illegal stage move, invalid manager) rolls the whole batch back.
 */
export async function bulkUpdatePartners(
  ctx: ServiceContext,
  input: { partnerIds: string[]; action: PartnerBulkAction },
): Promise<PartnerBulkResult> {
  assertCanWritePartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const ids = [...new Set(input.partnerIds)];
  const source = auditSource(ctx);
  return transaction(ctx.database, async (tx) => {
    const rows = await tx
      .select()
      .from(partners)
      .where(and(eq(partners.workspaceId, workspaceId), inArray(partners.id, ids)))
      .orderBy(partners.id)
      .for("update");
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new AppError("NOT_FOUND", {
        message: `${missing.length} of the selected partners no longer exist`,
        details: { missing },
      });
    const { action } = input;
    if (action.type === "change_stage") {
      const refused = rows.filter(
        (row) => row.stage !== action.to && !canTransition(row.stage as PartnerStage, action.to),
      );
      if (refused.length > 0) {
        const failures = refused.map((row) => ({
          partnerId: row.id,
          name: row.name,
          from: row.stage,
          allowed: allowedStageTransitions(row.stage as PartnerStage),
        }));
        const first = refused[0] as PartnerRow;
        throw new AppError("PARTNER_STAGE_TRANSITION_INVALID", {
          message: `Nothing changed: ${refused.length} partner(s) cannot move to ${action.to}. ${first.name}: ${stageTransitionMessage(first.stage as PartnerStage, action.to)}`,
          details: { to: action.to, failures },
        });
      }
    }
    if (
      action.type === "assign_manager" &&
      action.managerId &&
      !(await findManagerCandidate(tx, workspaceId, action.managerId))
    )
      throw fieldError("body.action.managerId", "Choose an active member of your team as the partner manager");
    const definitions = await listCustomFieldDefinitions(tx, workspaceId);
    const results: PartnerBulkResult["results"] = [];
    for (const id of ids) {
      const row = byId.get(id) as PartnerRow;
      let changed = false;
      switch (action.type) {
        case "change_stage":
          if (row.stage !== action.to) {
            await transitionPartnerStage(tx, source, row, action.to, action.reason || null);
            changed = true;
          }
          break;
        case "assign_manager":
          changed =
            (await updatePartnerRow(tx, source, row, { managerId: action.managerId }, definitions)).fields.length > 0;
          break;
        case "add_tag":
          if (!row.tags.includes(action.tag))
            changed =
              (await updatePartnerRow(tx, source, row, { tags: [...row.tags, action.tag] }, definitions)).fields
                .length > 0;
          break;
        case "remove_tag":
          if (row.tags.includes(action.tag))
            changed =
              (
                await updatePartnerRow(
                  tx,
                  source,
                  row,
                  { tags: row.tags.filter((tag) => tag !== action.tag) },
                  definitions,
                )
              ).fields.length > 0;
          break;
      }
      results.push({ partnerId: id, name: row.name, changed });
    }
    return { results, changed: results.filter((result) => result.changed).length };
  });
}
