import type { PartnerTimelineItem, PartnerTimelinePage } from "@symbiont/contracts";
import { and, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { auditEvents } from "../../platform/audit";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { assertCanReadPartners } from "./partners.policies";
import { findPartnerRow } from "./partners.queries";
import { partnerStageTransitions } from "./partners.schema";

// The activity timeline merges three sources newest first: stage transitions, domain events and
// audit entries of the partner. Events mirrored by an audit entry of the same transaction (same
// action, same instant; the audit entry carries before/after) and `partner.stage_changed` entries
// (mirrored by the transition) are left out so one change shows once. The cursor is keyset over (instant in µs, source rank, id).

const rank = { audit: 0, event: 1, stage: 2 } as const;
type Kind = keyof typeof rank;

interface Cursor {
  micros: bigint;
  rank: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.micros}|${cursor.rank}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  const [micros, kindRank, id] = Buffer.from(raw, "base64url").toString().split("|");
  if (!micros || !/^\d{1,19}$/.test(micros) || !kindRank || !/^[0-2]$/.test(kindRank) || !id) return undefined;
  const valid = kindRank === "2" ? /^[0-9a-f-]{36}$/.test(id) : /^\d{1,18}$/.test(id);
  return valid ? { micros: BigInt(micros), rank: Number(kindRank), id } : undefined;
}

const microsOf = (column: AnyPgColumn) => sql`(extract(epoch from ${column}) * 1000000)::bigint`;

/** Rows of a source strictly after the cursor in (micros, rank, id) descending order. */
function afterCursor(kind: Kind, at: AnyPgColumn, id: AnyPgColumn, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const micros = microsOf(at);
  const mine = rank[kind];
  const cursorMicros = cursor.micros.toString();
  if (mine < cursor.rank) return sql`${micros} <= ${cursorMicros}::bigint`;
  if (mine > cursor.rank) return sql`${micros} < ${cursorMicros}::bigint`;
  const idValue = kind === "stage" ? sql`${cursor.id}::uuid` : sql`${cursor.id}::bigint`;
  return sql`(${micros} < ${cursorMicros}::bigint or (${micros} = ${cursorMicros}::bigint and ${id} < ${idValue}))`;
}

interface Entry {
  item: PartnerTimelineItem;
  micros: bigint;
  rank: number;
  sortId: string;
}

function compare(a: Entry, b: Entry): number {
  if (a.micros !== b.micros) return a.micros > b.micros ? -1 : 1;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.rank === rank.stage) return a.sortId > b.sortId ? -1 : a.sortId < b.sortId ? 1 : 0;
  const [x, y] = [BigInt(a.sortId), BigInt(b.sortId)];
  return x > y ? -1 : x < y ? 1 : 0;
}

export async function getPartnerTimeline(
  ctx: ServiceContext,
  partnerId: string,
  query: { before?: string | undefined; limit: number },
): Promise<PartnerTimelinePage> {
  assertCanReadPartners(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  if (!(await findPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner not found");
  const cursor = decodeCursor(query.before);
  const take = query.limit + 1;

  const t = partnerStageTransitions;
  const stageRows = db
    .select({ row: t, micros: sql<string>`${microsOf(t.occurredAt)}::text` })
    .from(t)
    .where(
      and(eq(t.workspaceId, workspaceId), eq(t.partnerId, partnerId), afterCursor("stage", t.occurredAt, t.id, cursor)),
    )
    .orderBy(desc(t.occurredAt), desc(t.id))
    .limit(take);
  const e = domainEvents;
  const a = auditEvents;
  const eventRows = db
    .select({ row: e, micros: sql<string>`${microsOf(e.occurredAt)}::text` })
    .from(e)
    .where(
      and(
        eq(e.workspaceId, workspaceId),
        eq(e.partnerId, partnerId),
        ne(e.type, "partner.stage_changed"),
        sql`not exists (select 1 from ${a} where ${a.workspaceId} = ${e.workspaceId} and ${a.partnerId} = ${e.partnerId} and ${a.action} = ${e.type} and ${a.occurredAt} = ${e.occurredAt})`,
        afterCursor("event", e.occurredAt, e.id, cursor),
      ),
    )
    .orderBy(desc(e.occurredAt), desc(e.id))
    .limit(take);
  const auditRows = db
    .select({ row: a, micros: sql<string>`${microsOf(a.occurredAt)}::text` })
    .from(a)
    .where(
      and(
        eq(a.workspaceId, workspaceId),
        eq(a.partnerId, partnerId),
        ne(a.action, "partner.stage_changed"),
        afterCursor("audit", a.occurredAt, a.id, cursor),
      ),
    )
    .orderBy(desc(a.occurredAt), desc(a.id))
    .limit(take);
  const [stages, events, audits] = await Promise.all([stageRows, eventRows, auditRows]);

  const entries: Entry[] = [
    ...stages.map(({ row, micros }) => ({
      micros: BigInt(micros),
      rank: rank.stage,
      sortId: row.id,
      item: {
        id: `stage:${row.id}`,
        kind: "stage" as const,
        occurredAt: row.occurredAt.toISOString(),
        actorLabel: row.actorLabel,
        action: "stage",
        fromStage: row.fromStage,
        toStage: row.toStage,
        reason: row.reason,
        data: null,
      },
    })),
    ...events.map(({ row, micros }) => ({
      micros: BigInt(micros),
      rank: rank.event,
      sortId: String(row.id),
      item: {
        id: `event:${row.id}`,
        kind: "event" as const,
        occurredAt: row.occurredAt.toISOString(),
        actorLabel: row.actorLabel,
        action: row.type,
        fromStage: null,
        toStage: null,
        reason: null,
        data: row.payload,
      },
    })),
    ...audits.map(({ row, micros }) => ({
      micros: BigInt(micros),
      rank: rank.audit,
      sortId: String(row.id),
      item: {
        id: `audit:${row.id}`,
        kind: "audit" as const,
        occurredAt: row.occurredAt.toISOString(),
        actorLabel: row.actorLabel,
        action: row.action,
        fromStage: null,
        toStage: null,
        reason: null,
        data: { entityType: row.entityType, entityId: row.entityId, before: row.before, after: row.after },
      },
    })),
  ].sort(compare);
  const page = entries.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => entry.item),
    nextCursor:
      entries.length > query.limit && last
        ? encodeCursor({ micros: last.micros, rank: last.rank, id: last.sortId })
        : null,
  };
}
