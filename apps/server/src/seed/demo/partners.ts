import { companySizes, type PartnerType, partnerTypes, type Region } from "@symbiont/contracts";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db";
import { partners } from "../../modules/partners/partners.schema";
import { accountNameParts, DAY_MS, industries, markets } from "./model";
import type { Random } from "./random";
import type { DemoPartner } from "./rows";

/** The workspace's partners as the generator sees them, in a stable order. */
export async function loadPartners(tx: Tx, workspaceId: string): Promise<DemoPartner[]> {
  const rows = await tx
    .select({ id: partners.id, types: partners.types, regions: partners.regions, activatedAt: partners.activatedAt })
    .from(partners)
    .where(eq(partners.workspaceId, workspaceId))
    .orderBy(asc(partners.name), asc(partners.id));
  return rows.map((row) => ({ ...row, activatedAt: row.activatedAt ? row.activatedAt.getTime() : null }));
}

export async function existingPartnerKeys(tx: Tx, workspaceId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ name: partners.name, domain: partners.domain })
    .from(partners)
    .where(eq(partners.workspaceId, workspaceId));
  return new Set(rows.flatMap((row) => [row.name.toLowerCase(), row.domain ?? ""]));
}

export interface NewDemoPartner extends DemoPartner {
  name: string;
  domain: string;
  hqCountry: string;
  industries: string[];
  size: string;
  stage: string;
  createdAt: number;
}

const suffixes = ["Solutions", "Partners", "Cloud", "Systems", "Digital", "Consulting", "Networks", "Labs", "Group"];
const stages = ["active", "onboarding", "at_risk", "applied", "offboarded", "prospect"] as const;
const stageWeights = [70, 10, 8, 5, 4, 3];
const regionList = Object.keys(markets) as Region[];

/**
 * Partners beyond the demo directory (larger scales, or a workspace without partners): every role
 * in turn plus a random second one, 1–3 regions, mostly active, activated over the last three years.
 */
export function generatePartners(
  random: Random,
  count: number,
  anchorMs: number,
  taken: Set<string>,
  makeId: (n: number) => string,
): NewDemoPartner[] {
  const out: NewDemoPartner[] = [];
  for (let n = 0; n < count; n += 1) {
    let name = `${random.pick(accountNameParts.first)} ${random.pick(suffixes)}`;
    for (let k = 2; taken.has(name.toLowerCase()); k += 1) name = `${name.replace(/ \d+$/, "")} ${k}`;
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
    taken.add(name.toLowerCase());
    taken.add(domain);
    const types = [
      ...new Set([partnerTypes[n % partnerTypes.length] as PartnerType, random.pick(partnerTypes) as PartnerType]),
    ];
    const regions = [
      ...new Set(
        Array.from({ length: random.int(1, 3) }, () =>
          random.weighted(
            regionList,
            regionList.map((r) => markets[r].weight),
          ),
        ),
      ),
    ];
    const stage = random.weighted(stages, stageWeights);
    const activated = stage === "active" || stage === "at_risk" || stage === "offboarded";
    const activatedAt = activated ? anchorMs - random.int(30, 1_100) * DAY_MS : null;
    const home = markets[regions[0] as Region];
    out.push({
      id: makeId(n + 1),
      name,
      domain,
      types,
      regions,
      activatedAt,
      hqCountry: random.pick(home.countries)[0],
      industries: [...new Set([random.pick(industries), random.pick(industries)])],
      size: random.pick(companySizes),
      stage,
      createdAt: (activatedAt ?? anchorMs) - random.int(20, 120) * DAY_MS,
    });
  }
  return out;
}
