// Reading registrations into their API shapes; every query is workspace-scoped (and partner-scoped
// for the portal).
import type {
  ConflictDecisionValue,
  PortalRegistration,
  PortalRegistrationSummary,
  RegistrationAttachment,
  RegistrationExtension,
  RegistrationStatus,
  RegistrationTransition,
} from "@symbiont/contracts";
import { and, asc, desc, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db";
import { minorDigits } from "../revenue";
import { editableFields } from "./deals.rules";
import {
  dealRegistrations,
  registrationAttachments,
  registrationChecks,
  registrationExtensions,
  registrationTransitions,
} from "./deals.schema";

export type RegistrationRow = typeof dealRegistrations.$inferSelect;

const iso = (v: Date | null) => (v ? v.toISOString() : null);

export function majorAmount(amountMinor: number | null, currency: string | null): number | null {
  if (amountMinor === null || currency === null) return null;
  return amountMinor / 10 ** minorDigits(currency);
}

export function toSummary(row: RegistrationRow): PortalRegistrationSummary {
  return {
    id: row.id,
    status: row.status as RegistrationStatus,
    companyName: row.companyName,
    website: row.website,
    amount: majorAmount(row.amountMinor, row.currency),
    currency: row.currency,
    expectedCloseOn: row.expectedCloseOn,
    submittedAt: iso(row.submittedAt),
    protectionExpiresAt: iso(row.protectionExpiresAt),
    decisionReason: row.decisionReason,
    infoRequest: row.infoRequest,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A registration of the workspace (and of `partnerId` when given), or undefined. */
export async function findRegistration(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  partnerId?: string | null,
  lock = false,
): Promise<RegistrationRow | undefined> {
  const where = [eq(dealRegistrations.workspaceId, workspaceId), eq(dealRegistrations.id, id)];
  if (partnerId) where.push(eq(dealRegistrations.partnerId, partnerId));
  const query = db
    .select()
    .from(dealRegistrations)
    .where(and(...where));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function loadChildren(db: DbOrTx, workspaceId: string, registrationId: string) {
  const scope = (table: { workspaceId: AnyPgColumn; registrationId: AnyPgColumn }) =>
    and(eq(table.workspaceId, workspaceId), eq(table.registrationId, registrationId));
  // One after another: inside a transaction the queries share one connection.
  const extensions = await db
    .select()
    .from(registrationExtensions)
    .where(scope(registrationExtensions))
    .orderBy(desc(registrationExtensions.requestedAt));
  const attachments = await db
    .select()
    .from(registrationAttachments)
    .where(scope(registrationAttachments))
    .orderBy(asc(registrationAttachments.createdAt));
  const transitions = await db
    .select()
    .from(registrationTransitions)
    .where(scope(registrationTransitions))
    .orderBy(asc(registrationTransitions.at));
  const checks = await db
    .select()
    .from(registrationChecks)
    .where(scope(registrationChecks))
    .orderBy(desc(registrationChecks.checkedAt));
  return { extensions, attachments, transitions, checks };
}

type Children = Awaited<ReturnType<typeof loadChildren>>;

export function toExtension(row: Children["extensions"][number]): RegistrationExtension {
  return {
    id: row.id,
    requestedDays: row.requestedDays,
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    status: row.status as RegistrationExtension["status"],
    decidedBy: row.decidedBy,
    decidedAt: iso(row.decidedAt),
    decisionReason: row.decisionReason,
    newExpiresAt: iso(row.newExpiresAt),
  };
}

export function toAttachment(row: Children["attachments"][number]): RegistrationAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toTransition(row: Children["transitions"][number]): RegistrationTransition {
  return {
    fromStatus: (row.fromStatus as RegistrationStatus | null) ?? null,
    toStatus: row.toStatus as RegistrationStatus,
    actorLabel: row.actorLabel,
    reason: row.reason,
    at: row.at.toISOString(),
  };
}

/** The partner's view: the plain reason of the latest check, never its evidence. */
export function toPortalRegistration(row: RegistrationRow, children: Children): PortalRegistration {
  const latest = children.checks[0];
  return {
    ...toSummary(row),
    country: row.country,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    amountMinor: row.amountMinor,
    products: row.products,
    useCase: row.useCase,
    incumbent: row.incumbent,
    notes: row.notes,
    programId: row.programId,
    createdBy: row.createdByLabel,
    updatedAt: row.updatedAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    approvedAt: iso(row.approvedAt),
    check: latest ? { decision: latest.decision as ConflictDecisionValue, reason: latest.partnerReason } : null,
    editableFields: [...editableFields(row.status as RegistrationStatus)],
    extensions: children.extensions.map(toExtension),
    attachments: children.attachments.map(toAttachment),
    transitions: children.transitions.map(toTransition),
  };
}
