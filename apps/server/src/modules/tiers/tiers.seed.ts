import type { TierCriterion, TierManualCheck } from "@symbiont/contracts";
import { and, asc, eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import { recordAuditMany } from "../../platform/audit";
import { ref, type SeedContributor } from "../../seed/registry";
import { programMemberships } from "../programs";
import { partnerManualSignals, tierProposals, tiers } from "./tiers.schema";

interface DemoTier {
  name: string;
  color: string;
  benefits: string[];
  criteria: TierCriterion[];
  manualChecks?: TierManualCheck[];
  vendorObligations?: string[];
}

const usd = (dollars: number) => dollars * 100;
const businessPlan = { key: "business_plan", label: "Joint business plan signed" };
const integration = { key: "integration_certified", label: "Integration certified by Acme" };

const ladders: Record<"reseller" | "referral" | "technology", DemoTier[]> = {
  reseller: [
    {
      name: "Registered",
      color: "#64748b",
      benefits: ["Partner portal access", "Deal registration with 90-day protection", "10% resale discount"],
      criteria: [],
    },
    {
      name: "Silver",
      color: "#94a3b8",
      benefits: ["20% resale discount", "Not-for-resale licences", "Co-branded collateral"],
      criteria: [
        { metric: "certified_people", min: 2 },
        { metric: "sourced_revenue", min: usd(50_000) },
        { metric: "approved_registrations", min: 3 },
      ],
      vendorObligations: ["Named partner manager"],
    },
    {
      name: "Gold",
      color: "#c9a227",
      benefits: ["30% resale discount", "Market development funds up to $25,000 a year", "Shared leads"],
      criteria: [
        { metric: "certified_people", min: 5 },
        { metric: "sourced_revenue", min: usd(250_000) },
        { metric: "won_deals", min: 5 },
      ],
      manualChecks: [businessPlan],
      vendorObligations: ["Named partner manager", "Quarterly business review"],
    },
    {
      name: "Platinum",
      color: "#6d28d9",
      benefits: ["40% resale discount", "Market development funds up to $100,000 a year", "Executive sponsor"],
      criteria: [
        { metric: "certified_people", min: 10 },
        { metric: "sourced_revenue", min: usd(1_000_000) },
        { metric: "influenced_revenue", min: usd(500_000) },
        { metric: "won_deals", min: 15 },
      ],
      manualChecks: [businessPlan, { key: "executive_sponsor", label: "Executive sponsor named on both sides" }],
      vendorObligations: ["Named partner manager", "Quarterly business review", "Annual executive summit seat"],
    },
  ],
  referral: [
    { name: "Registered", color: "#64748b", benefits: ["10% referral fee on won deals"], criteria: [] },
    {
      name: "Preferred",
      color: "#0ea5e9",
      benefits: ["15% referral fee", "Featured in the partner directory"],
      criteria: [
        { metric: "won_deals", min: 2 },
        { metric: "points", min: 200 },
      ],
    },
    {
      name: "Elite",
      color: "#c9a227",
      benefits: ["20% referral fee", "Joint webinars", "Early access to the roadmap"],
      criteria: [
        { metric: "won_deals", min: 6 },
        { metric: "influenced_revenue", min: usd(150_000) },
        { metric: "points", min: 600 },
      ],
      vendorObligations: ["Quarterly pipeline review"],
    },
  ],
  technology: [
    { name: "Registered", color: "#64748b", benefits: ["Sandbox tenant", "Developer documentation"], criteria: [] },
    {
      name: "Validated",
      color: "#0d9488",
      benefits: ["Marketplace listing", "Validated integration badge"],
      criteria: [{ metric: "certified_people", min: 1 }],
      manualChecks: [integration],
    },
    {
      name: "Premier",
      color: "#6d28d9",
      benefits: ["Featured marketplace placement", "Joint go-to-market plan", "Roadmap briefings"],
      criteria: [
        { metric: "certified_people", min: 3 },
        { metric: "engagement_score", min: 70 },
      ],
      manualChecks: [integration, { key: "security_review", label: "Annual security review passed" }],
      vendorObligations: ["Technical account manager"],
    },
  ],
};

/** Hand-picked tiers for the named demo partners (rank in the program). */
const namedRanks: Record<string, Partial<Record<keyof typeof ladders, number>>> = {
  northwind: { reseller: 2, referral: 1 },
  contoso: { reseller: 1 },
  fabrikam: { reseller: 3, technology: 2 },
  tailspin: { technology: 1 },
  litware: { referral: 0, technology: 1 },
};

/** Pending proposals for named partners: +1 = upgrade, -1 = downgrade. */
const namedMoves: Record<string, number> = { "contoso:reseller": 1, "litware:technology": -1 };

/** A stable spread: most partners low, a few at the top. */
const spread = [0, 1, 0, 2, 1, 0, 1, 3, 0, 2, 1, 0];

/** Tiers of the three demo programs, current tiers, manual signals and a couple of pending proposals. */
export const tiersSeed: SeedContributor = {
  module: "tiers",
  async seed(context) {
    const { tx, workspace, refs, progress } = context;
    const workspaceId = workspace.id;
    const source = { actor: { kind: "system" as const, workspaceId, label: "demo seed" } };
    const named = new Map(
      [...refs.entries()].filter(([key]) => key.startsWith("partner:")).map(([key, id]) => [id, key.slice(8)]),
    );
    const certified = new Map<string, number>();
    const signals: (typeof partnerManualSignals.$inferInsert)[] = [];
    const checks = new Set<string>();
    const proposals: (typeof tierProposals.$inferInsert)[] = [];
    let tierCount = 0;
    for (const [programKey, ladder] of Object.entries(ladders) as [keyof typeof ladders, DemoTier[]][]) {
      const programId = ref(context, `program:${programKey}`);
      const rows = await tx
        .insert(tiers)
        .values(
          ladder.map((tier, rank) => ({
            workspaceId,
            programId,
            rank,
            name: tier.name,
            color: tier.color,
            benefits: tier.benefits,
            criteria: tier.criteria,
            manualChecks: tier.manualChecks ?? [],
            vendorObligations: tier.vendorObligations ?? [],
          })),
        )
        .returning({ id: tiers.id, rank: tiers.rank });
      tierCount += rows.length;
      const byRank = new Map(rows.map((row) => [row.rank, row.id]));
      for (const row of rows) refs.set(`tier:${programKey}:${ladder[row.rank]?.name.toLowerCase()}`, row.id);
      const members = await tx
        .select({ partnerId: programMemberships.partnerId, joinedAt: programMemberships.joinedAt })
        .from(programMemberships)
        .innerJoin(
          partners,
          and(eq(partners.workspaceId, programMemberships.workspaceId), eq(partners.id, programMemberships.partnerId)),
        )
        .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.programId, programId)))
        .orderBy(asc(partners.name), asc(partners.id));
      for (const [index, member] of members.entries()) {
        const namedKey = named.get(member.partnerId);
        const wanted = namedKey ? namedRanks[namedKey]?.[programKey] : undefined;
        const rank = Math.min(wanted ?? spread[index % spread.length] ?? 0, ladder.length - 1);
        await tx
          .update(programMemberships)
          .set({ tierId: byRank.get(rank) ?? null, tierSince: member.joinedAt })
          .where(
            and(
              eq(programMemberships.workspaceId, workspaceId),
              eq(programMemberships.programId, programId),
              eq(programMemberships.partnerId, member.partnerId),
            ),
          );
        // Manual signals consistent with the tier held: the certified-people count and the ticked checks.
        const people = [0, 2, 5, 10][rank] ?? 0;
        certified.set(member.partnerId, Math.max(certified.get(member.partnerId) ?? 0, people + (index % 3)));
        for (const tier of ladder.slice(0, rank + 1)) {
          for (const check of tier.manualChecks ?? []) checks.add(`${member.partnerId}|check:${check.key}`);
        }
        if (programKey === "technology") {
          signals.push({
            workspaceId,
            partnerId: member.partnerId,
            key: "engagement_score",
            value: 40 + rank * 20 + (index % 10),
          });
        }
        if (programKey === "referral") {
          signals.push({ workspaceId, partnerId: member.partnerId, key: "points", value: rank * 250 + index * 15 });
        }
        // Decisions waiting for a manager: Contoso has grown, Litware's integration lapsed, and a few more.
        const move = namedKey
          ? namedMoves[`${namedKey}:${programKey}`]
          : programKey === "reseller" && index % 10 === 4
            ? 1
            : 0;
        const toRank = rank + (move ?? 0);
        if (move && byRank.has(toRank)) {
          const up = move > 0;
          if (up)
            certified.set(member.partnerId, Math.max(certified.get(member.partnerId) ?? 0, [0, 2, 5, 10][toRank] ?? 0));
          proposals.push({
            workspaceId,
            partnerId: member.partnerId,
            programId,
            fromTierId: byRank.get(rank) ?? null,
            toTierId: byRank.get(toRank) ?? null,
            direction: up ? "up" : "down",
            evidence: {
              metrics: { certified_people: certified.get(member.partnerId) ?? 0 },
              note: up ? "Certified team grew this quarter" : "Requirements unmet after the grace period",
            },
          });
        }
      }
    }
    for (const [partnerId, value] of certified) {
      signals.push({ workspaceId, partnerId, key: "certified_people", value, note: "Imported from the LMS" });
    }
    for (const entry of checks) {
      const [partnerId = "", key = ""] = entry.split("|");
      signals.push({ workspaceId, partnerId, key, value: 1 });
    }
    if (signals.length > 0) {
      await tx.insert(partnerManualSignals).values(signals.map((signal) => ({ ...signal, updatedBy: "demo seed" })));
    }
    const inserted = proposals.length > 0 ? await tx.insert(tierProposals).values(proposals).returning() : [];
    await recordAuditMany(
      tx,
      source,
      inserted.map((proposal) => ({
        action: "tier_proposal.created",
        entityType: "tier_proposal",
        entityId: proposal.id,
        partnerId: proposal.partnerId,
        after: { programId: proposal.programId, toTierId: proposal.toTierId, direction: proposal.direction },
      })),
    );
    progress(`${tierCount} tiers, ${signals.length} manual signals, ${inserted.length} pending tier proposals`);
  },
};
