// Partner-side use cases: drafts, submission, withdrawal, extensions, "check before you register".
import type {
  CheckRegistrationBody,
  CreateRegistrationBody,
  PartnerCheck,
  PortalRegistration,
  PortalRegistrationSummary,
  RegistrationStatus,
  UpdateRegistrationBody,
} from "@symbiont/contracts";
import { and, asc, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { type PartnerActor, requirePartner } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { once } from "../../platform/http/idempotency";
import { programMemberships } from "../programs";
import { runConflictCheck } from "./deals.check";
import { columnsFrom, lockedFields } from "./deals.fields";
import { currentPolicy } from "./deals.policies";
import { findRegistration, loadChildren, type RegistrationRow, toPortalRegistration, toSummary } from "./deals.queries";
import { editableFields, judgeSubmission } from "./deals.rules";
import { dealRegistrations, registrationExtensions } from "./deals.schema";
import { submitDraft } from "./deals.submit";
import { notify, transition } from "./deals.writes";

const WEEK_MS = 7 * 86_400_000;

async function portalView(db: DbOrTx, row: RegistrationRow): Promise<PortalRegistration> {
  return toPortalRegistration(row, await loadChildren(db, row.workspaceId, row.id));
}

async function ownLocked(db: DbOrTx, actor: PartnerActor, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(db, actor.workspaceId, id, actor.partnerId, true);
  if (!row) throw notFound("Registration not found");
  return row;
}

export async function listOwnRegistrations(
  ctx: ServiceContext,
  query: { status?: RegistrationStatus | undefined; limit: number; offset: number },
): Promise<{ items: PortalRegistrationSummary[]; total: number; expiringThisWeek: number }> {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  const db = ctx.database.db;
  const where = [eq(dealRegistrations.workspaceId, workspaceId), eq(dealRegistrations.partnerId, partnerId)];
  if (query.status) where.push(eq(dealRegistrations.status, query.status));
  const now = new Date();
  const [rows, [total], [expiring]] = await Promise.all([
    db
      .select()
      .from(dealRegistrations)
      .where(and(...where))
      .orderBy(desc(dealRegistrations.createdAt), asc(dealRegistrations.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(dealRegistrations)
      .where(and(...where)),
    db
      .select({ n: count() })
      .from(dealRegistrations)
      .where(
        and(
          eq(dealRegistrations.workspaceId, workspaceId),
          eq(dealRegistrations.partnerId, partnerId),
          eq(dealRegistrations.status, "approved"),
          gte(dealRegistrations.protectionExpiresAt, now),
          lte(dealRegistrations.protectionExpiresAt, new Date(now.getTime() + WEEK_MS)),
        ),
      ),
  ]);
  return { items: rows.map(toSummary), total: Number(total?.n ?? 0), expiringThisWeek: Number(expiring?.n ?? 0) };
}

export async function getOwnRegistration(ctx: ServiceContext, id: string): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const row = await findRegistration(ctx.database.db, ctx.actor.workspaceId, id, ctx.actor.partnerId);
  if (!row) throw notFound("Registration not found");
  return portalView(ctx.database.db, row);
}

/** The partner's program for a new registration: the one named (if theirs), else their first. */
async function programFor(
  db: DbOrTx,
  actor: PartnerActor,
  programId: string | null | undefined,
): Promise<string | null> {
  const memberships = await db
    .select({ programId: programMemberships.programId })
    .from(programMemberships)
    .where(
      and(eq(programMemberships.workspaceId, actor.workspaceId), eq(programMemberships.partnerId, actor.partnerId)),
    )
    .orderBy(asc(programMemberships.joinedAt));
  if (programId) {
    if (!memberships.some((m) => m.programId === programId)) {
      throw fieldError("body.programId", "Your organization is not in this program");
    }
    return programId;
  }
  return memberships[0]?.programId ?? null;
}

/**
 * Creates a draft, or submits at once with `submit: true`. With an `Idempotency-Key` a retry gets
 * the first answer back (same status and body); the same key with another body answers 422.
 */
export async function createRegistration(
  ctx: ServiceContext,
  body: CreateRegistrationBody & { companyName: string },
  idempotencyKey: string | undefined,
): Promise<{ statusCode: number; body: PortalRegistration; replayed: boolean }> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  const source = auditSource(ctx);
  return transaction(ctx.database, async (tx) =>
    once(tx, actor, { scope: "portalCreateRegistration", key: idempotencyKey, body }, async () => {
      const { submit, programId, ...fields } = body;
      const columns = columnsFrom(fields, {});
      const [created] = await tx
        .insert(dealRegistrations)
        .values({
          ...columns,
          companyName: fields.companyName,
          nameNormalized: columns.nameNormalized ?? "",
          workspaceId: actor.workspaceId,
          partnerId: actor.partnerId,
          programId: await programFor(tx, actor, programId),
          createdByUserId: actor.userId,
          createdByLabel: actor.label,
          status: "draft",
        })
        .returning();
      if (!created) throw new Error("registration insert returned nothing");
      await recordAudit(tx, source, {
        action: "deal_registration.created",
        entityType: "deal_registration",
        entityId: created.id,
        partnerId: actor.partnerId,
        after: { companyName: created.companyName, status: "draft" },
      });
      const row = submit ? (await submitDraft(tx, source, created, "body")).row : created;
      return { statusCode: 201, body: await portalView(tx, row) };
    }),
  );
}

export async function updateRegistration(
  ctx: ServiceContext,
  id: string,
  body: UpdateRegistrationBody,
): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  return transaction(ctx.database, async (tx) => {
    const row = await ownLocked(tx, actor, id);
    const allowed = editableFields(row.status as RegistrationStatus);
    const locked = lockedFields(body, allowed);
    if (locked.length > 0) {
      const issues = locked.map((key) => ({
        path: `body.${key}`,
        message:
          allowed.length === 0
            ? `A ${row.status.replace("_", " ")} registration cannot be changed`
            : "This field can no longer be changed after submission",
        code: "locked",
      }));
      throw new AppError("VALIDATION_FAILED", { message: issues[0]?.message ?? "Locked", details: { issues } });
    }
    const { programId, ...fields } = body;
    const changes = columnsFrom(fields, row);
    if (programId !== undefined) changes.programId = await programFor(tx, actor, programId);
    // Answering a request for information puts the registration back in the queue.
    const answered = row.infoRequest !== null && row.status === "under_review";
    const [updated] = await tx
      .update(dealRegistrations)
      .set({ ...changes, ...(answered ? { infoRequest: null } : {}), updatedAt: sql`now()` })
      .where(and(eq(dealRegistrations.workspaceId, actor.workspaceId), eq(dealRegistrations.id, id)))
      .returning();
    if (!updated) throw notFound("Registration not found");
    await recordAudit(tx, auditSource(ctx), {
      action: "deal_registration.updated",
      entityType: "deal_registration",
      entityId: id,
      partnerId: actor.partnerId,
      before: Object.fromEntries(Object.keys(fields).map((k) => [k, (row as Record<string, unknown>)[k]])),
      after: fields,
    });
    return portalView(tx, updated);
  });
}

