import type { PartnerAgreementStatus } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { programMemberships } from "../programs/programs.schema";
import { loadAcceptances, loadAgreements, toVersionRecord, versionsOf } from "./agreements.queries";
import { acceptanceState } from "./agreements.rules";

/** Programs a partner belongs to. */
export async function partnerProgramIds(db: DbOrTx, workspaceId: string, partnerId: string): Promise<string[]> {
  const rows = await db
    .select({ programId: programMemberships.programId })
    .from(programMemberships)
    .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.partnerId, partnerId)));
  return rows.map((r) => r.programId);
}

/** The agreements of a partner's programs, each with the version in force and whether it is accepted. */
export async function partnerAgreementStatuses(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
): Promise<PartnerAgreementStatus[]> {
  const programIds = await partnerProgramIds(db, workspaceId, partnerId);
  const records = await loadAgreements(db, workspaceId, { programIds });
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const versions = await versionsOf(
    db,
    workspaceId,
    records.map((r) => r.id),
  );
  const acceptances = await loadAcceptances(db, workspaceId, { partnerId });
  const items: PartnerAgreementStatus[] = [];
  for (const record of records) {
    const own = versions.filter((v) => v.agreementId === record.id);
    const latest = own[own.length - 1];
    if (!latest) continue;
    const mine = acceptances.filter((a) => a.agreementId === record.id);
    const state = acceptanceState(
      own,
      mine.map((a) => a.version),
    );
    items.push({
      agreementId: record.id,
      programId: record.programId,
      programName: record.programName,
      title: record.title,
      latestVersion: toVersionRecord(latest),
      accepted: state.accepted,
      acceptance: mine.find((a) => a.version === state.validVersion) ?? null,
      reacceptanceRequired: state.reacceptanceRequired,
    });
  }
  return items;
}
