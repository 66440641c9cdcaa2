import {
  companySizes,
  type PartnerStage,
  type PartnerType,
  partnerTypes,
  type Region,
  regions,
} from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { recordAuditMany } from "../../platform/audit";
import { ref, type SeedContributor } from "../../seed/registry";
import { partnerCustomFields, partnerStageTransitions, partners } from "./partners.schema";

// The demo directory: ~60 partners across roles, regions, industries, sizes and stages, generated
// from a seeded PRNG so every run produces the same workspace.

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1));
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  return { next, pick, some };
}

const industries = [
  "Manufacturing",
  "Retail",
  "Healthcare",
  "Financial services",
  "Public sector",
  "Energy",
  "Media",
  "Logistics",
  "Education",
  "Telecom",
];
const specializations = [
  "Data migration",
  "Cloud security",
  "Analytics",
  "DevOps",
  "Managed backup",
  "Identity",
  "Compliance",
  "AI/ML",
  "ERP integration",
  "Edge computing",
];
const tagPool = [
  "strategic",
  "co-sell",
  "emea-push",
  "marketplace",
  "new-logo",
  "renewal-risk",
  "beta",
  "mdf-eligible",
];
const countriesByRegion: Record<Region, string[]> = {
  north_america: ["US", "CA"],
  latin_america: ["BR", "MX", "AR"],
  emea: ["FR", "NL", "ES", "IT"],
  dach: ["DE", "AT", "CH"],
  uk_ireland: ["GB", "IE"],
  nordics: ["SE", "NO", "DK", "FI"],
  apac: ["SG", "HK", "KR"],
  anz: ["AU", "NZ"],
  japan: ["JP"],
  india: ["IN"],
  middle_east: ["AE", "SA", "IL"],
  africa: ["ZA", "KE", "NG"],
};
const prefixes = [
  "Adatum",
  "Blue Yonder",
  "Coho",
  "Alpine",
  "Woodgrove",
  "Proseware",
  "Lucerne",
  "Margie's",
  "Trey",
  "Wingtip",
  "Humongous",
  "Relecloud",
  "Graphic Design",
  "Southridge",
  "Fourth Coffee",
  "Bellows",
  "Datum",
  "VanArsdel",
  "Lamna",
  "Nod",
  "Wide World",
  "Cronus",
  "Munson's",
  "Consolidated",
  "Northridge",
  "Kestrel",
  "Orbital",
  "Meridian",
];
const suffixes = ["Solutions", "Partners", "Cloud", "Systems", "Digital", "Consulting", "Networks", "Labs"];

/** Final stage → the path that led there (first entry is the stage it was created in). */
const paths: Record<PartnerStage, PartnerStage[]> = {
  prospect: ["prospect"],
  applied: ["applied"],
  vetting: ["applied", "vetting"],
  onboarding: ["applied", "vetting", "onboarding"],
  active: ["applied", "vetting", "onboarding", "active"],
  at_risk: ["applied", "vetting", "onboarding", "active", "at_risk"],
  offboarding: ["applied", "vetting", "onboarding", "active", "offboarding"],
  offboarded: ["applied", "vetting", "onboarding", "active", "offboarding", "offboarded"],
  rejected: ["applied", "rejected"],
};
const reasons: Partial<Record<PartnerStage, string>> = {
  vetting: "Application complete; references requested",
  onboarding: "Approved by the partner team",
  active: "Onboarding journey completed",
  at_risk: "No registered deals in the last quarter",
  offboarding: "Partner chose to focus on a competing platform",
  offboarded: "Offboarding checklist complete",
  rejected: "Outside our target market",
};

interface DemoPartner {
  key?: string;
  name: string;
  domain: string;
  stage: PartnerStage;
  types?: PartnerType[];
  regions?: Region[];
}

const named: DemoPartner[] = [
  {
    key: "northwind",
    name: "Northwind Consulting",
    domain: "northwind.example",
    stage: "active",
    types: ["reseller", "system_integrator"],
    regions: ["north_america", "emea"],
  },
  {
    key: "contoso",
    name: "Contoso Systems",
    domain: "contoso-systems.example",
    stage: "active",
    types: ["var", "msp"],
    regions: ["dach", "emea"],
  },
  {
    key: "fabrikam",
    name: "Fabrikam Cloud Services",
    domain: "fabrikam.example",
    stage: "active",
    types: ["msp", "cloud_marketplace"],
    regions: ["uk_ireland"],
  },
  {
    key: "tailspin",
    name: "Tailspin Integrations",
    domain: "tailspin.example",
    stage: "onboarding",
    types: ["isv", "technology"],
    regions: ["anz", "apac"],
  },
  {
    key: "litware",
    name: "Litware Analytics",
    domain: "litware.example",
    stage: "at_risk",
    types: ["referral", "influencer"],
    regions: ["nordics"],
  },
];

const stageMix: PartnerStage[] = [
  ...Array<PartnerStage>(27).fill("active"),
  ...Array<PartnerStage>(7).fill("onboarding"),
  ...Array<PartnerStage>(4).fill("at_risk"),
  ...Array<PartnerStage>(4).fill("applied"),
  ...Array<PartnerStage>(3).fill("vetting"),
  ...Array<PartnerStage>(3).fill("prospect"),
  ...Array<PartnerStage>(2).fill("offboarding"),
  ...Array<PartnerStage>(2).fill("offboarded"),
  ...Array<PartnerStage>(3).fill("rejected"),
];