export async function deleteDraft(ctx: ServiceContext, id: string): Promise<void> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  await transaction(ctx.database, async (tx) => {
    const row = await ownLocked(tx, actor, id);
    if (row.status !== "draft") {
      throw new AppError("REGISTRATION_STATE_INVALID", { message: "Only drafts can be deleted; withdraw it instead" });
    }
    await tx
      .delete(dealRegistrations)
      .where(and(eq(dealRegistrations.workspaceId, actor.workspaceId), eq(dealRegistrations.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "deal_registration.deleted",
      entityType: "deal_registration",
      entityId: id,
      partnerId: actor.partnerId,
      before: { companyName: row.companyName },
    });
  });
}

export async function submitRegistration(ctx: ServiceContext, id: string): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  return transaction(ctx.database, async (tx) => {
    const row = await ownLocked(tx, actor, id);
    if (row.status !== "draft") {
      throw new AppError("REGISTRATION_STATE_INVALID", { message: "This registration was already submitted" });
    }
    const { row: submitted } = await submitDraft(tx, auditSource(ctx), row, "registration");
    return portalView(tx, submitted);
  });
}

export async function withdrawRegistration(
  ctx: ServiceContext,
  id: string,
  reason: string | undefined,
): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  return transaction(ctx.database, async (tx) => {
    const row = await ownLocked(tx, actor, id);
    const updated = await transition(tx, auditSource(ctx), row, "withdrawn", { closedAt: new Date() }, reason || null);
    await emitEvent(tx, auditSource(ctx), {
      type: "deal_registration.withdrawn",
      workspaceId: actor.workspaceId,
      partnerId: actor.partnerId,
      entityType: "deal_registration",
      entityId: id,
      payload: { registrationId: id },
    });
    return portalView(tx, updated);
  });
}

