import type { PartnerPage, PartnerRecord } from "@symbiont/contracts";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { programMemberships, programs } from "../programs/programs.schema";
import { tiers } from "../tiers/tiers.schema";
import { findPartnerPage } from "./partners.queries";

const harness = useTestApp();
let world: World;
const admin = () => world.vendor.admin.headers;

async function create(body: Record<string, unknown>): Promise<PartnerRecord> {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/console/partners",
    headers: admin(),
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function list(query: string): Promise<PartnerPage> {
  const response = await harness.app.inject({ method: "GET", url: `/api/console/partners?${query}`, headers: admin() });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const names = (page: PartnerPage) => page.items.map((p) => p.name);

let zeta: PartnerRecord;
let alpha: PartnerRecord;
let programId: string;
let goldId: string;

beforeAll(async () => {
  world = await createWorld(harness.database, "Directory");
  // createWorld's partners are named "Partner A/B …"; the ones below are easy to tell apart.
  alpha = await create({
    name: "Alpha Networks",
    website: "https://www.Alpha-Networks.example/home",
    legalName: "Alpha Networks GmbH",
    hqCountry: "de",
    regions: ["dach", "emea"],
    industries: ["Manufacturing"],
    types: ["reseller", "msp"],
    tags: ["Strategic"],
    stage: "active",
    managerId: world.vendor.partner_manager.userId,
  });
  zeta = await create({
    name: "Zeta Referrals",
    website: "https://zeta.example",
    hqCountry: "US",
    regions: ["north_america"],
    types: ["referral"],
    stage: "applied",
  });
  await create({
    name: "Mid 50% Partners",
    hqCountry: "FR",
    industries: ["Retail"],
    types: ["isv"],
    tags: ["strategic", "beta"],
  });
  const [program] = await harness.database.db
    .insert(programs)
    .values({ workspaceId: world.workspaceId, name: "Reseller", slug: "reseller" })
    .returning();
  programId = program?.id ?? "";
  const [gold] = await harness.database.db
    .insert(tiers)
    .values({ workspaceId: world.workspaceId, programId, name: "Gold", rank: 2 })
    .returning();
  goldId = gold?.id ?? "";
  await harness.database.db.insert(programMemberships).values([
    { workspaceId: world.workspaceId, partnerId: alpha.id, programId, tierId: goldId },
    { workspaceId: world.workspaceId, partnerId: zeta.id, programId },
  ]);
});

describe("creating partners", () => {
  it("derives the domain, normalizes values and records the first stage", async () => {
    expect(alpha).toMatchObject({
      domain: "alpha-networks.example",
      hqCountry: "DE",
      tags: ["strategic"],
      stage: "active",
      manager: { id: world.vendor.partner_manager.userId },
    });
    expect(alpha.activatedAt).not.toBeNull();
    expect(zeta.activatedAt).toBeNull();
  });

  it("refuses duplicates by name and by domain", async () => {
    const byName = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "alpha networks" },
    });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().code).toBe("PARTNER_NAME_TAKEN");
    const byDomain = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "Alpha Clone", website: "https://alpha-networks.example" },
    });
    expect(byDomain.statusCode).toBe(409);
    expect(byDomain.json()).toMatchObject({
      code: "PARTNER_DOMAIN_TAKEN",
      details: { issues: [{ path: "body.website" }] },
    });
  });

  it("validates fields and the manager", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "X Co", website: "ftp://x.example", hqCountry: "Deutschland", types: ["pirate"] },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["body.website", "body.hqCountry", "body.types.0"]));
    const manager = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "Managed by a partner", managerId: world.partnerUsers.partner_admin.userId },
    });
    expect(manager.statusCode).toBe(400);
    expect(manager.json().details.issues[0].path).toBe("body.managerId");
  });

  it("lets analysts read but not write", async () => {
    const headers = world.vendor.analyst.headers;
    expect(
      (await harness.app.inject({ method: "GET", url: `/api/console/partners/${alpha.id}`, headers })).statusCode,
    ).toBe(200);
    const patch = await harness.app.inject({
      method: "PATCH",
      url: `/api/console/partners/${alpha.id}`,
      headers,
      payload: { description: "x" },
    });
    expect(patch.statusCode).toBe(403);
  });
});

