import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { type Caller, createWorld, type World } from "../../../test/factories";
import { accountListMembers, accountLists, accounts, directEngagements } from "../accounts";
import { opportunities } from "../revenue";
import { touchpoints } from "../touchpoints";
import { registrationBody } from "./deals.isolation";
import { expireRegistrations, sweepApprovalSla } from "./deals.lifecycle";
import { dealRegistrations, registrationNotifications } from "./deals.schema";

const harness = useTestApp();
let world: World;
let partnerA: Caller;
let partnerB: Caller;
let admin: Caller;

beforeAll(async () => {
  world = await createWorld(harness.database, "Registrations");
  partnerA = world.partnerUsers.partner_admin;
  partnerB = world.partnerBAdmin;
  admin = world.vendor.partner_manager;
});

type Method = "GET" | "POST" | "PATCH" | "DELETE";
const call = (method: Method, url: string, caller: Caller, payload?: object, headers: Record<string, string> = {}) => {
  const options: InjectOptions = { method, url, headers: { ...caller.headers, ...headers } };
  if (payload !== undefined) options.payload = payload;
  return harness.app.inject(options);
};

async function register(caller: Caller, body: Record<string, unknown>) {
  const response = await call("POST", "/api/portal/registrations", caller, { submit: true, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const tag = () => randomUUID().slice(0, 8);

describe("drafts and submission", () => {
  it("saves a draft, refuses to submit it incomplete naming every field, then submits", async () => {
    const draft = await call("POST", "/api/portal/registrations", partnerA, { companyName: `Draft Co ${tag()}` });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: "draft", check: null });
    const id = draft.json().id;

    const incomplete = await call("POST", `/api/portal/registrations/${id}/submit`, partnerA);
    expect(incomplete.statusCode).toBe(400);
    const paths = incomplete.json().details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["registration.country", "registration.amount", "registration.products"]),
    );

    const { companyName, ...rest } = registrationBody();
    const edited = await call("PATCH", `/api/portal/registrations/${id}`, partnerA, rest);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amount: 12000, amountMinor: 1_200_000, currency: "EUR", country: "DE" });

    const submitted = await call("POST", `/api/portal/registrations/${id}/submit`, partnerA);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "under_review", check: { decision: "clear" } });
    expect(submitted.json().transitions.map((t: { toStatus: string }) => t.toStatus)).toEqual([
      "submitted",
      "under_review",
    ]);

    // After submission the company's identity is fixed, the detail is not.
    const locked = await call("PATCH", `/api/portal/registrations/${id}`, partnerA, { companyName: "Other Co" });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().details.issues[0].path).toBe("body.companyName");
    const notes = await call("PATCH", `/api/portal/registrations/${id}`, partnerA, { notes: "Budget approved" });
    expect(notes.json().notes).toBe("Budget approved");
    const deleted = await call("DELETE", `/api/portal/registrations/${id}`, partnerA);
    expect(deleted.statusCode).toBe(409);

    // The submission is a touchpoint on the registered account.
    const [row] = await harness.database.db.select().from(dealRegistrations).where(eq(dealRegistrations.id, id));
    const points = await harness.database.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, id)));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ type: "registration", partnerId: world.partnerA.id, accountId: row?.accountId });
  });

  it("returns the first result for a retried Idempotency-Key and 422 for the same key with another body", async () => {
    const key = `retry-${tag()}`;
    const body = registrationBody({ submit: true });
    const first = await call("POST", "/api/portal/registrations", partnerA, body, { "idempotency-key": key });
    const second = await call("POST", "/api/portal/registrations", partnerA, body, { "idempotency-key": key });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    const count = await harness.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dealRegistrations)
      .where(
        and(eq(dealRegistrations.workspaceId, world.workspaceId), eq(dealRegistrations.companyName, body.companyName)),
      );
    expect(count[0]?.n).toBe(1);
    const other = await call(
      "POST",
      "/api/portal/registrations",
      partnerA,
      { ...body, amount: 99 },
      { "idempotency-key": key },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
    // Another person's identical key is theirs alone.
    const colleague = await call("POST", "/api/portal/registrations", world.partnerUsers.partner_user, body, {
      "idempotency-key": key,
    });
    expect(colleague.json().id).not.toBe(first.json().id);
  });
});

