import { randomBytes } from "node:crypto";
import type {
  LeadDetail,
  PublicReferralBody,
  PublicReferralForm,
  PublicReferralResult,
  ReferralLink,
  ReferralTargets,
  SendReferralBody,
} from "@symbiont/contracts";
import { and, asc, count, eq, gt, isNull, ne, notInArray, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { requirePartner } from "../../platform/authz";
import { type AppDeps, auditSource, type RequestMeta, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { enforceRateLimit } from "../../platform/http/rate-limit";
import { partners } from "../partners";
import { workspaces } from "../workspaces";
import { cleanDomain, companyDomainOfEmail } from "./leads.rules";
import { leads, referralLinks } from "./leads.schema";
import { leadDetailFor } from "./leads.view";
import {
  closedStages,
  emitLeadEvent,
  type LeadRow,
  logActivity,
  requireReceivingPartner,
  touchLead,
} from "./leads.writes";

interface NewReferral {
  workspaceId: string;
  fromPartnerId: string;
  toPartnerId: string | null;
  source: "partner" | "referral_link";
  referralLinkId?: string | null;
  fields: Omit<SendReferralBody, "toPartnerId">;
  actorUserId: string | null;
}

/** Inserts a referral with its activity, audit, events and the sender's `referral` touchpoint. */
async function insertReferral(tx: DbOrTx, source: AuditSource, input: NewReferral): Promise<LeadRow> {
  const f = input.fields;
  const [row] = await tx
    .insert(leads)
    .values({
      workspaceId: input.workspaceId,
      kind: "referral",
      source: input.source,
      status: "offered",
      company: f.company,
      contactName: f.contactName ?? null,
      contactEmail: f.contactEmail ?? null,
      contactPhone: f.contactPhone ?? null,
      domain: cleanDomain(f.domain) ?? companyDomainOfEmail(f.contactEmail),
      country: f.country ?? null,
      need: f.need ?? null,
      amountMinor: f.amountMinor ?? null,
      currency: f.currency ?? null,
      senderPartnerId: input.fromPartnerId,
      recipientPartnerId: input.toPartnerId,
      referralLinkId: input.referralLinkId ?? null,
      createdBy: source.actor.label,
    })
    .returning();
  if (!row) throw new Error("referral insert returned nothing");
  const lead = await touchLead(tx, source, row, input.fromPartnerId, "referral", input.actorUserId);
  await logActivity(tx, source, lead, {
    type: "referral.sent",
    partnerId: input.fromPartnerId,
    status: "offered",
    note: input.source === "referral_link" ? "Through the public referral form" : null,
  });
  await recordAudit(tx, source, {
    action: "referral.sent",
    entityType: "lead",
    entityId: lead.id,
    partnerId: input.fromPartnerId,
    after: { company: lead.company, toPartnerId: input.toPartnerId, via: input.source },
  });
  await emitLeadEvent(tx, source, lead, "referral.sent", {
    fromPartnerId: input.fromPartnerId,
    toPartnerId: input.toPartnerId,
    via: input.source,
  });
  return lead;
}

/** A partner refers a company to the vendor or to another partner. */
export async function sendReferral(ctx: ServiceContext, input: SendReferralBody): Promise<LeadDetail> {
  requirePartner(ctx.actor);
  const { partnerId, workspaceId } = ctx.actor;
  const { toPartnerId, ...fields } = input;
  if (fields.amountMinor != null && !fields.currency) {
    throw fieldError("body.currency", "Give the currency of the amount");
  }
  const id = await transaction(ctx.database, async (tx) => {
    if (toPartnerId) {
      if (toPartnerId === partnerId) throw notFound("Choose another partner or the vendor");
      await requireReceivingPartner(tx, workspaceId, toPartnerId, "body.toPartnerId");
    }
    const lead = await insertReferral(tx, auditSource(ctx), {
      workspaceId,
      fromPartnerId: partnerId,
      toPartnerId: toPartnerId ?? null,
      source: "partner",
      fields,
      actorUserId: ctx.actor.userId,
    });
    return lead.id;
  });
  return leadDetailFor(ctx.database.db, ctx.actor, id);
}

/** Partners a partner can refer to: the others that still take leads (names only). */
export async function listReferralTargets(ctx: ServiceContext): Promise<ReferralTargets> {
  requirePartner(ctx.actor);
  const items = await ctx.database.db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(
      and(
        eq(partners.workspaceId, ctx.actor.workspaceId),
        ne(partners.id, ctx.actor.partnerId),
        notInArray(partners.stage, [...closedStages, "prospect", "applied", "vetting"]),
      ),
    )
    .orderBy(asc(partners.name))
    .limit(1000);
  return { items };
}

async function linkOf(db: DbOrTx, workspaceId: string, partnerId: string): Promise<ReferralLink> {
  const [link] = await db
    .select()
    .from(referralLinks)
    .where(
      and(
        eq(referralLinks.workspaceId, workspaceId),
        eq(referralLinks.partnerId, partnerId),
        isNull(referralLinks.disabledAt),
      ),
    );
  if (!link) return { code: null, path: null, createdAt: null, referrals: 0 };
  const [n] = await db
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.referralLinkId, link.id)));
  return {
    code: link.code,
    path: `/r/${link.code}`,
    createdAt: link.createdAt.toISOString(),
    referrals: Number(n?.n ?? 0),
  };
}

