import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertApplication, insertProgram, insertTemplate } from "../../../test/journey-fixtures";

const harness = useTestApp();
let world: World;
let slug: string;
let program: Awaited<ReturnType<typeof insertProgram>>;

const criteria = [
  {
    id: "industry",
    label: "Software",
    attribute: "industries",
    weight: 60,
    rule: { kind: "any_of", values: ["software"] },
  },
  { id: "region", label: "EMEA", attribute: "regions", weight: 40, rule: { kind: "any_of", values: ["emea"] } },
];

beforeAll(async () => {
  world = await createWorld(harness.database, "Recruitment");
  const [ws] = (
    await harness.database.db.execute<{ slug: string }>(
      sql`select slug from workspaces where id = ${world.workspaceId}`,
    )
  ).rows;
  slug = ws?.slug ?? "";
  program = await insertProgram(harness.database, world.workspaceId, { name: "Reseller" });
  await insertTemplate(harness.database, world.workspaceId, program.id, [{ type: "manual", title: "Kick-off" }]);
  const saved = await harness.app.inject({
    method: "PUT",
    url: `/api/console/programs/${program.id}/ipp`,
    headers: world.vendor.admin.headers,
    payload: { criteria },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

/** A distinct client address per test keeps the per-IP limits apart. */
const apply = (body: Record<string, unknown>, ip = "198.51.100.1", programSlug = program.slug) =>
  harness.app.inject({
    method: "POST",
    url: `/api/public/apply/${slug}/${programSlug}`,
    headers: { "x-forwarded-for": ip },
    payload: body,
  });

const applicant = (overrides: Record<string, unknown> = {}) => {
  const tag = randomUUID().slice(0, 8);
  return {
    companyName: `Fabrikam ${tag}`,
    website: `https://www.fabrikam-${tag}.example/about`,
    hqCountry: "de",
    regions: ["emea"],
    industries: ["Software"],
    size: "51-200",
    partnerTypes: ["reseller"],
    specializations: ["security"],
    applicantName: "Fay Fabrikam",
    applicantEmail: `fay@fabrikam-${tag}.example`,
    message: "We resell security software across Germany.",
    ...overrides,
  };
};

async function applicationFor(company: string) {
  const list = await harness.app.inject({
    method: "GET",
    url: "/api/console/applications?limit=200",
    headers: world.vendor.analyst.headers,
  });
  return list.json().items.find((a: { companyName: string }) => a.companyName === company);
}

describe("public application page", () => {
  it("describes the form", async () => {
    const response = await harness.app.inject({ method: "GET", url: `/api/public/apply/${slug}/${program.slug}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ programName: "Reseller", open: true });
    const missing = await harness.app.inject({ method: "GET", url: `/api/public/apply/${slug}/nope` });
    expect(missing.statusCode).toBe(404);
  });

  it("creates an applied partner with a scored application", async () => {
    const body = applicant();
    const response = await apply(body, "198.51.100.10");
    expect(response.statusCode, response.body).toBe(201);
    const summary = await applicationFor(body.companyName);
    expect(summary).toMatchObject({ status: "received", fitScore: 100, domain: body.website.slice(12, -6) });
    const detail = await harness.app.inject({
      method: "GET",
      url: `/api/console/applications/${summary.id}`,
      headers: world.vendor.marketing.headers,
    });
    expect(detail.json().fitBreakdown.map((b: { points: number }) => b.points)).toEqual([60, 40]);
    expect(detail.json().answers).toMatchObject({ companyName: body.companyName, message: body.message });
    const partner = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${summary.partnerId}`,
      headers: world.vendor.admin.headers,
    });
    expect(partner.json()).toMatchObject({ stage: "applied", hqCountry: "DE" });
    const events = await harness.database.db.execute(
      sql`select 1 from domain_events where workspace_id = ${world.workspaceId} and partner_id = ${summary.partnerId} and type = 'partner.application_received'`,
    );
    expect(events.rows).toHaveLength(1);

    const duplicate = await apply(applicant({ website: body.website }), "198.51.100.10");
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: "APPLICATION_DUPLICATE" });
  });

  it("silently discards honeypot submissions", async () => {
    const body = applicant({ website2: "http://spam.example" });
    const response = await apply(body, "198.51.100.11");
    expect(response.statusCode).toBe(201);
    expect(await applicationFor(body.companyName)).toBeUndefined();
  });

  it("validates input and names the fields", async () => {
    const response = await apply(applicant({ applicantEmail: "not-an-email", partnerTypes: [] }), "198.51.100.12");
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.applicantEmail", "body.partnerTypes"]));
  });

  it("limits submissions per client address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await apply(applicant({ website2: "x" }), "198.51.100.13")).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses applications when the program is closed", async () => {
    const closed = await insertProgram(harness.database, world.workspaceId, { applicationsOpen: false });
    const response = await apply(applicant(), "198.51.100.14", closed.slug);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("APPLICATIONS_CLOSED");
  });

  it("auto-rejects obvious spam when the program says so, never auto-approves", async () => {
    const strict = await insertProgram(harness.database, world.workspaceId, { autoRejectSpam: true });
    const body = applicant({ applicantEmail: "someone@gmail.com" });
    expect((await apply(body, "198.51.100.15", strict.slug)).statusCode).toBe(201);
    expect(await applicationFor(body.companyName)).toMatchObject({
      status: "rejected",
      decisionReason: expect.stringMatching(/free-mail/),
    });
    const good = applicant();
    await apply(good, "198.51.100.15", strict.slug);
    expect(await applicationFor(good.companyName)).toMatchObject({ status: "received" });
  });
});

describe("vetting", () => {
  it("assigns, approves with an invitation and starts onboarding", async () => {
    const body = applicant();
    await apply(body, "198.51.100.20");
    const { id, partnerId } = await applicationFor(body.companyName);
    const assigned = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${id}/assign`,
      headers: world.vendor.admin.headers,
      payload: { vetterId: world.vendor.partner_manager.userId },
    });
    expect(assigned.json()).toMatchObject({ status: "in_vetting", vetterId: world.vendor.partner_manager.userId });
    const badVetter = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${id}/assign`,
      headers: world.vendor.admin.headers,
      payload: { vetterId: world.vendor.analyst.userId },
    });
    expect(badVetter.statusCode).toBe(400);

    const approved = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${id}/approve`,
      headers: world.vendor.partner_manager.headers,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().application.status).toBe("approved");
    expect(approved.json().acceptUrl).toMatch(/\/invite\//);
    expect(approved.json().invitation.email).toBe(body.applicantEmail);
    const partner = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${partnerId}`,
      headers: world.vendor.admin.headers,
    });
    expect(partner.json().stage).toBe("onboarding");
    const journey = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${partnerId}/onboarding`,
      headers: world.vendor.admin.headers,
    });
    expect(journey.json().items).toHaveLength(1);

    const twice = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${id}/reject`,
      headers: world.vendor.admin.headers,
      payload: { reason: "Changed my mind" },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("APPLICATION_ALREADY_DECIDED");
  });

  it("rejects with a reason", async () => {
    const { application, partner } = await insertApplication(harness.database, world.workspaceId, program.id);
    const rejected = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${application.id}/reject`,
      headers: world.vendor.admin.headers,
      payload: { reason: "No presence in our markets" },
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionReason: "No presence in our markets" });
    const stage = await harness.database.db.execute<{ stage: string }>(
      sql`select stage from partners where id = ${partner.id}`,
    );
    expect(stage.rows[0]?.stage).toBe("rejected");
    const noReason = await harness.app.inject({
      method: "POST",
      url: `/api/console/applications/${application.id}/reject`,
      headers: world.vendor.admin.headers,
      payload: { reason: "" },
    });
    expect(noReason.statusCode).toBe(400);
  });

  it("rescores open applications when the IPP changes, and sorts by fit", async () => {
    const scoped = await insertProgram(harness.database, world.workspaceId);
    const low = await insertApplication(harness.database, world.workspaceId, scoped.id, { industries: ["retail"] });
    const high = await insertApplication(harness.database, world.workspaceId, scoped.id, { industries: ["software"] });
    const decided = await insertApplication(harness.database, world.workspaceId, scoped.id, {
      industries: ["software"],
    });
    await harness.database.db.execute(
      sql`update partner_applications set status = 'rejected', fit_score = 1 where id = ${decided.application.id}`,
    );
    const saved = await harness.app.inject({
      method: "PUT",
      url: `/api/console/programs/${scoped.id}/ipp`,
      headers: world.vendor.partner_manager.headers,
      payload: { criteria: [criteria[0]] },
    });
    expect(saved.json()).toMatchObject({ version: 1, rescored: 2 });
    const again = await harness.app.inject({
      method: "PUT",
      url: `/api/console/programs/${scoped.id}/ipp`,
      headers: world.vendor.partner_manager.headers,
      payload: { criteria },
    });
    expect(again.json().version).toBe(2);
    const queue = await harness.app.inject({
      method: "GET",
      url: `/api/console/applications?programId=${scoped.id}&sort=fit&status=received`,
      headers: world.vendor.admin.headers,
    });
    expect(
      queue
        .json()
        .items.map((a: { id: string; fitScore: number; ippVersion: number }) => [a.id, a.fitScore, a.ippVersion]),
    ).toEqual([
      [high.application.id, 60, 2],
      [low.application.id, 0, 2],
    ]);
    const untouched = await harness.database.db.execute<{ fit_score: number }>(
      sql`select fit_score from partner_applications where id = ${decided.application.id}`,
    );
    expect(untouched.rows[0]?.fit_score).toBe(1);
    const duplicateIds = await harness.app.inject({
      method: "PUT",
      url: `/api/console/programs/${scoped.id}/ipp`,
      headers: world.vendor.admin.headers,
      payload: { criteria: [criteria[0], criteria[0]] },
    });
    expect(duplicateIds.statusCode).toBe(400);
  });
});
