import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { notFound } from "../../platform/errors";

/** A slicer naming a partner, program or tier of another workspace answers 404, like any other read. */
export async function assertSlicers(db: DbOrTx, workspaceId: string, filters: MetricFilters): Promise<void> {
  const checks: [string | undefined, string, string][] = [
    [filters.partnerId, "partners", "Partner not found"],
    [filters.programId, "programs", "Program not found"],
    [filters.tierId, "tiers", "Tier not found"],
  ];
  for (const [id, table, message] of checks) {
    if (!id) continue;
    const result = await db.execute(
      sql`select 1 from ${sql.identifier(table)} where workspace_id = ${workspaceId} and id = ${id} limit 1`,
    );
    if (result.rows.length === 0) throw notFound(message);
  }
}
