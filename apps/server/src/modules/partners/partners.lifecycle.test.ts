import type { PartnerRecord, PartnerTimelineItem } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { listPartnerEvents } from "../../platform/events";
import { partnerStageTransitions } from "./partners.schema";

const harness = useTestApp();
let world: World;
const headers = () => world.vendor.partner_manager.headers;

async function create(name: string, stage?: string): Promise<PartnerRecord> {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/console/partners",
    headers: headers(),
    payload: { name, ...(stage ? { stage } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const move = (id: string, to: string, reason?: string) =>
  harness.app.inject({
    method: "POST",
    url: `/api/console/partners/${id}/stage`,
    headers: headers(),
    payload: { to, reason },
  });

const bulk = (partnerIds: string[], action: Record<string, unknown>) =>
  harness.app.inject({
    method: "POST",
    url: "/api/console/partners/bulk",
    headers: headers(),
    payload: { partnerIds, action },
  });

beforeAll(async () => {
  world = await createWorld(harness.database, "Lifecycle");
});

describe("stage changes", () => {
  it("walks the machine, records actor and reason, and stamps activation once", async () => {
    const partner = await create("Walker Ltd");
    expect((await move(partner.id, "applied", "Applied online")).statusCode).toBe(200);
    expect((await move(partner.id, "onboarding")).statusCode).toBe(200);
    const active = await move(partner.id, "active", "Kick-off done");
    expect(active.json()).toMatchObject({ stage: "active" });
    const activatedAt = active.json().activatedAt;
    expect(activatedAt).not.toBeNull();
    await move(partner.id, "at_risk", "No deals in 90 days");
    const back = await move(partner.id, "active", "Recovered");
    expect(back.json().activatedAt).toBe(activatedAt);

    const rows = await harness.database.db
      .select()
      .from(partnerStageTransitions)
      .where(
        and(
          eq(partnerStageTransitions.workspaceId, world.workspaceId),
          eq(partnerStageTransitions.partnerId, partner.id),
        ),
      )
      .orderBy(partnerStageTransitions.occurredAt);
    expect(rows.map((row) => [row.fromStage, row.toStage])).toEqual([
      [null, "prospect"],
      ["prospect", "applied"],
      ["applied", "onboarding"],
      ["onboarding", "active"],
      ["active", "at_risk"],
      ["at_risk", "active"],
    ]);
    expect(rows[4]).toMatchObject({
      reason: "No deals in 90 days",
      actorType: "user",
      actorId: world.vendor.partner_manager.userId,
      actorLabel: world.vendor.partner_manager.email,
    });
    const events = await listPartnerEvents(harness.database.db, world.workspaceId, partner.id, { limit: 20 });
    expect(events.filter((e) => e.type === "partner.stage_changed")[0]?.payload).toEqual({
      from: "at_risk",
      to: "active",
      reason: "Recovered",
    });
  });

  it("refuses illegal moves with 409 naming the allowed stages, changing nothing", async () => {
    const partner = await create("Jumper Inc");
    const response = await move(partner.id, "active");
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "PARTNER_STAGE_TRANSITION_INVALID",
      details: { from: "prospect", to: "active", allowed: ["applied", "vetting", "onboarding", "rejected"] },
    });
    expect(response.json().message).toMatch(/applied.*vetting.*onboarding.*rejected/);
    const after = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${partner.id}`,
      headers: headers(),
    });
    expect(after.json().stage).toBe("prospect");
  });

  it("is for admins and partner managers only", async () => {
    const partner = await create("Guarded GmbH");
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/console/partners/${partner.id}/stage`,
      headers: world.vendor.marketing.headers,
      payload: { to: "applied" },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("bulk actions", () => {
  it("changes the stage of all or none", async () => {
    const a = await create("Bulk One", "onboarding");
    const b = await create("Bulk Two", "onboarding");
    const c = await create("Bulk Three", "prospect");
    const refused = await bulk([a.id, b.id, c.id], { type: "change_stage", to: "active", reason: "Go live" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.failures).toEqual([
      {
        partnerId: c.id,
        name: "Bulk Three",
        from: "prospect",
        allowed: ["applied", "vetting", "onboarding", "rejected"],
      },
    ]);
    for (const id of [a.id, b.id]) {
      const partner = await harness.app.inject({
        method: "GET",
        url: `/api/console/partners/${id}`,
        headers: headers(),
      });
      expect(partner.json().stage).toBe("onboarding");
    }
    const done = await bulk([a.id, b.id], { type: "change_stage", to: "active", reason: "Go live" });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ changed: 2 });
  });

  it("adds and removes tags, reporting which partners changed", async () => {
    const a = await create("Tagged One");
    const b = await create("Tagged Two");
    await bulk([a.id], { type: "add_tag", tag: "emea-push" });
    const added = await bulk([a.id, b.id], { type: "add_tag", tag: "EMEA-push" });
    expect(added.json().results).toEqual([
      { partnerId: a.id, name: "Tagged One", changed: false },
      { partnerId: b.id, name: "Tagged Two", changed: true },
    ]);
    const removed = await bulk([a.id, b.id], { type: "remove_tag", tag: "emea-push" });
    expect(removed.json().changed).toBe(2);
  });

  it("assigns a manager, refusing a person who cannot manage partners", async () => {
    const a = await create("Managed One");
    const bad = await bulk([a.id], { type: "assign_manager", managerId: world.partnerUsers.partner_user.userId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0].path).toBe("body.action.managerId");
    const ok = await bulk([a.id], { type: "assign_manager", managerId: world.vendor.admin.userId });
    expect(ok.json().changed).toBe(1);
  });

  it("answers 404 when a partner is unknown, changing nothing", async () => {
    const a = await create("Lonely One");
    const other = await createWorld(harness.database, "Elsewhere");
    const response = await bulk([a.id, other.partnerA.id], { type: "add_tag", tag: "x" });
    expect(response.statusCode).toBe(404);
    const partner = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${a.id}`,
      headers: headers(),
    });
    expect(partner.json().tags).toEqual([]);
  });
});

describe("the activity timeline", () => {
  it("merges transitions, events and audit entries newest first, once each, with cursor pages", async () => {
    const partner = await create("Timeline Co");
    await harness.app.inject({
      method: "PATCH",
      url: `/api/console/partners/${partner.id}`,
      headers: headers(),
      payload: { description: "Cloud reseller", tags: ["vip"] },
    });
    await move(partner.id, "applied", "Form received");
    await move(partner.id, "vetting", "Checking references");

    const read = async (query: string) => {
      const response = await harness.app.inject({
        method: "GET",
        url: `/api/console/partners/${partner.id}/timeline?${query}`,
        headers: world.vendor.analyst.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: PartnerTimelineItem[]; nextCursor: string | null };
    };
    const all = await read("limit=50");
    expect(all.items.map((item) => [item.kind, item.action, item.toStage])).toEqual([
      ["stage", "stage", "vetting"],
      ["stage", "stage", "applied"],
      ["audit", "partner.updated", null],
      ["stage", "stage", "prospect"],
      ["audit", "partner.created", null],
    ]);
    expect(all.items[0]).toMatchObject({
      fromStage: "applied",
      reason: "Checking references",
      actorLabel: world.vendor.partner_manager.email,
    });
    expect(all.items[2]?.data).toMatchObject({
      before: { description: null, tags: [] },
      after: { description: "Cloud reseller", tags: ["vip"] },
    });
    expect(all.nextCursor).toBeNull();

    const pages: PartnerTimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await read(`limit=2${cursor ? `&before=${cursor}` : ""}`);
      pages.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
  });

  it("shows events of other modules that have no audit twin", async () => {
    const { transaction } = await import("../../db");
    const { emitEvent } = await import("../../platform/events");
    const partner = await create("Evented Co");
    await transaction(harness.database, (tx) =>
      emitEvent(
        tx,
        { actor: { kind: "system", workspaceId: world.workspaceId, label: "deals" } },
        {
          type: "partner.updated",
          workspaceId: world.workspaceId,
          partnerId: partner.id,
          payload: { fields: ["size"] },
        },
      ),
    );
    const response = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${partner.id}/timeline`,
      headers: headers(),
    });
    expect(response.json().items[0]).toMatchObject({
      kind: "event",
      action: "partner.updated",
      actorLabel: "deals",
      data: { fields: ["size"] },
    });
  });
});
