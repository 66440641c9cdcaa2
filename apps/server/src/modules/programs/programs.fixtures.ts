import { randomUUID } from "node:crypto";
import type { TierCriterion, TierManualCheck } from "@symbiont/contracts";
import type { Database } from "../../db";
import { tierProposals, tiers } from "../../db/schema";
import { programMemberships, programs } from "./programs.schema";

// Direct inserts for tests and the isolation matrix: records a test needs as targets, bypassing the API.

export async function insertProgram(
  database: Database,
  workspaceId: string,
  values: Partial<typeof programs.$inferInsert> = {},
) {
  const tag = randomUUID().slice(0, 8);
  const [row] = await database.db
    .insert(programs)
    .values({ workspaceId, name: `Program ${tag}`, slug: `program-${tag}`, ...values })
    .returning();
  if (!row) throw new Error("program not inserted");
  return row;
}

export async function insertTier(
  database: Database,
  workspaceId: string,
  programId: string,
  values: { name?: string; rank: number; criteria?: TierCriterion[]; manualChecks?: TierManualCheck[] },
) {
  const [row] = await database.db
    .insert(tiers)
    .values({
      workspaceId,
      programId,
      name: values.name ?? `Tier ${values.rank}`,
      rank: values.rank,
      criteria: values.criteria ?? [],
      manualChecks: values.manualChecks ?? [],
      benefits: [`Benefit of ${values.name ?? values.rank}`],
    })
    .returning();
  if (!row) throw new Error("tier not inserted");
  return row;
}

export async function insertMembership(
  database: Database,
  workspaceId: string,
  programId: string,
  partnerId: string,
  tierId: string | null = null,
) {
  await database.db
    .insert(programMemberships)
    .values({ workspaceId, programId, partnerId, tierId, tierSince: tierId ? new Date() : null });
}

/** A program with two tiers, `partnerId` at the lower one and a pending upgrade proposal. */
export async function insertPendingProposal(database: Database, workspaceId: string, partnerId: string) {
  const program = await insertProgram(database, workspaceId);
  const low = await insertTier(database, workspaceId, program.id, { name: "Registered", rank: 0 });
  const high = await insertTier(database, workspaceId, program.id, { name: "Gold", rank: 1 });
  await insertMembership(database, workspaceId, program.id, partnerId, low.id);
  const [proposal] = await database.db
    .insert(tierProposals)
    .values({ workspaceId, partnerId, programId: program.id, fromTierId: low.id, toTierId: high.id, direction: "up" })
    .returning();
  if (!proposal) throw new Error("proposal not inserted");
  return { program, low, high, proposal };
}
