import type {
  CreateLeadBody,
  LeadDetail,
  LeadListQuery,
  LeadPage,
  LeadRoutingSettings,
  OfferLeadBody,
} from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError } from "../../platform/errors";
import { partners } from "../partners";
import { findLeadPage } from "./leads.queries";
import { assignableStatuses, cleanDomain, companyDomainOfEmail } from "./leads.rules";
import { leadRoutingSettings, leads } from "./leads.schema";
import { leadDetailFor, leadWriters, vendorNameOf, viewerOf } from "./leads.view";
import {
  closePendingOffer,
  emitLeadEvent,
  invalidTransition,
  type LeadRow,
  lockLead,
  logActivity,
  nextPartnerFor,
  offerLeadTo,
  requireReceivingPartner,
  routingSettingsOf,
  updateLead,
} from "./leads.writes";

/** Leads and referrals the caller may see (console: the workspace; portal: the partner's own). */
export async function listLeads(
  ctx: ServiceContext,
  query: LeadListQuery & { limit: number; offset: number },
): Promise<LeadPage> {
  const db = ctx.database.db;
  return findLeadPage(db, ctx.actor.workspaceId, viewerOf(ctx.actor), query, await vendorNameOf(db, ctx.actor));
}

export async function getLead(ctx: ServiceContext, id: string): Promise<LeadDetail> {
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}

/** Applies an offer request to a locked lead: to the named partner, or the next one by the rule. */
async function applyOffer(
  tx: Parameters<typeof lockLead>[0],
  ctx: ServiceContext,
  lead: LeadRow,
  input: OfferLeadBody,
): Promise<LeadRow> {
  const settings = await routingSettingsOf(tx, lead.workspaceId);
  const partnerId = input.partnerId ?? (await nextPartnerFor(tx, lead));
  if (!partnerId) {
    throw new AppError("LEAD_NO_ELIGIBLE_PARTNER", {
      message: "No active partner is left to offer this lead to; name a partner",
    });
  }
  if (input.partnerId) await requireReceivingPartner(tx, lead.workspaceId, input.partnerId, "body.partnerId");
  if (lead.status === "offered") await closePendingOffer(tx, lead, "withdrawn", "Offered to someone else");
  return offerLeadTo(tx, auditSource(ctx), lead, partnerId, input.acceptHours ?? settings.acceptHours);
}

/** The vendor records a lead and optionally offers it to a partner or places it in the pool at once. */
export async function createLead(ctx: ServiceContext, input: CreateLeadBody): Promise<LeadDetail> {
  requireVendor(ctx.actor, leadWriters);
  const workspaceId = ctx.actor.workspaceId;
  const source = auditSource(ctx);
  const assign = input.assign ?? { mode: "keep" };
  if (input.amountMinor != null && !input.currency)
    throw fieldError("body.currency", "Give the currency of the amount");
  const id = await transaction(ctx.database, async (tx) => {
    const [inserted] = await tx
      .insert(leads)
      .values({
        workspaceId,
        kind: "lead",
        source: ctx.actor.apiKeyId ? "api" : "vendor",
        status: "unassigned",
        company: input.company,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        domain: cleanDomain(input.domain) ?? companyDomainOfEmail(input.contactEmail),
        country: input.country ?? null,
        need: input.need ?? null,
        amountMinor: input.amountMinor ?? null,
        currency: input.currency ?? null,
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!inserted) throw new Error("lead insert returned nothing");
    await logActivity(tx, source, inserted, { type: "lead.created", status: "unassigned" });
    await recordAudit(tx, source, {
      action: "lead.created",
      entityType: "lead",
      entityId: inserted.id,
      after: { company: inserted.company, assign: assign.mode },
    });
    let lead = inserted;
    if (assign.mode === "offer") lead = await applyOffer(tx, ctx, lead, assign);
    if (assign.mode === "pool") lead = await poolLocked(tx, ctx, lead);
    await emitLeadEvent(tx, source, lead, "lead.created", { status: lead.status });
    return lead.id;
  });
  return getLead(ctx, id);
}

/** Offers (or re-offers) a lead to a partner; without a partner, the routing rule picks one. */
export async function offerLead(ctx: ServiceContext, id: string, input: OfferLeadBody): Promise<LeadDetail> {
  requireVendor(ctx.actor, leadWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const lead = await lockLead(tx, workspaceId, id);
    if (lead.kind !== "lead" || !assignableStatuses.includes(lead.status as never)) {
      throw invalidTransition(`A ${lead.status} ${lead.kind} cannot be offered`);
    }
    const row = await applyOffer(tx, ctx, lead, input);
    await recordAudit(tx, auditSource(ctx), {
      action: "lead.offered",
      entityType: "lead",
      entityId: id,
      partnerId: row.recipientPartnerId,
      before: { status: lead.status, recipientPartnerId: lead.recipientPartnerId },
      after: { status: row.status, recipientPartnerId: row.recipientPartnerId, expiresAt: row.offerExpiresAt },
    });
  });
  return getLead(ctx, id);
}

