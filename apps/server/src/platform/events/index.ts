import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { AuditSource } from "../audit";
import { domainEvents } from "./events.schema";

export { domainEvents } from "./events.schema";

/**
 * The payload of every event type. Modules add their events by declaration merging:
 * `declare module "../../platform/events" { interface EventMap { "partner.created": {...} } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface EventMap {}

export type EventType = keyof EventMap & string;

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  workspaceId: string;
  partnerId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  payload: EventMap[T];
}

export interface StoredEvent<T extends EventType = EventType> extends DomainEvent<T> {
  id: number;
  occurredAt: Date;
  actorLabel: string | null;
}

/** Reacts to an event inside the transaction that emitted it (so both commit or neither). */
export type EventSubscriber<T extends EventType> = (
  tx: DbOrTx,
  event: StoredEvent<T>,
  source: AuditSource,
) => Promise<void>;

// Subscriptions are code, registered when a module loads — not request state.
const subscribers = new Map<string, EventSubscriber<EventType>[]>();

export function subscribe<T extends EventType>(type: T, subscriber: EventSubscriber<T>): void {
  const list = subscribers.get(type) ?? [];
  list.push(subscriber as unknown as EventSubscriber<EventType>);
  subscribers.set(type, list);
}

/** Stores the event and runs its subscribers, all in the caller's transaction. */
export async function emitEvent<T extends EventType>(
  tx: DbOrTx,
  source: AuditSource,
  event: DomainEvent<T>,
): Promise<StoredEvent<T>> {
  const [row] = await tx
    .insert(domainEvents)
    .values({
      workspaceId: event.workspaceId,
      type: event.type,
      partnerId: event.partnerId ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      payload: event.payload as object,
      actorLabel: source.actor.label,
    })
    .returning({ id: domainEvents.id, occurredAt: domainEvents.occurredAt });
  if (!row) throw new Error("event insert returned nothing");
  const stored: StoredEvent<T> = { ...event, id: row.id, occurredAt: row.occurredAt, actorLabel: source.actor.label };
  for (const subscriber of subscribers.get(event.type) ?? []) {
    await subscriber(tx, stored as unknown as StoredEvent<EventType>, source);
  }
  return stored;
}

/** A partner's events, newest first (for the activity timeline). */
export async function listPartnerEvents(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  page: { before?: number | undefined; limit: number },
): Promise<StoredEvent[]> {
  const where: SQL[] = [eq(domainEvents.workspaceId, workspaceId), eq(domainEvents.partnerId, partnerId)];
  if (page.before) where.push(lt(domainEvents.id, page.before));
  const rows = await db
    .select()
    .from(domainEvents)
    .where(and(...where))
    .orderBy(desc(domainEvents.id))
    .limit(page.limit);
  return rows.map((row) => ({
    id: row.id,
    type: row.type as EventType,
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    entityType: row.entityType,
    entityId: row.entityId,
    payload: row.payload as EventMap[EventType],
    occurredAt: row.occurredAt,
    actorLabel: row.actorLabel,
  }));
}