export async function getReferralLink(ctx: ServiceContext): Promise<ReferralLink> {
  requirePartner(ctx.actor);
  return linkOf(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId);
}

/** Creates the partner's referral code, or replaces it (the old link stops working). */
export async function createReferralLink(ctx: ServiceContext): Promise<ReferralLink> {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  await transaction(ctx.database, async (tx) => {
    const disabled = await tx
      .update(referralLinks)
      .set({ disabledAt: new Date() })
      .where(
        and(
          eq(referralLinks.workspaceId, workspaceId),
          eq(referralLinks.partnerId, partnerId),
          isNull(referralLinks.disabledAt),
        ),
      )
      .returning({ code: referralLinks.code });
    // 10 characters of [a-z2-7]: 50 bits, not guessable at the form's rate limit.
    const code = base32(randomBytes(7)).slice(0, 10);
    await tx.insert(referralLinks).values({ workspaceId, partnerId, code });
    await recordAudit(tx, auditSource(ctx), {
      action: "referral_link.created",
      entityType: "referral_link",
      entityId: code,
      partnerId,
      before: disabled[0] ? { code: disabled[0].code } : null,
      after: { code },
    });
  });
  return linkOf(ctx.database.db, workspaceId, partnerId);
}

function base32(bytes: Buffer): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

async function findLink(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ link: referralLinks, partnerName: partners.name, stage: partners.stage, workspaceName: workspaces.name })
    .from(referralLinks)
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, referralLinks.workspaceId), eq(partners.id, referralLinks.partnerId)),
    )
    .innerJoin(workspaces, eq(workspaces.id, referralLinks.workspaceId))
    .where(and(eq(referralLinks.code, code), isNull(referralLinks.disabledAt)));
  if (!row || (closedStages as readonly string[]).includes(row.stage)) {
    throw notFound("This referral link does not exist or no longer works");
  }
  return row;
}

export async function getPublicReferralForm(
  deps: AppDeps,
  meta: RequestMeta,
  code: string,
): Promise<PublicReferralForm> {
  await enforceRateLimit(deps.database.db, {
    key: `referral:view:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 120,
    windowSeconds: 300,
  });
  const row = await findLink(deps.database.db, code);
  return { partnerName: row.partnerName, workspaceName: row.workspaceName };
}

const RECEIVED = "Thank you — your details were passed on. Someone will be in touch soon.";

/**
 * The public referral form: rate limited per client address and per code, a honeypot field, and
 * the same contact through the same link within a day is taken once. Creates a referral from the
 * link's partner to the vendor.
 */
export async function submitPublicReferral(
  deps: AppDeps,
  meta: RequestMeta,
  code: string,
  body: PublicReferralBody,
): Promise<PublicReferralResult> {
  await enforceRateLimit(deps.database.db, {
    key: `referral:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 5,
    windowSeconds: 3600,
  });
  await enforceRateLimit(deps.database.db, { key: `referral:code:${code}`, limit: 50, windowSeconds: 3600 });
  const row = await findLink(deps.database.db, code);
  if (body.website2) return { received: true, message: RECEIVED };
  const { link } = row;
  const source: AuditSource = {
    actor: { kind: "system", workspaceId: link.workspaceId, label: `referral form ${code}` },
    requestId: meta.requestId,
    ipAddress: meta.ipAddress,
  };
  await transaction(deps.database, async (tx) => {
    const [recent] = await tx
      .select({ id: leads.id })
      .from(leads)
      .where(
        and(
          eq(leads.workspaceId, link.workspaceId),
          eq(leads.referralLinkId, link.id),
          eq(leads.contactEmail, body.contactEmail),
          gt(leads.createdAt, sql`now() - interval '1 day'`),
        ),
      );
    if (recent) return;
    await insertReferral(tx, source, {
      workspaceId: link.workspaceId,
      fromPartnerId: link.partnerId,
      toPartnerId: null,
      source: "referral_link",
      referralLinkId: link.id,
      fields: {
        company: body.company,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        contactPhone: body.contactPhone ?? null,
        domain: body.domain ?? null,
        country: body.country ?? null,
        need: body.need ?? null,
      },
      actorUserId: null,
    });
  });
  return { received: true, message: RECEIVED };
}
