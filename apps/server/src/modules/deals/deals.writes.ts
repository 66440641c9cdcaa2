// The write steps every use case shares: a state change with its transition row and audit entry,
// approval with its protection window, rejection, and notifications.
import type { RegistrationRules, RegistrationStatus } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import "./deals.events";
import { AppError } from "../../platform/errors";
import type { RegistrationRow } from "./deals.queries";
import { canTransition } from "./deals.rules";
import { dealRegistrations, registrationNotifications, registrationTransitions } from "./deals.schema";

const DAY_MS = 86_400_000;

function actorUserId(source: AuditSource): string | null {
  return source.actor.kind === "system" ? null : source.actor.userId;
}

/** Moves a registration to `to` (checked against the state machine), with transition and audit. */
export async function transition(
  tx: DbOrTx,
  source: AuditSource,
  row: RegistrationRow,
  to: RegistrationStatus,
  changes: Partial<typeof dealRegistrations.$inferInsert>,
  reason: string | null,
): Promise<RegistrationRow> {
  const from = row.status as RegistrationStatus;
  if (!canTransition(from, to)) {
    throw new AppError("REGISTRATION_STATE_INVALID", {
      message: `A registration that is ${from.replace("_", " ")} cannot become ${to.replace("_", " ")}`,
      details: { from, to },
    });
  }
  const [updated] = await tx
    .update(dealRegistrations)
    .set({ ...changes, status: to, updatedAt: sql`now()` })
    .where(and(eq(dealRegistrations.workspaceId, row.workspaceId), eq(dealRegistrations.id, row.id)))
    .returning();
  if (!updated) throw new Error("registration update returned nothing");
  await tx.insert(registrationTransitions).values({
    workspaceId: row.workspaceId,
    registrationId: row.id,
    fromStatus: from,
    toStatus: to,
    actorLabel: source.actor.label,
    actorUserId: actorUserId(source),
    reason,
  });
  await recordAudit(tx, source, {
    action: `deal_registration.${to}`,
    entityType: "deal_registration",
    entityId: row.id,
    partnerId: row.partnerId,
    before: { status: from },
    after: { status: to, reason, ...pickAuditable(changes) },
  });
  return updated;
}

function pickAuditable(changes: Partial<typeof dealRegistrations.$inferInsert>) {
  const out: Record<string, unknown> = {};
  for (const key of ["protectionExpiresAt", "policyVersion", "blockedBy", "checkDecision", "opportunityId"] as const) {
    if (changes[key] !== undefined) out[key] = changes[key];
  }
  return out;
}

export async function notify(
  tx: DbOrTx,
  row: RegistrationRow,
  input: { audience: "partner" | "manager" | "manager_lead"; kind: string; message: string; userId?: string | null },
): Promise<void> {
  await tx.insert(registrationNotifications).values({
    workspaceId: row.workspaceId,
    registrationId: row.id,
    audience: input.audience,
    partnerId: input.audience === "partner" ? row.partnerId : null,
    userId: input.userId ?? null,
    kind: input.kind,
    message: input.message,
  });
}

export function protectionEnd(approvedAt: Date, rules: RegistrationRules): Date | null {
  return rules.protectionDays === null ? null : new Date(approvedAt.getTime() + rules.protectionDays * DAY_MS);
}

/** Approves with the policy's protection window; emits `deal_registration.approved`, tells the partner. */
export async function approve(
  tx: DbOrTx,
  source: AuditSource,
  row: RegistrationRow,
  input: {
    policy: { id: string; version: number; rules: RegistrationRules };
    reason: string;
    automatic: boolean;
    override: boolean;
  },
): Promise<RegistrationRow> {
  const now = new Date();
  const expires = protectionEnd(now, input.policy.rules);
  const updated = await transition(
    tx,
    source,
    row,
    "approved",
    {
      approvedAt: now,
      protectionExpiresAt: expires,
      decidedAt: now,
      decidedBy: source.actor.label,
      decisionReason: input.reason,
      infoRequest: null,
      policyId: input.policy.id,
      policyVersion: input.policy.version,
    },
    input.reason,
  );
  await emitEvent(tx, source, {
    type: "deal_registration.approved",
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    entityType: "deal_registration",
    entityId: row.id,
    payload: {
      registrationId: row.id,
      protectionExpiresAt: expires?.toISOString() ?? null,
      automatic: input.automatic,
      override: input.override,
    },
  });
  const until = expires ? `; protected until ${expires.toISOString().slice(0, 10)}` : "";
  await notify(tx, updated, {
    audience: "partner",
    kind: "approved",
    message: `Your registration for ${row.companyName} was approved${until}`,
  });
  return updated;
}

export async function reject(
  tx: DbOrTx,
  source: AuditSource,
  row: RegistrationRow,
  input: { policy: { id: string; version: number }; reason: string; automatic: boolean },
): Promise<RegistrationRow> {
  const now = new Date();
  const updated = await transition(
    tx,
    source,
    row,
    "rejected",
    {
      decidedAt: now,
      decidedBy: source.actor.label,
      decisionReason: input.reason,
      infoRequest: null,
      policyId: input.policy.id,
      policyVersion: input.policy.version,
    },
    input.reason,
  );
  await emitEvent(tx, source, {
    type: "deal_registration.rejected",
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    entityType: "deal_registration",
    entityId: row.id,
    payload: { registrationId: row.id, reason: input.reason, automatic: input.automatic },
  });
  await notify(tx, updated, {
    audience: "partner",
    kind: "rejected",
    message: `Your registration for ${row.companyName} was rejected: ${input.reason}`,
  });
  return updated;
}
