import type { LeadStatus } from "@symbiont/contracts";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { type EventMap, emitEvent } from "../../platform/events";
import { ensureAccount } from "../accounts";
import { partners } from "../partners";
import { recordTouchpoint } from "../touchpoints";
import "./leads.events";
import { pickNextPartner } from "./leads.rules";
import { leadActivities, leadOffers, leadRoutingSettings, leads } from "./leads.schema";

export type LeadRow = typeof leads.$inferSelect;

/** Partner stages that can receive leads picked by the routing rule. */
export const routableStages = ["active", "at_risk"] as const;
/** Partner stages that can never receive a lead or referral. */
export const closedStages = ["offboarded", "rejected"] as const;

export async function lockLead(tx: DbOrTx, workspaceId: string, id: string): Promise<LeadRow> {
  const [row] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)))
    .for("update");
  if (!row) throw notFound("Lead not found");
  return row;
}

export async function updateLead(tx: DbOrTx, lead: LeadRow, changes: Partial<LeadRow>): Promise<LeadRow> {
  const [row] = await tx
    .update(leads)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(leads.workspaceId, lead.workspaceId), eq(leads.id, lead.id)))
    .returning();
  if (!row) throw new Error("lead update returned nothing");
  return row;
}

export async function logActivity(
  tx: DbOrTx,
  source: AuditSource,
  lead: LeadRow,
  entry: { type: string; partnerId?: string | null; status?: LeadStatus | null; note?: string | null },
): Promise<void> {
  await tx.insert(leadActivities).values({
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    type: entry.type,
    actorLabel: source.actor.label,
    partnerId: entry.partnerId ?? null,
    status: entry.status ?? null,
    note: entry.note ?? null,
  });
}

type LeadEventType = Extract<keyof EventMap, `lead.${string}` | `referral.${string}`>;
type Payload<T extends LeadEventType> = Omit<EventMap[T], "leadId" | "company" | "side">;

/**
 * Emits a lead event once per partner involved (the sender and the recipient, plus `also`), so it
 * shows on each partner's timeline; once for the vendor when no partner is involved.
 */
export async function emitLeadEvent<T extends LeadEventType>(
  tx: DbOrTx,
  source: AuditSource,
  lead: LeadRow,
  type: T,
  payload: Payload<T>,
  also: (string | null)[] = [],
): Promise<void> {
  const sides = new Map<string, "sender" | "recipient">();
  if (lead.senderPartnerId) sides.set(lead.senderPartnerId, "sender");
  for (const id of [lead.recipientPartnerId, ...also]) if (id && !sides.has(id)) sides.set(id, "recipient");
  const copies: { partnerId: string | null; side: "sender" | "recipient" | "vendor" }[] =
    sides.size === 0
      ? [{ partnerId: null, side: "vendor" }]
      : [...sides].map(([partnerId, side]) => ({ partnerId, side }));
  for (const copy of copies) {
    await emitEvent(tx, source, {
      type,
      workspaceId: lead.workspaceId,
      partnerId: copy.partnerId,
      entityType: "lead",
      entityId: lead.id,
      payload: { ...payload, leadId: lead.id, company: lead.company, side: copy.side } as unknown as EventMap[T],
    });
  }
}

/** A partner of the workspace that may receive leads (404-style field error otherwise). */
export async function requireReceivingPartner(tx: DbOrTx, workspaceId: string, partnerId: string, path: string) {
  const [partner] = await tx
    .select({ id: partners.id, name: partners.name, stage: partners.stage })
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  if (!partner) throw fieldError(path, "No such partner in this workspace", "NOT_FOUND");
  if ((closedStages as readonly string[]).includes(partner.stage)) {
    throw fieldError(path, `${partner.name} no longer takes leads (${partner.stage})`, "LEAD_NO_ELIGIBLE_PARTNER");
  }
  return partner;
}

export async function routingSettingsOf(db: DbOrTx, workspaceId: string) {
  const [row] = await db.select().from(leadRoutingSettings).where(eq(leadRoutingSettings.workspaceId, workspaceId));
  return row ?? { workspaceId, rule: "round_robin" as const, rankedPartnerIds: [] as string[], acceptHours: 48 };
}

/** The next partner for this lead by the workspace's routing rule, or null when nobody is left. */
export async function nextPartnerFor(tx: DbOrTx, lead: LeadRow): Promise<string | null> {
  const settings = await routingSettingsOf(tx, lead.workspaceId);
  // One after the other: routing runs inside the lead's transaction, one query at a time on its connection.
  const eligible = await tx
    .select({ partnerId: partners.id, lastOfferedAt: max(leadOffers.offeredAt) })
    .from(partners)
    .leftJoin(leadOffers, and(eq(leadOffers.workspaceId, partners.workspaceId), eq(leadOffers.partnerId, partners.id)))
    .where(and(eq(partners.workspaceId, lead.workspaceId), inArray(partners.stage, [...routableStages])))
    .groupBy(partners.id);
  const offered = await tx
    .select({ partnerId: leadOffers.partnerId })
    .from(leadOffers)
    .where(and(eq(leadOffers.workspaceId, lead.workspaceId), eq(leadOffers.leadId, lead.id)));
  const alreadyOffered = new Set(offered.map((o) => o.partnerId));
  if (lead.senderPartnerId) alreadyOffered.add(lead.senderPartnerId);
  return pickNextPartner({
    rule: settings.rule === "ranked" ? "ranked" : "round_robin",
    ranked: settings.rankedPartnerIds,
    eligible: eligible.map((e) => ({ partnerId: e.partnerId, lastOfferedAt: e.lastOfferedAt })),
    alreadyOffered,
  });
}

