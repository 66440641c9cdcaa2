import type { AgreementAcceptanceRecord, PartnerAgreementStatus } from "@symbiont/contracts";
import { and, desc, eq } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requirePartner } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { users } from "../identity/identity.schema";
import "./agreements.events";
import { loadAcceptances } from "./agreements.queries";
import { agreementAcceptances, agreements, agreementVersions } from "./agreements.schema";
import { partnerAgreementStatuses, partnerProgramIds } from "./agreements.status";

/** The agreements of the caller's programs and whether their organization has accepted them. */
export async function listOwnAgreements(ctx: ServiceContext): Promise<{ items: PartnerAgreementStatus[] }> {
  requirePartner(ctx.actor);
  return { items: await partnerAgreementStatuses(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId) };
}

/**
 * A partner admin accepts a version for their organization. Idempotent: accepting the same version
 * again returns the original record. Only the newest version can be accepted.
 */
export async function acceptAgreementVersion(
  ctx: ServiceContext,
  versionId: string,
): Promise<AgreementAcceptanceRecord> {
  requirePartner(ctx.actor, ["partner_admin"]);
  const { workspaceId, partnerId } = ctx.actor;
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError("FORBIDDEN", { message: "Only a person can accept an agreement" });
  const id = await transaction(ctx.database, async (tx) => {
    const [version] = await tx
      .select({ version: agreementVersions, programId: agreements.programId, archivedAt: agreements.archivedAt })
      .from(agreementVersions)
      .innerJoin(
        agreements,
        and(
          eq(agreements.workspaceId, agreementVersions.workspaceId),
          eq(agreements.id, agreementVersions.agreementId),
        ),
      )
      .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.id, versionId)));
    const programIds = await partnerProgramIds(tx, workspaceId, partnerId);
    if (!version || version.archivedAt || !programIds.includes(version.programId)) {
      throw notFound("Agreement not found");
    }
    const [existing] = await tx
      .select({ id: agreementAcceptances.id })
      .from(agreementAcceptances)
      .where(
        and(
          eq(agreementAcceptances.workspaceId, workspaceId),
          eq(agreementAcceptances.agreementVersionId, versionId),
          eq(agreementAcceptances.partnerId, partnerId),
        ),
      );
    if (existing) return existing.id;
    const [latest] = await tx
      .select({ id: agreementVersions.id, version: agreementVersions.version })
      .from(agreementVersions)
      .where(
        and(
          eq(agreementVersions.workspaceId, workspaceId),
          eq(agreementVersions.agreementId, version.version.agreementId),
        ),
      )
      .orderBy(desc(agreementVersions.version))
      .limit(1);
    if (latest && latest.id !== versionId) {
      throw new AppError("AGREEMENT_VERSION_SUPERSEDED", {
        message: `Version ${version.version.version} was replaced by version ${latest.version}; accept the newest one`,
        details: { latestVersionId: latest.id, latestVersion: latest.version },
      });
    }
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
    const [row] = await tx
      .insert(agreementAcceptances)
      .values({
        workspaceId,
        agreementVersionId: versionId,
        partnerId,
        userId,
        userEmail: user?.email ?? ctx.actor.label,
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      })
      .returning();
    if (!row) throw new Error("acceptance insert returned nothing");
    const agreementId = version.version.agreementId;
    await recordAudit(tx, auditSource(ctx), {
      action: "agreement.accepted",
      entityType: "agreement",
      entityId: agreementId,
      partnerId,
      after: { versionId, version: version.version.version, acceptanceId: row.id, userEmail: row.userEmail },
    });
    await emitEvent(tx, auditSource(ctx), {
      type: "agreement.accepted",
      workspaceId,
      partnerId,
      entityType: "agreement",
      entityId: agreementId,
      payload: { agreementId, versionId, version: version.version.version, userId },
    });
    return row.id;
  });
  const acceptances = await loadAcceptances(ctx.database.db, workspaceId, { partnerId });
  const record = acceptances.find((a) => a.id === id);
  if (!record) throw notFound("Acceptance not found");
  return record;
}
