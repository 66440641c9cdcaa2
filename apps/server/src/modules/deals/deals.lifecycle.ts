// After approval: conversion to an opportunity, protection extensions, daily expiry with hand-over
// to the runner-up, and the approval SLA (reminder, then escalation to the partner manager's lead).
import type { ConsoleRegistration } from "@symbiont/contracts";
import { and, asc, eq, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { type Database, type DbOrTx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { requireVendor, type SystemActor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { partners } from "../partners";
import { createOpportunity } from "../revenue";
import { linkTouchpointsToOpportunity } from "../touchpoints";
import { currentPolicy } from "./deals.policies";
import { findRegistration, type RegistrationRow } from "./deals.queries";
import { getRegistrationForReview, reviewers } from "./deals.review";
import { OPEN_STATUSES } from "./deals.rules";
import { dealRegistrations, registrationExtensions } from "./deals.schema";
import { approve, notify, transition } from "./deals.writes";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export async function convertRegistration(ctx: ServiceContext, id: string): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const row = await findRegistration(tx, workspaceId, id, null, true);
    if (!row || row.status === "draft") throw notFound("Registration not found");
    if (row.status !== "approved") {
      throw new AppError("REGISTRATION_STATE_INVALID", { message: "Only approved registrations can be converted" });
    }
    const source = auditSource(ctx);
    const opportunity = await createOpportunity(tx, source, {
      workspaceId,
      accountId: row.accountId,
      accountName: row.companyName,
      name: `${row.companyName}${row.products.length ? ` — ${row.products.join(", ")}` : ""}`,
      amountMinor: row.amountMinor,
      currency: row.currency,
      openedAt: new Date(),
      expectedCloseOn: row.expectedCloseOn,
      products: row.products,
      source: "partner_sourced",
      sourcingPartnerId: row.partnerId,
      registrationId: row.id,
    });
    await linkTouchpointsToOpportunity(tx, workspaceId, { origin: "registration", originId: row.id }, opportunity.id);
    await transition(tx, source, row, "converted", { opportunityId: opportunity.id, closedAt: new Date() }, null);
    await emitEvent(tx, source, {
      type: "deal_registration.converted",
      workspaceId,
      partnerId: row.partnerId,
      entityType: "deal_registration",
      entityId: row.id,
      payload: { registrationId: row.id, opportunityId: opportunity.id },
    });
  });
  return getRegistrationForReview(ctx, id);
}

export async function decideExtension(
  ctx: ServiceContext,
  id: string,
  extensionId: string,
  input: { approve: boolean; reason?: string | undefined },
): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const row = await findRegistration(tx, workspaceId, id, null, true);
    if (!row || row.status === "draft") throw notFound("Registration not found");
    const [extension] = await tx
      .select()
      .from(registrationExtensions)
      .where(
        and(
          eq(registrationExtensions.workspaceId, workspaceId),
          eq(registrationExtensions.registrationId, id),
          eq(registrationExtensions.id, extensionId),
        ),
      )
      .for("update");
    if (!extension) throw notFound("Extension request not found");
    if (extension.status !== "pending") {
      throw new AppError("REGISTRATION_EXTENSION_INVALID", { message: "This extension request was already decided" });
    }
    if (input.approve && (row.status !== "approved" || !row.protectionExpiresAt)) {
      throw new AppError("REGISTRATION_EXTENSION_INVALID", {
        message: "Only an approved registration's protection can be extended",
      });
    }
    const now = new Date();
    const base = Math.max(row.protectionExpiresAt?.getTime() ?? now.getTime(), now.getTime());
    const newExpiresAt = input.approve ? new Date(base + extension.requestedDays * DAY_MS) : null;
    await tx
      .update(registrationExtensions)
      .set({
        status: input.approve ? "approved" : "denied",
        decidedBy: ctx.actor.label,
        decidedAt: now,
        decisionReason: input.reason ?? null,
        newExpiresAt,
      })
      .where(and(eq(registrationExtensions.workspaceId, workspaceId), eq(registrationExtensions.id, extensionId)));
    if (newExpiresAt) {
      await tx
        .update(dealRegistrations)
        .set({ protectionExpiresAt: newExpiresAt, updatedAt: sql`now()` })
        .where(and(eq(dealRegistrations.workspaceId, workspaceId), eq(dealRegistrations.id, id)));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: input.approve ? "deal_registration.extension_approved" : "deal_registration.extension_denied",
      entityType: "deal_registration",
      entityId: id,
      partnerId: row.partnerId,
      before: { protectionExpiresAt: row.protectionExpiresAt },
      after: {
        extensionId,
        protectionExpiresAt: newExpiresAt ?? row.protectionExpiresAt,
        reason: input.reason ?? null,
      },
    });
    await notify(tx, row, {
      audience: "partner",
      kind: input.approve ? "extension_approved" : "extension_denied",
      message: input.approve
        ? `${row.companyName}: protection extended until ${newExpiresAt?.toISOString().slice(0, 10)}`
        : `${row.companyName}: the extension was declined${input.reason ? `: ${input.reason}` : ""}`,
    });
  });
  return getRegistrationForReview(ctx, id);
}

const systemSource = (workspaceId: string, label: string): AuditSource => ({
  actor: { kind: "system", workspaceId, label } satisfies SystemActor,
});

