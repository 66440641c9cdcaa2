import type { IdealPartnerProfile, IppCriterion, IppUpdateResult } from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";
import { type ApplicantFacts, scoreApplicant } from "./ipp.rules";
import { idealPartnerProfiles, partnerApplications } from "./recruitment.schema";

export const openStatuses = ["received", "in_vetting"] as const;

/** The program's profile; an empty one (version 0) until someone saves it. */
export async function loadIpp(db: DbOrTx, workspaceId: string, programId: string): Promise<IdealPartnerProfile> {
  const [row] = await db
    .select()
    .from(idealPartnerProfiles)
    .where(and(eq(idealPartnerProfiles.workspaceId, workspaceId), eq(idealPartnerProfiles.programId, programId)));
  if (!row) return { programId, criteria: [], version: 0, updatedAt: null, updatedBy: null };
  return {
    programId,
    criteria: row.criteria as IppCriterion[],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export function factsOf(row: typeof partners.$inferSelect): ApplicantFacts {
  return {
    industries: row.industries,
    regions: row.regions,
    size: row.size,
    types: row.types,
    specializations: row.specializations,
    hqCountry: row.hqCountry,
    customFields: (row.customFields ?? {}) as Record<string, unknown>,
  };
}

async function assertProgram(db: DbOrTx, workspaceId: string, programId: string): Promise<void> {
  const [program] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, programId)));
  if (!program) throw notFound("Program not found");
}

export async function getIpp(ctx: ServiceContext, programId: string): Promise<IdealPartnerProfile> {
  requireVendor(ctx.actor);
  await assertProgram(ctx.database.db, ctx.actor.workspaceId, programId);
  return loadIpp(ctx.database.db, ctx.actor.workspaceId, programId);
}

/** Saves the profile (version + 1) and rescores every open application of the program in the same transaction. */
export async function updateIpp(
  ctx: ServiceContext,
  programId: string,
  criteria: IppCriterion[],
): Promise<IppUpdateResult> {
  requireVendor(ctx.actor, ["admin", "partner_manager"]);
  const ids = criteria.map((c) => c.id);
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw fieldError(`body.criteria.${duplicate}.id`, "Each criterion needs its own id");
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    await assertProgram(tx, workspaceId, programId);
    const before = await loadIpp(tx, workspaceId, programId);
    const version = before.version + 1;
    await tx
      .insert(idealPartnerProfiles)
      .values({ workspaceId, programId, criteria, version, updatedBy: ctx.actor.label })
      .onConflictDoUpdate({
        target: [idealPartnerProfiles.workspaceId, idealPartnerProfiles.programId],
        set: { criteria, version, updatedBy: ctx.actor.label, updatedAt: new Date() },
      });
    const rescored = await rescoreOpenApplications(tx, workspaceId, programId, criteria, version);
    await recordAudit(tx, auditSource(ctx), {
      action: "ipp.updated",
      entityType: "program",
      entityId: programId,
      before: { version: before.version, criteria: before.criteria },
      after: { version, criteria, rescored },
    });
    return { ...(await loadIpp(tx, workspaceId, programId)), rescored };
  });
}

export async function rescoreOpenApplications(
  tx: DbOrTx,
  workspaceId: string,
  programId: string,
  criteria: IppCriterion[],
  version: number,
): Promise<number> {
  const open = await tx
    .select({ application: partnerApplications, partner: partners })
    .from(partnerApplications)
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, partnerApplications.workspaceId), eq(partners.id, partnerApplications.partnerId)),
    )
    .where(
      and(
        eq(partnerApplications.workspaceId, workspaceId),
        eq(partnerApplications.programId, programId),
        inArray(partnerApplications.status, [...openStatuses]),
      ),
    );
  for (const { application, partner } of open) {
    const fit = scoreApplicant(criteria, factsOf(partner));
    await tx
      .update(partnerApplications)
      .set({ fitScore: fit.score, fitBreakdown: fit.breakdown, ippVersion: version })
      .where(and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, application.id)));
  }
  return open.length;
}
