import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { addMembership, insertProgram } from "../../../test/journey-fixtures";

const harness = useTestApp();
let world: World;
let programId: string;

beforeAll(async () => {
  world = await createWorld(harness.database, "Agreements");
  programId = (await insertProgram(harness.database, world.workspaceId, { name: "Reseller" })).id;
  await addMembership(harness.database, world.workspaceId, world.partnerA.id, programId);
});

const call = (method: "GET" | "POST" | "PATCH", url: string, headers: Record<string, string>, payload?: unknown) =>
  harness.app.inject({
    method,
    url,
    headers: { ...headers, "user-agent": "agreements-test" },
    ...(payload ? { payload } : {}),
  });

async function createAgreement(title: string) {
  const response = await call("POST", "/api/console/agreements", world.vendor.admin.headers, {
    programId,
    title,
    bodyMarkdown: "# Terms\n\nVersion one.",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function portalStatus(agreementId: string) {
  const response = await call("GET", "/api/portal/agreements", world.partnerUsers.partner_user.headers);
  expect(response.statusCode).toBe(200);
  return response.json().items.find((a: { agreementId: string }) => a.agreementId === agreementId);
}

describe("agreements", () => {
  it("publishes versions and tracks acceptance and re-acceptance", async () => {
    const agreement = await createAgreement("Reseller terms");
    expect(agreement.versions).toHaveLength(1);
    const v1 = agreement.latestVersion.id;
    expect(await portalStatus(agreement.id)).toMatchObject({ accepted: false, reacceptanceRequired: false });

    // Partner users may read but not accept.
    const denied = await call("POST", `/api/portal/agreements/${v1}/accept`, world.partnerUsers.partner_user.headers);
    expect(denied.statusCode).toBe(403);

    const accepted = await call(
      "POST",
      `/api/portal/agreements/${v1}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      version: 1,
      partnerId: world.partnerA.id,
      userId: world.partnerUsers.partner_admin.userId,
      userEmail: world.partnerUsers.partner_admin.email,
      userAgent: "agreements-test",
    });
    expect(accepted.json().ipAddress).toBeTruthy();
    // Idempotent: the same record again.
    const again = await call("POST", `/api/portal/agreements/${v1}/accept`, world.partnerUsers.partner_admin.headers);
    expect(again.json().id).toBe(accepted.json().id);

    // A version that does not require re-acceptance keeps the earlier acceptance valid.
    const v2 = await call(
      "POST",
      `/api/console/agreements/${agreement.id}/versions`,
      world.vendor.partner_manager.headers,
      {
        bodyMarkdown: "# Terms\n\nTypo fixed.",
        requiresReacceptance: false,
      },
    );
    expect(v2.statusCode, v2.body).toBe(201);
    expect(await portalStatus(agreement.id)).toMatchObject({ accepted: true, acceptance: { version: 1 } });

    // One that does asks again; the old version can no longer be accepted.
    const v3 = await call("POST", `/api/console/agreements/${agreement.id}/versions`, world.vendor.admin.headers, {
      bodyMarkdown: "# Terms\n\nNew commission schedule.",
      requiresReacceptance: true,
    });
    expect(v3.json().version).toBe(3);
    expect(await portalStatus(agreement.id)).toMatchObject({
      accepted: false,
      reacceptanceRequired: true,
      acceptance: null,
    });
    const stale = await call(
      "POST",
      `/api/portal/agreements/${v2.json().id}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "AGREEMENT_VERSION_SUPERSEDED", details: { latestVersion: 3 } });
    const fresh = await call(
      "POST",
      `/api/portal/agreements/${v3.json().id}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    expect(fresh.statusCode).toBe(200);
    expect(await portalStatus(agreement.id)).toMatchObject({ accepted: true, acceptance: { version: 3 } });

    const versions = await call(
      "GET",
      `/api/console/agreements/${agreement.id}/versions`,
      world.vendor.analyst.headers,
    );
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const list = await call("GET", `/api/console/agreements/${agreement.id}/acceptances`, world.vendor.analyst.headers);
    expect(list.json().items.map((a: { version: number }) => a.version)).toEqual([3, 1]);
    const profile = await call(
      "GET",
      `/api/console/partners/${world.partnerA.id}/agreements`,
      world.vendor.finance.headers,
    );
    expect(profile.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ agreementId: agreement.id, accepted: true })]),
    );
    expect(profile.json().acceptances.length).toBeGreaterThanOrEqual(2);

    // The timeline has the event.
    const events = await harness.database.db.execute<{ type: string }>(
      sql`select type from domain_events where workspace_id = ${world.workspaceId} and partner_id = ${world.partnerA.id} and type = 'agreement.accepted'`,
    );
    expect(events.rows).toHaveLength(2);
  });

  it("keeps acceptances immutable in the database", async () => {
    const agreement = await createAgreement("Immutable terms");
    await call(
      "POST",
      `/api/portal/agreements/${agreement.latestVersion.id}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    await expect(
      harness.database.db.execute(
        sql`update agreement_acceptances set user_email = 'forged@example.test' where workspace_id = ${world.workspaceId}`,
      ),
    ).rejects.toThrow();
    await expect(
      harness.database.db.execute(sql`delete from agreement_acceptances where workspace_id = ${world.workspaceId}`),
    ).rejects.toThrow();
  });

  it("exports acceptances as CSV with formula-looking cells neutralized", async () => {
    const agreement = await createAgreement("Export terms");
    await harness.database.db.execute(
      sql`update partners set name = ${"=cmd|'/C calc'!A0"} where workspace_id = ${world.workspaceId} and id = ${world.partnerA.id}`,
    );
    await call(
      "POST",
      `/api/portal/agreements/${agreement.latestVersion.id}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    const response = await call(
      "GET",
      `/api/console/agreements/${agreement.id}/acceptances.csv`,
      world.vendor.marketing.headers,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/csv/);
    const [header, row] = response.body.trim().split("\n");
    expect(header).toBe("accepted_at,partner,partner_id,user_email,user_id,agreement,version,ip_address,user_agent");
    expect(row).toContain(`'=cmd|'/C calc'!A0,${world.partnerA.id}`);
  });

  it("hides agreements of programs the partner is not in, and archived ones", async () => {
    const other = await insertProgram(harness.database, world.workspaceId);
    const response = await call("POST", "/api/console/agreements", world.vendor.admin.headers, {
      programId: other.id,
      title: "Technology terms",
      bodyMarkdown: "# Tech",
    });
    const hidden = response.json();
    expect(await portalStatus(hidden.id)).toBeUndefined();
    const accept = await call(
      "POST",
      `/api/portal/agreements/${hidden.latestVersion.id}/accept`,
      world.partnerUsers.partner_admin.headers,
    );
    expect(accept.statusCode).toBe(404);

    const mine = await createAgreement("Archived terms");
    const archived = await call("PATCH", `/api/console/agreements/${mine.id}`, world.vendor.admin.headers, {
      archived: true,
    });
    expect(archived.json().archivedAt).not.toBeNull();
    expect(await portalStatus(mine.id)).toBeUndefined();
    const listed = await call("GET", "/api/console/agreements?includeArchived=true", world.vendor.admin.headers);
    expect(listed.json().items.map((a: { id: string }) => a.id)).toContain(mine.id);
  });
});
