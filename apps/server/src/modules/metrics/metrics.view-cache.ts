import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";

// Views computed from the read models change only when the read models are rebuilt or a metric
// input the views read directly changes (cost lines, channel spend, settings). At a million deals
// a dashboard takes seconds to compute and a few milliseconds to read back, so each answer is
// stored per request key and served until one of those changes.

/** The state a stored view was computed against: the last refresh and a digest of the inputs. */
const stateSql = (workspaceId: string) => sql`
  select r.refreshed_at, r.refreshed_at::text as refreshed_text,
    md5(concat_ws('|',
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from metric_cost_lines where workspace_id = ${workspaceId}),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from metric_channel_spend where workspace_id = ${workspaceId}),
      (select updated_at::text from metric_settings where workspace_id = ${workspaceId}))) as token
  from metric_refreshes r where r.workspace_id = ${workspaceId}`;

/** A stable key for a request: its fields sorted, undefined ones dropped. */
export function viewKey(value: Record<string, unknown>): string {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

export interface CachedView<T> {
  value: T;
  /** True when the answer came from the store. */
  hit: boolean;
}

/**
 * The stored answer of `kind` for `key` when it is still current, else `compute()`'s, stored for the
 * next request. Without any refresh yet the answer is computed every time (nothing to pin it to).
 * A refresh that lands while computing leaves a row pinned to the old state, which no later
 * request takes for current.
 */
export async function cachedView<T>(
  db: DbOrTx,
  workspaceId: string,
  kind: string,
  key: string,
  compute: () => Promise<T>,
): Promise<CachedView<T>> {
  const found = await readStored(db, workspaceId, kind, key, sql`v.body`);
  if (found.stored) return { value: found.part as T, hit: true };
  const value = await compute();
  await store(db, workspaceId, kind, key, found.state, value, found.started);
  return { value, hit: false };
}

/**
 * `cachedView` for a large answer of which a request needs a few parts (one partner's entry of the
 * whole population): the parts are cut out in the database (`body #> path`), so a request neither
 * transfers nor parses the rest. `pick` takes the same parts from a freshly computed answer; a part
 * the stored answer has nothing for is null.
 */
export async function cachedViewParts<T, P extends readonly unknown[]>(
  db: DbOrTx,
  workspaceId: string,
  kind: string,
  key: string,
  paths: readonly (readonly string[])[],
  compute: () => Promise<T>,
  pick: (value: T) => P,
): Promise<CachedView<P>> {
  const parts = sql.join(
    paths.map((path) => sql`v.body #> ${`{${path.map(pathElement).join(",")}}`}::text[]`),
    sql`, `,
  );
  const found = await readStored(db, workspaceId, kind, key, sql`jsonb_build_array(${parts})`);
  if (found.stored) return { value: found.part as P, hit: true };
  const value = await compute();
  await store(db, workspaceId, kind, key, found.state, value, found.started);
  return { value: pick(value), hit: false };
}

/** A text[] literal element, quoted so commas, quotes and braces in a key stay inside it. */
const pathElement = (element: string) => `"${element.replace(/["\\]/g, (c) => `\\${c}`)}"`;

interface StoredState {
  refreshedText: string;
  token: string;
}

async function readStored(db: DbOrTx, workspaceId: string, kind: string, key: string, part: SQL) {
  const found = await db.execute(sql`
    with state as (${stateSql(workspaceId)})
    select s.refreshed_text, s.token, v.body is not null as stored, ${part} as part
    from state s
    left join metric_view_cache v on v.workspace_id = ${workspaceId} and v.kind = ${kind} and v.view_key = ${key}
      and v.refreshed_at = s.refreshed_at and v.inputs_token = s.token`);
  const row = found.rows[0];
  const raw = row?.part;
  const state: StoredState | null = row
    ? { refreshedText: String(row.refreshed_text), token: String(row.token) }
    : null;
  return {
    stored: row?.stored === true,
    part: typeof raw === "string" ? JSON.parse(raw) : raw,
    state,
    started: performance.now(),
  };
}

/** Keeps a computed answer for the next request, pinned to the state it was computed against. */
async function store(
  db: DbOrTx,
  workspaceId: string,
  kind: string,
  key: string,
  state: StoredState | null,
  value: unknown,
  started: number,
): Promise<void> {
  if (!state) return;
  await db.execute(sql`
    insert into metric_view_cache (workspace_id, kind, view_key, refreshed_at, inputs_token, body, compute_ms)
    values (${workspaceId}, ${kind}, ${key}, ${state.refreshedText}::timestamptz, ${state.token},
      ${JSON.stringify(value)}::jsonb, ${Math.round(performance.now() - started)})
    on conflict (workspace_id, kind, view_key) do update set refreshed_at = excluded.refreshed_at,
      inputs_token = excluded.inputs_token, body = excluded.body, compute_ms = excluded.compute_ms,
      computed_at = now()`);
}

/** Drops a workspace's stored views (every refresh does, in its transaction). */
export async function clearViews(db: DbOrTx, workspaceId: string): Promise<void> {
  await db.execute(sql`delete from metric_view_cache where workspace_id = ${workspaceId}`);
}

/** Computes and stores the views of one kind people open first; answers how many it stored. */
export type ViewWarmer = (db: DbOrTx, workspaceId: string) => Promise<number>;

const warmers = new Map<string, ViewWarmer>();

/** Modules that serve stored views register what to compute ahead after each refresh. */
export function registerViewWarmer(kind: string, warmer: ViewWarmer): void {
  warmers.set(kind, warmer);
}

/**
 * After a refresh has committed: the default views (the default period, then one slicer at a
 * time), computed one after another so the first person to open them is served a stored answer.
 */
export async function warmViews(db: DbOrTx, workspaceId: string): Promise<{ views: number; durationMs: number }> {
  const started = performance.now();
  let views = 0;
  for (const warmer of warmers.values()) views += await warmer(db, workspaceId);
  return { views, durationMs: Math.round(performance.now() - started) };
}
