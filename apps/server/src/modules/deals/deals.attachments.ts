// Evidence files on a registration: size and type limits, bytes in the file store, metadata here.
import { createHash, randomUUID } from "node:crypto";
import type { PortalRegistration, RegistrationStatus } from "@symbiont/contracts";
import { and, count, eq } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { isPartner, requirePartner } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { fileStoreFor } from "../../platform/storage";
import { findRegistration, loadChildren, toPortalRegistration } from "./deals.queries";
import { registrationAttachments } from "./deals.schema";

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 20;
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
] as const;
const CLOSED: readonly RegistrationStatus[] = ["rejected", "converted", "expired", "withdrawn"];

export async function uploadAttachment(
  ctx: ServiceContext,
  id: string,
  file: { fileName: string; contentType: string; bytes: Buffer },
): Promise<PortalRegistration> {
  requirePartner(ctx.actor);
  const actor = ctx.actor;
  const type = file.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
    throw new AppError("ATTACHMENT_TYPE_NOT_ALLOWED", {
      message: "Attach a PDF, an image (PNG, JPEG), CSV or an Office document",
    });
  }
  if (file.bytes.length === 0)
    throw new AppError("VALIDATION_FAILED", {
      message: "The file is empty",
      details: { issues: [{ path: "body", message: "The file is empty", code: "empty" }] },
    });
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError("ATTACHMENT_TOO_LARGE", { message: "Files can be at most 10 MB" });
  }
  const store = fileStoreFor(ctx.config);
  const storageKey = `registrations/${actor.workspaceId}/${id}/${randomUUID()}`;
  const row = await findRegistration(ctx.database.db, actor.workspaceId, id, actor.partnerId);
  if (!row) throw notFound("Registration not found");
  await store.put(storageKey, file.bytes, type);
  try {
    return await transaction(ctx.database, async (tx) => {
      const locked = await findRegistration(tx, actor.workspaceId, id, actor.partnerId, true);
      if (!locked) throw notFound("Registration not found");
      if (CLOSED.includes(locked.status as RegistrationStatus)) {
        throw new AppError("REGISTRATION_STATE_INVALID", {
          message: `A ${locked.status} registration takes no more files`,
        });
      }
      const [existing] = await tx
        .select({ n: count() })
        .from(registrationAttachments)
        .where(
          and(
            eq(registrationAttachments.workspaceId, actor.workspaceId),
            eq(registrationAttachments.registrationId, id),
          ),
        );
      if (Number(existing?.n ?? 0) >= MAX_FILES) {
        throw new AppError("REGISTRATION_STATE_INVALID", {
          message: `A registration holds at most ${MAX_FILES} files`,
        });
      }
      const [attachment] = await tx
        .insert(registrationAttachments)
        .values({
          workspaceId: actor.workspaceId,
          registrationId: id,
          fileName: file.fileName,
          contentType: type,
          sizeBytes: file.bytes.length,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          storageKey,
          uploadedBy: actor.label,
        })
        .returning();
      await recordAudit(tx, auditSource(ctx), {
        action: "deal_registration.attachment_added",
        entityType: "deal_registration",
        entityId: id,
        partnerId: actor.partnerId,
        after: { attachmentId: attachment?.id, fileName: file.fileName, sizeBytes: file.bytes.length },
      });
      return toPortalRegistration(locked, await loadChildren(tx, actor.workspaceId, id));
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/** A file of a registration: the owning partner's users or vendor staff. */
export async function readAttachment(
  ctx: ServiceContext,
  id: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const partnerId = isPartner(ctx.actor) ? ctx.actor.partnerId : null;
  const row = await findRegistration(ctx.database.db, ctx.actor.workspaceId, id, partnerId);
  if (!row || (!partnerId && row.status === "draft")) throw notFound("Registration not found");
  const [attachment] = await ctx.database.db
    .select()
    .from(registrationAttachments)
    .where(
      and(
        eq(registrationAttachments.workspaceId, ctx.actor.workspaceId),
        eq(registrationAttachments.registrationId, id),
        eq(registrationAttachments.id, attachmentId),
      ),
    );
  if (!attachment) throw notFound("File not found");
  const bytes = await fileStoreFor(ctx.config).get(attachment.storageKey);
  return { fileName: attachment.fileName, contentType: attachment.contentType, bytes };
}
