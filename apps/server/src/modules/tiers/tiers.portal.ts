import type { PortalTierView } from "@symbiont/contracts";
import { and, asc, eq, isNull } from "drizzle-orm";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { programMemberships, programs } from "../programs";
import { metricsUsed } from "./tiers.evaluation";
import { collectManualChecks, collectTierMetrics, windowStart } from "./tiers.metrics";
import { reportingCurrency, type Tier, tiersByProgram } from "./tiers.queries";
import { gapSentence, nextTierAbove, tierRequirements } from "./tiers.rules";

const portalTier = (tier: Tier) => ({
  id: tier.id,
  name: tier.name,
  rank: tier.rank,
  color: tier.color,
  benefits: tier.benefits,
});

/** The partner's tier in each of their programs, its benefits, and exactly what the next tier needs. */
export async function getOwnTierStanding(ctx: ServiceContext): Promise<PortalTierView> {
  requirePartner(ctx.actor);
  const { workspaceId, partnerId } = ctx.actor;
  const db = ctx.database.db;
  const [memberships, allTiers, currency, checks] = await Promise.all([
    db
      .select({ membership: programMemberships, program: programs })
      .from(programMemberships)
      .innerJoin(
        programs,
        and(eq(programs.workspaceId, programMemberships.workspaceId), eq(programs.id, programMemberships.programId)),
      )
      .where(
        and(
          eq(programMemberships.workspaceId, workspaceId),
          eq(programMemberships.partnerId, partnerId),
          isNull(programs.archivedAt),
        ),
      )
      .orderBy(asc(programs.name)),
    tiersByProgram(db, workspaceId),
    reportingCurrency(db, workspaceId),
    collectManualChecks(db, workspaceId, [partnerId]),
  ]);
  const now = new Date();
  const result: PortalTierView = { programs: [] };
  for (const { membership, program } of memberships) {
    const list = allTiers.get(program.id) ?? [];
    const metrics = await collectTierMetrics(
      db,
      { workspaceId, partnerIds: [partnerId], from: windowStart(now, program.tierWindowMonths), to: now },
      metricsUsed(list),
    );
    const standing = { metrics: metrics.get(partnerId) ?? {}, checks: checks.get(partnerId) ?? new Set<string>() };
    const current = list.find((tier) => tier.id === membership.tierId) ?? null;
    const next = nextTierAbove(list, current?.rank ?? null);
    const requirements = next ? tierRequirements(next, standing, currency) : [];
    result.programs.push({
      programId: program.id,
      programName: program.name,
      currency,
      windowMonths: program.tierWindowMonths,
      currentTier: current ? portalTier(current) : null,
      tierSince: current ? (membership.tierSince?.toISOString() ?? null) : null,
      nextTier: next ? portalTier(next) : null,
      requirements,
      summary: gapSentence(requirements),
      tiers: list.map(portalTier),
    });
  }
  return result;
}