function demoPartners(): DemoPartner[] {
  const random = prng(20_240_601);
  const out = [...named];
  const used = new Set(out.map((p) => p.name));
  for (const [index, stage] of stageMix.entries()) {
    let name = "";
    do name = `${random.pick(prefixes)} ${random.pick(suffixes)}`;
    while (used.has(name));
    used.add(name);
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    // Every partner type appears several times: cycle through them, plus a random second role.
    const types = [...new Set([partnerTypes[index % partnerTypes.length] as PartnerType, random.pick(partnerTypes)])];
    out.push({ name, domain: `${slug}.example`, stage, types });
  }
  return out;
}

const DAY = 86_400_000;

export const partnersSeed: SeedContributor = {
  module: "partners",
  async seed({ tx, workspace, refs, progress }) {
    const random = prng(7);
    const now = Date.now();
    await tx.insert(partnerCustomFields).values([
      {
        workspaceId: workspace.id,
        key: "segment",
        label: "Customer segment",
        type: "select",
        options: ["SMB", "Mid-market", "Enterprise"],
        position: 1,
      },
      {
        workspaceId: workspace.id,
        key: "employees_certified",
        label: "Certified employees",
        type: "number",
        partnerEditable: true,
        position: 2,
      },
      { workspaceId: workspace.id, key: "last_qbr", label: "Last QBR", type: "date", position: 3 },
    ]);
    const list = demoPartners();
    const plans = list.map((partner, index) => {
      const partnerRegions = partner.regions ?? random.some(regions, 1, 3);
      const path = paths[partner.stage];
      const start = now - (60 + Math.floor(random.next() * 1_000)) * DAY;
      const step = Math.max(3, Math.floor((now - start) / DAY / (path.length + 1)));
      const times = path.map((_, i) => new Date(start + i * step * DAY));
      const activeAt = path.indexOf("active");
      return {
        partner,
        times,
        values: {
          workspaceId: workspace.id,
          name: partner.name,
          legalName:
            index % 3 === 0 ? `${partner.name} ${random.pick(["Ltd", "GmbH", "Inc.", "B.V.", "Pty Ltd"])}` : null,
          website: `https://www.${partner.domain}`,
          domain: partner.domain,
          hqCountry: random.pick(countriesByRegion[partnerRegions[0] as Region]),
          regions: partnerRegions,
          industries: random.some(industries, 1, 3),
          size: random.pick(companySizes),
          types: partner.types ?? [],
          specializations: random.some(specializations, 0, 3),
          tags: random.next() < 0.5 ? random.some(tagPool, 1, 2) : [],
          customFields: {
            segment: random.pick(["SMB", "Mid-market", "Enterprise"]),
            ...(partner.stage === "active" ? { employees_certified: Math.floor(random.next() * 12) } : {}),
            ...(random.next() < 0.4
              ? { last_qbr: new Date(now - Math.floor(random.next() * 120) * DAY).toISOString().slice(0, 10) }
              : {}),
          },
          stage: partner.stage,
          stageChangedAt: times[times.length - 1] as Date,
          activatedAt: activeAt >= 0 ? (times[activeAt] as Date) : null,
          description: `${partner.name} serves ${partnerRegions.length} region(s) with a focus on ${(partner.types ?? ["partnering"]).join(" and ").replace(/_/g, " ")}.`,
          createdAt: times[0] as Date,
          updatedAt: times[times.length - 1] as Date,
        },
      };
    });
    const rows = await tx
      .insert(partners)
      .values(plans.map((plan) => plan.values))
      .returning({ id: partners.id, name: partners.name });
    const transitions: (typeof partnerStageTransitions.$inferInsert)[] = [];
    for (const [index, row] of rows.entries()) {
      const plan = plans[index];
      if (!plan) continue;
      if (plan.partner.key) refs.set(`partner:${plan.partner.key}`, row.id);
      const path = paths[plan.partner.stage];
      path.forEach((stage, i) => {
        transitions.push({
          workspaceId: workspace.id,
          partnerId: row.id,
          fromStage: i === 0 ? null : (path[i - 1] as PartnerStage),
          toStage: stage,
          reason:
            i === 0
              ? stage === "applied"
                ? "Applied through the partner program page"
                : "Added by the partner team"
              : (reasons[stage] ?? null),
          actorType: "system",
          actorLabel: "demo seed",
          occurredAt: plan.times[i] as Date,
        });
      });
    }
    await tx.insert(partnerStageTransitions).values(transitions);
    await recordAuditMany(
      tx,
      { actor: { kind: "system", workspaceId: workspace.id, label: "demo seed" } },
      rows.map((row) => ({
        action: "partner.created",
        entityType: "partner",
        entityId: row.id,
        partnerId: row.id,
        after: { name: row.name },
      })),
    );
    progress(`${rows.length} partner organizations, ${transitions.length} stage transitions`);
  },
};

/** Runs after identity (which creates the staff): assigns partner managers. */
export const partnerManagersSeed: SeedContributor = {
  module: "partner managers",
  async seed(context) {
    const { tx, workspace, progress } = context;
    const morgan = ref(context, "user:morgan@acme.example");
    const avery = ref(context, "user:admin@acme.example");
    const rows = await tx
      .select({ id: partners.id, stage: partners.stage })
      .from(partners)
      .where(eq(partners.workspaceId, workspace.id))
      .orderBy(partners.name);
    const managed = rows.filter(
      (row, index) => row.stage !== "prospect" && row.stage !== "rejected" && index % 5 !== 4,
    );
    const byMorgan = managed.filter((_, index) => index % 3 !== 2).map((row) => row.id);
    const byAvery = managed.filter((_, index) => index % 3 === 2).map((row) => row.id);
    for (const [managerId, ids] of [
      [morgan, byMorgan],
      [avery, byAvery],
    ] as const) {
      if (ids.length > 0)
        await tx
          .update(partners)
          .set({ managerId })
          .where(and(eq(partners.workspaceId, workspace.id), inArray(partners.id, [...ids])));
    }
    progress(`${managed.length} partners with a partner manager`);
  },
};
