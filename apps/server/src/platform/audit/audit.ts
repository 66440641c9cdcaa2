import type { AuditEvent, AuditEventQuery } from "@symbiont/contracts";
import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
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

// 13 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535-parameter limit.
const AUDIT_CHUNK = 1000;

export async function recordAuditMany(tx: DbOrTx, source: AuditSource, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_CHUNK) {
    await insertAuditChunk(tx, source, entries.slice(start, start + AUDIT_CHUNK));
  }
}

async function insertAuditChunk(tx: DbOrTx, source: AuditSource, entries: AuditEntry[]): Promise<void> {
  const { actor } = source;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      workspaceId: actor.workspaceId,
      actorType: actor.kind === "system" ? "system" : actor.apiKeyId ? "api_key" : "user",
      actorId: actor.kind === "system" ? null : (actor.userId ?? actor.apiKeyId),
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      partnerId: entry.partnerId ?? (actor.kind === "partner" ? actor.partnerId : null),
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: source.requestId ?? null,
      ipAddress: source.ipAddress ?? null,
    })),
  );
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
