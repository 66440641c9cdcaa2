import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { Actor } from "../authz";
import { AppError, fieldError } from "../errors";
import { idempotencyKeys } from "./idempotency.schema";

export { idempotencyKeys } from "./idempotency.schema";

const KEY = /^[\w.:-]{8,128}$/;

export interface IdempotentRequest {
  /** The operation (its operationId). */
  scope: string;
  /** The `Idempotency-Key` header as sent, if any. */
  key: string | undefined;
  /** The parsed request body; its hash tells a retry from a different request. */
  body: unknown;
}

export interface StoredResult<T> {
  statusCode: number;
  body: T;
  /** True when this is the stored answer to an earlier request. */
  replayed: boolean;
}

/** Stable JSON (sorted keys) so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("hex");
}

function actorKey(actor: Actor): string {
  return actor.userId ? `user:${actor.userId}` : `api_key:${actor.apiKeyId ?? "unknown"}`;
}

/**
 * Runs a create once per (workspace, actor, operation, key), inside the caller's transaction:
 * concurrent retries wait on an advisory lock, a retry gets the first result back, and the same key
 * with a different body answers 422. Without a key the work simply runs.
 */
export async function once<T>(
  tx: DbOrTx,
  actor: Actor,
  request: IdempotentRequest,
  work: () => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResult<T>> {
  if (request.key === undefined) return { ...(await work()), replayed: false };
  if (!KEY.test(request.key)) {
    throw fieldError("headers.idempotency-key", "Use 8 to 128 letters, digits, '.', ':', '_' or '-'");
  }
  const who = actorKey(actor);
  const hash = requestHash(request.body);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`idem:${actor.workspaceId}:${who}:${request.scope}:${request.key}`}, 0))`,
  );
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.workspaceId, actor.workspaceId),
        eq(idempotencyKeys.actorKey, who),
        eq(idempotencyKeys.scope, request.scope),
        eq(idempotencyKeys.key, request.key),
      ),
    );
  if (existing) {
    if (existing.requestHash !== hash) {
      throw new AppError("IDEMPOTENCY_KEY_REUSED", {
        message: "This Idempotency-Key was already used for a different request; use a new key",
        details: {
          issues: [{ path: "headers.idempotency-key", message: "Key reused with another body", code: "invalid" }],
        },
      });
    }
    return { statusCode: existing.statusCode, body: existing.response as T, replayed: true };
  }
  const result = await work();
  await tx.insert(idempotencyKeys).values({
    workspaceId: actor.workspaceId,
    actorKey: who,
    scope: request.scope,
    key: request.key,
    requestHash: hash,
    statusCode: result.statusCode,
    response: result.body as object,
  });
  return { ...result, replayed: false };
}