describe("the directory list", () => {
  it("shows programs, tiers and manager on the page", async () => {
    const page = await list(`q=alpha`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      programs: [{ programId, programName: "Reseller", tierId: goldId, tierName: "Gold", tierRank: 2 }],
      manager: { name: expect.stringContaining("partner_manager") },
    });
  });

  it("searches name, legal name and domain, treating wildcards literally", async () => {
    expect(names(await list("q=GMBH"))).toEqual(["Alpha Networks"]);
    expect(names(await list("q=zeta.example"))).toEqual(["Zeta Referrals"]);
    expect(names(await list(`q=${encodeURIComponent("50%")}`))).toEqual(["Mid 50% Partners"]);
    expect((await list(`q=${encodeURIComponent("%")}`)).total).toBe(1);
  });

  it("filters by stage, type, region, industry, country, tag, manager, program and tier", async () => {
    expect(names(await list("stage=active,applied&sort=name"))).toEqual(["Alpha Networks", "Zeta Referrals"]);
    expect(names(await list("type=msp,isv"))).toEqual(["Alpha Networks", "Mid 50% Partners"]);
    expect(names(await list("region=north_america"))).toEqual(["Zeta Referrals"]);
    expect(names(await list("industry=retail"))).toEqual(["Mid 50% Partners"]);
    expect(names(await list("country=fr"))).toEqual(["Mid 50% Partners"]);
    expect(names(await list("tag=Strategic"))).toEqual(["Alpha Networks", "Mid 50% Partners"]);
    expect(names(await list(`managerId=${world.vendor.partner_manager.userId}`))).toEqual(["Alpha Networks"]);
    expect(names(await list("managerId=none&stage=applied"))).toEqual(["Zeta Referrals"]);
    expect(names(await list(`programId=${programId}`))).toEqual(["Alpha Networks", "Zeta Referrals"]);
    expect(names(await list(`tierId=${goldId}`))).toEqual(["Alpha Networks"]);
    expect(names(await list(`tierId=${goldId}&stage=applied`))).toEqual([]);
  });

  it("sorts by each field in both directions and paginates", async () => {
    const all = await list("sort=name&dir=asc&limit=200");
    expect(names(all)).toEqual([...names(all)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names(await list("sort=name&dir=desc&limit=1"))).toEqual(["Zeta Referrals"]);
    expect(names(await list("sort=country&dir=asc&limit=3"))).toEqual([
      "Alpha Networks",
      "Mid 50% Partners",
      "Zeta Referrals",
    ]);
    expect(names(await list("sort=stage&dir=desc&limit=1"))).toEqual(["Alpha Networks"]);
    expect(names(await list("sort=createdAt&dir=desc&limit=1"))).toEqual(["Mid 50% Partners"]);
    const second = await list("sort=name&limit=2&offset=2");
    expect(second.total).toBe(all.total);
    expect(names(second)).toEqual(names(all).slice(2, 4));
  });

  it("answers 400 naming the filter for unknown values", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: "/api/console/partners?region=mars",
      headers: admin(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe("query.region");
  });

  it("builds a page in two queries (page + count), whatever the page size", async () => {
    let queries = 0;
    const pool = harness.database.pool;
    const counting = {
      query: (...args: Parameters<pg.Pool["query"]>) => {
        queries += 1;
        return (pool.query as (...a: unknown[]) => unknown)(...args);
      },
    } as unknown as pg.Pool;
    const db = drizzle({ client: counting });
    const page = await findPartnerPage(
      db as never,
      world.workspaceId,
      {},
      { field: "name", dir: "asc" },
      { limit: 50, offset: 0 },
    );
    expect(page.items.length).toBeGreaterThanOrEqual(5);
    expect(page.items.some((p) => p.programs.length > 0)).toBe(true);
    expect(queries).toBe(2);
  });
});
