import { sql } from "drizzle-orm";
import { type Database, transaction } from "../db";
import { agreementsSeed } from "../modules/agreements";
import { attributionSeed } from "../modules/attribution";
import { demoLogins, hashPassword, identitySeed } from "../modules/identity";
import { leadsSeed } from "../modules/leads";
import { metricsSeed } from "../modules/metrics";
import { onboardingSeed } from "../modules/onboarding";
import { partnerManagersSeed, partnersSeed } from "../modules/partners";
import { programsSeed } from "../modules/programs";
import { recruitmentSeed } from "../modules/recruitment";
import { tiersSeed } from "../modules/tiers";
import { createWorkspace, findWorkspaceBySlug } from "../modules/workspaces";
import { demoEcosystemSeed } from "./demo";
import type { SeedContext, SeedContributor } from "./registry";

export type { AfterCommitContext, SeedContext, SeedContributor } from "./registry";

export const DEMO_PASSWORD = "symbiont-demo";
export const DEMO_WORKSPACE = { name: "Acme Cloud", slug: "acme-cloud" };

/** Every module's demo data, in dependency order. Later capabilities append here. */
export const seedContributors: readonly SeedContributor[] = [
  partnersSeed,
  programsSeed,
  tiersSeed,
  identitySeed,
  partnerManagersSeed,
  // After identity: acceptances name the demo partner admins, journeys count partner users.
  agreementsSeed,
  onboardingSeed,
  recruitmentSeed,
  // Last: accounts, opportunities, touchpoints and revenue over the partners above.
  demoEcosystemSeed,
  // After the accounts exist: leads and referrals link to them.
  leadsSeed,
  // After the demo deals and touches: one attribution snapshot per default model.
  attributionSeed,
  // Last: the metric read models summarize everything seeded above.
  metricsSeed,
];

export interface DemoSeedResult {
  created: boolean;
  workspaceId: string;
  logins: readonly { email: string; label: string }[];
}

// Any constant: seeders on several nodes (or test files) take turns on it.
const SEED_LOCK = 727_002;

/**
 * Seeds the demo workspace once; a second run finds it and changes nothing. Concurrent runs
 * serialize on an advisory lock, so exactly one of them seeds.
 */
export async function seedDemo(
  database: Database,
  progress: (message: string) => void = () => undefined,
  demo: SeedContext["demo"] = {},
): Promise<DemoSeedResult> {
  const existing = await findWorkspaceBySlug(database.db, DEMO_WORKSPACE.slug);
  if (existing) return { created: false, workspaceId: existing.id, logins: demoLogins };
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  const refs = new Map<string, string>();
  const { workspaceId, created } = await transaction(database, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const seeded = await findWorkspaceBySlug(tx, DEMO_WORKSPACE.slug);
    if (seeded) return { workspaceId: seeded.id, created: false };
    const workspace = await createWorkspace(tx, DEMO_WORKSPACE, "demo seed");
    progress(`workspace ${workspace.name}`);
    const context = { tx, workspace, demoPasswordHash, refs, progress, demo };
    for (const contributor of seedContributors) await contributor.seed(context);
    return { workspaceId: workspace.id, created: true };
  });
  if (created) {
    // Fresh planner statistics for the tables just filled, as autovacuum would gather a little later:
    // until then the planner takes them for empty and picks plans that do not scale.
    const started = Date.now();
    await database.db.execute(sql`analyze`);
    progress(`planner statistics in ${Date.now() - started} ms`);
    for (const contributor of seedContributors) {
      await contributor.afterCommit?.({ database, workspaceId, refs, progress, demo });
    }
  }
  return { created, workspaceId, logins: demoLogins };
}
