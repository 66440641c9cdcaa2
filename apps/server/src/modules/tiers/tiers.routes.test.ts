import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { listPartnerEvents } from "../../platform/events";
import { programMemberships } from "../programs";
import { insertMembership, insertPendingProposal, insertProgram, insertTier } from "../programs/programs.fixtures";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Tiers");
});

const call = (
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => harness.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe("tier configuration", () => {
  it("creates tiers in rank order, edits criteria, reorders and deletes unused ones", async () => {
    const program = await insertProgram(harness.database, world.workspaceId);
    const admin = world.vendor.admin.headers;
    const base = `/api/console/programs/${program.id}/tiers`;
    const registered = (await call("POST", base, admin, { name: "Registered" })).json();
    const gold = (
      await call("POST", base, admin, {
        name: "Gold",
        color: "#c9a227",
        benefits: ["Deal registration protection", "MDF"],
        criteria: [
          { metric: "sourced_revenue", min: 10_000_000 },
          { metric: "certified_people", min: 5 },
        ],
        manualChecks: [{ key: "business_plan", label: "Joint business plan" }],
        vendorObligations: ["Quarterly business review"],
      })
    ).json();
    expect([registered.rank, gold.rank]).toEqual([0, 1]);
    const duplicate = await call("POST", base, admin, { name: "gold" });
    expect(duplicate.statusCode).toBe(400);
    const twice = await call("POST", base, admin, {
      name: "Twice",
      criteria: [
        { metric: "points", min: 1 },
        { metric: "points", min: 2 },
      ],
    });
    expect(twice.json().details.issues[0].path).toBe("body.criteria.1.metric");

    const patched = await call("PATCH", `/api/console/tiers/${gold.id}`, world.vendor.partner_manager.headers, {
      criteria: [{ metric: "certified_people", min: 4 }],
    });
    expect(patched.json()).toMatchObject({
      criteria: [{ metric: "certified_people", min: 4 }],
      benefits: ["Deal registration protection", "MDF"],
    });

    const reordered = await call("POST", `${base}/reorder`, admin, { tierIds: [gold.id, registered.id] });
    expect(reordered.json().items.map((t: { name: string }) => t.name)).toEqual(["Gold", "Registered"]);
    const partial = await call("POST", `${base}/reorder`, admin, { tierIds: [gold.id] });
    expect(partial.json().details.issues[0].path).toBe("body.tierIds");

    await insertMembership(harness.database, world.workspaceId, program.id, world.partnerA.id, gold.id);
    const inUse = await call("DELETE", `/api/console/tiers/${gold.id}`, admin);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: "TIER_IN_USE", details: { members: 1 } });
    expect((await call("DELETE", `/api/console/tiers/${registered.id}`, admin)).statusCode).toBe(204);
    const list = await call("GET", base, world.vendor.analyst.headers);
    expect(list.json()).toMatchObject({ currency: "USD", items: [{ name: "Gold", memberCount: 1 }] });
  });
});

