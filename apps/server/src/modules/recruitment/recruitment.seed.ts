import type { IppCriterion } from "@symbiont/contracts";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { SeedContributor } from "../../seed/registry";
import { partners } from "../partners/partners.schema";
import { programMemberships } from "../programs/programs.schema";
import { scoreApplicant } from "./ipp.rules";
import { factsOf } from "./ipp.service";
import { idealPartnerProfiles, partnerApplications } from "./recruitment.schema";

type Key = "reseller" | "referral" | "technology";

const profiles: Record<Key, IppCriterion[]> = {
  reseller: [
    {
      id: "industry",
      label: "Sells into our core industries",
      attribute: "industries",
      weight: 30,
      rule: { kind: "any_of", values: ["Manufacturing", "Retail", "Financial services", "Healthcare"] },
      required: false,
    },
    {
      id: "regions",
      label: "Covers a growth region",
      attribute: "regions",
      weight: 25,
      rule: { kind: "any_of", values: ["emea", "dach", "north_america"] },
      required: false,
    },
    {
      id: "size",
      label: "Mid-size or larger",
      attribute: "size",
      weight: 20,
      rule: { kind: "range", min: 51, max: null },
      required: false,
    },
    {
      id: "types",
      label: "Resells or integrates",
      attribute: "types",
      weight: 15,
      rule: { kind: "any_of", values: ["reseller", "var", "distributor", "system_integrator", "msp"] },
      required: true,
    },
    {
      id: "skills",
      label: "Cloud security or migration skills",
      attribute: "specializations",
      weight: 10,
      rule: { kind: "any_of", values: ["Cloud security", "Data migration"] },
      required: false,
    },
  ],
  referral: [
    {
      id: "types",
      label: "Advises buyers",
      attribute: "types",
      weight: 50,
      rule: { kind: "any_of", values: ["referral", "affiliate", "influencer", "retention"] },
      required: false,
    },
    {
      id: "regions",
      label: "Any active region",
      attribute: "regions",
      weight: 20,
      rule: { kind: "any_of", values: ["emea", "north_america", "apac"] },
      required: false,
    },
    {
      id: "industry",
      label: "Industry focus",
      attribute: "industries",
      weight: 30,
      rule: { kind: "any_of", values: ["Healthcare", "Education", "Public sector"] },
      required: false,
    },
  ],
  technology: [
    {
      id: "types",
      label: "Builds software",
      attribute: "types",
      weight: 40,
      rule: { kind: "any_of", values: ["isv", "technology", "strategic_alliance"] },
      required: true,
    },
    {
      id: "skills",
      label: "Data and AI skills",
      attribute: "specializations",
      weight: 35,
      rule: { kind: "all_of", values: ["Analytics", "AI/ML"] },
      required: false,
    },
    {
      id: "size",
      label: "Established company",
      attribute: "size",
      weight: 25,
      rule: { kind: "range", min: 11, max: null },
      required: false,
    },
  ],
};

const DAY = 86_400_000;
const firstNames = ["Maya", "Tom", "Ines", "Kenji", "Olu", "Sofia", "Lars"];

/** An Ideal Partner Profile per program and the applications waiting for vetting. */
export const recruitmentSeed: SeedContributor = {
  module: "recruitment",
  async seed({ tx, workspace, refs, progress }) {
    const source = { actor: { kind: "system" as const, workspaceId: workspace.id, label: "demo seed" } };
    const programIds: Partial<Record<Key, string>> = {};
    for (const key of Object.keys(profiles) as Key[]) {
      const programId = refs.get(`program:${key}`);
      if (!programId) continue;
      programIds[key] = programId;
      await tx.insert(idealPartnerProfiles).values({
        workspaceId: workspace.id,
        programId,
        criteria: profiles[key],
        version: 1,
        updatedBy: "admin@acme.example",
      });
    }
    const applicants = await tx
      .select()
      .from(partners)
      .where(and(eq(partners.workspaceId, workspace.id), inArray(partners.stage, ["applied", "vetting"])))
      .orderBy(asc(partners.name))
      .limit(6);
    const vetter = refs.get("user:morgan@acme.example") ?? null;
    const keys = (Object.keys(programIds) as Key[]).filter((k) => programIds[k]);
    let count = 0;
    for (const [i, partner] of applicants.entries()) {
      const types = new Set(partner.types);
      const key: Key | undefined =
        keys.find((k) =>
          profiles[k].some(
            (c) => c.attribute === "types" && c.rule.kind === "any_of" && c.rule.values.some((v) => types.has(v)),
          ),
        ) ?? keys[i % keys.length];
      const programId = key ? programIds[key] : undefined;
      if (!key || !programId) continue;
      await tx
        .insert(programMemberships)
        .values({ workspaceId: workspace.id, partnerId: partner.id, programId })
        .onConflictDoNothing();
      const fit = scoreApplicant(profiles[key], factsOf(partner));
      const name = firstNames[i % firstNames.length] ?? "Alex";
      const inVetting = partner.stage === "vetting";
      const [application] = await tx
        .insert(partnerApplications)
        .values({
          workspaceId: workspace.id,
          programId,
          partnerId: partner.id,
          applicantName: `${name} ${partner.name.split(" ")[0]}`,
          applicantEmail: `${name.toLowerCase()}@${partner.domain ?? "example.com"}`,
          answers: {
            companyName: partner.name,
            website: partner.website,
            hqCountry: partner.hqCountry,
            regions: partner.regions,
            industries: partner.industries,
            size: partner.size,
            partnerTypes: partner.types,
            specializations: partner.specializations,
            message: "We would love to bring Acme Cloud to our customers.",
          },
          status: inVetting ? "in_vetting" : "received",
          vetterId: inVetting ? vetter : null,
          fitScore: fit.score,
          fitBreakdown: fit.breakdown,
          ippVersion: 1,
          ipAddress: "198.51.100.42",
          createdAt: new Date(Date.now() - (2 + i * 3) * DAY),
        })
        .returning();
      if (!application) continue;
      count++;
      await recordAudit(tx, source, {
        action: "application.received",
        entityType: "partner_application",
        entityId: application.id,
        partnerId: partner.id,
        after: { programId, fitScore: fit.score },
      });
    }
    progress(`${Object.keys(programIds).length} ideal partner profiles, ${count} applications waiting`);
  },
};
