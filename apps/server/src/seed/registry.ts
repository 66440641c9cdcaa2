import type { Database, Tx } from "../db";
import type { WorkspaceRow } from "../modules/workspaces";

export interface SeedContext {
  tx: Tx;
  workspace: WorkspaceRow;
  /** argon2id hash of the demo password, computed once. */
  demoPasswordHash: string;
  /** Ids that later contributors look up by a stable key, e.g. `partner:northwind`. */
  refs: Map<string, string>;
  progress(message: string): void;
  /** Options of the generated demo ecosystem (`symbiont seed --demo --scale …`). */
  demo?: { scale?: number; seed?: number; control?: boolean; anchor?: Date };
}

/** What a contributor's deferred step sees once the seed transaction has committed. */
export interface AfterCommitContext {
  database: Database;
  workspaceId: string;
  refs: ReadonlyMap<string, string>;
  progress(message: string): void;
  demo?: SeedContext["demo"];
}

/** One module's share of the demo workspace. Contributors run in list order, in one transaction. */
export interface SeedContributor {
  module: string;
  seed(context: SeedContext): Promise<void>;
  /**
   * Work too heavy for the seed transaction at large scales (a million deals), run in list order
   * after it commits, through the same jobs a running platform uses (worker thread, COPY).
   */
  afterCommit?(context: AfterCommitContext): Promise<void>;
}

/**
 * Above this scale the demo's attribution snapshot and metric read models are computed after the
 * seed transaction commits instead of inside it: one transaction holding a million deals, their
 * credits and their facts would keep gigabytes of row versions pinned for half an hour.
 */
export const LARGE_DEMO_SCALE = 10;

export function isLargeDemo(context: Pick<SeedContext, "demo">): boolean {
  return (context.demo?.scale ?? 1) > LARGE_DEMO_SCALE;
}

export function ref(context: SeedContext, key: string): string {
  const id = context.refs.get(key);
  if (!id) throw new Error(`Demo seed: ${key} has not been created yet (check the contributor order)`);
  return id;
}
