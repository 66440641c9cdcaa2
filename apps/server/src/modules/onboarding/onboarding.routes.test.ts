import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, uniqueEmail, type World } from "../../../test/factories";
import {
  addMembership,
  insertAgreement,
  insertJourney,
  insertProgram,
  insertTemplate,
} from "../../../test/journey-fixtures";
import { transaction } from "../../db";
import type { VendorActor } from "../../platform/authz";
import { domainEvents, emitEvent } from "../../platform/events";
import "./onboarding.events";
import { flagOverdueSteps } from "./onboarding.jobs";
import { getOnboardingMetrics } from "./onboarding.metrics";
import { listOnboardingTasks } from "./onboarding.service";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Onboarding");
});

const call = (
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

type Step = {
  id: string;
  type: string;
  title: string;
  status: string;
  overdue: boolean;
  ownerSide: string;
  canComplete: boolean;
};

async function portalJourney(headers = world.partnerUsers.partner_user.headers) {
  const response = await call("GET", "/api/portal/onboarding", headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items[0] as { id: string; completedAt: string | null; steps: Step[] };
}

const stepOf = (steps: Step[], title: string) => steps.find((s) => s.title === title) as Step;

async function emit(
  type: "course.completed" | "certification.earned" | "deal.registered" | "deal.won",
  payload: object,
) {
  const source = { actor: { kind: "system" as const, workspaceId: world.workspaceId, label: "test" } };
  await transaction(harness.database, (tx) =>
    emitEvent(tx, source, { type, workspaceId: world.workspaceId, partnerId: world.partnerA.id, payload } as never),
  );
}

function vendorCtx(workspaceId: string) {
  const actor: VendorActor = {
    kind: "vendor",
    role: "admin",
    workspaceId,
    userId: null,
    apiKeyId: null,
    sessionId: null,
    partnerId: null,
    label: "test admin",
  };
  return { ...harness.deps, requestId: "test", ipAddress: null, userAgent: null, actor };
}

describe("onboarding journeys", () => {
  it("start on activation and complete from events, by hand, and as a whole", async () => {
    const program = await insertProgram(harness.database, world.workspaceId, { name: "Reseller" });
    await addMembership(harness.database, world.workspaceId, world.partnerA.id, program.id);
    const { agreement, versions } = await insertAgreement(harness.database, world.workspaceId, program.id);
    const template = await call("POST", "/api/console/onboarding/templates", world.vendor.partner_manager.headers, {
      programId: program.id,
      name: "Reseller onboarding",
      steps: [
        { type: "accept_agreement", title: "Accept terms", config: { agreementId: agreement.id } },
        { type: "complete_profile", title: "Complete profile" },
        { type: "invite_colleagues", title: "Invite colleagues", config: { count: 2 } },
        { type: "complete_course", title: "Sales course", config: { courseId: "sales-101" } },
        { type: "earn_certification", title: "Certify" },
        { type: "register_first_deal", title: "First deal" },
        { type: "first_won_deal", title: "First win" },
        { type: "manual", title: "Upload logo", ownerSide: "partner" },
        { type: "manual", title: "Kick-off call", ownerSide: "vendor", dueOffsetDays: 3 },
      ],
    });
    expect(template.statusCode, template.body).toBe(201);
    expect(template.json()).toMatchObject({ isDefault: true, activeJourneys: 0 });

    const stage = await call("POST", `/api/console/partners/${world.partnerA.id}/stage`, world.vendor.admin.headers, {
      to: "onboarding",
      reason: "Signed",
    });
    expect(stage.statusCode, stage.body).toBe(200);
    let journey = await portalJourney();
    expect(journey.steps).toHaveLength(9);
    expect(journey.steps.every((s) => s.status === "pending")).toBe(true);
    expect(stepOf(journey.steps, "Upload logo").canComplete).toBe(true);
    expect(stepOf(journey.steps, "Kick-off call").canComplete).toBe(false);

    // accept_agreement
    await call("POST", `/api/portal/agreements/${versions[0]?.id}/accept`, world.partnerUsers.partner_admin.headers);
    // complete_profile
    const profile = await call("PATCH", `/api/console/partners/${world.partnerA.id}`, world.vendor.admin.headers, {
      website: "https://partner-a.example",
      hqCountry: "US",
      regions: ["north_america"],
      industries: ["Software"],
      size: "11-50",
      description: "A reseller",
    });
    expect(profile.statusCode, profile.body).toBe(200);
    journey = await portalJourney();
    expect(stepOf(journey.steps, "Accept terms").status).toBe("completed");
    expect(stepOf(journey.steps, "Complete profile").status).toBe("completed");
    expect(stepOf(journey.steps, "Invite colleagues").status).toBe("pending");

    // invite_colleagues: partner A has its admin and one colleague; inviting a second colleague
    // completes the step at once (the partner did its part), and their joining keeps it done.
    const invitation = await call("POST", "/api/portal/invitations", world.partnerUsers.partner_admin.headers, {
      email: uniqueEmail("colleague"),
      role: "partner_user",
    });
    expect(invitation.statusCode, invitation.body).toBe(201);
    expect(stepOf((await portalJourney()).steps, "Invite colleagues").status).toBe("completed");
    const token = String(invitation.json().acceptUrl).split("/invite/")[1];
    const joined = await harness.app.inject({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token, name: "New Colleague", password: "a long enough password" },
    });
    expect(joined.statusCode, joined.body).toBe(200);
    journey = await portalJourney();
    expect(stepOf(journey.steps, "Invite colleagues")).toMatchObject({ status: "completed" });

    // Later modules' events.
    await emit("course.completed", { courseId: "other-course", userId: null });
    expect(stepOf((await portalJourney()).steps, "Sales course").status).toBe("pending");
    await emit("course.completed", { courseId: "sales-101", userId: null });
    await emit("certification.earned", { certificationId: "cert-1", userId: null });
    await emit("deal.registered", { dealId: "d-1" });
    await emit("deal.won", { dealId: "d-1" });
    journey = await portalJourney();
    for (const title of ["Sales course", "Certify", "First deal", "First win"]) {
      expect(stepOf(journey.steps, title).status, title).toBe("completed");
    }

    // Manual steps: partners tick their own; the vendor's step is for the vendor.
    const logo = stepOf(journey.steps, "Upload logo");
    const ticked = await call(
      "POST",
      `/api/portal/onboarding/steps/${logo.id}/complete`,
      world.partnerUsers.partner_user.headers,
    );
    expect(ticked.statusCode, ticked.body).toBe(200);
    const kickoff = stepOf(journey.steps, "Kick-off call");
    const refused = await call(
      "POST",
      `/api/portal/onboarding/steps/${kickoff.id}/complete`,
      world.partnerUsers.partner_admin.headers,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("ONBOARDING_STEP_NOT_MANUAL");
    const auto = stepOf(journey.steps, "Accept terms");
    const notManual = await call(
      "POST",
      `/api/console/partners/${world.partnerA.id}/onboarding/steps/${auto.id}/complete`,
      world.vendor.admin.headers,
    );
    expect(notManual.statusCode).toBe(409);
    expect((await portalJourney()).completedAt).toBeNull();

    const done = await call(
      "POST",
      `/api/console/partners/${world.partnerA.id}/onboarding/steps/${kickoff.id}/complete`,
      world.vendor.partner_manager.headers,
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().items[0]).toMatchObject({ completedSteps: 9, totalSteps: 9 });
    expect(done.json().items[0].completedAt).not.toBeNull();
    const events = await harness.database.db.execute<{ type: string }>(
      sql`select type from domain_events where workspace_id = ${world.workspaceId} and partner_id = ${world.partnerA.id} and type like 'onboarding.%'`,
    );
    const types = events.rows.map((r) => r.type);
    expect(types.filter((t) => t === "onboarding.step_completed")).toHaveLength(9);
    expect(types).toContain("onboarding.started");
    expect(types).toContain("onboarding.completed");

    // Moving on to active does not start the journey twice.
    await call("POST", `/api/console/partners/${world.partnerA.id}/stage`, world.vendor.admin.headers, {
      to: "active",
    });
    const console = await call(
      "GET",
      `/api/console/partners/${world.partnerA.id}/onboarding`,
      world.vendor.analyst.headers,
    );
    expect(console.json().items).toHaveLength(1);
  });

  it("lists overdue steps, vendor-owned first, as of a given time", async () => {
    const other = await createWorld(harness.database, "Overdue");
    const { steps } = await insertJourney(
      harness.database,
      other.workspaceId,
      other.partnerB.id,
      [
        { type: "manual", title: "Partner chore", ownerSide: "partner", dueOffsetDays: 7 },
        { type: "manual", title: "Vendor chore", ownerSide: "vendor", dueOffsetDays: 7 },
        { type: "manual", title: "Later chore", ownerSide: "partner", dueOffsetDays: 60 },
      ],
      30,
    );
    const ctx = vendorCtx(other.workspaceId);
    const startedAt = Date.now() - 30 * 86_400_000;
    const early = await listOnboardingTasks(ctx, { overdue: true, limit: 50 }, new Date(startedAt + 3 * 86_400_000));
    expect(early.items).toEqual([]);
    const later = await listOnboardingTasks(ctx, { overdue: true, limit: 50 }, new Date(startedAt + 10 * 86_400_000));
    expect(later.items.map((t) => [t.title, t.daysOverdue])).toEqual([
      ["Vendor chore", 3],
      ["Partner chore", 3],
    ]);
    const all = await listOnboardingTasks(ctx, { overdue: false, limit: 50 }, new Date(startedAt + 10 * 86_400_000));
    expect(all.items).toHaveLength(3);

    const http = await call("GET", "/api/console/onboarding/tasks?overdue=true", other.vendor.analyst.headers);
    expect(http.json().items.map((t: { title: string }) => t.title)).toEqual(["Vendor chore", "Partner chore"]);
    const portal = await call("GET", "/api/portal/onboarding", other.partnerBAdmin.headers);
    const flags = portal.json().items[0].steps.map((s: Step) => [s.title, s.overdue]);
    expect(flags).toEqual([
      ["Partner chore", true],
      ["Vendor chore", true],
      ["Later chore", false],
    ]);
    // Partner A of that workspace sees nothing of B's journey.
    const empty = await call("GET", "/api/portal/onboarding", other.partnerUsers.partner_user.headers);
    expect(empty.json().items).toEqual([]);
    expect(steps).toHaveLength(3);
  });

  it("measures time to complete onboarding and to first deals per cohort", async () => {
    const other = await createWorld(harness.database, "Metrics");
    const { program, steps } = await insertJourney(
      harness.database,
      other.workspaceId,
      other.partnerA.id,
      [{ type: "register_first_deal", title: "First deal" }],
      20,
    );
    await harness.database.db.insert(domainEvents).values([
      {
        workspaceId: other.workspaceId,
        type: "deal.registered",
        partnerId: other.partnerA.id,
        payload: { dealId: "d-1" },
        occurredAt: new Date(Date.now() - 15 * 86_400_000),
      },
      {
        workspaceId: other.workspaceId,
        type: "deal.won",
        partnerId: other.partnerA.id,
        payload: { dealId: "d-1" },
        occurredAt: new Date(Date.now() - 5 * 86_400_000),
      },
    ]);
    const metrics = await getOnboardingMetrics(vendorCtx(other.workspaceId), { programId: program.id });
    expect(metrics.partners).toHaveLength(1);
    expect(metrics.partners[0]).toMatchObject({
      daysToCompleteOnboarding: null,
      daysToFirstDealRegistration: 5,
      daysToFirstWonDeal: 15,
    });
    expect(metrics.overall.firstWonDeal).toEqual({ count: 1, medianDays: 15, meanDays: 15 });
    expect(steps).toHaveLength(1);
    const http = await call(
      "GET",
      `/api/console/onboarding/metrics?programId=${program.id}`,
      other.vendor.finance.headers,
    );
    expect(http.json().cohorts).toHaveLength(1);
  });

  it("edits templates: steps, order, default and delete", async () => {
    const program = await insertProgram(harness.database, world.workspaceId);
    const { template, steps } = await insertTemplate(harness.database, world.workspaceId, program.id, [
      { type: "manual", title: "One" },
      { type: "manual", title: "Two" },
    ]);
    const base = `/api/console/onboarding/templates/${template.id}`;
    const added = await call("POST", `${base}/steps`, world.vendor.admin.headers, {
      type: "complete_course",
      title: "Three",
    });
    const ids = added.json().steps.map((s: { id: string }) => s.id);
    const reordered = await call("PUT", `${base}/order`, world.vendor.admin.headers, { stepIds: [...ids].reverse() });
    expect(reordered.json().steps.map((s: { title: string }) => s.title)).toEqual(["Three", "Two", "One"]);
    const bad = await call("PUT", `${base}/order`, world.vendor.admin.headers, { stepIds: [ids[0]] });
    expect(bad.statusCode).toBe(400);
    const made = await call("PATCH", base, world.vendor.admin.headers, { makeDefault: true });
    expect(made.json().isDefault).toBe(true);
    const edited = await call("PATCH", `${base}/steps/${steps[0]?.id}`, world.vendor.admin.headers, {
      dueOffsetDays: 30,
    });
    expect(edited.json().steps.find((s: { title: string }) => s.title === "One").dueOffsetDays).toBe(30);
    const removed = await call("DELETE", base, world.vendor.admin.headers);
    expect(removed.statusCode).toBe(204);
  });
});

describe("overdue reminders", () => {
  it("flags each late step once, as of the given time", async () => {
    const other = await createWorld(harness.database, "Reminders");
    await insertJourney(
      harness.database,
      other.workspaceId,
      other.partnerA.id,
      [
        { type: "manual", title: "Late", dueOffsetDays: 2 },
        { type: "manual", title: "Later", dueOffsetDays: 20 },
      ],
      0,
    );
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    expect(await flagOverdueSteps(harness.database, new Date(), other.workspaceId)).toBe(0);
    expect(await flagOverdueSteps(harness.database, inTenDays, other.workspaceId)).toBe(1);
    expect(await flagOverdueSteps(harness.database, inTenDays, other.workspaceId)).toBe(0);
    const events = await harness.database.db.execute<{ payload: { title: string } }>(
      sql`select payload from domain_events where workspace_id = ${other.workspaceId} and type = 'onboarding.step_overdue'`,
    );
    expect(events.rows.map((r) => r.payload.title)).toEqual(["Late"]);
  });
});
