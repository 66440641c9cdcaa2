import type {
  CreatePartnerBody,
  CustomFieldDefinition,
  CustomFieldValues,
  PartnerStage,
  UpdatePartnerBody,
  ValidationIssue,
} from "@symbiont/contracts";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { AppError, fieldError } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import "./partners.events";
import { findManagerCandidate, listCustomFieldDefinitions, type PartnerRow } from "./partners.queries";
import {
  changedFields,
  domainFromWebsite,
  mergeCustomFields,
  uniqueList,
  validateCustomFields,
} from "./partners.rules";
import { partnerStageTransitions, partners } from "./partners.schema";

// Transaction-level writes of the directory, shared by the console, the portal, bulk actions and
// other modules (recruitment creates applicants, the CSV import creates and updates partners).
// Callers authorize first; these functions enforce the data rules, audit and emit events.

type PartnerInput = Omit<CreatePartnerBody, "name" | "stage"> & { name?: string };

function invalid(issues: ValidationIssue[]): AppError {
  return new AppError("VALIDATION_FAILED", {
    message: issues[0]?.message ?? "Some fields are not valid",
    details: { issues },
  });
}

/** Normalizes the columns an input sets (lists deduplicated, domain derived from the website). */
function columnsFrom(input: PartnerInput, current?: PartnerRow): Partial<typeof partners.$inferInsert> {
  const values: Partial<typeof partners.$inferInsert> = {};
  if (input.name !== undefined) values.name = input.name.trim();
  if (input.legalName !== undefined) values.legalName = input.legalName || null;
  if (input.website !== undefined) values.website = input.website;
  if (input.domain !== undefined) values.domain = input.domain;
  // A website without an explicit domain sets the domain when there is none yet (or it followed the old site).
  if (input.domain === undefined && input.website) {
    const derived = domainFromWebsite(input.website);
    const followedOld = current?.website ? domainFromWebsite(current.website) === current.domain : true;
    if (derived && (!current?.domain || followedOld)) values.domain = derived;
  }
  if (input.hqCountry !== undefined) values.hqCountry = input.hqCountry;
  if (input.regions !== undefined) values.regions = uniqueList(input.regions);
  if (input.industries !== undefined) values.industries = uniqueList(input.industries);
  if (input.size !== undefined) values.size = input.size;
  if (input.types !== undefined) values.types = uniqueList(input.types);
  if (input.specializations !== undefined) values.specializations = uniqueList(input.specializations);
  if (input.tags !== undefined) values.tags = uniqueList(input.tags.map((tag) => tag.toLowerCase()));
  if (input.managerId !== undefined) values.managerId = input.managerId;
  if (input.description !== undefined) values.description = input.description || null;
  return values;
}

async function assertUnique(
  tx: Tx,
  workspaceId: string,
  values: Partial<typeof partners.$inferInsert>,
  input: PartnerInput,
  exceptId?: string,
): Promise<void> {
  const other = exceptId ? ne(partners.id, exceptId) : undefined;
  if (values.name !== undefined) {
    const [taken] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, workspaceId), sql`lower(${partners.name}) = lower(${values.name})`, other));
    if (taken) throw fieldError("body.name", `A partner named "${values.name}" already exists`, "PARTNER_NAME_TAKEN");
  }
  if (values.domain) {
    const [taken] = await tx
      .select({ name: partners.name })
      .from(partners)
      .where(and(eq(partners.workspaceId, workspaceId), eq(partners.domain, values.domain), other));
    const path = input.domain === undefined ? "body.website" : "body.domain";
    if (taken) throw fieldError(path, `${taken.name} already uses the domain ${values.domain}`, "PARTNER_DOMAIN_TAKEN");
  }
}

async function assertManager(tx: Tx, workspaceId: string, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  if (!(await findManagerCandidate(tx, workspaceId, managerId)))
    throw fieldError("body.managerId", "Choose an active member of your team as the partner manager");
}

function checkCustomFields(
  definitions: CustomFieldDefinition[],
  values: CustomFieldValues | undefined,
  complete: boolean,
): CustomFieldValues | undefined {
  if (values === undefined && !complete) return undefined;
  const result = validateCustomFields(definitions, values ?? {}, { complete });
  if (result.issues.length > 0) throw invalid(result.issues);
  return result.values;
}

export interface NewPartner extends PartnerInput {
  name: string;
  stage?: PartnerStage;
  /** Why it starts in that stage, for the first transition entry. */
  reason?: string | null;
}

