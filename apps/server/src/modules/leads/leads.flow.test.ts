import type { LeadDetail, LeadPage, PartnerTimelinePage } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { opportunities } from "../revenue";
import { touchpoints } from "../touchpoints";
import { activatePartners, caller, expectStatus, sampleLead } from "./leads.fixtures";
import { leadReciprocity } from "./leads.reciprocity";

const harness = useTestApp();
const call = caller(() => harness.app);
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Leads");
  await activatePartners(harness.database, world.workspaceId, [world.partnerA.id, world.partnerB.id]);
});

const admin = () => world.vendor.admin.headers;
const partnerA = () => world.partnerUsers.partner_user.headers;
const partnerB = () => world.partnerBAdmin.headers;

async function timelineActions(partnerId: string): Promise<string[]> {
  const page = await expectStatus<PartnerTimelinePage>(
    call("GET", `/api/console/partners/${partnerId}/timeline?limit=100`, admin()),
    200,
  );
  return page.items.map((i) => i.action);
}

describe("vendor → partner lead, loop closure", () => {
  it("offers, accepts, reports progress and converts; both sides see every step", async () => {
    const created = await expectStatus<LeadDetail>(
      call("POST", "/api/console/leads", admin(), {
        ...sampleLead,
        assign: { mode: "offer", partnerId: world.partnerB.id, acceptHours: 24 },
      }),
      201,
    );
    expect(created).toMatchObject({
      kind: "lead",
      status: "offered",
      company: "Contoso Ltd",
      domain: "contoso.example",
      country: "GB",
      currency: "EUR",
      recipient: { partnerId: world.partnerB.id },
      sender: { partnerId: null },
    });
    const hoursLeft = (Date.parse(created.offerExpiresAt ?? "") - Date.now()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(23.9);
    expect(hoursLeft).toBeLessThanOrEqual(24);

    // Partner A never learns the lead exists; B sees it without the contact until accepting.
    await expectStatus(call("GET", `/api/portal/leads/${created.id}`, partnerA()), 404);
    await expectStatus(call("POST", `/api/portal/leads/${created.id}/accept`, partnerA()), 404);
    const offered = await expectStatus<LeadDetail>(call("GET", `/api/portal/leads/${created.id}`, partnerB()), 200);
    expect(offered.contact).toBeNull();
    expect(offered.can).toMatchObject({ accept: true, decline: true, updateStatus: false });
    expect(offered.offers).toEqual([]);
    const inboxA = await expectStatus<LeadPage>(call("GET", "/api/portal/leads?box=inbox", partnerA()), 200);
    expect(inboxA.items.map((l) => l.id)).not.toContain(created.id);

    // Progress before accepting is refused.
    const early = await call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), { status: "contacted" });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("LEAD_TRANSITION_INVALID");

    const accepted = await expectStatus<LeadDetail>(
      call("POST", `/api/portal/leads/${created.id}/accept`, partnerB()),
      200,
    );
    expect(accepted.status).toBe("accepted");
    expect(accepted.contact).toEqual({
      contactName: "Dana Buyer",
      contactEmail: "dana@contoso.example",
      contactPhone: null,
    });
    expect(accepted.accountId).not.toBeNull();
    // Accepting twice is a clear conflict.
    await expectStatus(call("POST", `/api/portal/leads/${created.id}/accept`, partnerB()), 409);

    const [touch] = await harness.database.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, created.id)));
    expect(touch).toMatchObject({
      type: "lead",
      origin: "lead",
      partnerId: world.partnerB.id,
      accountId: accepted.accountId,
    });

    await expectStatus(
      call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), {
        status: "contacted",
        note: "Intro call booked",
      }),
      200,
    );
    // Steps never go backwards.
    await expectStatus(
      call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), { status: "contacted" }),
      409,
    );
    await expectStatus(
      call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), { status: "qualified" }),
      200,
    );
    const converted = await expectStatus<LeadDetail>(
      call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), {
        status: "converted",
        note: "Signed",
        opportunity: { amountMinor: 3_000_000 },
      }),
      200,
    );
    expect(converted.status).toBe("converted");
    expect(converted.opportunityId).not.toBeNull();
    const [opportunity] = await harness.database.db
      .select()
      .from(opportunities)
      .where(
        and(eq(opportunities.workspaceId, world.workspaceId), eq(opportunities.id, converted.opportunityId ?? "")),
      );
    expect(opportunity).toMatchObject({
      source: "partner_sourced",
      sourcingPartnerId: world.partnerB.id,
      amountMinor: 3_000_000,
      currency: "EUR",
      accountId: accepted.accountId,
    });
    const [linked] = await harness.database.db
      .select({ opportunityId: touchpoints.opportunityId })
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, created.id)));
    expect(linked?.opportunityId).toBe(converted.opportunityId);
    await expectStatus(call("POST", `/api/portal/leads/${created.id}/status`, partnerB(), { status: "lost" }), 409);

    // The vendor's side: status, the offer outcome and every step in order.
    const vendorView = await expectStatus<LeadDetail>(
      call("GET", `/api/console/leads/${created.id}`, world.vendor.analyst.headers),
      200,
    );
    expect(vendorView.status).toBe("converted");
    expect(vendorView.offers).toMatchObject([{ partnerId: world.partnerB.id, outcome: "accepted" }]);
    expect(vendorView.activities.map((a) => [a.type, a.status])).toEqual([
      ["lead.created", "unassigned"],
      ["lead.offered", "offered"],
      ["lead.accepted", "accepted"],
      ["lead.status_changed", "contacted"],
      ["lead.status_changed", "qualified"],
      ["lead.status_changed", "converted"],
    ]);
    expect(vendorView.activities.find((a) => a.status === "contacted")?.note).toBe("Intro call booked");
    const list = await expectStatus<LeadPage>(call("GET", "/api/console/leads?status=converted", admin()), 200);
    expect(list.items.map((l) => l.id)).toContain(created.id);

    // B's partner timeline carries the events.
    const actions = await timelineActions(world.partnerB.id);
    expect(actions).toEqual(expect.arrayContaining(["lead.offered", "lead.accepted", "lead.status_changed"]));
  });

  it("a decline carries its reason back to the vendor, who can offer the lead again", async () => {
    const created = await expectStatus<LeadDetail>(
      call("POST", "/api/console/leads", admin(), {
        company: "Fabrikam",
        assign: { mode: "offer", partnerId: world.partnerA.id },
      }),
      201,
    );
    const bad = await call("POST", `/api/portal/leads/${created.id}/decline`, partnerA(), { reason: "  " });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues.map((i: { path: string }) => i.path)).toContain("body.reason");
    const declined = await expectStatus<LeadDetail>(
      call("POST", `/api/portal/leads/${created.id}/decline`, partnerA(), { reason: "Outside our region" }),
      200,
    );
    expect(declined).toMatchObject({ status: "declined", declineReason: "Outside our region" });
    const vendorView = await expectStatus<LeadDetail>(call("GET", `/api/console/leads/${created.id}`, admin()), 200);
    expect(vendorView.can.offer).toBe(true);
    expect(vendorView.offers[0]).toMatchObject({ outcome: "declined", reason: "Outside our region" });
    const reoffered = await expectStatus<LeadDetail>(
      call("POST", `/api/console/leads/${created.id}/offer`, admin(), { partnerId: world.partnerB.id }),
      200,
    );
    expect(reoffered.recipient?.partnerId).toBe(world.partnerB.id);
    // A no longer holds it.
    await expectStatus(call("GET", `/api/portal/leads/${created.id}`, partnerA()), 404);
  });

  it("refuses an amount without a currency and an unknown partner, naming the field", async () => {
    const noCurrency = await call("POST", "/api/console/leads", admin(), { company: "X", amountMinor: 100 });
    expect(noCurrency.statusCode).toBe(400);
    expect(noCurrency.json().details.issues[0].path).toBe("body.currency");
    const other = await createWorld(harness.database, "Elsewhere");
    const unknown = await call("POST", "/api/console/leads", admin(), {
      company: "X",
      assign: { mode: "offer", partnerId: other.partnerA.id },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details.issues[0].path).toBe("body.partnerId");
    // Nothing was written by the failed create (one transaction).
    const list = await expectStatus<LeadPage>(call("GET", "/api/console/leads?q=X", admin()), 200);
    expect(list.items.filter((l) => l.company === "X")).toEqual([]);
  });
});

