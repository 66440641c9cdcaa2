import {
  type TierCriterion,
  type TierManualCheck,
  type TierRecord,
  tierCriterion,
  tierManualCheck,
} from "@symbiont/contracts";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db";
import { workspaces } from "../../db/schema";
import { notFound } from "../../platform/errors";
import { programMemberships } from "../programs";
import type { TierRule } from "./tiers.rules";
import { tiers } from "./tiers.schema";

export type TierRow = typeof tiers.$inferSelect;

/** A tier with its jsonb columns parsed (bad stored data reads as no criteria, never a crash). */
export interface Tier extends TierRule {
  programId: string;
  color: string | null;
  benefits: string[];
  criteria: TierCriterion[];
  manualChecks: TierManualCheck[];
  vendorObligations: string[];
}

const criteriaColumn = z.array(tierCriterion).catch([]);
const checksColumn = z.array(tierManualCheck).catch([]);

export function parseTier(row: TierRow): Tier {
  return {
    id: row.id,
    programId: row.programId,
    name: row.name,
    rank: row.rank,
    color: row.color,
    benefits: row.benefits,
    criteria: criteriaColumn.parse(row.criteria),
    manualChecks: checksColumn.parse(row.manualChecks),
    vendorObligations: row.vendorObligations,
  };
}

export function toTierRecord(tier: Tier, memberCount: number): TierRecord {
  return {
    id: tier.id,
    programId: tier.programId,
    name: tier.name,
    rank: tier.rank,
    color: tier.color,
    benefits: tier.benefits,
    criteria: tier.criteria,
    manualChecks: tier.manualChecks,
    vendorObligations: tier.vendorObligations,
    memberCount,
  };
}

/** The tiers of a program, lowest rank first. */
export async function programTiers(db: DbOrTx, workspaceId: string, programId: string): Promise<Tier[]> {
  const rows = await db
    .select()
    .from(tiers)
    .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.programId, programId)))
    .orderBy(asc(tiers.rank));
  return rows.map(parseTier);
}

/** The tiers of several programs at once, grouped by program. */
export async function tiersByProgram(db: DbOrTx, workspaceId: string): Promise<Map<string, Tier[]>> {
  const rows = await db.select().from(tiers).where(eq(tiers.workspaceId, workspaceId)).orderBy(asc(tiers.rank));
  const result = new Map<string, Tier[]>();
  for (const row of rows) result.set(row.programId, [...(result.get(row.programId) ?? []), parseTier(row)]);
  return result;
}

export async function loadTier(db: DbOrTx, workspaceId: string, id: string): Promise<Tier> {
  const [row] = await db
    .select()
    .from(tiers)
    .where(and(eq(tiers.workspaceId, workspaceId), eq(tiers.id, id)));
  if (!row) throw notFound("Tier not found");
  return parseTier(row);
}

/** How many members hold each tier of a program. */
export async function tierMemberCounts(
  db: DbOrTx,
  workspaceId: string,
  programId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ tierId: programMemberships.tierId, n: sql<number>`count(*)::int` })
    .from(programMemberships)
    .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.programId, programId)))
    .groupBy(programMemberships.tierId);
  return new Map(rows.flatMap((row) => (row.tierId ? [[row.tierId, row.n] as const] : [])));
}

/** The workspace's reporting currency (money thresholds are in its minor units). */
export async function reportingCurrency(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ currency: workspaces.reportingCurrency })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.currency ?? "USD";
}