/** Inserts a partner with its first stage entry, audit entry and `partner.created` event. */
export async function insertPartner(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  input: NewPartner,
  /** Public applications cannot know the vendor's internal required fields: they are filled in vetting. */
  options: { requireCustomFields?: boolean } = {},
): Promise<PartnerRow> {
  const definitions = await listCustomFieldDefinitions(tx, workspaceId);
  const customFields = checkCustomFields(definitions, input.customFields, options.requireCustomFields ?? true) ?? {};
  const values = columnsFrom(input);
  await assertManager(tx, workspaceId, values.managerId);
  await assertUnique(tx, workspaceId, values, input);
  const stage = input.stage ?? "prospect";
  const now = new Date();
  const [row] = await tx
    .insert(partners)
    .values({
      ...values,
      workspaceId,
      name: input.name.trim(),
      customFields: mergeCustomFields({}, customFields),
      stage,
      stageChangedAt: now,
      activatedAt: stage === "active" ? now : null,
    })
    .returning();
  if (!row) throw new Error("partner insert returned nothing");
  await tx.insert(partnerStageTransitions).values({
    workspaceId,
    partnerId: row.id,
    fromStage: null,
    toStage: stage,
    reason: input.reason ?? "Created",
    ...actorColumns(source),
    occurredAt: now,
  });
  const { id: _id, workspaceId: _ws, createdAt: _c, updatedAt: _u, ...after } = row;
  await recordAudit(tx, source, {
    action: "partner.created",
    entityType: "partner",
    entityId: row.id,
    partnerId: row.id,
    after,
  });
  await emitEvent(tx, source, {
    type: "partner.created",
    workspaceId,
    partnerId: row.id,
    entityType: "partner",
    entityId: row.id,
    payload: { name: row.name, stage },
  });
  return row;
}

/** Applies an update to a locked row; audits and emits `partner.updated` only when something changed. */
export async function updatePartnerRow(
  tx: Tx,
  source: AuditSource,
  current: PartnerRow,
  input: UpdatePartnerBody,
  definitions?: CustomFieldDefinition[],
): Promise<{ row: PartnerRow; fields: string[] }> {
  const workspaceId = current.workspaceId;
  const values = columnsFrom(input, current);
  const updateCustom = checkCustomFields(
    definitions ?? (await listCustomFieldDefinitions(tx, workspaceId)),
    input.customFields,
    false,
  );
  if (values.managerId !== undefined && values.managerId !== current.managerId)
    await assertManager(tx, workspaceId, values.managerId);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const key of changedFields(current as unknown as Record<string, unknown>, values)) {
    fields.push(key);
    before[key] = current[key as keyof PartnerRow];
    after[key] = values[key as keyof typeof values];
  }
  let customFields: CustomFieldValues | undefined;
  if (updateCustom) {
    const stored = current.customFields as CustomFieldValues;
    customFields = mergeCustomFields(stored, updateCustom);
    for (const key of Object.keys(updateCustom)) {
      const [was, now] = [stored[key] ?? null, customFields[key] ?? null];
      if (was === now) continue;
      fields.push(`customFields.${key}`);
      before[`customFields.${key}`] = was;
      after[`customFields.${key}`] = now;
    }
  }
  if (fields.length === 0) return { row: current, fields };
  await assertUnique(
    tx,
    workspaceId,
    {
      ...(fields.includes("name") ? { name: values.name } : {}),
      ...(fields.includes("domain") ? { domain: values.domain } : {}),
    },
    input,
    current.id,
  );
  const [row] = await tx
    .update(partners)
    .set({ ...values, ...(customFields ? { customFields } : {}), updatedAt: new Date() })
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, current.id)))
    .returning();
  if (!row) throw new Error("partner update returned nothing");
  await recordAudit(tx, source, {
    action: "partner.updated",
    entityType: "partner",
    entityId: row.id,
    partnerId: row.id,
    before,
    after,
  });
  await emitEvent(tx, source, {
    type: "partner.updated",
    workspaceId,
    partnerId: row.id,
    entityType: "partner",
    entityId: row.id,
    payload: { fields },
  });
  return { row, fields };
}

export function actorColumns(source: AuditSource) {
  const { actor } = source;
  return {
    actorType: actor.kind === "system" ? "system" : actor.apiKeyId ? "api_key" : "user",
    actorId: actor.kind === "system" ? null : (actor.userId ?? actor.apiKeyId),
    actorLabel: actor.label,
  };
}
