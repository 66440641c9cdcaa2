import type { DeclineLeadBody, LeadDetail, LeadStatusBody } from "@symbiont/contracts";
import { and, eq, exists, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { type Actor, requirePartner, requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { createOpportunity } from "../revenue";
import { linkTouchpointsToOpportunity, voidTouchpointsOf } from "../touchpoints";
import { progressRefusal } from "./leads.rules";
import { leadActivities, leads } from "./leads.schema";
import { leadDetailFor, leadWriters } from "./leads.view";
import {
  accountOfLead,
  closePendingOffer,
  emitLeadEvent,
  invalidTransition,
  type LeadRow,
  lockLead,
  logActivity,
  touchLead,
  updateLead,
} from "./leads.writes";

// What the receiving side does with a lead or referral: accept, decline, claim from the pool, and
// report progress back to the sender. Partners act on what was sent to them; vendor staff act on
// referrals partners sent to the vendor.

function authorizeHolder(actor: Actor): string | null {
  if (actor.kind === "vendor") {
    requireVendor(actor, leadWriters);
    return null;
  }
  requirePartner(actor);
  return actor.partnerId;
}

/** The lead addressed to the caller, locked; other partners' leads answer 404. */
async function lockHeld(tx: Parameters<typeof lockLead>[0], actor: Actor, id: string): Promise<LeadRow> {
  const lead = await lockLead(tx, actor.workspaceId, id);
  const me = actor.kind === "partner" ? actor.partnerId : null;
  const mine = me ? lead.recipientPartnerId === me : lead.recipientPartnerId === null && lead.kind === "referral";
  if (mine) return lead;
  // Partners learn nothing about leads they cannot see; the vendor gets a plain reason.
  if (me && lead.senderPartnerId !== me && lead.status !== "pooled") throw notFound("Lead not found");
  throw invalidTransition(
    me ? "This lead is not addressed to your organization" : "This lead is addressed to a partner, not to you",
  );
}

const prefix = (lead: LeadRow) => (lead.kind === "referral" ? "referral" : "lead");

export async function acceptLead(ctx: ServiceContext, id: string): Promise<LeadDetail> {
  const me = authorizeHolder(ctx.actor);
  const source = auditSource(ctx);
  await transaction(ctx.database, async (tx) => {
    let lead = await lockHeld(tx, ctx.actor, id);
    if (lead.status !== "offered")
      throw invalidTransition(`The ${prefix(lead)} is ${lead.status}, not waiting for an answer`);
    if (lead.offerExpiresAt && lead.offerExpiresAt.getTime() < Date.now()) {
      throw invalidTransition("The offer ran out; it is being passed to another partner");
    }
    await closePendingOffer(tx, lead, "accepted");
    lead = await updateLead(tx, lead, { status: "accepted", offerExpiresAt: null });
    if (me) lead = await touchLead(tx, source, lead, me, "lead", ctx.actor.userId);
    else lead = await accountOfLead(tx, source, lead);
    await logActivity(tx, source, lead, { type: `${prefix(lead)}.accepted`, partnerId: me, status: "accepted" });
    await recordAudit(tx, source, {
      action: `${prefix(lead)}.accepted`,
      entityType: "lead",
      entityId: id,
      partnerId: me,
      before: { status: "offered" },
      after: { status: "accepted", accountId: lead.accountId },
    });
    await emitLeadEvent(tx, source, lead, lead.kind === "referral" ? "referral.accepted" : "lead.accepted", {
      byPartnerId: me,
    });
  });
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}

export async function declineLead(ctx: ServiceContext, id: string, input: DeclineLeadBody): Promise<LeadDetail> {
  const me = authorizeHolder(ctx.actor);
  const source = auditSource(ctx);
  await transaction(ctx.database, async (tx) => {
    let lead = await lockHeld(tx, ctx.actor, id);
    if (lead.status !== "offered")
      throw invalidTransition(`The ${prefix(lead)} is ${lead.status}, not waiting for an answer`);
    await closePendingOffer(tx, lead, "declined", input.reason);
    lead = await updateLead(tx, lead, { status: "declined", offerExpiresAt: null, declineReason: input.reason });
    if (lead.kind === "referral") {
      await voidTouchpointsOf(
        tx,
        source,
        lead.workspaceId,
        { origin: "referral", originId: lead.id },
        "Referral declined",
      );
    }
    await logActivity(tx, source, lead, {
      type: `${prefix(lead)}.declined`,
      partnerId: me,
      status: "declined",
      note: input.reason,
    });
    await recordAudit(tx, source, {
      action: `${prefix(lead)}.declined`,
      entityType: "lead",
      entityId: id,
      partnerId: me,
      before: { status: "offered" },
      after: { status: "declined", reason: input.reason },
    });
    await emitLeadEvent(tx, source, lead, lead.kind === "referral" ? "referral.declined" : "lead.declined", {
      byPartnerId: me,
      reason: input.reason,
    });
  });
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}

/**
 * Claims a pooled lead. One conditional UPDATE decides the race: of concurrent claims exactly one
 * changes the row; the others find it no longer pooled and get LEAD_ALREADY_CLAIMED.
 */
export async function claimLead(ctx: ServiceContext, id: string): Promise<LeadDetail> {
  requirePartner(ctx.actor);
  const me = ctx.actor.partnerId;
  const workspaceId = ctx.actor.workspaceId;
  const source = auditSource(ctx);
  await transaction(ctx.database, async (tx) => {
    const [claimed] = await tx
      .update(leads)
      .set({ status: "accepted", recipientPartnerId: me, updatedAt: new Date() })
      .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id), eq(leads.status, "pooled")))
      .returning();
    if (!claimed) {
      const [row] = await tx
        .select({
          recipient: leads.recipientPartnerId,
          pooled: exists(
            tx
              .select({ one: sql`1` })
              .from(leadActivities)
              .where(
                and(
                  eq(leadActivities.workspaceId, workspaceId),
                  eq(leadActivities.leadId, id),
                  eq(leadActivities.type, "lead.pooled"),
                ),
              ),
          ),
        })
        .from(leads)
        .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)));
      if (row?.recipient === me) throw new AppError("LEAD_ALREADY_CLAIMED", { message: "You already hold this lead" });
      // Only leads that were in the pool say they were taken; anything else stays invisible.
      if (!row?.pooled) throw notFound("Lead not found");
      throw new AppError("LEAD_ALREADY_CLAIMED", { message: "Another partner claimed this lead first" });
    }
    const lead = await touchLead(tx, source, claimed, me, "lead", ctx.actor.userId);
    await logActivity(tx, source, lead, { type: "lead.claimed", partnerId: me, status: "accepted" });
    await recordAudit(tx, source, {
      action: "lead.claimed",
      entityType: "lead",
      entityId: id,
      partnerId: me,
      before: { status: "pooled" },
      after: { status: "accepted", recipientPartnerId: me },
    });
    await emitLeadEvent(tx, source, lead, "lead.claimed", { byPartnerId: me });
  });
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}

