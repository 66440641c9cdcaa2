import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, uniqueEmail, type World } from "../../../test/factories";
import { insertApiKey, insertInvitation } from "../../../test/records";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "People");
});

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => harness.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe("invitations", () => {
  it("a vendor admin invites a partner admin who accepts, is signed in, and lands in that partner", async () => {
    const email = uniqueEmail("invitee");
    const created = await call("POST", "/api/console/invitations", world.vendor.admin.headers, {
      email: email.toUpperCase(),
      role: "partner_admin",
      partnerId: world.partnerB.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { invitation, acceptUrl } = created.json();
    expect(invitation).toMatchObject({ email, status: "pending", partnerName: world.partnerB.name });
    const token = acceptUrl.split("/invite/")[1];
    const preview = await call("GET", `/api/auth/invitations/${token}`, {});
    expect(preview.json()).toMatchObject({ email, role: "partner_admin", partnerName: world.partnerB.name });
    const accepted = await call(
      "POST",
      "/api/auth/invitations/accept",
      {},
      { token, name: "New Person", password: "long enough password" },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, kind: "partner", partner: { id: world.partnerB.id } });
    const cookie = accepted.cookies.find((c) => c.name === "symbiont_session");
    const me = await call("GET", "/api/auth/me", { cookie: `symbiont_session=${cookie?.value}` });
    expect(me.json().user.email).toBe(email);
    const reuse = await call(
      "POST",
      "/api/auth/invitations/accept",
      {},
      { token, name: "Again", password: "long enough password" },
    );
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().code).toBe("INVITATION_ALREADY_USED");
    const list = await call("GET", "/api/console/invitations", world.vendor.admin.headers);
    expect(list.json().items.find((i: { email: string }) => i.email === email)?.status).toBe("accepted");
  });

  it("an expired invitation gives a clear 410", async () => {
    const expired = await insertInvitation(harness.database, world.workspaceId, {
      expiresAt: new Date(Date.now() - 1000),
    });
    const preview = await call("GET", `/api/auth/invitations/${expired.token}`, {});
    expect(preview.statusCode).toBe(410);
    expect(preview.json()).toMatchObject({ code: "INVITATION_EXPIRED", message: expect.stringMatching(/expired/) });
    const accept = await call(
      "POST",
      "/api/auth/invitations/accept",
      {},
      { token: expired.token, name: "Late", password: "long enough password" },
    );
    expect(accept.json().code).toBe("INVITATION_EXPIRED");
  });

  it("a revoked invitation and an unknown token each say so", async () => {
    const invitation = await insertInvitation(harness.database, world.workspaceId);
    expect(
      (await call("DELETE", `/api/console/invitations/${invitation.id}`, world.vendor.admin.headers)).statusCode,
    ).toBe(204);
    expect((await call("GET", `/api/auth/invitations/${invitation.token}`, {})).json().code).toBe("INVITATION_REVOKED");
    expect(
      (await call("DELETE", `/api/console/invitations/${invitation.id}`, world.vendor.admin.headers)).statusCode,
    ).toBe(409);
    const unknown = await call("GET", "/api/auth/invitations/this-token-does-not-exist", {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("INVITATION_INVALID");
  });

  it("refuses to invite an email that already has an account", async () => {
    const response = await call("POST", "/api/console/invitations", world.vendor.admin.headers, {
      email: world.vendor.finance.email,
      role: "analyst",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "USER_EMAIL_TAKEN", details: { issues: [{ path: "body.email" }] } });
  });

  it("requires a partner for partner roles and refuses one for staff roles", async () => {
    const missing = await call("POST", "/api/console/invitations", world.vendor.admin.headers, {
      email: uniqueEmail(),
      role: "partner_user",
    });
    expect(missing.json().details.issues[0].path).toBe("body.partnerId");
    const extra = await call("POST", "/api/console/invitations", world.vendor.admin.headers, {
      email: uniqueEmail(),
      role: "analyst",
      partnerId: world.partnerA.id,
    });
    expect(extra.json().details.issues[0].path).toBe("body.partnerId");
  });

  it("a partner admin invites into their own organization only, whatever the body says", async () => {
    const response = await call("POST", "/api/portal/invitations", world.partnerUsers.partner_admin.headers, {
      email: uniqueEmail("colleague"),
      role: "partner_user",
      partnerId: world.partnerB.id,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().invitation.partnerId).toBe(world.partnerA.id);
    const theirs = await call("GET", "/api/portal/invitations", world.partnerBAdmin.headers);
    expect(theirs.json().items.map((i: { partnerId: string }) => i.partnerId)).not.toContain(world.partnerA.id);
  });
});

describe("API keys", () => {
  it("shows the secret once, authenticates with it, records last use, and stops at revocation", async () => {
    const created = await call("POST", "/api/console/api-keys", world.vendor.admin.headers, {
      name: "CRM",
      role: "analyst",
    });
    const { apiKey, secret } = created.json();
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const list = await call("GET", "/api/console/api-keys", world.vendor.admin.headers);
    expect(list.body).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    const partners = await call("GET", "/api/console/partners", bearer);
    expect(partners.statusCode).toBe(200);
    expect(partners.json().items.map((p: { id: string }) => p.id)).toContain(world.partnerA.id);
    const write = await call("POST", "/api/console/partners", bearer, { name: "Analyst cannot" });
    expect(write.statusCode).toBe(403);
    const used = (await call("GET", "/api/console/api-keys", world.vendor.admin.headers))
      .json()
      .items.find((k: { id: string }) => k.id === apiKey.id);
    expect(used.lastUsedAt).not.toBeNull();
    expect((await call("DELETE", `/api/console/api-keys/${apiKey.id}`, world.vendor.admin.headers)).statusCode).toBe(
      204,
    );
    const revoked = await call("GET", "/api/console/partners", bearer);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ code: "API_KEY_REVOKED", message: "The API key has been revoked" });
  });

  it("an expired key and a made-up key are refused with their own codes", async () => {
    const expired = await insertApiKey(harness.database, world.workspaceId, { expiresAt: new Date(Date.now() - 1000) });
    expect(
      (await call("GET", "/api/console/partners", { authorization: `Bearer ${expired.secret}` })).json().code,
    ).toBe("API_KEY_EXPIRED");
    expect((await call("GET", "/api/console/partners", { authorization: "Bearer sym_madeup" })).json().code).toBe(
      "API_KEY_INVALID",
    );
    expect((await call("GET", "/api/console/partners", { authorization: "Basic abc" })).json().code).toBe(
      "API_KEY_INVALID",
    );
  });

  it("a partner key reads its own partner through the portal and nothing in the console", async () => {
    const created = await call("POST", "/api/portal/api-keys", world.partnerUsers.partner_admin.headers, {
      name: "Ours",
      role: "partner_user",
    });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    expect((await call("GET", "/api/portal/partner", bearer)).json().id).toBe(world.partnerA.id);
    expect((await call("GET", "/api/console/partners", bearer)).statusCode).toBe(403);
  });
});

describe("people", () => {
  it("keeps at least one active admin and forbids changing your own role", async () => {
    const self = await call("PATCH", `/api/console/users/${world.vendor.admin.userId}`, world.vendor.admin.headers, {
      role: "analyst",
    });
    expect(self.json().code).toBe("USER_CANNOT_CHANGE_OWN_ROLE");
    const lonely = await createWorld(harness.database, "Lonely");
    const second = await call("POST", "/api/console/invitations", lonely.vendor.admin.headers, {
      email: uniqueEmail(),
      role: "admin",
    });
    expect(second.statusCode).toBe(201);
    const rename = await call(
      "PATCH",
      `/api/console/users/${lonely.vendor.admin.userId}`,
      lonely.vendor.admin.headers,
      { name: "Still me" },
    );
    expect(rename.json().name).toBe("Still me");
  });

  it("disabling someone signs them out at once", async () => {
    const target = world.vendor.marketing;
    expect((await call("GET", "/api/auth/me", target.headers)).statusCode).toBe(200);
    const response = await call("PATCH", `/api/console/users/${target.userId}`, world.vendor.admin.headers, {
      disabled: true,
    });
    expect(response.json().disabled).toBe(true);
    expect((await call("GET", "/api/auth/me", target.headers)).statusCode).toBe(401);
  });

  it("partner users see their colleagues and never another partner's people", async () => {
    const response = await call("GET", "/api/portal/users", world.partnerUsers.partner_user.headers);
    const emails = response.json().items.map((u: { email: string }) => u.email);
    expect(emails).toContain(world.partnerUsers.partner_admin.email);
    expect(emails).not.toContain(world.partnerBAdmin.email);
    expect(emails).not.toContain(world.vendor.admin.email);
  });
});
