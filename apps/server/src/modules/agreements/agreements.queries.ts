import type { AgreementAcceptanceRecord, AgreementRecord, AgreementVersionRecord } from "@symbiont/contracts";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";
import { agreementAcceptances, agreements, agreementVersions } from "./agreements.schema";

type VersionRow = typeof agreementVersions.$inferSelect;

export function toVersionRecord(row: VersionRow): AgreementVersionRecord {
  return {
    id: row.id,
    agreementId: row.agreementId,
    version: row.version,
    bodyMarkdown: row.bodyMarkdown,
    requiresReacceptance: row.requiresReacceptance,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

/** Versions of the given agreements, oldest first. */
export async function versionsOf(db: DbOrTx, workspaceId: string, agreementIds: string[]): Promise<VersionRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), inArray(agreementVersions.agreementId, agreementIds)))
    .orderBy(asc(agreementVersions.agreementId), asc(agreementVersions.version));
}

/** Agreements with their program, newest version and counts. */
export async function loadAgreements(
  db: DbOrTx,
  workspaceId: string,
  filter: { id?: string; programId?: string; programIds?: string[]; includeArchived?: boolean },
): Promise<AgreementRecord[]> {
  const where: SQL[] = [eq(agreements.workspaceId, workspaceId)];
  if (filter.id) where.push(eq(agreements.id, filter.id));
  if (filter.programId) where.push(eq(agreements.programId, filter.programId));
  if (filter.programIds) {
    if (filter.programIds.length === 0) return [];
    where.push(inArray(agreements.programId, filter.programIds));
  }
  if (!filter.includeArchived) where.push(isNull(agreements.archivedAt));
  const rows = await db
    .select({ agreement: agreements, programName: programs.name })
    .from(agreements)
    .innerJoin(programs, and(eq(programs.workspaceId, agreements.workspaceId), eq(programs.id, agreements.programId)))
    .where(and(...where))
    .orderBy(asc(programs.name), asc(agreements.title));
  const ids = rows.map((r) => r.agreement.id);
  const versions = await versionsOf(db, workspaceId, ids);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ agreementId: agreementVersions.agreementId, n: sql<number>`count(*)::int` })
          .from(agreementAcceptances)
          .innerJoin(
            agreementVersions,
            and(
              eq(agreementVersions.workspaceId, agreementAcceptances.workspaceId),
              eq(agreementVersions.id, agreementAcceptances.agreementVersionId),
            ),
          )
          .where(and(eq(agreementAcceptances.workspaceId, workspaceId), inArray(agreementVersions.agreementId, ids)))
          .groupBy(agreementVersions.agreementId);
  return rows.map(({ agreement, programName }) => {
    const own = versions.filter((v) => v.agreementId === agreement.id);
    const latest = own[own.length - 1];
    return {
      id: agreement.id,
      programId: agreement.programId,
      programName,
      title: agreement.title,
      createdAt: agreement.createdAt.toISOString(),
      archivedAt: agreement.archivedAt?.toISOString() ?? null,
      latestVersion: latest ? toVersionRecord(latest) : null,
      versionCount: own.length,
      acceptanceCount: counts.find((c) => c.agreementId === agreement.id)?.n ?? 0,
    };
  });
}

/** Acceptances, newest first, filtered by agreement and/or partner. */
export async function loadAcceptances(
  db: DbOrTx,
  workspaceId: string,
  filter: { agreementId?: string; partnerId?: string; limit?: number },
): Promise<AgreementAcceptanceRecord[]> {
  const where: SQL[] = [eq(agreementAcceptances.workspaceId, workspaceId)];
  if (filter.agreementId) where.push(eq(agreementVersions.agreementId, filter.agreementId));
  if (filter.partnerId) where.push(eq(agreementAcceptances.partnerId, filter.partnerId));
  const rows = await db
    .select({
      acceptance: agreementAcceptances,
      agreementId: agreements.id,
      agreementTitle: agreements.title,
      version: agreementVersions.version,
      partnerName: partners.name,
    })
    .from(agreementAcceptances)
    .innerJoin(
      agreementVersions,
      and(
        eq(agreementVersions.workspaceId, agreementAcceptances.workspaceId),
        eq(agreementVersions.id, agreementAcceptances.agreementVersionId),
      ),
    )
    .innerJoin(
      agreements,
      and(eq(agreements.workspaceId, agreementVersions.workspaceId), eq(agreements.id, agreementVersions.agreementId)),
    )
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, agreementAcceptances.workspaceId), eq(partners.id, agreementAcceptances.partnerId)),
    )
    .where(and(...where))
    .orderBy(desc(agreementAcceptances.acceptedAt), desc(agreementAcceptances.id))
    .limit(filter.limit ?? 10_000);
  return rows.map((r) => ({
    id: r.acceptance.id,
    agreementId: r.agreementId,
    agreementTitle: r.agreementTitle,
    versionId: r.acceptance.agreementVersionId,
    version: r.version,
    partnerId: r.acceptance.partnerId,
    partnerName: r.partnerName,
    userId: r.acceptance.userId,
    userEmail: r.acceptance.userEmail,
    acceptedAt: r.acceptance.acceptedAt.toISOString(),
    ipAddress: r.acceptance.ipAddress,
    userAgent: r.acceptance.userAgent,
  }));
}
