import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db";
import { accounts } from "../../modules/accounts";
import { reportingCurrencyOf } from "../../modules/revenue";
import { recordAudit } from "../../platform/audit";
import { writeProgramCosts } from "./costs";
import { DemoGenerator, demoId } from "./generate";
import { planFor } from "./model";
import { existingPartnerKeys, generatePartners, loadPartners } from "./partners";
import { mulberry32 } from "./random";
import { writeChunk, writeFxRates, writePartners } from "./write";

export const DEFAULT_DEMO_SEED = 20_240_601;

export interface EcosystemOptions {
  /** 1 = the `npm start` demo; 250 ≈ 10k partners, 1M opportunities, 10M touchpoints. */
  scale?: number;
  seed?: number;
  /** Touchpoints have no effect on any outcome (for testing that statistics do not invent uplift). */
  control?: boolean;
  /** The day the three-year history ends; today by default. */
  anchor?: Date;
  chunkAccounts?: number;
}

export interface EcosystemSummary {
  scale: number;
  seed: number;
  control: boolean;
  anchor: string;
  partnersAdded: number;
  partners: number;
  accounts: number;
  opportunities: number;
  touchpoints: number;
  revenueEvents: number;
  registrations: number;
  leads: number;
  fxRates: number;
  /** Monthly program cost lines and sales and marketing spend entries. */
  costLines: number;
  spendEntries: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export class DemoAlreadyGeneratedError extends Error {}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/**
 * Generates the demo ecosystem into a workspace, inside the caller's transaction: partners up to the
 * scale's count (existing ones count), FX rates, then accounts with their opportunities, partner
 * touchpoints and revenue events, chunk by chunk.
 */
export async function generateEcosystem(
  tx: Tx,
  workspaceId: string,
  options: EcosystemOptions = {},
  progress: (message: string) => void = () => undefined,
): Promise<EcosystemSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const control = options.control ?? false;
  const anchor = options.anchor ?? new Date();
  if (!(scale > 0) || scale > 10_000) throw new RangeError("scale must be a number above 0 and at most 10000");
  const [existing] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.externalId, "demo-account-1")))
    .limit(1);
  if (existing) throw new DemoAlreadyGeneratedError("This workspace already holds generated demo data");

  const plan = planFor(scale);
  const reportingCurrency = await reportingCurrencyOf(tx, workspaceId);
  const known = await loadPartners(tx, workspaceId);
  const missing = Math.max(0, plan.partners - known.length);
  const added = generatePartners(
    mulberry32(seed ^ 0x5eed),
    missing,
    Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate()),
    await existingPartnerKeys(tx, workspaceId),
    (n) => demoId(seed, 0xe, n),
  );
  for (let i = 0; i < added.length; i += 5_000) await writePartners(tx, workspaceId, added.slice(i, i + 5_000));
  if (added.length > 0) progress(`${fmt(added.length)} more partners`);

  const generator = new DemoGenerator(
    { seed, scale, control, anchor, reportingCurrency, chunkAccounts: options.chunkAccounts },
    [...known, ...added],
  );
  const fxRates = await writeFxRates(tx, workspaceId, generator.fx);
  const counts = { accounts: 0, opportunities: 0, touchpoints: 0, revenueEvents: 0, registrations: 0, leads: 0 };
  let lastReport = performance.now();
  for (const chunk of generator.chunks()) {
    await writeChunk(tx, workspaceId, chunk);
    counts.accounts += chunk.accounts.length;
    counts.opportunities += chunk.opportunities.length;
    counts.touchpoints += chunk.touchpoints.length;
    counts.revenueEvents += chunk.revenueEvents.length;
    counts.registrations += chunk.registrations.length;
    counts.leads += chunk.leads.length;
    if (performance.now() - lastReport > 2_000) {
      lastReport = performance.now();
      const rows = counts.accounts + counts.opportunities + counts.touchpoints + counts.revenueEvents;
      const seconds = (lastReport - started) / 1000;
      progress(
        `${fmt(counts.accounts)}/${fmt(plan.accounts)} accounts, ${fmt(counts.opportunities)} opportunities, ${fmt(counts.touchpoints)} touchpoints (${fmt(rows / seconds)} rows/s)`,
      );
    }
  }
  const costs = await writeProgramCosts(tx, workspaceId, {
    anchor,
    scale,
    reportingCurrency,
    random: mulberry32(seed ^ 0xc057),
  });
  const rows =
    added.length + fxRates + counts.accounts + counts.opportunities + counts.touchpoints + counts.revenueEvents;
  const seconds = (performance.now() - started) / 1000;
  const summary: EcosystemSummary = {
    scale,
    seed,
    control,
    anchor: anchor.toISOString().slice(0, 10),
    partnersAdded: added.length,
    partners: known.length + added.length,
    ...counts,
    fxRates,
    costLines: costs.costLines,
    spendEntries: costs.spend,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
  };
  await recordAudit(
    tx,
    { actor: { kind: "system", workspaceId, label: "demo seed" } },
    { action: "demo.generated", entityType: "workspace", entityId: workspaceId, after: summary },
  );
  progress(
    `${fmt(counts.accounts)} accounts, ${fmt(counts.opportunities)} opportunities, ${fmt(counts.touchpoints)} touchpoints, ${fmt(counts.revenueEvents)} revenue events`,
  );
  return summary;
}
