import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { journeyTemplates } from "../../db/schema";
import { auditEvents } from "../../platform/audit";
import { listPartnerEvents } from "../../platform/events";
import { insertProgram, insertTier } from "./programs.fixtures";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Programs");
});

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => harness.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe("programs", () => {
  it("creates a program with defaults and a slug, lists it, and refuses a taken slug", async () => {
    const admin = world.vendor.admin.headers;
    const created = await call("POST", "/api/console/programs", admin, { name: "Référral Partners" });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Référral Partners",
      slug: "referral-partners",
      protectionWindowDays: 90,
      tierGraceDays: 30,
      tierWindowMonths: 12,
      autoApplyTierChanges: false,
      applicationsOpen: true,
      memberCount: 0,
      tierCount: 0,
    });
    const again = await call("POST", "/api/console/programs", admin, { name: "Referral partners" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "PROGRAM_SLUG_TAKEN", details: { issues: [{ path: "body.slug" }] } });
    const list = await call("GET", "/api/console/programs", world.vendor.analyst.headers);
    expect(list.json().items.map((p: { name: string }) => p.name)).toContain("Référral Partners");
    const audit = await harness.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.json().id));
    expect(audit.map((a) => a.action)).toEqual(["program.created"]);
  });

  it("validates the protection window and accepts no expiry", async () => {
    const admin = world.vendor.admin.headers;
    const bad = await call("POST", "/api/console/programs", admin, { name: "Odd window", protectionWindowDays: 45 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0].path).toBe("body.protectionWindowDays");
    const none = await call("POST", "/api/console/programs", admin, { name: "Tech", protectionWindowDays: null });
    expect(none.json().protectionWindowDays).toBeNull();
  });

  it("only accepts a default journey of the program itself", async () => {
    const program = await insertProgram(harness.database, world.workspaceId);
    const elsewhere = await insertProgram(harness.database, world.workspaceId);
    const [own] = await harness.database.db
      .insert(journeyTemplates)
      .values({ workspaceId: world.workspaceId, programId: program.id, name: "Own" })
      .returning();
    const [foreign] = await harness.database.db
      .insert(journeyTemplates)
      .values({ workspaceId: world.workspaceId, programId: elsewhere.id, name: "Foreign" })
      .returning();
    const url = `/api/console/programs/${program.id}`;
    const refused = await call("PATCH", url, world.vendor.partner_manager.headers, { defaultJourneyId: foreign?.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues[0].path).toBe("body.defaultJourneyId");
    const accepted = await call("PATCH", url, world.vendor.partner_manager.headers, {
      defaultJourneyId: own?.id,
      autoApplyTierChanges: true,
    });
    expect(accepted.json()).toMatchObject({ defaultJourneyId: own?.id, autoApplyTierChanges: true });
  });

  it("archives and restores; an archived program takes no members and leaves the default list", async () => {
    const program = await insertProgram(harness.database, world.workspaceId, { name: "Legacy VAR" });
    const admin = world.vendor.admin.headers;
    expect((await call("POST", `/api/console/programs/${program.id}/archive`, admin)).json().archivedAt).not.toBeNull();
    const list = await call("GET", "/api/console/programs", admin);
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(program.id);
    const all = await call("GET", "/api/console/programs?includeArchived=true", admin);
    expect(all.json().items.map((p: { id: string }) => p.id)).toContain(program.id);
    const add = await call("POST", `/api/console/programs/${program.id}/members`, admin, {
      partnerIds: [world.partnerA.id],
    });
    expect(add.statusCode).toBe(409);
    expect(add.json().code).toBe("PROGRAM_ARCHIVED");
    expect((await call("POST", `/api/console/programs/${program.id}/restore`, admin)).json().archivedAt).toBeNull();
  });
});

describe("memberships", () => {
  it("adds partners at the entry tier, skips existing members, lists and removes them, with events", async () => {
    const program = await insertProgram(harness.database, world.workspaceId);
    const entry = await insertTier(harness.database, world.workspaceId, program.id, { name: "Registered", rank: 0 });
    await insertTier(harness.database, world.workspaceId, program.id, { name: "Gold", rank: 1 });
    const pm = world.vendor.partner_manager.headers;
    const url = `/api/console/programs/${program.id}/members`;
    const added = await call("POST", url, pm, { partnerIds: [world.partnerA.id, world.partnerB.id] });
    expect(added.json()).toEqual({ added: 2, alreadyMembers: 0 });
    expect((await call("POST", url, pm, { partnerIds: [world.partnerA.id] })).json()).toEqual({
      added: 0,
      alreadyMembers: 1,
    });
    const members = await call("GET", `${url}?q=${encodeURIComponent("Partner A")}`, world.vendor.finance.headers);
    expect(members.json()).toMatchObject({
      total: 1,
      items: [{ partnerId: world.partnerA.id, tierId: entry.id, tierName: "Registered", stage: "prospect" }],
    });
    const removed = await call("DELETE", `${url}/${world.partnerB.id}`, pm);
    expect(removed.statusCode).toBe(204);
    expect((await call("DELETE", `${url}/${world.partnerB.id}`, pm)).statusCode).toBe(404);
    const events = await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerB.id, { limit: 5 });
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["partner.program_left", "partner.program_joined"]);
  });

  it("refuses partners of another workspace, naming the entry", async () => {
    const other = await createWorld(harness.database, "Programs other");
    const program = await insertProgram(harness.database, world.workspaceId);
    const response = await call("POST", `/api/console/programs/${program.id}/members`, world.vendor.admin.headers, {
      partnerIds: [world.partnerA.id, other.partnerA.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe("body.partnerIds.1");
  });

  it("shows partner users their own programs with tier and benefits only", async () => {
    const program = await insertProgram(harness.database, world.workspaceId, { name: "Portal program" });
    const tier = await insertTier(harness.database, world.workspaceId, program.id, { name: "Silver", rank: 0 });
    await call("POST", `/api/console/programs/${program.id}/members`, world.vendor.admin.headers, {
      partnerIds: [world.partnerA.id],
    });
    const own = await call("GET", "/api/portal/programs", world.partnerUsers.partner_user.headers);
    const item = own.json().items.find((p: { programId: string }) => p.programId === program.id);
    expect(item).toMatchObject({
      name: "Portal program",
      tier: { id: tier.id, name: "Silver", benefits: ["Benefit of Silver"] },
    });
    const otherPartner = await call("GET", "/api/portal/programs", world.partnerBAdmin.headers);
    expect(otherPartner.json().items.map((p: { programId: string }) => p.programId)).not.toContain(program.id);
    const [membership] = await harness.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, program.id), eq(auditEvents.action, "program.member_added")));
    expect(membership?.partnerId).toBe(world.partnerA.id);
  });
});
