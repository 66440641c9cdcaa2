import type { LeadDetail } from "@symbiont/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { activatePartners, caller, expectStatus, expireOffer, insertActivePartner } from "./leads.fixtures";
import { reassignExpiredOffers } from "./leads.jobs";

const harness = useTestApp();
const call = caller(() => harness.app);

async function setup(name: string) {
  const world = await createWorld(harness.database, name);
  await activatePartners(harness.database, world.workspaceId, [world.partnerA.id, world.partnerB.id]);
  const c = await insertActivePartner(harness.database, world.workspaceId, "Partner C");
  return { world, c };
}

async function lead(world: World, body: Record<string, unknown>): Promise<LeadDetail> {
  return expectStatus<LeadDetail>(call("POST", "/api/console/leads", world.vendor.admin.headers, body), 201);
}

async function view(world: World, id: string): Promise<LeadDetail> {
  return expectStatus<LeadDetail>(call("GET", `/api/console/leads/${id}`, world.vendor.admin.headers), 200);
}

describe("offer timeout and reassignment", () => {
  let world: World;
  let c: string;
  beforeAll(async () => {
    ({ world, c } = await setup("Routing"));
  });

  it("ranked rule: an unanswered offer moves down the list, then back to the vendor", async () => {
    await expectStatus(
      call("PUT", "/api/console/lead-routing", world.vendor.admin.headers, {
        rule: "ranked",
        rankedPartnerIds: [c, world.partnerB.id, world.partnerA.id],
        acceptHours: 12,
      }),
      200,
    );
    const created = await lead(world, { company: "Litware", assign: { mode: "offer" } });
    expect(created.recipient?.partnerId).toBe(c);

    // Not yet due: nothing moves.
    expect(await reassignExpiredOffers(harness.database, new Date(), world.workspaceId)).toBe(0);

    await expireOffer(harness.database, world.workspaceId, created.id);
    // A last-second accept after the deadline is refused.
    const late = await call("POST", `/api/portal/leads/${created.id}/accept`, world.partnerBAdmin.headers);
    expect(late.statusCode).toBe(404);
    expect(await reassignExpiredOffers(harness.database, new Date(), world.workspaceId)).toBe(1);
    let now = await view(world, created.id);
    expect(now.recipient?.partnerId).toBe(world.partnerB.id);
    expect((Date.parse(now.offerExpiresAt ?? "") - Date.now()) / 3600_000).toBeGreaterThan(11.9);
    expect(now.offers.map((o) => [o.partnerId, o.outcome])).toEqual([
      [c, "expired"],
      [world.partnerB.id, "pending"],
    ]);
    // B now sees it; the timeline tells B nothing about C.
    const bView = await expectStatus<LeadDetail>(
      call("GET", `/api/portal/leads/${created.id}`, world.partnerBAdmin.headers),
      200,
    );
    expect(bView.activities.every((a) => a.partnerId === null || a.partnerId === world.partnerB.id)).toBe(true);

    await expireOffer(harness.database, world.workspaceId, created.id);
    expect(await reassignExpiredOffers(harness.database, new Date(), world.workspaceId)).toBe(1);
    expect((await view(world, created.id)).recipient?.partnerId).toBe(world.partnerA.id);

    await expireOffer(harness.database, world.workspaceId, created.id);
    expect(await reassignExpiredOffers(harness.database, new Date(), world.workspaceId)).toBe(1);
    now = await view(world, created.id);
    expect(now.status).toBe("unassigned");
    expect(now.recipient).toBeNull();
    expect(now.activities.at(-1)).toMatchObject({ type: "lead.returned", status: "unassigned" });
    // Running again does nothing (idempotent).
    expect(await reassignExpiredOffers(harness.database, new Date(), world.workspaceId)).toBe(0);
  });

  it("the job is registered and runs through the queue definition", async () => {
    const created = await lead(world, {
      company: "Proseware",
      assign: { mode: "offer", partnerId: world.partnerA.id },
    });
    await expireOffer(harness.database, world.workspaceId, created.id);
    const { reassignExpiredOffersJob } = await import("./index");
    await harness.deps.jobs.runNow(reassignExpiredOffersJob, { workspaceId: world.workspaceId });
    const after = await view(world, created.id);
    expect(after.status).toBe("offered");
    expect(after.recipient?.partnerId).not.toBe(world.partnerA.id);
  });
});

describe("round robin", () => {
  it("spreads offers over the partners offered least recently and skips those who had the lead", async () => {
    const { world, c } = await setup("RoundRobin");
    const ids = [world.partnerA.id, world.partnerB.id, c];
    const first = await lead(world, { company: "One", assign: { mode: "offer" } });
    const second = await lead(world, { company: "Two", assign: { mode: "offer" } });
    const third = await lead(world, { company: "Three", assign: { mode: "offer" } });
    const picked = [first, second, third].map((l) => l.recipient?.partnerId);
    expect(new Set(picked)).toEqual(new Set(ids));
    // The fourth goes to whoever was offered a lead longest ago: the first pick.
    const fourth = await lead(world, { company: "Four", assign: { mode: "offer" } });
    expect(fourth.recipient?.partnerId).toBe(picked[0]);

    await expireOffer(harness.database, world.workspaceId, fourth.id);
    await reassignExpiredOffers(harness.database, new Date(), world.workspaceId);
    const moved = await view(world, fourth.id);
    expect(moved.recipient?.partnerId).not.toBe(picked[0]);
    expect(moved.recipient?.partnerId).toBe(picked[1]);
  });

  it("answers LEAD_NO_ELIGIBLE_PARTNER when no partner is active", async () => {
    const world = await createWorld(harness.database, "Empty");
    const response = await call("POST", "/api/console/leads", world.vendor.admin.headers, {
      company: "Nobody",
      assign: { mode: "offer" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("LEAD_NO_ELIGIBLE_PARTNER");
  });

  it("rejects a ranked list naming an unknown partner, by position", async () => {
    const world = await createWorld(harness.database, "BadRank");
    const other = await createWorld(harness.database, "OtherRank");
    const response = await call("PUT", "/api/console/lead-routing", world.vendor.admin.headers, {
      rule: "ranked",
      rankedPartnerIds: [world.partnerA.id, other.partnerA.id],
      acceptHours: 24,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().details.issues[0].path).toBe("body.rankedPartnerIds.1");
  });
});