/** The earliest waiting registration of another partner for the same company (the runner-up). */
async function runnerUpOf(tx: DbOrTx, row: RegistrationRow): Promise<RegistrationRow | undefined> {
  const sameCompany = sql`(${dealRegistrations.domain} = ${row.domain} or (${dealRegistrations.nameNormalized} = ${row.nameNormalized} and ${dealRegistrations.country} is not distinct from ${row.country}))`;
  const [next] = await tx
    .select()
    .from(dealRegistrations)
    .where(
      and(
        eq(dealRegistrations.workspaceId, row.workspaceId),
        ne(dealRegistrations.partnerId, row.partnerId),
        inArray(dealRegistrations.status, [...OPEN_STATUSES]),
        eq(dealRegistrations.blockedBy, "registration"),
        sameCompany,
      ),
    )
    .orderBy(asc(dealRegistrations.submittedAt))
    .limit(1)
    .for("update");
  return next;
}

/**
 * Expires approved registrations past their window (all workspaces, or one), notifies the partner
 * and hands the company to the runner-up, which is approved under its program's policy and notified.
 */
export async function expireRegistrations(database: Database, now = new Date(), workspaceId?: string): Promise<number> {
  const due = await database.db
    .select({ workspaceId: dealRegistrations.workspaceId, id: dealRegistrations.id })
    .from(dealRegistrations)
    .where(
      and(
        eq(dealRegistrations.status, "approved"),
        lte(dealRegistrations.protectionExpiresAt, now),
        ...(workspaceId ? [eq(dealRegistrations.workspaceId, workspaceId)] : []),
      ),
    )
    .limit(5000);
  let expired = 0;
  for (const item of due) {
    await transaction(database, async (tx) => {
      const row = await findRegistration(tx, item.workspaceId, item.id, null, true);
      if (row?.status !== "approved" || !row.protectionExpiresAt || row.protectionExpiresAt > now) return;
      const source = systemSource(row.workspaceId, "registration expiry");
      await transition(tx, source, row, "expired", { closedAt: now }, "Protection window ended");
      await notify(tx, row, {
        audience: "partner",
        kind: "expired",
        message: `Your registration for ${row.companyName} expired on ${row.protectionExpiresAt.toISOString().slice(0, 10)}`,
      });
      const next = await runnerUpOf(tx, row);
      if (next) {
        const policy = await currentPolicy(tx, next.workspaceId, next.programId);
        const handed = await approve(
          tx,
          source,
          { ...next, blockedBy: null },
          {
            policy,
            reason: "The earlier registration expired; the company passes to you as the next in line",
            automatic: true,
            override: false,
          },
        );
        await tx
          .update(dealRegistrations)
          .set({ blockedBy: null })
          .where(and(eq(dealRegistrations.workspaceId, handed.workspaceId), eq(dealRegistrations.id, handed.id)));
        await notify(tx, handed, {
          audience: "partner",
          kind: "runner_up",
          message: `${handed.companyName} was released by an expired registration and is now protected for you`,
        });
      }
      await emitEvent(tx, source, {
        type: "deal_registration.expired",
        workspaceId: row.workspaceId,
        partnerId: row.partnerId,
        entityType: "deal_registration",
        entityId: row.id,
        payload: { registrationId: row.id, runnerUpId: next?.id ?? null },
      });
      expired += 1;
    });
  }
  return expired;
}

/**
 * The approval SLA: a reminder to the partner manager after `reminderHours`, and an escalation to
 * the manager's lead (the workspace admins) once the SLA has passed. Each is sent once.
 */
export async function sweepApprovalSla(
  database: Database,
  now = new Date(),
): Promise<{ reminded: number; escalated: number }> {
  const open = await database.db
    .select({ row: dealRegistrations, managerId: partners.managerId })
    .from(dealRegistrations)
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, dealRegistrations.workspaceId), eq(partners.id, dealRegistrations.partnerId)),
    )
    .where(
      and(
        inArray(dealRegistrations.status, [...OPEN_STATUSES]),
        isNull(dealRegistrations.escalatedAt),
        lte(dealRegistrations.submittedAt, new Date(now.getTime() - HOUR_MS)),
      ),
    )
    .limit(5000);
  let reminded = 0;
  let escalated = 0;
  for (const { row, managerId } of open) {
    const policy = await currentPolicy(database.db, row.workspaceId, row.programId);
    const submitted = row.submittedAt?.getTime() ?? now.getTime();
    const dueAt = row.reviewDueAt?.getTime() ?? submitted + policy.rules.slaHours * HOUR_MS;
    const remindAt = submitted + policy.rules.reminderHours * HOUR_MS;
    await transaction(database, async (tx) => {
      if (now.getTime() >= dueAt) {
        await tx
          .update(dealRegistrations)
          .set({ escalatedAt: now })
          .where(and(eq(dealRegistrations.workspaceId, row.workspaceId), eq(dealRegistrations.id, row.id)));
        await notify(tx, row, {
          audience: "manager_lead",
          kind: "escalation",
          message: `${row.companyName}: the ${policy.rules.slaHours}-hour approval SLA has passed without a decision`,
          userId: managerId,
        });
        escalated += 1;
      } else if (now.getTime() >= remindAt && !row.remindedAt) {
        await tx
          .update(dealRegistrations)
          .set({ remindedAt: now })
          .where(and(eq(dealRegistrations.workspaceId, row.workspaceId), eq(dealRegistrations.id, row.id)));
        await notify(tx, row, {
          audience: "manager",
          kind: "reminder",
          message: `${row.companyName}: waiting for a decision, due ${new Date(dueAt).toISOString().slice(0, 16).replace("T", " ")} UTC`,
          userId: managerId,
        });
        reminded += 1;
      }
    });
  }
  return { reminded, escalated };
}
