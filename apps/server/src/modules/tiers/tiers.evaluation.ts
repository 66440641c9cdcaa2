import type { TierEvaluationResult, TierMetric } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditEntry, type AuditSource, recordAuditMany } from "../../platform/audit";
import { type ProgramRow, programMemberships } from "../programs";
import { applyTierChange } from "./tiers.apply";
import { collectManualChecks, collectTierMetrics, type MetricValues, windowStart } from "./tiers.metrics";
import { programTiers, type Tier } from "./tiers.queries";
import { evaluateStep, type PartnerStanding, qualifiedTier } from "./tiers.rules";
import { tierEvaluations, tierProposals } from "./tiers.schema";

/** The metrics a set of tiers thresholds (only those are collected). */
export function metricsUsed(list: readonly Tier[]): TierMetric[] {
  return [...new Set(list.flatMap((tier) => tier.criteria.map((criterion) => criterion.metric)))];
}

export interface ProgramStandings {
  members: { partnerId: string; tierId: string | null }[];
  standings: Map<string, PartnerStanding & { metrics: MetricValues }>;
}

/** Every member of a program with their metrics over the program's window and their manual checks (batched). */
export async function programStandings(
  db: DbOrTx,
  program: ProgramRow,
  list: readonly Tier[],
  now: Date,
): Promise<ProgramStandings> {
  const members = await db
    .select({ partnerId: programMemberships.partnerId, tierId: programMemberships.tierId })
    .from(programMemberships)
    .where(and(eq(programMemberships.workspaceId, program.workspaceId), eq(programMemberships.programId, program.id)));
  const partnerIds = members.map((member) => member.partnerId);
  const query = {
    workspaceId: program.workspaceId,
    partnerIds,
    from: windowStart(now, program.tierWindowMonths),
    to: now,
  };
  // One after the other: evaluation runs inside a transaction, one query at a time on its connection.
  const metrics = await collectTierMetrics(db, query, metricsUsed(list));
  const checks = await collectManualChecks(db, program.workspaceId, partnerIds);
  const standings = new Map(
    partnerIds.map((id) => [id, { metrics: metrics.get(id) ?? {}, checks: checks.get(id) ?? new Set<string>() }]),
  );
  return { members, standings };
}

/**
 * Evaluates every member of a program at `now`: upgrades become proposals at once, shortfalls
 * start the grace clock and become downgrade proposals once it has run out, and the program's
 * auto-apply setting applies proposals immediately. Stale pending proposals are withdrawn.
 */
