import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { type Caller, createWorld, type World } from "../../../test/factories";
import { accounts } from "./accounts.schema";

const harness = useTestApp();
let world: World;
let admin: Caller;

beforeAll(async () => {
  world = await createWorld(harness.database, "Account book");
  admin = world.vendor.admin;
});

const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, caller = admin) =>
  harness.app.inject({
    method,
    url,
    headers: caller.headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });

async function create(body: Record<string, unknown>) {
  const response = await call("POST", "/api/console/accounts", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("accounts API", () => {
  it("creates with derived match keys, finds by name variant or domain, filters, pages with a total", async () => {
    const contoso = await create({
      name: "Contoso Ltd.",
      website: "https://shop.contoso-search.co.uk/",
      country: "GB",
      industry: "Retail",
      size: "51-200",
      ownerId: admin.userId,
    });
    expect(contoso).toMatchObject({ domain: "contoso-search.co.uk", status: "prospect", owner: { id: admin.userId } });
    const [row] = await harness.database.db.select().from(accounts).where(eq(accounts.id, contoso.id));
    expect(row?.nameNormalized).toBe("contoso");
    await create({ name: "Northwind Traders", domain: "northwind-search.example", country: "US", status: "customer" });
    await create({ name: "Tailspin Toys", country: "DE" });

    const byName = (await call("GET", "/api/console/accounts?q=CONTOSO%20limited")).json();
    expect(byName.items.map((a: { name: string }) => a.name)).toEqual(["Contoso Ltd."]);
    const byDomain = (await call("GET", "/api/console/accounts?q=https://www.northwind-search.example/about")).json();
    expect(byDomain.items.map((a: { name: string }) => a.name)).toEqual(["Northwind Traders"]);
    const typo = (await call("GET", "/api/console/accounts?q=tailspinn%20toys")).json();
    expect(typo.items.map((a: { name: string }) => a.name)).toContain("Tailspin Toys");

    const customers = (await call("GET", "/api/console/accounts?status=customer")).json();
    expect(customers).toMatchObject({ total: 1, items: [{ name: "Northwind Traders" }] });
    expect(customers.items[0].customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const unowned = (await call("GET", "/api/console/accounts?ownerId=none&sort=name")).json();
    expect(unowned.items.map((a: { name: string }) => a.name)).toEqual(["Northwind Traders", "Tailspin Toys"]);
    const page = (await call("GET", "/api/console/accounts?limit=2&offset=2&sort=name")).json();
    expect(page).toMatchObject({ total: 3, items: [{ name: "Tailspin Toys" }] });
    const filtered = (await call("GET", "/api/console/accounts?country=GB&industry=retail&size=51-200")).json();
    expect(filtered.total).toBe(1);
  });

  it("updates recompute the match keys; status changes set customer-since; the activity tells the story", async () => {
    const account = await create({ name: "Litware Inc", domain: "litware-old.example" });
    const updated = await call("PATCH", `/api/console/accounts/${account.id}`, {
      name: "Litware Systems GmbH",
      domain: "litware.example",
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: "Litware Systems GmbH", domain: "litware.example" });
    const [row] = await harness.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row?.nameNormalized).toBe("litware systems");

    const status = await call("POST", `/api/console/accounts/${account.id}/status`, {
      status: "customer",
      customerSince: "2026-03-02",
    });
    expect(status.json()).toMatchObject({ status: "customer", customerSince: "2026-03-02" });

    const badOwner = await call("PATCH", `/api/console/accounts/${account.id}`, {
      ownerId: world.partnerUsers.partner_admin.userId,
    });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().details.issues[0].path).toBe("body.ownerId");

    const activity = (await call("GET", `/api/console/accounts/${account.id}/activity`)).json();
    expect(activity.items.map((i: { summary: string }) => i.summary)).toEqual([
      "Status prospect → customer",
      "Changed name Litware Inc → Litware Systems GmbH, domain litware-old.example → litware.example",
      "Created (console)",
    ]);
    const paged = (await call("GET", `/api/console/accounts/${account.id}/activity?limit=2`)).json();
    expect(paged.nextCursor).not.toBeNull();
    const rest = (await call("GET", `/api/console/accounts/${account.id}/activity?cursor=${paged.nextCursor}`)).json();
    expect(rest.items.map((i: { action: string }) => i.action)).toEqual(["account.created"]);
  });

  it("upserts by external id idempotently and refuses a taken external id on create", async () => {
    const first = await call("PUT", "/api/console/accounts/by-external-id/sf-001", { name: "Adventure Works" });
    expect(first.statusCode, first.body).toBe(201);
    const again = await call("PUT", "/api/console/accounts/by-external-id/sf-001", {
      name: "Adventure Works Cycles",
      status: "customer",
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, name: "Adventure Works Cycles", status: "customer" });
    const rows = await harness.database.db.select().from(accounts).where(eq(accounts.externalId, "sf-001"));
    expect(rows.filter((r) => r.workspaceId === world.workspaceId)).toHaveLength(1);
    const taken = await call("POST", "/api/console/accounts", { name: "Other", externalId: "sf-001" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details.issues[0].path).toBe("body.externalId");
  });

  it("bulk upsert is all or nothing: duplicates are refused naming the row, otherwise one transaction", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      externalId: `bulk-${i}`,
      name: `Bulk Company ${i}`,
      domain: `bulk-${i}.example`,
      country: "FR",
    }));
    const duplicate = await call("POST", "/api/console/accounts/bulk-upsert", {
      accounts: [...rows, { externalId: "bulk-9", name: "Again" }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().details.issues[0].path).toBe("body.accounts.1200.externalId");
    expect((await call("GET", "/api/console/accounts?country=FR")).json().total).toBe(0);

    const done = await call("POST", "/api/console/accounts/bulk-upsert", { accounts: rows });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ created: 1200, updated: 0 });
    const again = await call("POST", "/api/console/accounts/bulk-upsert", {
      accounts: rows.slice(0, 10).map((r) => ({ ...r, industry: "Energy" })),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 10 });
    expect((await call("GET", "/api/console/accounts?country=FR&industry=energy")).json().total).toBe(10);
    const tooMany = await call("POST", "/api/console/accounts/bulk-upsert", {
      accounts: Array.from({ length: 5001 }, (_, i) => ({ externalId: `x-${i}`, name: "X" })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details.issues[0].path).toBe("body.accounts");
  });

  it("named-account lists: create, bulk add and remove, filter by list, duplicate names refused", async () => {
    const a = await create({ name: "Member One", domain: "member-one.example" });
    const b = await create({ name: "Member Two", domain: "member-two.example" });
    const list = await call("POST", "/api/console/account-lists", { name: "Direct only" });
    expect(list.statusCode, list.body).toBe(201);
    expect(list.json()).toMatchObject({ blocksPartners: true, memberCount: 0 });
    const listId = list.json().id;
    expect((await call("POST", "/api/console/account-lists", { name: "direct ONLY" })).statusCode).toBe(409);

    const added = await call("POST", `/api/console/account-lists/${listId}/members`, {
      accountIds: [a.id, b.id, a.id],
    });
    expect(added.json()).toEqual({ changed: 2, memberCount: 2 });
    const repeat = await call("POST", `/api/console/account-lists/${listId}/members`, { accountIds: [a.id] });
    expect(repeat.json()).toEqual({ changed: 0, memberCount: 2 });
    const members = (await call("GET", `/api/console/accounts?listId=${listId}`)).json();
    expect(members.items.map((x: { name: string }) => x.name)).toEqual(["Member One", "Member Two"]);
    expect(members.items[0].lists).toEqual([{ id: listId, name: "Direct only", blocksPartners: true }]);

    const stranger = await call("POST", `/api/console/account-lists/${listId}/members`, {
      accountIds: [a.id, "00000000-0000-4000-8000-000000000000"],
    });
    expect(stranger.statusCode).toBe(404);
    const removed = await call("POST", `/api/console/account-lists/${listId}/members/remove`, { accountIds: [b.id] });
    expect(removed.json()).toEqual({ changed: 1, memberCount: 1 });
    const renamed = await call("PATCH", `/api/console/account-lists/${listId}`, { blocksPartners: false });
    expect(renamed.json()).toMatchObject({ blocksPartners: false, memberCount: 1 });
    expect((await call("DELETE", `/api/console/account-lists/${listId}`)).statusCode).toBe(204);
    expect((await call("GET", `/api/console/accounts/${a.id}`)).json().lists).toEqual([]);
  });

  it("direct engagements keep the account's last engagement date current", async () => {
    const account = await create({ name: "Engaged Co", domain: "engaged.example" });
    const url = `/api/console/accounts/${account.id}/engagements`;
    const older = (await call("POST", url, { engagedAt: "2026-01-10T09:00:00Z", kind: "call" })).json();
    const newer = await call("POST", url, { engagedAt: "2026-02-20T09:00:00Z", kind: "demo", note: "Exec demo" });
    expect(newer.statusCode, newer.body).toBe(201);
    expect(newer.json()).toMatchObject({ kind: "demo", user: { id: admin.userId } });
    expect((await call("GET", `/api/console/accounts/${account.id}`)).json().lastDirectEngagementAt).toBe(
      "2026-02-20T09:00:00.000Z",
    );
    const listed = (await call("GET", url)).json();
    expect(listed.items.map((e: { kind: string }) => e.kind)).toEqual(["demo", "call"]);
    expect((await call("DELETE", `${url}/${newer.json().id}`)).statusCode).toBe(204);
    expect((await call("GET", `/api/console/accounts/${account.id}`)).json().lastDirectEngagementAt).toBe(
      "2026-01-10T09:00:00.000Z",
    );
    expect((await call("DELETE", `${url}/${newer.json().id}`)).statusCode).toBe(404);
    const future = await call("POST", url, { engagedAt: "2099-01-01T00:00:00Z" });
    expect(future.statusCode).toBe(400);
    expect(older.id).toBeTruthy();
  });

  it("partner users never reach the account book", async () => {
    const response = await call("GET", "/api/console/accounts", undefined, world.partnerUsers.partner_admin);
    expect(response.statusCode).toBe(403);
  });
});
