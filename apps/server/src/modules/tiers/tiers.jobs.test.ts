import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { listPartnerEvents } from "../../platform/events";
import { programMemberships, programs } from "../programs";
import { insertMembership, insertProgram, insertTier } from "../programs/programs.fixtures";
import { evaluateTiersJob } from "./tiers.jobs";
import { DAY_MS } from "./tiers.rules";
import { partnerManualSignals, tierEvaluations, tierProposals } from "./tiers.schema";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Tier job");
});

const day0 = new Date("2026-03-01T04:00:00Z");
const at = (days: number) => new Date(day0.getTime() + days * DAY_MS).toISOString();

async function setCertified(partnerId: string, value: number) {
  await harness.database.db
    .insert(partnerManualSignals)
    .values({ workspaceId: world.workspaceId, partnerId, key: "certified_people", value })
    .onConflictDoUpdate({
      target: [partnerManualSignals.workspaceId, partnerManualSignals.partnerId, partnerManualSignals.key],
      set: { value },
    });
}

/** A program Registered (0) < Silver (2 certified) < Gold (5 certified), partner A a member at `start`. */
async function setup(options: { autoApply?: boolean; start: "registered" | "silver" | "gold" }) {
  const program = await insertProgram(harness.database, world.workspaceId, {
    autoApplyTierChanges: options.autoApply ?? false,
    tierGraceDays: 30,
  });
  const registered = await insertTier(harness.database, world.workspaceId, program.id, { name: "Registered", rank: 0 });
  const silver = await insertTier(harness.database, world.workspaceId, program.id, {
    name: "Silver",
    rank: 1,
    criteria: [{ metric: "certified_people", min: 2 }],
  });
  const gold = await insertTier(harness.database, world.workspaceId, program.id, {
    name: "Gold",
    rank: 2,
    criteria: [{ metric: "certified_people", min: 5 }],
  });
  const tiers = { registered, silver, gold };
  await insertMembership(harness.database, world.workspaceId, program.id, world.partnerA.id, tiers[options.start].id);
  return { program, ...tiers };
}

const run = (programId: string, now: string) =>
  harness.deps.jobs.runNow(evaluateTiersJob, { now, workspaceId: world.workspaceId, programId });

async function proposals(programId: string) {
  return harness.database.db
    .select()
    .from(tierProposals)
    .where(and(eq(tierProposals.workspaceId, world.workspaceId), eq(tierProposals.programId, programId)));
}

async function membership(programId: string) {
  const [row] = await harness.database.db
    .select()
    .from(programMemberships)
    .where(and(eq(programMemberships.programId, programId), eq(programMemberships.partnerId, world.partnerA.id)));
  return row;
}

describe("the daily tier evaluation", () => {
  it("proposes an upgrade at once, and only one pending proposal however often it runs", async () => {
    const { program, gold } = await setup({ start: "registered" });
    await setCertified(world.partnerA.id, 6);
    await run(program.id, at(0));
    await run(program.id, at(1));
    const list = await proposals(program.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: "pending", direction: "up", toTierId: gold.id, autoApplied: false });
    expect(list[0]?.evidence).toMatchObject({ metrics: { certified_people: 6 } });
  });

  it("starts the grace period on a shortfall, proposes the downgrade only after 30 days", async () => {
    const { program, silver } = await setup({ start: "gold" });
    await setCertified(world.partnerA.id, 3);
    await run(program.id, at(0));
    expect(await proposals(program.id)).toHaveLength(0);
    const [evaluation] = await harness.database.db
      .select()
      .from(tierEvaluations)
      .where(and(eq(tierEvaluations.programId, program.id), eq(tierEvaluations.partnerId, world.partnerA.id)));
    expect(evaluation?.shortfallSince?.toISOString()).toBe(at(0));
    expect(evaluation?.qualifiedTierId).toBe(silver.id);
    await run(program.id, at(29));
    expect(await proposals(program.id)).toHaveLength(0);
    await run(program.id, at(31));
    const list = await proposals(program.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: "pending", direction: "down", toTierId: silver.id });
  });

  it("clears the grace clock when the partner recovers during the grace period", async () => {
    const { program } = await setup({ start: "gold" });
    await setCertified(world.partnerA.id, 1);
    await run(program.id, at(0));
    await setCertified(world.partnerA.id, 5);
    await run(program.id, at(10));
    await setCertified(world.partnerA.id, 1);
    await run(program.id, at(35));
    // The shortfall restarted on day 35, so nothing is proposed yet.
    expect(await proposals(program.id)).toHaveLength(0);
    await run(program.id, at(66));
    expect((await proposals(program.id)).map((p) => p.direction)).toEqual(["down"]);
  });

  it("withdraws a pending proposal that no longer matches", async () => {
    const { program } = await setup({ start: "registered" });
    await setCertified(world.partnerA.id, 2);
    await run(program.id, at(0));
    await setCertified(world.partnerA.id, 0);
    await run(program.id, at(1));
    expect((await proposals(program.id)).map((p) => p.status)).toEqual(["withdrawn"]);
  });

  it("applies changes at once when the program auto-applies, and emits partner.tier_changed", async () => {
    const { program, registered, silver } = await setup({ start: "registered", autoApply: true });
    await setCertified(world.partnerA.id, 3);
    await run(program.id, at(0));
    const [proposal] = await proposals(program.id);
    expect(proposal).toMatchObject({ status: "approved", autoApplied: true, toTierId: silver.id });
    expect((await membership(program.id))?.tierId).toBe(silver.id);
    const events = await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerA.id, { limit: 20 });
    expect(events.find((e) => e.type === "partner.tier_changed" && e.entityId === proposal?.id)?.payload).toEqual({
      programId: program.id,
      fromTierId: registered.id,
      toTierId: silver.id,
      direction: "up",
      proposalId: proposal?.id,
      autoApplied: true,
    });
    // Auto-applied downgrades still wait for the grace period.
    await setCertified(world.partnerA.id, 0);
    await run(program.id, at(1));
    expect((await membership(program.id))?.tierId).toBe(silver.id);
    await run(program.id, at(32));
    expect((await membership(program.id))?.tierId).toBe(registered.id);
  });

  it("leaves archived programs alone", async () => {
    const { program } = await setup({ start: "registered" });
    await harness.database.db.update(programs).set({ archivedAt: new Date() }).where(eq(programs.id, program.id));
    await setCertified(world.partnerA.id, 9);
    await run(program.id, at(0));
    expect(await proposals(program.id)).toHaveLength(0);
  });
});
