import type { Tx } from "../db";
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

/** One module's share of the demo workspace. Contributors run in list order, in one transaction. */
export interface SeedContributor {
  module: string;
  seed(context: SeedContext): Promise<void>;
}

export function ref(context: SeedContext, key: string): string {
  const id = context.refs.get(key);
  if (!id) throw new Error(`Demo seed: ${key} has not been created yet (check the contributor order)`);
  return id;
}
