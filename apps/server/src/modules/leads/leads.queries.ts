import type { LeadActivity, LeadListQuery, LeadOffer, LeadPage, LeadRecord, LeadStatus } from "@symbiont/contracts";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db";
import { partners } from "../partners";
import { leadActivities, leadOffers, leads } from "./leads.schema";
import type { LeadRow } from "./leads.writes";

const senders = alias(partners, "sender_partner");
const recipients = alias(partners, "recipient_partner");

/** Who sees what: the vendor everything; a partner what it sent, what it holds or was offered, and the pool. */
export type LeadViewer = { kind: "vendor" } | { kind: "partner"; partnerId: string };

export function visibleTo(viewer: LeadViewer): SQL | undefined {
  if (viewer.kind === "vendor") return undefined;
  return or(
    eq(leads.senderPartnerId, viewer.partnerId),
    eq(leads.recipientPartnerId, viewer.partnerId),
    eq(leads.status, "pooled"),
  );
}

function toRecord(row: { lead: LeadRow; senderName: string | null; recipientName: string | null }, vendorName: string) {
  const { lead } = row;
  const record: LeadRecord = {
    id: lead.id,
    kind: lead.kind as LeadRecord["kind"],
    source: lead.source as LeadRecord["source"],
    status: lead.status as LeadStatus,
    company: lead.company,
    domain: lead.domain,
    country: lead.country,
    need: lead.need,
    amountMinor: lead.amountMinor === null ? null : Number(lead.amountMinor),
    currency: lead.currency,
    sender: { partnerId: lead.senderPartnerId, name: row.senderName ?? vendorName },
    recipient: lead.recipientPartnerId
      ? { partnerId: lead.recipientPartnerId, name: row.recipientName ?? "" }
      : lead.kind === "referral"
        ? { partnerId: null, name: vendorName }
        : null,
    offerExpiresAt: lead.offerExpiresAt?.toISOString() ?? null,
    declineReason: lead.declineReason,
    accountId: lead.accountId,
    opportunityId: lead.opportunityId,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
  return record;
}

function selectLeads(db: DbOrTx) {
  return db
    .select({ lead: leads, senderName: senders.name, recipientName: recipients.name })
    .from(leads)
    .leftJoin(senders, and(eq(senders.workspaceId, leads.workspaceId), eq(senders.id, leads.senderPartnerId)))
    .leftJoin(
      recipients,
      and(eq(recipients.workspaceId, leads.workspaceId), eq(recipients.id, leads.recipientPartnerId)),
    );
}

export async function findLeadRecord(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  viewer: LeadViewer,
  vendorName: string,
): Promise<{ record: LeadRecord; row: LeadRow } | undefined> {
  const [row] = await selectLeads(db).where(
    and(eq(leads.workspaceId, workspaceId), eq(leads.id, id), visibleTo(viewer)),
  );
  return row ? { record: toRecord(row, vendorName), row: row.lead } : undefined;
}

export async function findLeadPage(
  db: DbOrTx,
  workspaceId: string,
  viewer: LeadViewer,
  query: LeadListQuery & { limit: number; offset: number },
  vendorName: string,
): Promise<LeadPage> {
  const partnerId = viewer.kind === "partner" ? viewer.partnerId : null;
  const box =
    query.box === "inbox" && partnerId
      ? eq(leads.recipientPartnerId, partnerId)
      : query.box === "sent" && partnerId
        ? eq(leads.senderPartnerId, partnerId)
        : query.box === "vendor"
          ? and(eq(leads.kind, "referral"), isNull(leads.recipientPartnerId))
          : undefined;
  const where = and(
    eq(leads.workspaceId, workspaceId),
    visibleTo(viewer),
    // The pool is its own list for partners; their other lists show only their own leads.
    partnerId && query.status !== "pooled"
      ? or(eq(leads.senderPartnerId, partnerId), eq(leads.recipientPartnerId, partnerId))
      : undefined,
    box,
    query.status ? eq(leads.status, query.status) : undefined,
    query.kind ? eq(leads.kind, query.kind) : undefined,
    query.partnerId && viewer.kind === "vendor"
      ? or(eq(leads.senderPartnerId, query.partnerId), eq(leads.recipientPartnerId, query.partnerId))
      : undefined,
    query.q ? ilike(leads.company, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const rows = await selectLeads(db)
    .where(where)
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(query.limit)
    .offset(query.offset);
  const totals = await db.select({ n: count() }).from(leads).where(where);
  return { items: rows.map((r) => toRecord(r, vendorName)), total: Number(totals[0]?.n ?? 0) };
}

export async function activitiesOf(
  db: DbOrTx,
  lead: LeadRow,
  viewer: LeadViewer,
): Promise<{ activities: LeadActivity[]; offers: LeadOffer[] }> {
  const own =
    viewer.kind === "partner"
      ? [viewer.partnerId, lead.senderPartnerId, lead.recipientPartnerId].filter((x): x is string => Boolean(x))
      : null;
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const activityRows = await db
    .select({ a: leadActivities, partnerName: partners.name })
    .from(leadActivities)
    .leftJoin(
      partners,
      and(eq(partners.workspaceId, leadActivities.workspaceId), eq(partners.id, leadActivities.partnerId)),
    )
    .where(
      and(
        eq(leadActivities.workspaceId, lead.workspaceId),
        eq(leadActivities.leadId, lead.id),
        // Partners never learn which other partners were offered the lead.
        own ? or(isNull(leadActivities.partnerId), inArray(leadActivities.partnerId, own)) : undefined,
      ),
    )
    .orderBy(asc(leadActivities.at), asc(leadActivities.id));
  const offerRows =
    viewer.kind === "vendor"
      ? await db
          .select({ o: leadOffers, partnerName: partners.name })
          .from(leadOffers)
          .innerJoin(
            partners,
            and(eq(partners.workspaceId, leadOffers.workspaceId), eq(partners.id, leadOffers.partnerId)),
          )
          .where(and(eq(leadOffers.workspaceId, lead.workspaceId), eq(leadOffers.leadId, lead.id)))
          .orderBy(asc(leadOffers.offeredAt))
      : [];
  return {
    activities: activityRows.map(({ a, partnerName }) => ({
      id: a.id,
      type: a.type,
      at: a.at.toISOString(),
      actor: a.actorLabel,
      partnerId: a.partnerId,
      partnerName,
      status: (a.status as LeadStatus | null) ?? null,
      note: a.note,
    })),
    offers: offerRows.map(({ o, partnerName }) => ({
      id: o.id,
      partnerId: o.partnerId,
      partnerName,
      offeredAt: o.offeredAt.toISOString(),
      expiresAt: o.expiresAt?.toISOString() ?? null,
      outcome: o.outcome as LeadOffer["outcome"],
      decidedAt: o.decidedAt?.toISOString() ?? null,
      reason: o.reason,
    })),
  };
}