export async function evaluateProgramTiers(
  tx: DbOrTx,
  source: AuditSource,
  program: ProgramRow,
  now: Date,
): Promise<TierEvaluationResult> {
  const result: TierEvaluationResult = { evaluated: 0, proposed: 0, applied: 0, graceStarted: 0 };
  const list = await programTiers(tx, program.workspaceId, program.id);
  if (list.length === 0) return result;
  const byId = new Map(list.map((tier) => [tier.id, tier]));
  const { members, standings } = await programStandings(tx, program, list, now);
  if (members.length === 0) return result;
  const scope = (table: typeof tierEvaluations | typeof tierProposals) =>
    and(eq(table.workspaceId, program.workspaceId), eq(table.programId, program.id));
  // One after the other: `tx` is a transaction, whose connection runs one query at a time.
  const evaluations = await tx.select().from(tierEvaluations).where(scope(tierEvaluations));
  const pending = await tx
    .select()
    .from(tierProposals)
    .where(and(scope(tierProposals), eq(tierProposals.status, "pending")));
  const clockOf = new Map(evaluations.map((row) => [row.partnerId, row.shortfallSince]));
  const pendingOf = new Map(pending.map((row) => [row.partnerId, row]));
  const audits: AuditEntry[] = [];
  const upserts: (typeof tierEvaluations.$inferInsert)[] = [];

  for (const member of members) {
    result.evaluated += 1;
    const standing = standings.get(member.partnerId) ?? { metrics: {}, checks: new Set<string>() };
    const current = member.tierId ? (byId.get(member.tierId) ?? null) : null;
    const qualified = qualifiedTier(list, standing);
    const step = evaluateStep({
      currentRank: current?.rank ?? null,
      qualifiedRank: qualified?.rank ?? null,
      shortfallSince: clockOf.get(member.partnerId) ?? null,
      graceDays: program.tierGraceDays,
      now,
    });
    if (step.graceStarted) result.graceStarted += 1;
    let shortfallSince = step.shortfallSince;
    const existing = pendingOf.get(member.partnerId);
    const target = qualified?.id ?? null;
    const keep = existing && step.action !== "none" && existing.toTierId === target;
    if (existing && !keep) {
      await tx
        .update(tierProposals)
        .set({ status: "withdrawn", decidedAt: now, decisionReason: "No longer matches the partner's standing" })
        .where(and(eq(tierProposals.workspaceId, program.workspaceId), eq(tierProposals.id, existing.id)));
      audits.push({
        action: "tier_proposal.withdrawn",
        entityType: "tier_proposal",
        entityId: existing.id,
        partnerId: member.partnerId,
        before: { status: "pending", toTierId: existing.toTierId },
        after: { status: "withdrawn" },
      });
    }
    if (step.action !== "none" && !keep) {
      const direction = step.action === "propose_upgrade" ? "up" : "down";
      const auto = program.autoApplyTierChanges;
      const evidence = {
        metrics: standing.metrics,
        checks: [...standing.checks],
        qualifiedTierId: target,
        currentTierId: current?.id ?? null,
        shortfallSince: step.shortfallSince?.toISOString() ?? null,
        graceDays: program.tierGraceDays,
        windowMonths: program.tierWindowMonths,
        criteria: qualified?.criteria ?? [],
        evaluatedAt: now.toISOString(),
      };
      const [proposal] = await tx
        .insert(tierProposals)
        .values({
          workspaceId: program.workspaceId,
          partnerId: member.partnerId,
          programId: program.id,
          fromTierId: current?.id ?? null,
          toTierId: target,
          direction,
          status: auto ? "approved" : "pending",
          evidence,
          createdAt: now,
          decidedAt: auto ? now : null,
          decidedBy: auto ? source.actor.label : null,
          decisionReason: auto ? "Applied automatically (program setting)" : null,
          autoApplied: auto,
        })
        .returning({ id: tierProposals.id });
      if (!proposal) throw new Error("tier proposal insert returned nothing");
      result.proposed += 1;
      audits.push({
        action: "tier_proposal.created",
        entityType: "tier_proposal",
        entityId: proposal.id,
        partnerId: member.partnerId,
        after: {
          programId: program.id,
          fromTierId: current?.id ?? null,
          toTierId: target,
          direction,
          autoApplied: auto,
        },
      });
      if (auto) {
        await applyTierChange(tx, source, {
          workspaceId: program.workspaceId,
          partnerId: member.partnerId,
          programId: program.id,
          fromTierId: current?.id ?? null,
          toTierId: target,
          direction,
          proposalId: proposal.id,
          autoApplied: true,
          now,
        });
        shortfallSince = null;
        result.applied += 1;
      }
    }
    upserts.push({
      workspaceId: program.workspaceId,
      partnerId: member.partnerId,
      programId: program.id,
      qualifiedTierId: target,
      shortfallSince,
      metrics: standing.metrics,
      evaluatedAt: now,
    });
  }
  for (let index = 0; index < upserts.length; index += 1000) {
    await tx
      .insert(tierEvaluations)
      .values(upserts.slice(index, index + 1000))
      .onConflictDoUpdate({
        target: [tierEvaluations.workspaceId, tierEvaluations.partnerId, tierEvaluations.programId],
        set: {
          qualifiedTierId: sql`excluded.qualified_tier_id`,
          shortfallSince: sql`excluded.shortfall_since`,
          metrics: sql`excluded.metrics`,
          evaluatedAt: sql`excluded.evaluated_at`,
        },
      });
  }
  await recordAuditMany(tx, source, audits);
  return result;
}