export async function requestExtension(
  ctx: ServiceContext,
  id: string,
  input: { days: number; reason: string },
): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  return transaction(ctx.database, async (tx) => {
    const row = await ownLocked(tx, actor, id);
    if (row.status !== "approved" || !row.protectionExpiresAt) {
      throw new AppError("REGISTRATION_EXTENSION_INVALID", {
        message: "Only approved registrations with a protection window can be extended",
      });
    }
    const policy = await currentPolicy(tx, actor.workspaceId, row.programId);
    if (input.days > policy.rules.maxExtensionDays) {
      throw fieldError("body.days", `Ask for at most ${policy.rules.maxExtensionDays} days`);
    }
    const [pending] = await tx
      .select({ id: registrationExtensions.id })
      .from(registrationExtensions)
      .where(
        and(
          eq(registrationExtensions.workspaceId, actor.workspaceId),
          eq(registrationExtensions.registrationId, id),
          eq(registrationExtensions.status, "pending"),
        ),
      );
    if (pending) {
      throw new AppError("REGISTRATION_EXTENSION_INVALID", {
        message: "An extension request is already waiting for a decision",
      });
    }
    const [extension] = await tx
      .insert(registrationExtensions)
      .values({
        workspaceId: actor.workspaceId,
        registrationId: id,
        requestedDays: input.days,
        reason: input.reason,
        requestedBy: actor.label,
      })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: "deal_registration.extension_requested",
      entityType: "deal_registration",
      entityId: id,
      partnerId: actor.partnerId,
      after: { extensionId: extension?.id, days: input.days, reason: input.reason },
    });
    await notify(tx, row, {
      audience: "manager",
      kind: "extension_requested",
      message: `${row.companyName}: the partner asks for ${input.days} more days of protection`,
    });
    return portalView(tx, row);
  });
}

/** "Check before you register": the decision and a plain reason, nothing stored, no other record shown. */
export async function checkBeforeRegister(ctx: ServiceContext, body: CheckRegistrationBody): Promise<PartnerCheck> {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  const name = body.companyName ?? "";
  if (name.trim().length < 2 && !body.website && !body.contactEmail) {
    return { decision: "clear", reason: "Type the company name or domain to check it" };
  }
  const db = ctx.database.db;
  const policy = await currentPolicy(db, workspaceId, null);
  const now = new Date();
  const result = await runConflictCheck(
    db,
    {
      name,
      domain: body.website ?? null,
      contactEmail: body.contactEmail ?? null,
      phone: body.contactPhone ?? null,
      country: body.country ?? null,
    },
    { workspaceId, partnerId, directLookbackDays: policy.rules.directLookbackDays, now },
  );
  const outcome = judgeSubmission(result, policy.rules, { partnerId, submittedAt: now });
  return {
    decision: outcome.decision,
    reason: outcome.partnerReason.replace(/^Rejected: /, "Likely to be rejected: "),
  };
}
