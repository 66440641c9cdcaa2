import type { SimulateTiersBody, TierMove, TierSimulation } from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { partners } from "../../db/schema";
import type { ServiceContext } from "../../platform/context";
import { fieldError } from "../../platform/errors";
import { assertCanReadPrograms, loadProgram } from "../programs";
import { programStandings } from "./tiers.evaluation";
import { programTiers, type Tier } from "./tiers.queries";
import { qualifiedTier } from "./tiers.rules";

const ref = (tier: Tier | null) => (tier ? { id: tier.id, name: tier.name, rank: tier.rank } : null);

/**
 * "If Gold asked for X, who would move?": every member's qualifying tier under the current rules
 * and under the changed ones, with the same rules and metrics as the daily job. Writes nothing.
 */
export async function simulateTierChange(
  ctx: ServiceContext,
  programId: string,
  input: SimulateTiersBody,
): Promise<TierSimulation> {
  assertCanReadPrograms(ctx.actor);
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const program = await loadProgram(db, workspaceId, programId);
  const current = await programTiers(db, workspaceId, programId);
  const changed = current.find((tier) => tier.id === input.tierId);
  if (!changed) throw fieldError("body.tierId", "Choose a tier of this program");
  const simulated = current.map((tier) =>
    tier.id === input.tierId
      ? { ...tier, criteria: input.criteria, manualChecks: input.manualChecks ?? tier.manualChecks }
      : tier,
  );
  // Collect every metric either rule set thresholds.
  const { members, standings } = await programStandings(db, program, [...current, ...simulated], new Date());
  const byId = new Map(current.map((tier) => [tier.id, tier]));
  const moved: Omit<TierMove, "partnerName">[] = [];
  let up = 0;
  let down = 0;
  for (const member of members) {
    const standing = standings.get(member.partnerId);
    if (!standing) continue;
    const before = qualifiedTier(current, standing);
    const afterSim = qualifiedTier(simulated, standing);
    const after = afterSim ? (byId.get(afterSim.id) ?? null) : null;
    if (before?.id === after?.id) continue;
    const direction = (after?.rank ?? -1) > (before?.rank ?? -1) ? "up" : "down";
    if (direction === "up") up += 1;
    else down += 1;
    moved.push({
      partnerId: member.partnerId,
      currentTier: ref(member.tierId ? (byId.get(member.tierId) ?? null) : null),
      from: ref(before),
      to: ref(after),
      direction,
    });
  }
  const names = new Map<string, string>();
  if (moved.length > 0) {
    const rows = await db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(
        and(
          eq(partners.workspaceId, workspaceId),
          inArray(
            partners.id,
            moved.map((move) => move.partnerId),
          ),
        ),
      );
    for (const row of rows) names.set(row.id, row.name);
  }
  const moves = moved
    .map((move) => ({ ...move, partnerName: names.get(move.partnerId) ?? "Unknown partner" }))
    .sort((a, b) => a.partnerName.localeCompare(b.partnerName));
  return { evaluated: members.length, up, down, moves };
}
