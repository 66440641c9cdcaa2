import type {
  CreateCustomFieldBody,
  CustomFieldDefinition,
  PartnerDirectorySettings,
  UpdateCustomFieldBody,
} from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { assertCanConfigureDirectory, assertCanReadPartners } from "./partners.policies";
import { listCustomFieldDefinitions, partnerEditableFields, toCustomFieldDefinition } from "./partners.queries";
import { partnerCustomFields, partnerDirectorySettings, partners } from "./partners.schema";

// Custom field definitions and the directory settings: admins write, every staff member reads.

export async function listCustomFields(ctx: ServiceContext): Promise<{ items: CustomFieldDefinition[] }> {
  assertCanReadPartners(ctx.actor);
  return { items: await listCustomFieldDefinitions(ctx.database.db, ctx.actor.workspaceId) };
}

export async function createCustomField(
  ctx: ServiceContext,
  input: CreateCustomFieldBody,
): Promise<CustomFieldDefinition> {
  assertCanConfigureDirectory(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const [taken] = await tx
      .select({ id: partnerCustomFields.id })
      .from(partnerCustomFields)
      .where(and(eq(partnerCustomFields.workspaceId, workspaceId), eq(partnerCustomFields.key, input.key)));
    if (taken)
      throw fieldError(
        "body.key",
        `A custom field with the key "${input.key}" exists`,
        "PARTNER_CUSTOM_FIELD_KEY_TAKEN",
      );
    const [row] = await tx
      .insert(partnerCustomFields)
      .values({
        workspaceId,
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.options ?? [],
        required: input.required ?? false,
        partnerEditable: input.partnerEditable ?? false,
        position: input.position ?? 0,
      })
      .returning();
    if (!row) throw new Error("custom field insert returned nothing");
    const definition = toCustomFieldDefinition(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "partner_custom_field.created",
      entityType: "partner_custom_field",
      entityId: row.id,
      after: definition,
    });
    return definition;
  });
}

export async function updateCustomField(
  ctx: ServiceContext,
  id: string,
  input: UpdateCustomFieldBody,
): Promise<CustomFieldDefinition> {
  assertCanConfigureDirectory(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const where = and(eq(partnerCustomFields.workspaceId, workspaceId), eq(partnerCustomFields.id, id));
    const [current] = await tx.select().from(partnerCustomFields).where(where).for("update");
    if (!current) throw notFound("Custom field not found");
    if (input.options !== undefined && current.type !== "select" && input.options.length > 0)
      throw fieldError("body.options", "Only select fields have options");
    if (input.options !== undefined && current.type === "select" && input.options.length === 0)
      throw fieldError("body.options", "A select field needs at least one option");
    const [row] = await tx.update(partnerCustomFields).set(input).where(where).returning();
    if (!row) throw notFound("Custom field not found");
    const definition = toCustomFieldDefinition(row);
    await recordAudit(tx, auditSource(ctx), {
      action: "partner_custom_field.updated",
      entityType: "partner_custom_field",
      entityId: row.id,
      before: toCustomFieldDefinition(current),
      after: definition,
    });
    return definition;
  });
}

/** Deletes a definition and its values on every partner of the workspace. */
export async function deleteCustomField(ctx: ServiceContext, id: string): Promise<void> {
  assertCanConfigureDirectory(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .delete(partnerCustomFields)
      .where(and(eq(partnerCustomFields.workspaceId, workspaceId), eq(partnerCustomFields.id, id)))
      .returning();
    if (!row) throw notFound("Custom field not found");
    await tx
      .update(partners)
      .set({ customFields: sql`${partners.customFields} - ${row.key}::text` })
      .where(and(eq(partners.workspaceId, workspaceId), sql`${partners.customFields} ? ${row.key}::text`));
    await recordAudit(tx, auditSource(ctx), {
      action: "partner_custom_field.deleted",
      entityType: "partner_custom_field",
      entityId: row.id,
      before: toCustomFieldDefinition(row),
    });
  });
}

export async function getDirectorySettings(ctx: ServiceContext): Promise<PartnerDirectorySettings> {
  assertCanReadPartners(ctx.actor);
  return { partnerEditableFields: await partnerEditableFields(ctx.database.db, ctx.actor.workspaceId) };
}

export async function putDirectorySettings(
  ctx: ServiceContext,
  input: PartnerDirectorySettings,
): Promise<PartnerDirectorySettings> {
  assertCanConfigureDirectory(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const before = await partnerEditableFields(tx, workspaceId);
    await tx
      .insert(partnerDirectorySettings)
      .values({ workspaceId, partnerEditableFields: input.partnerEditableFields })
      .onConflictDoUpdate({
        target: partnerDirectorySettings.workspaceId,
        set: { partnerEditableFields: input.partnerEditableFields, updatedAt: new Date() },
      });
    await recordAudit(tx, auditSource(ctx), {
      action: "partner_directory_settings.updated",
      entityType: "partner_directory_settings",
      entityId: workspaceId,
      before: { partnerEditableFields: before },
      after: { partnerEditableFields: input.partnerEditableFields },
    });
    return { partnerEditableFields: input.partnerEditableFields };
  });
}
