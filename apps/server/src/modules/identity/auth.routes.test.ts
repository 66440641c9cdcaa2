import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, TEST_PASSWORD, type World } from "../../../test/factories";
import { insertUser } from "../../../test/records";
import { createPasswordReset, LOCKOUT_THRESHOLD } from "./auth.service";
import { users } from "./identity.schema";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Auth");
});

async function login(email: string, password = TEST_PASSWORD, ip = "10.0.0.1") {
  return harness.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    headers: { "x-forwarded-for": ip },
  });
}

function sessionOf(response: Awaited<ReturnType<typeof login>>) {
  const cookie = response.cookies.find((c) => c.name === "symbiont_session");
  if (!cookie) throw new Error(`no session cookie: ${response.body}`);
  return { cookie: `symbiont_session=${cookie.value}`, "x-csrf-token": response.json().csrfToken as string };
}

describe("sign-in", () => {
  it("signs a vendor admin in with an httpOnly, SameSite=Lax cookie and names the surface", async () => {
    const response = await login(world.vendor.admin.email);
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "symbiont_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.user).toMatchObject({ email: world.vendor.admin.email, kind: "vendor", role: "admin", partner: null });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: sessionOf(response) });
    expect(me.json().user.id).toBe(body.user.id);
  });

  it("tells a partner user which organization they belong to", async () => {
    const response = await login(world.partnerUsers.partner_admin.email);
    expect(response.json().user).toMatchObject({
      kind: "partner",
      partner: { id: world.partnerA.id, name: world.partnerA.name },
    });
  });

  it("accepts the email in any case", async () => {
    expect((await login(world.vendor.analyst.email.toUpperCase())).statusCode).toBe(200);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await login(world.vendor.finance.email, "not the password");
    const unknown = await login("nobody@example.test", "whatever");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe("AUTH_INVALID_CREDENTIALS");
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it("rejects a malformed body naming the field", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x", password: "" },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password"]));
  });

  it("locks the account after repeated failures, even for the right password, and says until when", async () => {
    const user = await insertUser(harness.database, world.workspaceId, "marketing");
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect((await login(user.email, "wrong password", "10.0.1.1")).statusCode).toBe(401);
    }
    const locking = await login(user.email, "wrong password", "10.0.1.1");
    expect(locking.statusCode).toBe(423);
    expect(locking.json().code).toBe("AUTH_ACCOUNT_LOCKED");
    expect(Date.parse(locking.json().details.lockedUntil)).toBeGreaterThan(Date.now());
    const right = await login(user.email, TEST_PASSWORD, "10.0.1.1");
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/locked for \d+ more minute/);
  });

  it("refuses a disabled account only after the password is right", async () => {
    const user = await insertUser(harness.database, world.workspaceId, "marketing");
    await harness.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await login(user.email, "wrong password")).json().code).toBe("AUTH_INVALID_CREDENTIALS");
    const response = await login(user.email);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("AUTH_ACCOUNT_DISABLED");
  });

  it("rate-limits sign-in attempts per address with Retry-After", async () => {
    let last = await login("nobody@example.test", "x", "10.9.9.9");
    for (let i = 0; i < 30 && last.statusCode !== 429; i++) last = await login("nobody@example.test", "x", "10.9.9.9");
    expect(last.statusCode).toBe(429);
    expect(last.json().code).toBe("RATE_LIMITED");
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(world.vendor.admin.email, TEST_PASSWORD, "10.9.9.10")).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("requires the CSRF header for cookie mutations but not for API keys", async () => {
    const session = sessionOf(await login(world.vendor.admin.email));
    const body = { name: "Needs CSRF partner" };
    const without = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      payload: body,
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("CSRF_TOKEN_INVALID");
    const forged = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      payload: body,
      headers: { cookie: session.cookie, "x-csrf-token": world.vendor.admin.headers["x-csrf-token"] ?? "" },
    });
    expect(forged.json().code).toBe("CSRF_TOKEN_INVALID");
    const ok = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      payload: body,
      headers: session,
    });
    expect(ok.statusCode).toBe(201);
  });

  it("logs out: the cookie stops working and is cleared", async () => {
    const session = sessionOf(await login(world.vendor.partner_manager.email));
    const out = await harness.app.inject({ method: "POST", url: "/api/auth/logout", headers: session });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "symbiont_session")?.value).toBe("");
    const me = await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: session });
    expect(me.statusCode).toBe(401);
    expect((await harness.app.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(401);
  });

  it("lists your sessions and revokes another one", async () => {
    const user = await insertUser(harness.database, world.workspaceId, "finance");
    const first = sessionOf(await login(user.email));
    const second = sessionOf(await login(user.email));
    const list = await harness.app.inject({ method: "GET", url: "/api/auth/sessions", headers: first });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    const other = items.find((s) => !s.current);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const revoke = await harness.app.inject({
      method: "DELETE",
      url: `/api/auth/sessions/${other?.id}`,
      headers: first,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: second })).statusCode).toBe(401);
    expect((await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: first })).statusCode).toBe(200);
  });
});

describe("passwords", () => {
  it("changes the password, signs out other sessions, and keeps this one", async () => {
    const user = await insertUser(harness.database, world.workspaceId, "analyst");
    const here = sessionOf(await login(user.email));
    const elsewhere = sessionOf(await login(user.email));
    const wrong = await harness.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: here,
      payload: { currentPassword: "not it", newPassword: "a much better password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("AUTH_PASSWORD_INCORRECT");
    expect(wrong.json().details.issues[0].path).toBe("body.currentPassword");
    const short = await harness.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(short.json().details.issues[0].path).toBe("body.newPassword");
    const ok = await harness.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a much better password" },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: here })).statusCode).toBe(200);
    expect((await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: elsewhere })).statusCode).toBe(401);
    expect((await login(user.email)).statusCode).toBe(401);
    expect((await login(user.email, "a much better password")).statusCode).toBe(200);
  });

  it("resets a password once with a reset link, which then stops working", async () => {
    const user = await insertUser(harness.database, world.workspaceId, "analyst");
    const before = sessionOf(await login(user.email));
    const reset = await createPasswordReset(harness.deps, user.email);
    const token = new URL(reset.url).searchParams.get("token") ?? "";
    expect(reset.url).toMatch(/^http:\/\/symbiont\.test\/reset-password\?token=/);
    const first = await harness.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { token, newPassword: "brand new password 1" },
    });
    expect(first.statusCode, first.body).toBe(204);
    const again = await harness.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { token, newPassword: "brand new password 2" },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("AUTH_RESET_TOKEN_INVALID");
    expect((await harness.app.inject({ method: "GET", url: "/api/auth/me", headers: before })).statusCode).toBe(401);
    expect((await login(user.email, "brand new password 1")).statusCode).toBe(200);
  });
});
