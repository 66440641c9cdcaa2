import type { PartnerRecord } from "@symbiont/contracts";
import { and, asc, eq, ilike, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requirePartner, requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { partners } from "./partners.schema";

type PartnerRow = typeof partners.$inferSelect;

export function toPartnerRecord(row: PartnerRow): PartnerRecord {
  return { id: row.id, name: row.name, website: row.website, createdAt: row.createdAt.toISOString() };
}

export async function listPartners(
  ctx: ServiceContext,
  query: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: PartnerRecord[]; total: number }> {
  requireVendor(ctx.actor);
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  const where = and(
    eq(partners.workspaceId, ctx.actor.workspaceId),
    pattern ? ilike(partners.name, pattern) : undefined,
  );
  const db = ctx.database.db;
  // The page and the total are independent: ask for both at once.
  const [rows, [count]] = await Promise.all([
    db.select().from(partners).where(where).orderBy(asc(partners.name)).limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(partners).where(where),
  ]);
  return { items: rows.map(toPartnerRecord), total: count?.n ?? 0 };
}

export async function getPartner(ctx: ServiceContext, id: string): Promise<PartnerRecord> {
  requireVendor(ctx.actor);
  const [row] = await ctx.database.db
    .select()
    .from(partners)
    .where(and(eq(partners.workspaceId, ctx.actor.workspaceId), eq(partners.id, id)));
  if (!row) throw notFound("Partner not found");
  return toPartnerRecord(row);
}

/** A partner user's own organization. */
export async function getOwnPartner(ctx: ServiceContext): Promise<PartnerRecord> {
  requirePartner(ctx.actor);
  const [row] = await ctx.database.db
    .select()
    .from(partners)
    .where(and(eq(partners.workspaceId, ctx.actor.workspaceId), eq(partners.id, ctx.actor.partnerId)));
  if (!row) throw notFound("Partner not found");
  return toPartnerRecord(row);
}

export async function createPartner(
  ctx: ServiceContext,
  input: { name: string; website?: string | undefined },
): Promise<PartnerRecord> {
  requireVendor(ctx.actor, ["admin", "partner_manager"]);
  return transaction(ctx.database, async (tx) => {
    const [existing] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, ctx.actor.workspaceId), sql`lower(${partners.name}) = lower(${input.name})`));
    if (existing) throw fieldError("body.name", `A partner named "${input.name}" already exists`, "PARTNER_NAME_TAKEN");
    const [row] = await tx
      .insert(partners)
      .values({ workspaceId: ctx.actor.workspaceId, name: input.name, website: input.website ?? null })
      .returning();
    if (!row) throw new Error("partner insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "partner.created",
      entityType: "partner",
      entityId: row.id,
      partnerId: row.id,
      after: { name: row.name, website: row.website },
    });
    return toPartnerRecord(row);
  });
}