async function poolLocked(tx: Parameters<typeof lockLead>[0], ctx: ServiceContext, lead: LeadRow): Promise<LeadRow> {
  const source = auditSource(ctx);
  if (lead.status === "offered") await closePendingOffer(tx, lead, "withdrawn", "Placed in the pool");
  const row = await updateLead(tx, lead, { status: "pooled", recipientPartnerId: null, offerExpiresAt: null });
  await logActivity(tx, source, row, { type: "lead.pooled", status: "pooled" });
  await emitLeadEvent(tx, source, row, "lead.pooled", {});
  return row;
}

/** Places a lead in the pool, where the first partner to claim it gets it. */
export async function poolLead(ctx: ServiceContext, id: string): Promise<LeadDetail> {
  requireVendor(ctx.actor, leadWriters);
  await transaction(ctx.database, async (tx) => {
    const lead = await lockLead(tx, ctx.actor.workspaceId, id);
    if (lead.kind !== "lead" || !assignableStatuses.includes(lead.status as never) || lead.status === "pooled") {
      throw invalidTransition(`A ${lead.status} ${lead.kind} cannot be placed in the pool`);
    }
    await poolLocked(tx, ctx, lead);
    await recordAudit(tx, auditSource(ctx), {
      action: "lead.pooled",
      entityType: "lead",
      entityId: id,
      before: { status: lead.status, recipientPartnerId: lead.recipientPartnerId },
      after: { status: "pooled" },
    });
  });
  return getLead(ctx, id);
}

export async function getLeadRouting(ctx: ServiceContext): Promise<LeadRoutingSettings> {
  requireVendor(ctx.actor);
  const row = await routingSettingsOf(ctx.database.db, ctx.actor.workspaceId);
  return {
    rule: row.rule === "ranked" ? "ranked" : "round_robin",
    rankedPartnerIds: row.rankedPartnerIds,
    acceptHours: row.acceptHours,
  };
}

export async function updateLeadRouting(ctx: ServiceContext, input: LeadRoutingSettings): Promise<LeadRoutingSettings> {
  requireVendor(ctx.actor, ["admin", "partner_manager"]);
  const workspaceId = ctx.actor.workspaceId;
  const ranked = [...new Set(input.rankedPartnerIds)];
  await transaction(ctx.database, async (tx) => {
    if (ranked.length > 0) {
      const found = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.workspaceId, workspaceId), inArray(partners.id, ranked)));
      const known = new Set(found.map((p) => p.id));
      const index = ranked.findIndex((id) => !known.has(id));
      if (index >= 0)
        throw fieldError(`body.rankedPartnerIds.${index}`, "No such partner in this workspace", "NOT_FOUND");
    }
    const before = await routingSettingsOf(tx, workspaceId);
    const values = {
      rule: input.rule,
      rankedPartnerIds: ranked,
      acceptHours: input.acceptHours,
      updatedAt: new Date(),
    };
    await tx
      .insert(leadRoutingSettings)
      .values({ workspaceId, ...values })
      .onConflictDoUpdate({ target: leadRoutingSettings.workspaceId, set: values });
    await recordAudit(tx, auditSource(ctx), {
      action: "lead.routing_updated",
      entityType: "lead_routing",
      entityId: workspaceId,
      before: { rule: before.rule, rankedPartnerIds: before.rankedPartnerIds, acceptHours: before.acceptHours },
      after: { rule: input.rule, rankedPartnerIds: ranked, acceptHours: input.acceptHours },
    });
  });
  return getLeadRouting(ctx);
}
