import type { Tx } from "../../db";
import type { ImportKind, ImportWriteContext, ValidRow } from "./imports.registry";

/**
 * Hands valid rows to the kind's `writeBatch` in batches inside the caller's transaction, reporting
 * progress after each batch. The same path serves the console, the CLI and the benchmarks.
 */
export async function writeImportRows<Row>(
  tx: Tx,
  kind: ImportKind<Row>,
  context: ImportWriteContext,
  rows: readonly ValidRow<Row>[],
  onProgress: (done: number) => Promise<void> = async () => {},
): Promise<{ created: number; updated: number; skipped: number }> {
  const size = kind.batchSize ?? 5000;
  const total = { created: 0, updated: 0, skipped: 0 };
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const result = await kind.writeBatch(tx, context, batch);
    total.created += result.created;
    total.updated += result.updated;
    total.skipped += result.skipped ?? 0;
    await onProgress(Math.min(rows.length, start + batch.length));
  }
  return total;
}