/**
 * The holder reports progress; the sender sees it at once (loop closure): on the lead's timeline and
 * as an event on the sender's partner timeline. `converted` may create the opportunity.
 */
export async function updateLeadStatus(ctx: ServiceContext, id: string, input: LeadStatusBody): Promise<LeadDetail> {
  const me = authorizeHolder(ctx.actor);
  const source = auditSource(ctx);
  await transaction(ctx.database, async (tx) => {
    let lead = await lockHeld(tx, ctx.actor, id);
    const from = lead.status;
    const refusal = progressRefusal(from as never, input.status);
    if (refusal) throw invalidTransition(refusal);
    let opportunityId: string | null = null;
    if (input.status === "converted" && input.opportunity && !lead.opportunityId) {
      lead = await accountOfLead(tx, source, lead);
      const o = input.opportunity;
      const sourcingPartnerId = lead.kind === "referral" ? lead.senderPartnerId : lead.recipientPartnerId;
      const amountMinor = o.amountMinor ?? lead.amountMinor;
      const opportunity = await createOpportunity(tx, source, {
        workspaceId: lead.workspaceId,
        accountId: lead.accountId,
        accountName: lead.company,
        name: o.name ?? `${lead.company} — ${lead.kind === "referral" ? "referral" : "lead"}`,
        amountMinor: amountMinor ?? null,
        currency: o.currency ?? lead.currency,
        openedAt: new Date(),
        expectedCloseOn: o.expectedCloseOn ?? null,
        source: sourcingPartnerId ? "partner_sourced" : "direct",
        sourcingPartnerId,
      });
      opportunityId = opportunity.id;
      await linkTouchpointsToOpportunity(
        tx,
        lead.workspaceId,
        { origin: lead.kind === "referral" ? "referral" : "lead", originId: lead.id },
        opportunity.id,
      );
    }
    lead = await updateLead(tx, lead, { status: input.status, ...(opportunityId ? { opportunityId } : {}) });
    await logActivity(tx, source, lead, {
      type: `${prefix(lead)}.status_changed`,
      partnerId: me,
      status: input.status,
      note: input.note ?? null,
    });
    await recordAudit(tx, source, {
      action: `${prefix(lead)}.status_changed`,
      entityType: "lead",
      entityId: id,
      partnerId: me,
      before: { status: from },
      after: { status: input.status, note: input.note ?? null, opportunityId: lead.opportunityId },
    });
    await emitLeadEvent(
      tx,
      source,
      lead,
      lead.kind === "referral" ? "referral.status_changed" : "lead.status_changed",
      { from, to: input.status, note: input.note ?? null, opportunityId: lead.opportunityId },
    );
  });
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}