describe("referrals", () => {
  it("partner → partner: only sender and receiver see it; the status flows back to the sender", async () => {
    const sent = await expectStatus<LeadDetail>(
      call("POST", "/api/portal/referrals", partnerA(), {
        company: "Northwind Traders",
        contactName: "Sam",
        contactEmail: "sam@northwind.example",
        toPartnerId: world.partnerB.id,
      }),
      201,
    );
    expect(sent).toMatchObject({
      kind: "referral",
      status: "offered",
      sender: { partnerId: world.partnerA.id },
      recipient: { partnerId: world.partnerB.id },
      domain: "northwind.example",
    });
    const [touch] = await harness.database.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, sent.id)));
    expect(touch).toMatchObject({ type: "referral", origin: "referral", partnerId: world.partnerA.id });

    // A third partner of the workspace sees nothing.
    const third = await createWorld(harness.database, "Third");
    void third;
    const b = await expectStatus<LeadDetail>(call("GET", `/api/portal/leads/${sent.id}`, partnerB()), 200);
    expect(b.contact).toBeNull();
    await expectStatus(call("POST", `/api/portal/leads/${sent.id}/accept`, partnerB()), 200);
    await expectStatus(
      call("POST", `/api/portal/leads/${sent.id}/status`, partnerB(), {
        status: "qualified",
        note: "Budget confirmed",
      }),
      200,
    );

    const senderView = await expectStatus<LeadDetail>(call("GET", `/api/portal/leads/${sent.id}`, partnerA()), 200);
    expect(senderView.status).toBe("qualified");
    expect(senderView.can.updateStatus).toBe(false);
    expect(senderView.activities.at(-1)).toMatchObject({
      type: "referral.status_changed",
      status: "qualified",
      note: "Budget confirmed",
    });
    // The sender cannot act for the receiver.
    await expectStatus(call("POST", `/api/portal/leads/${sent.id}/status`, partnerA(), { status: "lost" }), 409);
    const sentBox = await expectStatus<LeadPage>(call("GET", "/api/portal/leads?box=sent", partnerA()), 200);
    expect(sentBox.items.map((l) => l.id)).toContain(sent.id);

    // Loop closure on the sender's partner timeline too.
    expect(await timelineActions(world.partnerA.id)).toEqual(
      expect.arrayContaining(["referral.sent", "referral.accepted", "referral.status_changed"]),
    );

    const pairs = await leadReciprocity(harness.database.db, world.workspaceId, { partnerId: world.partnerA.id });
    expect(
      pairs.find((p) => p.fromPartnerId === world.partnerA.id && p.toPartnerId === world.partnerB.id),
    ).toMatchObject({
      given: 1,
      accepted: 1,
      converted: 0,
    });
  });

  it("partner → vendor: the vendor accepts or declines; a decline voids the referral touchpoint", async () => {
    const sent = await expectStatus<LeadDetail>(
      call("POST", "/api/portal/referrals", partnerA(), { company: "Tailspin Toys", country: "de" }),
      201,
    );
    expect(sent.recipient).toMatchObject({ partnerId: null });
    const inbox = await expectStatus<LeadPage>(
      call("GET", "/api/console/leads?box=vendor&status=offered", admin()),
      200,
    );
    expect(inbox.items.map((l) => l.id)).toContain(sent.id);
    // Partner B cannot see it; analysts may read but not decide.
    await expectStatus(call("GET", `/api/portal/leads/${sent.id}`, partnerB()), 404);
    await expectStatus(call("POST", `/api/console/leads/${sent.id}/accept`, world.vendor.analyst.headers), 403);
    await expectStatus(
      call("POST", `/api/console/leads/${sent.id}/decline`, world.vendor.partner_manager.headers, {
        reason: "Existing customer",
      }),
      200,
    );
    const [touch] = await harness.database.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, sent.id)));
    expect(touch?.voidedAt).not.toBeNull();
    const senderView = await expectStatus<LeadDetail>(call("GET", `/api/portal/leads/${sent.id}`, partnerA()), 200);
    expect(senderView).toMatchObject({ status: "declined", declineReason: "Existing customer" });
  });

  it("refuses a referral to oneself or to another workspace's partner", async () => {
    await expectStatus(
      call("POST", "/api/portal/referrals", partnerA(), { company: "Self", toPartnerId: world.partnerA.id }),
      404,
    );
    const other = await createWorld(harness.database, "Foreign");
    const foreign = await call("POST", "/api/portal/referrals", partnerA(), {
      company: "F",
      toPartnerId: other.partnerB.id,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().details.issues[0].path).toBe("body.toPartnerId");
    const targets = await expectStatus<{ items: { id: string }[] }>(
      call("GET", "/api/portal/referral-targets", partnerA()),
      200,
    );
    expect(targets.items.map((t) => t.id)).toEqual([world.partnerB.id]);
  });
});