describe("manual signals", () => {
  it("stores metrics and checks, lists the checks to tick, and refuses a check that is not 0 or 1", async () => {
    const program = await insertProgram(harness.database, world.workspaceId, { name: "Signals program" });
    await insertTier(harness.database, world.workspaceId, program.id, {
      name: "Premier",
      rank: 0,
      manualChecks: [{ key: "security_review", label: "Security review passed" }],
    });
    await insertMembership(harness.database, world.workspaceId, program.id, world.partnerB.id);
    const url = `/api/console/partners/${world.partnerB.id}/signals`;
    const saved = await call("PUT", url, world.vendor.partner_manager.headers, {
      signals: [
        { key: "certified_people", value: 4, note: "From the LMS export" },
        { key: "check:security_review", value: 1 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().signals).toEqual([
      expect.objectContaining({ key: "certified_people", value: 4, note: "From the LMS export" }),
      expect.objectContaining({ key: "check:security_review", value: 1 }),
    ]);
    expect(saved.json().checks).toEqual([
      {
        key: "check:security_review",
        label: "Security review passed",
        programName: "Signals program",
        tierName: "Premier",
      },
    ]);
    const bad = await call("PUT", url, world.vendor.admin.headers, {
      signals: [{ key: "check:security_review", value: 3 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0].path).toBe("body.signals.0.value");
  });
});

describe("tier proposals", () => {
  it("approving moves the partner, audits and emits partner.tier_changed; a decided proposal cannot be decided again", async () => {
    const { program, low, high, proposal } = await insertPendingProposal(
      harness.database,
      world.workspaceId,
      world.partnerA.id,
    );
    const pending = await call(
      "GET",
      `/api/console/tier-proposals?status=pending&programId=${program.id}`,
      world.vendor.analyst.headers,
    );
    expect(pending.json()).toMatchObject({
      total: 1,
      items: [
        {
          id: proposal.id,
          partnerName: world.partnerA.name,
          fromTier: { name: "Registered" },
          toTier: { name: "Gold" },
        },
      ],
    });
    const approved = await call(
      "POST",
      `/api/console/tier-proposals/${proposal.id}/approve`,
      world.vendor.partner_manager.headers,
      {
        reason: "Great quarter",
      },
    );
    expect(approved.json()).toMatchObject({
      status: "approved",
      decidedBy: world.vendor.partner_manager.email,
      decisionReason: "Great quarter",
    });
    const [membership] = await harness.database.db
      .select()
      .from(programMemberships)
      .where(and(eq(programMemberships.programId, program.id), eq(programMemberships.partnerId, world.partnerA.id)));
    expect(membership?.tierId).toBe(high.id);
    const events = await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerA.id, { limit: 5 });
    expect(events[0]).toMatchObject({
      type: "partner.tier_changed",
      payload: { programId: program.id, fromTierId: low.id, toTierId: high.id, direction: "up", autoApplied: false },
    });
    const again = await call("POST", `/api/console/tier-proposals/${proposal.id}/reject`, world.vendor.admin.headers, {
      reason: "x",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "TIER_PROPOSAL_NOT_PENDING", details: { status: "approved" } });
  });

  it("rejecting keeps the tier and records the reason", async () => {
    const { program, low, proposal } = await insertPendingProposal(
      harness.database,
      world.workspaceId,
      world.partnerB.id,
    );
    const rejected = await call(
      "POST",
      `/api/console/tier-proposals/${proposal.id}/reject`,
      world.vendor.admin.headers,
      {
        reason: "Revenue is a one-off",
      },
    );
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionReason: "Revenue is a one-off" });
    const [membership] = await harness.database.db
      .select()
      .from(programMemberships)
      .where(and(eq(programMemberships.programId, program.id), eq(programMemberships.partnerId, world.partnerB.id)));
    expect(membership?.tierId).toBe(low.id);
  });
});

describe("simulation and the portal view", () => {
  it("shows who would move if a threshold changed, without writing", async () => {
    const program = await insertProgram(harness.database, world.workspaceId);
    const registered = await insertTier(harness.database, world.workspaceId, program.id, {
      name: "Registered",
      rank: 0,
    });
    const gold = await insertTier(harness.database, world.workspaceId, program.id, {
      name: "Gold",
      rank: 1,
      criteria: [{ metric: "points", min: 100 }],
    });
    await insertMembership(harness.database, world.workspaceId, program.id, world.partnerA.id, gold.id);
    await insertMembership(harness.database, world.workspaceId, program.id, world.partnerB.id, registered.id);
    const pm = world.vendor.partner_manager.headers;
    await call("PUT", `/api/console/partners/${world.partnerA.id}/signals`, pm, {
      signals: [{ key: "points", value: 120 }],
    });
    await call("PUT", `/api/console/partners/${world.partnerB.id}/signals`, pm, {
      signals: [{ key: "points", value: 60 }],
    });
    const url = `/api/console/programs/${program.id}/tiers/simulate`;
    const lower = await call("POST", url, world.vendor.analyst.headers, {
      tierId: gold.id,
      criteria: [{ metric: "points", min: 50 }],
    });
    expect(lower.json()).toEqual({
      evaluated: 2,
      up: 1,
      down: 0,
      moves: [
        {
          partnerId: world.partnerB.id,
          partnerName: world.partnerB.name,
          currentTier: { id: registered.id, name: "Registered", rank: 0 },
          from: { id: registered.id, name: "Registered", rank: 0 },
          to: { id: gold.id, name: "Gold", rank: 1 },
          direction: "up",
        },
      ],
    });
    const higher = await call("POST", url, pm, { tierId: gold.id, criteria: [{ metric: "points", min: 500 }] });
    expect(higher.json()).toMatchObject({
      up: 0,
      down: 1,
      moves: [{ partnerId: world.partnerA.id, direction: "down" }],
    });
    // Another id of the same shape (the last digit changed, never to itself).
    const otherId = registered.id.replace(/.$/, (last) => (last === "0" ? "1" : "0"));
    const foreign = await call("POST", url, pm, { tierId: otherId, criteria: [] });
    expect(foreign.statusCode).toBe(400);
    const tiers = await call("GET", `/api/console/programs/${program.id}/tiers`, pm);
    expect(tiers.json().items[1].criteria).toEqual([{ metric: "points", min: 100 }]);
  });

  it("tells the partner their tier, benefits and exactly what the next tier needs", async () => {
    const fresh = await createWorld(harness.database, "Portal tier");
    const program = await insertProgram(harness.database, fresh.workspaceId, { name: "Reseller" });
    const silver = await insertTier(harness.database, fresh.workspaceId, program.id, { name: "Silver", rank: 0 });
    await insertTier(harness.database, fresh.workspaceId, program.id, {
      name: "Gold",
      rank: 1,
      criteria: [
        { metric: "certified_people", min: 5 },
        { metric: "sourced_revenue", min: 4_000_000 },
      ],
      manualChecks: [{ key: "plan", label: "Joint business plan signed" }],
    });
    await insertMembership(harness.database, fresh.workspaceId, program.id, fresh.partnerA.id, silver.id);
    await call("PUT", `/api/console/partners/${fresh.partnerA.id}/signals`, fresh.vendor.admin.headers, {
      signals: [
        { key: "certified_people", value: 3 },
        { key: "check:plan", value: 1 },
      ],
    });
    const view = await call("GET", "/api/portal/tier", fresh.partnerUsers.partner_user.headers);
    expect(view.statusCode, view.body).toBe(200);
    const [standing] = view.json().programs;
    expect(standing).toMatchObject({
      programName: "Reseller",
      currency: "USD",
      currentTier: { name: "Silver", benefits: ["Benefit of Silver"] },
      nextTier: { name: "Gold" },
      summary: "2 more certified people and $40,000 more sourced revenue",
    });
    expect(standing.requirements).toEqual([
      expect.objectContaining({ key: "certified_people", current: 3, required: 5, progress: 0.6, met: false }),
      expect.objectContaining({ key: "sourced_revenue", current: 0, met: false }),
      expect.objectContaining({ kind: "check", key: "plan", met: true }),
    ]);
    const otherPartner = await call("GET", "/api/portal/tier", fresh.partnerBAdmin.headers);
    expect(otherPartner.json().programs).toEqual([]);
  });
});
