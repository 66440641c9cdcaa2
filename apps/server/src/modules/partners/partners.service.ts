import type {
  CreatePartnerBody,
  OwnPartnerRecord,
  PartnerListFilters,
  PartnerManagerList,
  PartnerPage,
  PartnerRecord,
  PartnerSortField,
  Role,
  UpdatePartnerBody,
  UserRecord,
  ValidationIssue,
} from "@symbiont/contracts";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { users } from "../identity";
import { assertCanEditOwnPartner, assertCanReadPartners, assertCanWritePartners } from "./partners.policies";
import {
  findPartnerPage,
  findPartnerRecord,
  findPartnerRow,
  listCustomFieldDefinitions,
  partnerEditableFields,
} from "./partners.queries";
import { insertPartner, updatePartnerRow } from "./partners.writes";

export async function listPartners(
  ctx: ServiceContext,
  query: PartnerListFilters & { sort: PartnerSortField; dir: "asc" | "desc"; limit: number; offset: number },
): Promise<PartnerPage> {
  assertCanReadPartners(ctx.actor);
  const { sort, dir, limit, offset, ...filters } = query;
  return findPartnerPage(ctx.database.db, ctx.actor.workspaceId, filters, { field: sort, dir }, { limit, offset });
}

/** `get*` throws NOT_FOUND. */
export async function getPartner(ctx: ServiceContext, id: string): Promise<PartnerRecord> {
  assertCanReadPartners(ctx.actor);
  const record = await findPartnerRecord(ctx.database.db, ctx.actor.workspaceId, id);
  if (!record) throw notFound("Partner not found");
  return record;
}

export async function createPartner(ctx: ServiceContext, input: CreatePartnerBody): Promise<PartnerRecord> {
  assertCanWritePartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const row = await insertPartner(tx, auditSource(ctx), workspaceId, input);
    const record = await findPartnerRecord(tx, workspaceId, row.id);
    if (!record) throw notFound("Partner not found");
    return record;
  });
}

export async function updatePartner(ctx: ServiceContext, id: string, input: UpdatePartnerBody): Promise<PartnerRecord> {
  assertCanWritePartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const current = await findPartnerRow(tx, workspaceId, id, { forUpdate: true });
    if (!current) throw notFound("Partner not found");
    await updatePartnerRow(tx, auditSource(ctx), current, input);
    const record = await findPartnerRecord(tx, workspaceId, id);
    if (!record) throw notFound("Partner not found");
    return record;
  });
}

/** The people (partner users) of one partner organization. */
export async function listPartnerPeople(
  ctx: ServiceContext,
  partnerId: string,
): Promise<{ items: UserRecord[]; total: number }> {
  assertCanReadPartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  if (!(await findPartnerRow(ctx.database.db, workspaceId, partnerId))) throw notFound("Partner not found");
  const rows = await ctx.database.db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.partnerId, partnerId)))
    .orderBy(asc(users.name));
  const items = rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    partnerId: row.partnerId,
    disabled: row.disabledAt !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, total: items.length };
}

/** Active vendor staff, the candidates for partner manager (every staff member may read the names). */
export async function listPartnerManagers(ctx: ServiceContext): Promise<PartnerManagerList> {
  assertCanReadPartners(ctx.actor);
  const items = await ctx.database.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), isNull(users.partnerId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
  return { items };
}

// ── the portal: a partner's own organization ────────────────────────────────

async function ownPartnerRecord(ctx: ServiceContext, db: DbOrTx = ctx.database.db): Promise<OwnPartnerRecord> {
  const actor = ctx.actor;
  if (actor.kind !== "partner") throw notFound("Partner not found");
  // Sequential: inside a transaction these share one connection.
  const record = await findPartnerRecord(db, actor.workspaceId, actor.partnerId);
  const editableFields = await partnerEditableFields(db, actor.workspaceId);
  const definitions = await listCustomFieldDefinitions(db, actor.workspaceId);
  if (!record) throw notFound("Partner not found");
  const visible = definitions.filter((definition) => definition.partnerEditable);
  const customFields = Object.fromEntries(
    visible
      .filter((d) => record.customFields[d.key] !== undefined)
      .map((d) => [d.key, record.customFields[d.key] ?? null]),
  );
  return {
    id: record.id,
    name: record.name,
    legalName: record.legalName,
    website: record.website,
    domain: record.domain,
    hqCountry: record.hqCountry,
    regions: record.regions,
    industries: record.industries,
    size: record.size,
    types: record.types,
    specializations: record.specializations,
    description: record.description,
    stage: record.stage,
    manager: record.manager ? { name: record.manager.name, email: record.manager.email } : null,
    programs: record.programs,
    customFields,
    editableFields,
    customFieldDefinitions: visible,
    createdAt: record.createdAt,
  };
}

/** A partner user's own organization: no tags, no internal custom fields. */
export async function getOwnPartner(ctx: ServiceContext): Promise<OwnPartnerRecord> {
  if (ctx.actor.kind !== "partner") throw new AppError("FORBIDDEN", { message: "This is for partner users only" });
  return ownPartnerRecord(ctx);
}

const vendorManaged = "is managed by your vendor and cannot be edited here";

/** Partner admins edit the fields their vendor allows (directory settings + partner-editable custom fields). */
export async function updateOwnPartner(ctx: ServiceContext, input: UpdatePartnerBody): Promise<OwnPartnerRecord> {
  assertCanEditOwnPartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  return transaction(ctx.database, async (tx) => {
    const allowed = await partnerEditableFields(tx, workspaceId);
    const definitions = await listCustomFieldDefinitions(tx, workspaceId);
    const allowedSet = new Set<string>([...allowed, "customFields"]);
    const issues: ValidationIssue[] = [];
    for (const key of Object.keys(input)) {
      if (!allowedSet.has(key))
        issues.push({ path: `body.${key}`, message: `${key} ${vendorManaged}`, code: "not_editable" });
    }
    const editableKeys = new Set(definitions.filter((d) => d.partnerEditable).map((d) => d.key));
    for (const key of Object.keys(input.customFields ?? {})) {
      if (!editableKeys.has(key))
        issues.push({ path: `body.customFields.${key}`, message: `${key} ${vendorManaged}`, code: "not_editable" });
    }
    if (issues.length > 0)
      throw new AppError("VALIDATION_FAILED", {
        message: issues.map((i) => i.message).join("; "),
        details: { issues },
      });
    const current = await findPartnerRow(tx, workspaceId, partnerId, { forUpdate: true });
    if (!current) throw notFound("Partner not found");
    await updatePartnerRow(tx, auditSource(ctx), current, input, definitions);
    return ownPartnerRecord(ctx, tx);
  });
}