/** Closes the pending offer of a lead (if any) with an outcome. */
export async function closePendingOffer(
  tx: DbOrTx,
  lead: LeadRow,
  outcome: "accepted" | "declined" | "expired" | "withdrawn",
  reason: string | null = null,
): Promise<void> {
  await tx
    .update(leadOffers)
    .set({ outcome, decidedAt: new Date(), reason })
    .where(
      and(
        eq(leadOffers.workspaceId, lead.workspaceId),
        eq(leadOffers.leadId, lead.id),
        eq(leadOffers.outcome, "pending"),
      ),
    );
}

/** Offers a locked lead to a partner with a deadline: offer row, lead update, activity, event. */
export async function offerLeadTo(
  tx: DbOrTx,
  source: AuditSource,
  lead: LeadRow,
  partnerId: string,
  acceptHours: number,
): Promise<LeadRow> {
  const expiresAt = new Date(Date.now() + acceptHours * 3600_000);
  await tx.insert(leadOffers).values({ workspaceId: lead.workspaceId, leadId: lead.id, partnerId, expiresAt });
  const row = await updateLead(tx, lead, {
    status: "offered",
    recipientPartnerId: partnerId,
    offerExpiresAt: expiresAt,
    declineReason: null,
  });
  await logActivity(tx, source, row, { type: "lead.offered", partnerId, status: "offered" });
  await emitLeadEvent(tx, source, row, "lead.offered", { toPartnerId: partnerId, expiresAt: expiresAt.toISOString() });
  return row;
}

/**
 * An offer ran out (or the vendor asked for the next partner): closes it and offers the lead to the
 * next partner by the routing rule, or returns it to the vendor (`unassigned`) when nobody is left.
 */
export async function reassignLead(
  tx: DbOrTx,
  source: AuditSource,
  lead: LeadRow,
  reason: "expired" | "withdrawn",
): Promise<LeadRow> {
  const fromPartnerId = lead.recipientPartnerId;
  await closePendingOffer(tx, lead, reason, reason === "expired" ? "No answer before the deadline" : null);
  const next = await nextPartnerFor(tx, lead);
  const settings = await routingSettingsOf(tx, lead.workspaceId);
  const note = reason === "expired" ? "The offer ran out" : "The vendor moved the offer on";
  let row: LeadRow;
  if (next) {
    row = await offerLeadTo(tx, source, lead, next, settings.acceptHours);
  } else {
    row = await updateLead(tx, lead, { status: "unassigned", recipientPartnerId: null, offerExpiresAt: null });
    await logActivity(tx, source, row, { type: "lead.returned", status: "unassigned", note: `${note}; nobody left` });
  }
  await recordAudit(tx, source, {
    action: "lead.reassigned",
    entityType: "lead",
    entityId: lead.id,
    before: { status: lead.status, recipientPartnerId: fromPartnerId },
    after: { status: row.status, recipientPartnerId: row.recipientPartnerId },
  });
  await emitLeadEvent(tx, source, row, "lead.reassigned", { fromPartnerId, toPartnerId: next, reason: note }, [
    fromPartnerId,
  ]);
  return row;
}

/** The account a lead is about (created as a prospect when new), stored on the lead. */
export async function accountOfLead(tx: DbOrTx, source: AuditSource, lead: LeadRow): Promise<LeadRow> {
  if (lead.accountId) return lead;
  const { account } = await ensureAccount(tx, source, {
    workspaceId: lead.workspaceId,
    name: lead.company,
    domain: lead.domain,
    country: lead.country,
    phone: null,
    via: lead.kind,
  });
  return updateLead(tx, lead, { accountId: account.id });
}

/** Records a partner touchpoint for the lead on its account (idempotent per lead and type). */
export async function touchLead(
  tx: DbOrTx,
  source: AuditSource,
  lead: LeadRow,
  partnerId: string,
  type: "referral" | "lead",
  actorUserId: string | null,
): Promise<LeadRow> {
  const row = await accountOfLead(tx, source, lead);
  await recordTouchpoint(tx, source, {
    workspaceId: row.workspaceId,
    partnerId,
    type,
    occurredAt: new Date(),
    accountId: row.accountId,
    opportunityId: row.opportunityId,
    origin: row.kind === "referral" ? "referral" : "lead",
    originId: row.id,
    actorUserId,
    note: type === "referral" ? `Referred ${row.company}` : `Accepted the lead ${row.company}`,
  });
  return row;
}

export function invalidTransition(message: string): AppError {
  return new AppError("LEAD_TRANSITION_INVALID", { message });
}

/** Offers whose deadline passed, oldest first (the reassignment job's work list). */
export async function expiredOfferIds(db: DbOrTx, now: Date, limit: number, workspaceId?: string) {
  return db
    .select({ workspaceId: leads.workspaceId, id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.status, "offered"),
        sql`${leads.offerExpiresAt} is not null and ${leads.offerExpiresAt} < ${now.toISOString()}::timestamptz`,
        workspaceId ? eq(leads.workspaceId, workspaceId) : undefined,
      ),
    )
    .orderBy(leads.offerExpiresAt)
    .limit(limit);
}
