import type {
  AgreementAcceptanceRecord,
  AgreementDetail,
  AgreementRecord,
  AgreementVersionRecord,
  CreateAgreementBody,
  PartnerAgreementStatus,
  UpdateAgreementBody,
} from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";
import "./agreements.events";
import { loadAcceptances, loadAgreements, toVersionRecord, versionsOf } from "./agreements.queries";
import { csvLine } from "./agreements.rules";
import { agreements, agreementVersions } from "./agreements.schema";
import { partnerAgreementStatuses } from "./agreements.status";

const writers = ["admin", "partner_manager"] as const;

export async function listAgreements(
  ctx: ServiceContext,
  query: { programId?: string | undefined; includeArchived: boolean },
): Promise<{ items: AgreementRecord[] }> {
  requireVendor(ctx.actor);
  const filter = { includeArchived: query.includeArchived, ...(query.programId ? { programId: query.programId } : {}) };
  return { items: await loadAgreements(ctx.database.db, ctx.actor.workspaceId, filter) };
}

export async function getAgreement(ctx: ServiceContext, id: string): Promise<AgreementDetail> {
  requireVendor(ctx.actor);
  const [record] = await loadAgreements(ctx.database.db, ctx.actor.workspaceId, { id, includeArchived: true });
  if (!record) throw notFound("Agreement not found");
  const versions = await versionsOf(ctx.database.db, ctx.actor.workspaceId, [id]);
  return { ...record, versions: versions.reverse().map(toVersionRecord) };
}

export async function createAgreement(ctx: ServiceContext, input: CreateAgreementBody): Promise<AgreementDetail> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  const id = await transaction(ctx.database, async (tx) => {
    const [program] = await tx
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, input.programId)));
    if (!program) throw fieldError("body.programId", "No such program in this workspace", "NOT_FOUND");
    const [row] = await tx
      .insert(agreements)
      .values({ workspaceId, programId: input.programId, title: input.title.trim() })
      .returning();
    if (!row) throw new Error("agreement insert returned nothing");
    const [version] = await tx
      .insert(agreementVersions)
      .values({
        workspaceId,
        agreementId: row.id,
        version: 1,
        bodyMarkdown: input.bodyMarkdown,
        requiresReacceptance: true,
        publishedBy: ctx.actor.label,
      })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: "agreement.created",
      entityType: "agreement",
      entityId: row.id,
      after: { programId: row.programId, title: row.title, versionId: version?.id, version: 1 },
    });
    return row.id;
  });
  return getAgreement(ctx, id);
}

export async function updateAgreement(
  ctx: ServiceContext,
  id: string,
  input: UpdateAgreementBody,
): Promise<AgreementDetail> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .select()
      .from(agreements)
      .where(and(eq(agreements.workspaceId, workspaceId), eq(agreements.id, id)))
      .for("update");
    if (!row) throw notFound("Agreement not found");
    const changes: Partial<typeof agreements.$inferInsert> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.archived !== undefined) changes.archivedAt = input.archived ? (row.archivedAt ?? new Date()) : null;
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(agreements)
      .set(changes)
      .where(and(eq(agreements.workspaceId, workspaceId), eq(agreements.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "agreement.updated",
      entityType: "agreement",
      entityId: id,
      before: { title: row.title, archived: row.archivedAt !== null },
      after: { title: changes.title ?? row.title, archived: input.archived ?? row.archivedAt !== null },
    });
  });
  return getAgreement(ctx, id);
}

/** Publishes the next version; earlier versions never change. */
export async function publishAgreementVersion(
  ctx: ServiceContext,
  agreementId: string,
  input: { bodyMarkdown: string; requiresReacceptance: boolean },
): Promise<AgreementVersionRecord> {
  requireVendor(ctx.actor, writers);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .select()
      .from(agreements)
      .where(and(eq(agreements.workspaceId, workspaceId), eq(agreements.id, agreementId)))
      .for("update");
    if (!row) throw notFound("Agreement not found");
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${agreementVersions.version}), 0)::int` })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.agreementId, agreementId)));
    const version = (last?.n ?? 0) + 1;
    const [inserted] = await tx
      .insert(agreementVersions)
      .values({
        workspaceId,
        agreementId,
        version,
        bodyMarkdown: input.bodyMarkdown,
        // The first version always needs accepting.
        requiresReacceptance: version === 1 ? true : input.requiresReacceptance,
        publishedBy: ctx.actor.label,
      })
      .returning();
    if (!inserted) throw new Error("version insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "agreement.version_published",
      entityType: "agreement",
      entityId: agreementId,
      after: { versionId: inserted.id, version, requiresReacceptance: inserted.requiresReacceptance },
    });
    await emitEvent(tx, auditSource(ctx), {
      type: "agreement.version_published",
      workspaceId,
      entityType: "agreement",
      entityId: agreementId,
      payload: { agreementId, versionId: inserted.id, version, requiresReacceptance: inserted.requiresReacceptance },
    });
    return toVersionRecord(inserted);
  });
}

export async function listAgreementVersions(
  ctx: ServiceContext,
  agreementId: string,
): Promise<{ items: AgreementVersionRecord[] }> {
  const detail = await getAgreement(ctx, agreementId);
  return { items: detail.versions };
}

export async function listAgreementAcceptances(
  ctx: ServiceContext,
  agreementId: string,
): Promise<{ items: AgreementAcceptanceRecord[] }> {
  await getAgreement(ctx, agreementId);
  return { items: await loadAcceptances(ctx.database.db, ctx.actor.workspaceId, { agreementId }) };
}

/** The acceptance record as CSV; formula-looking cells are neutralized. */
export async function exportAgreementAcceptancesCsv(ctx: ServiceContext, agreementId: string): Promise<string> {
  const { items } = await listAgreementAcceptances(ctx, agreementId);
  const header = [
    "accepted_at",
    "partner",
    "partner_id",
    "user_email",
    "user_id",
    "agreement",
    "version",
    "ip_address",
    "user_agent",
  ];
  const lines = items.map((a) =>
    csvLine([
      a.acceptedAt,
      a.partnerName,
      a.partnerId,
      a.userEmail,
      a.userId,
      a.agreementTitle,
      a.version,
      a.ipAddress,
      a.userAgent,
    ]),
  );
  return `${[csvLine(header), ...lines].join("\n")}\n`;
}

/** One partner's agreements (console profile tab): status per agreement and every acceptance. */
export async function getPartnerAgreements(
  ctx: ServiceContext,
  partnerId: string,
): Promise<{ items: PartnerAgreementStatus[]; acceptances: AgreementAcceptanceRecord[] }> {
  requireVendor(ctx.actor);
  const db = ctx.database.db;
  const [partner] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.workspaceId, ctx.actor.workspaceId), eq(partners.id, partnerId)));
  if (!partner) throw notFound("Partner not found");
  const [items, acceptances] = await Promise.all([
    partnerAgreementStatuses(db, ctx.actor.workspaceId, partnerId),
    loadAcceptances(db, ctx.actor.workspaceId, { partnerId }),
  ]);
  return { items, acceptances };
}