describe("conflicts between partners", () => {
  it("tells partner B in plain words that another partner was first, shows the vendor the evidence, and blocks approval without an override", async () => {
    const t = tag();
    const a = await register(
      partnerA,
      registrationBody({
        companyName: `Fabrikam ${t} GmbH`,
        website: `https://www.fabrikam-${t}.de`,
        contactEmail: `x@fabrikam-${t}.de`,
      }),
    );
    expect(a.status).toBe("under_review");
    const b = await register(
      partnerB,
      registrationBody({
        companyName: `FABRIKAM ${t} Gesellschaft mit beschränkter Haftung`,
        website: `fabrikam-${t}.de`,
        contactEmail: `buyer@fabrikam-${t}.de`,
      }),
    );
    expect(b.check.decision).toBe("conflict");
    expect(b.check.reason).toMatch(/another partner registered this company first on \d{4}-\d{2}-\d{2}/);
    expect(JSON.stringify(b)).not.toContain(world.partnerA.name);
    expect(JSON.stringify(b)).not.toContain(a.id);

    // Partner B cannot read A's registration.
    const peek = await call("GET", `/api/portal/registrations/${a.id}`, partnerB);
    expect(peek.statusCode).toBe(404);

    const review = await call("GET", `/api/console/registrations/${b.id}`, admin);
    expect(review.statusCode).toBe(200);
    const evidence = review.json().checks[0].matches[0];
    expect(evidence).toMatchObject({
      kind: "registration",
      recordId: a.id,
      partnerName: world.partnerA.name,
      decision: "conflict",
    });
    expect(evidence.evidence.map((e: { key: string }) => e.key)).toContain("domain");
    expect(review.json().blockedBy).toBe("registration");

    const blocked = await call("POST", `/api/console/registrations/${b.id}/approve`, admin, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe("REGISTRATION_BLOCKED");

    const approvedA = await call("POST", `/api/console/registrations/${a.id}/approve`, admin, {});
    expect(approvedA.statusCode, approvedA.body).toBe(200);
    expect(approvedA.json().status).toBe("approved");
    const days =
      (Date.parse(approvedA.json().protectionExpiresAt) - Date.parse(approvedA.json().approvedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(90);

    const noReason = await call("POST", `/api/console/registrations/${b.id}/approve`, admin, { override: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.issues[0].path).toBe("body.reason");
  });

  it("rejects a registration of an existing customer with the plain reason and the customer-since date", async () => {
    const t = tag();
    const db = harness.database.db;
    const [account] = await db
      .insert(accounts)
      .values({
        workspaceId: world.workspaceId,
        name: `Contoso ${t} Ltd`,
        domain: `contoso-${t}.com`,
        country: "GB",
        status: "customer",
        customerSince: "2026-03-02",
        nameNormalized: `contoso ${t}`,
        nameKeys: [],
      })
      .returning();
    expect(account).toBeDefined();
    const r = await register(
      partnerA,
      registrationBody({ companyName: `Contoso ${t} Limited`, website: `contoso-${t}.com`, country: "GB" }),
    );
    expect(r.status).toBe("rejected");
    expect(r.decisionReason).toBe(
      `Contoso ${t} Ltd (contoso-${t}.com) is an existing customer owned by direct sales since 2026-03-02`,
    );
  });

  it("needs a manager override for direct engagement within the look-back, and blocks named accounts", async () => {
    const t = tag();
    const db = harness.database.db;
    const [engaged] = await db
      .insert(accounts)
      .values({
        workspaceId: world.workspaceId,
        name: `Northwind ${t}`,
        domain: `northwind-${t}.com`,
        country: "US",
        nameNormalized: `northwind ${t}`,
        nameKeys: [],
      })
      .returning();
    if (!engaged) throw new Error("no account");
    await db.insert(directEngagements).values({
      workspaceId: world.workspaceId,
      accountId: engaged.id,
      engagedAt: new Date(Date.now() - 10 * 86_400_000),
    });
    const r = await register(
      partnerA,
      registrationBody({ companyName: `Northwind ${t} Inc`, website: `northwind-${t}.com`, country: "US" }),
    );
    expect(r.status).toBe("under_review");
    expect(r.check.reason).toMatch(/direct sales engaged/);
    const plain = await call("POST", `/api/console/registrations/${r.id}/approve`, admin, {});
    expect(plain.statusCode).toBe(409);
    const override = await call("POST", `/api/console/registrations/${r.id}/approve`, admin, {
      override: true,
      reason: "Direct rep handed it over",
    });
    expect(override.statusCode, override.body).toBe(200);
    expect(override.json().decisionReason).toBe("Approved by override: Direct rep handed it over");

    const [listed] = await db
      .insert(accounts)
      .values({
        workspaceId: world.workspaceId,
        name: `Tailspin ${t}`,
        domain: `tailspin-${t}.com`,
        nameNormalized: `tailspin ${t}`,
        nameKeys: [],
      })
      .returning();
    const [list] = await db
      .insert(accountLists)
      .values({ workspaceId: world.workspaceId, name: `Direct only ${t}`, blocksPartners: true })
      .returning();
    if (!listed || !list) throw new Error("fixture");
    await db
      .insert(accountListMembers)
      .values({ workspaceId: world.workspaceId, listId: list.id, accountId: listed.id });
    const named = await register(
      partnerA,
      registrationBody({ companyName: `Tailspin ${t}`, website: `tailspin-${t}.com` }),
    );
    expect(named.status).toBe("rejected");
    expect(named.decisionReason).toMatch(/named account reserved for direct sales/);
  });
});

describe("after approval", () => {
  it("extends, converts into a partner-sourced opportunity, and counts toward the expiring-soon alert", async () => {
    const r = await register(partnerA, registrationBody());
    await call("POST", `/api/console/registrations/${r.id}/approve`, admin, {});
    const asked = await call("POST", `/api/portal/registrations/${r.id}/extensions`, partnerA, {
      days: 30,
      reason: "Legal review",
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const extension = asked.json().extensions[0];
    const decided = await call("POST", `/api/console/registrations/${r.id}/extensions/${extension.id}/decide`, admin, {
      approve: true,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const days = (Date.parse(decided.json().protectionExpiresAt) - Date.parse(decided.json().approvedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(120);

    const converted = await call("POST", `/api/console/registrations/${r.id}/convert`, admin);
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json().status).toBe("converted");
    const [opportunity] = await harness.database.db
      .select()
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, world.workspaceId), eq(opportunities.registrationId, r.id)));
    expect(opportunity).toMatchObject({
      source: "partner_sourced",
      sourcingPartnerId: world.partnerA.id,
      amountMinor: 1_200_000,
      currency: "EUR",
    });
    const [point] = await harness.database.db.select().from(touchpoints).where(eq(touchpoints.originId, r.id));
    expect(point?.opportunityId).toBe(opportunity?.id);
  });

  it("expires past-window registrations and hands the company to the runner-up, notifying both", async () => {
    const t = tag();
    const body = (name: string) => registrationBody({ companyName: name, website: `litware-${t}.com` });
    const first = await register(partnerA, body(`Litware ${t}`));
    await call("POST", `/api/console/registrations/${first.id}/approve`, admin, {});
    const second = await register(partnerB, body(`Litware ${t} Inc.`));
    expect(second.status).toBe("under_review");
    const db = harness.database.db;
    await db
      .update(dealRegistrations)
      .set({ protectionExpiresAt: new Date(Date.now() - 60_000) })
      .where(eq(dealRegistrations.id, first.id));
    expect(await expireRegistrations(harness.database, new Date(), world.workspaceId)).toBe(1);
    const expired = await call("GET", `/api/portal/registrations/${first.id}`, partnerA);
    expect(expired.json().status).toBe("expired");
    const handed = await call("GET", `/api/portal/registrations/${second.id}`, partnerB);
    expect(handed.json().status).toBe("approved");
    expect(handed.json().protectionExpiresAt).not.toBeNull();
    const notes = await db
      .select()
      .from(registrationNotifications)
      .where(eq(registrationNotifications.workspaceId, world.workspaceId));
    expect(notes.some((n) => n.registrationId === first.id && n.kind === "expired")).toBe(true);
    expect(notes.some((n) => n.registrationId === second.id && n.kind === "runner_up")).toBe(true);
  });

  it("reminds, then escalates registrations waiting past the approval SLA", async () => {
    const r = await register(partnerA, registrationBody());
    const db = harness.database.db;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await db
      .update(dealRegistrations)
      .set({ submittedAt: hoursAgo(30), reviewDueAt: hoursAgo(-18) })
      .where(eq(dealRegistrations.id, r.id));
    await sweepApprovalSla(harness.database);
    await db
      .update(dealRegistrations)
      .set({ reviewDueAt: hoursAgo(1) })
      .where(eq(dealRegistrations.id, r.id));
    await sweepApprovalSla(harness.database);
    const kinds = (
      await db.select().from(registrationNotifications).where(eq(registrationNotifications.registrationId, r.id))
    ).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["reminder", "escalation"]));
  });
});

describe("rules of engagement", () => {
  it("publishes versions and auto-approves clear registrations under the new rules, recording the version", async () => {
    const fresh = await createWorld(harness.database, "Policies");
    const before = await call("GET", "/api/console/registration-policies", fresh.vendor.analyst);
    expect(before.json().current.version).toBe(1);
    expect(before.json().current.summary.join(" ")).toMatch(/earlier one wins/);
    const rules = {
      ...before.json().current.rules,
      autoApprove: [
        { fact: "decision", op: "eq", value: "clear" },
        { fact: "amount", op: "lt", value: 50000 },
      ],
    };
    const published = await call("POST", "/api/console/registration-policies", fresh.vendor.admin, {
      rules,
      note: "Auto-approve small clear deals",
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().version).toBe(2);

    const small = await register(
      fresh.partnerUsers.partner_user,
      registrationBody({ amount: 10_000, currency: "USD" }),
    );
    expect(small.status).toBe("approved");
    const large = await register(
      fresh.partnerUsers.partner_user,
      registrationBody({ amount: 80_000, currency: "USD" }),
    );
    expect(large.status).toBe("under_review");
    const review = await call("GET", `/api/console/registrations/${small.id}`, fresh.vendor.admin);
    expect(review.json().policyVersion).toBe(2);
    expect(review.json().checks[0].policyVersion).toBe(2);
  });

  it("check before you register answers without storing anything", async () => {
    const t = tag();
    await register(partnerA, registrationBody({ companyName: `Proseware ${t}`, website: `proseware-${t}.com` }));
    const check = await call("POST", "/api/portal/registrations/check", partnerB, {
      companyName: `Proseware ${t} Inc`,
      website: `proseware-${t}.com`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ decision: "conflict" });
    expect(check.json().reason).toMatch(/another partner registered this company first/);
    const own = await call("POST", "/api/portal/registrations/check", partnerA, {
      companyName: `Proseware ${t} Inc`,
      website: `proseware-${t}.com`,
    });
    expect(own.json().decision).toBe("clear");
  });
});

describe("evidence files", () => {
  it("stores a PDF, serves it to the partner and the vendor, and refuses other types, oversize files and other partners", async () => {
    const r = await register(partnerA, registrationBody());
    const pdf = Buffer.from("%PDF-1.7\nquote for the customer\n");
    const upload = await harness.app.inject({
      method: "POST",
      url: `/api/portal/registrations/${r.id}/attachments?fileName=${encodeURIComponent("Quote Q-17.pdf")}`,
      headers: { ...partnerA.headers, "content-type": "application/pdf" },
      payload: pdf,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const [file] = upload.json().attachments;
    expect(file).toMatchObject({ fileName: "Quote Q-17.pdf", contentType: "application/pdf", sizeBytes: pdf.length });

    for (const caller of [partnerA, admin]) {
      const surface = caller === admin ? "console" : "portal";
      const download = await call("GET", `/api/${surface}/registrations/${r.id}/attachments/${file.id}`, caller);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(download.headers["content-type"]).toBe("application/pdf");
    }
    const other = await call("GET", `/api/portal/registrations/${r.id}/attachments/${file.id}`, partnerB);
    expect(other.statusCode).toBe(404);

    const html = await harness.app.inject({
      method: "POST",
      url: `/api/portal/registrations/${r.id}/attachments?fileName=x.html`,
      headers: { ...partnerA.headers, "content-type": "text/html" },
      payload: "<script>alert(1)</script>",
    });
    // Unsupported media types are refused by the HTTP layer before the service (400 with the reason).
    expect([400, 415]).toContain(html.statusCode);
    const big = await harness.app.inject({
      method: "POST",
      url: `/api/portal/registrations/${r.id}/attachments?fileName=big.pdf`,
      headers: { ...partnerA.headers, "content-type": "application/pdf" },
      payload: Buffer.alloc(10 * 1024 * 1024 + 1, 1),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().details.issues[0].code).toBe("FST_ERR_CTP_BODY_TOO_LARGE");
  });
});
