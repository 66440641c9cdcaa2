import { asc, eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import { recordAuditMany } from "../../platform/audit";
import type { SeedContributor } from "../../seed/registry";
import { programMemberships, programs } from "./programs.schema";

type ProgramKey = "reseller" | "referral" | "technology";

const demoPrograms: { key: ProgramKey; values: Omit<typeof programs.$inferInsert, "workspaceId"> }[] = [
  {
    key: "reseller",
    values: {
      name: "Reseller",
      slug: "reseller",
      description: "Resell Acme Cloud with margin, deal protection and co-selling support.",
      protectionWindowDays: 90,
      tierGraceDays: 30,
      tierWindowMonths: 12,
    },
  },
  {
    key: "referral",
    values: {
      name: "Referral",
      slug: "referral",
      description: "Introduce customers to Acme Cloud and earn a referral fee on every won deal.",
      protectionWindowDays: 60,
      tierGraceDays: 30,
      tierWindowMonths: 12,
      autoRejectSpam: true,
    },
  },
  {
    key: "technology",
    values: {
      name: "Technology",
      slug: "technology",
      description: "Build and certify integrations with Acme Cloud; listed in the marketplace.",
      protectionWindowDays: null,
      tierGraceDays: 45,
      tierWindowMonths: 12,
    },
  },
];

/** Named demo partners keep hand-picked programs. */
const namedMemberships: Record<string, ProgramKey[]> = {
  northwind: ["reseller", "referral"],
  contoso: ["reseller"],
  fabrikam: ["reseller", "technology"],
  tailspin: ["technology"],
  litware: ["referral", "technology"],
};

const resellerTypes = new Set([
  "reseller",
  "var",
  "distributor",
  "msp",
  "system_integrator",
  "gsi",
  "cloud_marketplace",
]);
const referralTypes = new Set(["referral", "affiliate", "influencer", "retention"]);
const technologyTypes = new Set(["isv", "technology", "strategic_alliance"]);
/** Stages in which a partner belongs to programs. */
const memberStages = new Set(["onboarding", "active", "at_risk", "offboarding"]);

/** Which programs a partner joins: by its roles, or (with none) by a stable rotation. */
export function demoProgramsFor(types: readonly string[], index: number): ProgramKey[] {
  const keys = new Set<ProgramKey>();
  for (const type of types) {
    if (resellerTypes.has(type)) keys.add("reseller");
    if (referralTypes.has(type)) keys.add("referral");
    if (technologyTypes.has(type)) keys.add("technology");
  }
  if (keys.size > 0) return [...keys];
  const rotation: ProgramKey[][] = [["reseller"], ["referral"], ["reseller", "referral"], ["technology"]];
  return rotation[index % rotation.length] ?? ["reseller"];
}

/** The demo programs and every eligible partner's memberships (tiers come from tiersSeed). */
export const programsSeed: SeedContributor = {
  module: "programs",
  async seed({ tx, workspace, refs, progress }) {
    const source = { actor: { kind: "system" as const, workspaceId: workspace.id, label: "demo seed" } };
    const rows = await tx
      .insert(programs)
      .values(demoPrograms.map((program) => ({ ...program.values, workspaceId: workspace.id })))
      .returning();
    const idOf = new Map<ProgramKey, string>();
    for (const [index, row] of rows.entries()) {
      const key = demoPrograms[index]?.key;
      if (!key) continue;
      idOf.set(key, row.id);
      refs.set(`program:${key}`, row.id);
    }
    const named = new Map(
      [...refs.entries()].filter(([key]) => key.startsWith("partner:")).map(([key, id]) => [id, key.slice(8)]),
    );
    const everyone = await tx
      .select({ id: partners.id, types: partners.types, stage: partners.stage })
      .from(partners)
      .where(eq(partners.workspaceId, workspace.id))
      .orderBy(asc(partners.name), asc(partners.id));
    const memberships: (typeof programMemberships.$inferInsert)[] = [];
    everyone.forEach((partner, index) => {
      const namedKey = named.get(partner.id);
      const keys = namedKey && namedMemberships[namedKey];
      if (!keys && !memberStages.has(partner.stage)) return;
      for (const key of keys || demoProgramsFor(partner.types, index)) {
        const programId = idOf.get(key);
        if (programId) {
          // Joined a stable number of days ago, so tenure looks real and reruns look the same.
          const joinedAt = new Date(Date.now() - (40 + ((index * 37) % 500)) * 86_400_000);
          memberships.push({ workspaceId: workspace.id, partnerId: partner.id, programId, joinedAt });
        }
      }
    });
    if (memberships.length > 0) await tx.insert(programMemberships).values(memberships);
    await recordAuditMany(tx, source, [
      ...rows.map((row) => ({
        action: "program.created",
        entityType: "program",
        entityId: row.id,
        after: { name: row.name },
      })),
      ...memberships.map((m) => ({
        action: "program.member_added",
        entityType: "program",
        entityId: m.programId,
        partnerId: m.partnerId,
        after: { programId: m.programId },
      })),
    ]);
    progress(`${rows.length} programs, ${memberships.length} memberships`);
  },
};
