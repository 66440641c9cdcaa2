// The realistic demo ecosystem: a deterministic, seeded generator of accounts, opportunities,
// partner touchpoints and revenue history (its model is documented in docs/demo-data.md).
import type { SeedContributor } from "../registry";
import { generateEcosystem } from "./ecosystem";

export {
  DEFAULT_DEMO_SEED,
  DemoAlreadyGeneratedError,
  type EcosystemOptions,
  type EcosystemSummary,
  generateEcosystem,
} from "./ecosystem";
export { DemoGenerator, demoId, type GenerateOptions } from "./generate";
export { planFor, type ScalePlan } from "./model";
export type { DemoChunk, DemoPartner } from "./rows";

/** Runs last: builds on the demo directory's partners and programs. */
export const demoEcosystemSeed: SeedContributor = {
  module: "demo ecosystem",
  async seed({ tx, workspace, demo, progress }) {
    await generateEcosystem(tx, workspace.id, demo ?? {}, progress);
  },
};
