import type { LeadPage, ReferralLink } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { caller, expectStatus } from "./leads.fixtures";

const harness = useTestApp();
const call = caller(() => harness.app);
let world: World;
let link: ReferralLink;

const form = (n: number, extra: Record<string, unknown> = {}) => ({
  company: `Referred Co ${n}`,
  contactName: "Robin",
  contactEmail: `robin${n}@referred.example`,
  need: "Wants a demo",
  consent: true,
  ...extra,
});

/** Requests from distinct client addresses (trustProxy is on in tests). */
const from = (ip: string) => ({ "x-forwarded-for": ip });

beforeAll(async () => {
  world = await createWorld(harness.database, "PublicReferral");
  const none = await expectStatus<ReferralLink>(
    call("GET", "/api/portal/referral-link", world.partnerUsers.partner_user.headers),
    200,
  );
  expect(none.code).toBeNull();
  link = await expectStatus<ReferralLink>(
    call("POST", "/api/portal/referral-link", world.partnerUsers.partner_user.headers),
    201,
  );
  expect(link.code).toMatch(/^[a-z2-7]{10}$/);
  expect(link.path).toBe(`/r/${link.code}`);
});

describe("public referral form", () => {
  it("creates a referral from the link's partner to the vendor", async () => {
    const info = await expectStatus(call("GET", `/api/public/referrals/${link.code}`, from("198.51.100.1")), 200);
    expect(info).toMatchObject({ partnerName: world.partnerA.name });
    await expectStatus(call("POST", `/api/public/referrals/${link.code}`, from("198.51.100.1"), form(1)), 201);
    const inbox = await expectStatus<LeadPage>(
      call("GET", "/api/console/leads?box=vendor", world.vendor.admin.headers),
      200,
    );
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "referral",
      source: "referral_link",
      status: "offered",
      company: "Referred Co 1",
      domain: "referred.example",
      sender: { partnerId: world.partnerA.id },
    });
    const mine = await expectStatus<ReferralLink>(
      call("GET", "/api/portal/referral-link", world.partnerUsers.partner_admin.headers),
      200,
    );
    expect(mine.referrals).toBe(1);
  });

  it("validates every field and names it", async () => {
    const response = await call("POST", `/api/public/referrals/${link.code}`, from("198.51.100.2"), {
      company: "",
      contactName: "R",
      contactEmail: "not-an-email",
      country: "Germany",
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["body.company", "body.contactEmail", "body.country", "body.consent"]),
    );
    await expectStatus(call("GET", "/api/public/referrals/NOT-A-CODE", from("198.51.100.2")), 400);
    await expectStatus(call("GET", "/api/public/referrals/zzzzzzzzzz", from("198.51.100.2")), 404);
  });

  it("is spam-safe: a filled honeypot and a repeated contact create nothing", async () => {
    const before = await count();
    await expectStatus(
      call("POST", `/api/public/referrals/${link.code}`, from("198.51.100.3"), form(2, { website2: "http://spam" })),
      201,
    );
    expect(await count()).toBe(before);
    await expectStatus(call("POST", `/api/public/referrals/${link.code}`, from("198.51.100.3"), form(3)), 201);
    await expectStatus(call("POST", `/api/public/referrals/${link.code}`, from("198.51.100.4"), form(3)), 201);
    expect(await count()).toBe(before + 1);
  });

  it("rate-limits per client address with Retry-After", async () => {
    const ip = "198.51.100.9";
    for (let n = 0; n < 5; n++) {
      await expectStatus(call("POST", `/api/public/referrals/${link.code}`, from(ip), form(100 + n)), 201);
    }
    const limited = await call("POST", `/api/public/referrals/${link.code}`, from(ip), form(200));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("a replaced link stops working", async () => {
    const old = link.code;
    link = await expectStatus<ReferralLink>(
      call("POST", "/api/portal/referral-link", world.partnerUsers.partner_admin.headers),
      201,
    );
    expect(link.code).not.toBe(old);
    await expectStatus(call("GET", `/api/public/referrals/${old}`, from("198.51.100.5")), 404);
    await expectStatus(call("POST", `/api/public/referrals/${old}`, from("198.51.100.5"), form(300)), 404);
  });
});

async function count(): Promise<number> {
  const result = await harness.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from leads where workspace_id = ${world.workspaceId}`,
  );
  return Number(result.rows[0]?.n ?? 0);
}
