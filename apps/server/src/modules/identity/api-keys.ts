import type { ApiKeyRecord, PartnerRole, VendorRole } from "@symbiont/contracts";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { type Actor, requirePartner, requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { apiKeys, users } from "./identity.schema";
import { hashToken, newApiKeySecret } from "./secrets";

type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Resolves a bearer secret to its actor. Unknown, revoked and expired keys each say so. */
export async function actorFromApiKey(db: DbOrTx, secret: string): Promise<Actor> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, hashToken(secret)))
    .limit(1);
  if (!key) throw new AppError("API_KEY_INVALID", { message: "The API key is not valid" });
  if (key.revokedAt) throw new AppError("API_KEY_REVOKED", { message: "The API key has been revoked" });
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
    throw new AppError("API_KEY_EXPIRED", { message: "The API key has expired" });
  }
  // Recorded at most once a minute per key so busy integrations do not write on every call.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.workspaceId, key.workspaceId),
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} < now() - interval '1 minute'`),
      ),
    );
  const base = {
    workspaceId: key.workspaceId,
    userId: null,
    apiKeyId: key.id,
    sessionId: null,
    label: `API key "${key.name}"`,
  };
  if (key.partnerId) return { ...base, kind: "partner", role: key.role as PartnerRole, partnerId: key.partnerId };
  return { ...base, kind: "vendor", role: key.role as VendorRole, partnerId: null };
}

function toRecord(row: ApiKeyRow, createdBy: string | null): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiKeyRecord["role"],
    prefix: row.prefix,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Vendor admins manage vendor keys; partner admins manage their own organization's keys. */
function authorizeKeys(actor: Actor): { partnerId: string | null } {
  if (actor.kind === "vendor") {
    requireVendor(actor, ["admin"]);
    return { partnerId: null };
  }
  requirePartner(actor, ["partner_admin"]);
  return { partnerId: actor.partnerId };
}

function scopeOf(actor: Actor, partnerId: string | null) {
  return and(
    eq(apiKeys.workspaceId, actor.workspaceId),
    partnerId ? eq(apiKeys.partnerId, partnerId) : isNull(apiKeys.partnerId),
  );
}

export async function listApiKeys(ctx: ServiceContext): Promise<{ items: ApiKeyRecord[] }> {
  const { partnerId } = authorizeKeys(ctx.actor);
  const rows = await ctx.database.db
    .select({ key: apiKeys, creator: users.email })
    .from(apiKeys)
    .leftJoin(users, and(eq(users.workspaceId, apiKeys.workspaceId), eq(users.id, apiKeys.createdBy)))
    .where(scopeOf(ctx.actor, partnerId))
    .orderBy(desc(apiKeys.createdAt));
  return { items: rows.map((row) => toRecord(row.key, row.creator)) };
}

export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; role: VendorRole | PartnerRole; expiresInDays?: number | undefined },
): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
  const { partnerId } = authorizeKeys(ctx.actor);
  const { secret, prefix, hash } = newApiKeySecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await transaction(ctx.database, async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: ctx.actor.workspaceId,
        partnerId,
        name: input.name,
        role: input.role,
        prefix,
        secretHash: hash,
        createdBy: ctx.actor.userId,
        expiresAt,
      })
      .returning();
    if (!created) throw new Error("api key insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "api_key.created",
      entityType: "api_key",
      entityId: created.id,
      partnerId,
      after: { name: created.name, role: created.role, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { apiKey: toRecord(row, ctx.actor.label), secret };
}

export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<void> {
  const { partnerId } = authorizeKeys(ctx.actor);
  await transaction(ctx.database, async (tx) => {
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(scopeOf(ctx.actor, partnerId), eq(apiKeys.id, id)))
      .for("update");
    if (!key) throw notFound("API key not found");
    if (key.revokedAt) return;
    await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.workspaceId, key.workspaceId), eq(apiKeys.id, key.id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: key.id,
      partnerId,
      before: { name: key.name, role: key.role, revokedAt: null },
      after: { name: key.name, role: key.role, revokedAt: new Date().toISOString() },
    });
  });
}
