import type { AuditEvent, AuditEventQuery } from "@symbiont/contracts";
import { and, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { Actor, SystemActor } from "../authz";
import { auditEvents } from "./audit.schema";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  partnerId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Where the mutation came from; passed down from the request (or the job). */
export interface AuditSource {
  actor: Actor | SystemActor;
  requestId?: string | null;
  ipAddress?: string | null;
}

/** Writes one append-only entry. Call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, source: AuditSource, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, source, [entry]);
}

/** Appends many entries at once: one statement per 5,000 over a JSON array, not one per entry. */
const AUDIT_CHUNK = 5000;

export async function recordAuditMany(tx: DbOrTx, source: AuditSource, entries: AuditEntry[]): Promise<void> {
  const { actor } = source;
  const actorType = actor.kind === "system" ? "system" : actor.apiKeyId ? "api_key" : "user";
  const actorId = actor.kind === "system" ? null : (actor.userId ?? actor.apiKeyId);
  const actorPartner = actor.kind === "partner" ? actor.partnerId : null;
  for (let start = 0; start < entries.length; start += AUDIT_CHUNK) {
    const rows = entries.slice(start, start + AUDIT_CHUNK).map((entry) => ({
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      partner_id: entry.partnerId ?? actorPartner,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await tx.execute(sql`
      insert into audit_events (workspace_id, actor_type, actor_id, actor_label, action, entity_type, entity_id,
        partner_id, before, after, request_id, ip_address)
      select ${actor.workspaceId}::uuid, ${actorType}, ${actorId}, ${actor.label}, x.action, x.entity_type,
        x.entity_id, x.partner_id, x.before, x.after, ${source.requestId ?? null}, ${source.ipAddress ?? null}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(action text, entity_type text, entity_id text,
        partner_id uuid, before jsonb, after jsonb)`);
  }
}

/** Newest first, keyset-paginated by id. */
export async function listAuditEvents(
  db: DbOrTx,
  workspaceId: string,
  query: AuditEventQuery & { limit: number },
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditEvents.entityId, query.entityId));
  if (query.actorId) where.push(eq(auditEvents.actorId, query.actorId));
  if (query.from) where.push(gte(auditEvents.occurredAt, new Date(query.from)));
  if (query.to) where.push(lte(auditEvents.occurredAt, new Date(query.to)));
  if (query.before) where.push(lt(auditEvents.id, Number(query.before)));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurredAt.toISOString(),
      actorType: row.actorType as AuditEvent["actorType"],
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      partnerId: row.partnerId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
      ipAddress: row.ipAddress,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]?.id) : null,
  };
}
