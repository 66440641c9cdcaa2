import type { Dashboard, DrilldownPage, SectionDrilldownPage } from "@symbiont/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { accounts } from "../accounts";
import { insertReportingEcosystem } from "../reports/reports.fixtures";
import { opportunities, revenueEvents } from "../revenue";
import { refreshReadModels } from "./metrics.refresh";

const harness = useTestApp();
let world: World;
let eiger: string;
let brenner: string;
const H1 = "from=2026-01-01&to=2026-06-30";

// The reporting ecosystem plus Eiger AG (EMEA), brought by a won deal partner B (referral) sourced,
// first new revenue 2026-05-15. New customers of H1 2026: Brenner (first new 2026-02-01, no won
// sourced deal) and Eiger → 2, partner-sourced 1.
// Spend: sales 90,000 over 2026-01-01..03-31 (all 90 days in H1) + marketing 62,000 over
// 2025-12-01..2026-01-31 (31 of 62 days → 31,000) = 121,000; partner-channel spend is not CAC's.
// CAC = 121,000 ÷ 2 = 60,500.
// Cost lines: MDF 181,000 over H1 (181 days, all in) + incentives 60,000 over 2026-06-01..07-30
// (30 of 60 days → 30,000) = 211,000. Partner CAC = 211,000 ÷ 1.
beforeAll(async () => {
  world = await createWorld(harness.database, "CAC drill");
  const ids = await insertReportingEcosystem(harness.database, world);
  brenner = ids.accounts.emea2;
  const { db } = harness.database;
  const [account] = await db
    .insert(accounts)
    .values({ workspaceId: world.workspaceId, name: "Eiger AG", nameNormalized: "eiger ag", region: "EMEA" })
    .returning({ id: accounts.id });
  eiger = account?.id ?? "";
  await db.insert(opportunities).values({
    workspaceId: world.workspaceId,
    accountId: eiger,
    name: "O11 Eiger first order",
    outcome: "won",
    stage: "won",
    amountMinor: 80_000,
    currency: "USD",
    amountReportingMinor: 80_000,
    openedAt: new Date("2026-04-01T12:00:00Z"),
    closedAt: new Date("2026-05-20T12:00:00Z"),
    source: "partner_sourced",
    sourcingPartnerId: world.partnerB.id,
  });
  await db.insert(revenueEvents).values({
    workspaceId: world.workspaceId,
    accountId: eiger,
    kind: "new",
    occurredOn: "2026-05-15",
    amountMinor: 80_000,
    currency: "USD",
    amountReportingMinor: 80_000,
  });
  await refreshReadModels(harness.database, world.workspaceId);
  const post = async (route: string, payload: object) => {
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/console/metrics/${route}`,
      headers: world.vendor.admin.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  const money = { currency: "USD" };
  await post("spend", {
    channel: "sales",
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
    amountMinor: 90_000,
    ...money,
  });
  await post("spend", {
    channel: "marketing",
    periodStart: "2025-12-01",
    periodEnd: "2026-01-31",
    amountMinor: 62_000,
    ...money,
  });
  await post("spend", {
    channel: "partner",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    amountMinor: 50_000,
    ...money,
  });
  await post("cost-lines", {
    category: "mdf",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    amountMinor: 181_000,
    ...money,
  });
  await post("cost-lines", {
    category: "incentives",
    periodStart: "2026-06-01",
    periodEnd: "2026-07-30",
    amountMinor: 60_000,
    ...money,
  });
});

async function get<T>(url: string): Promise<T> {
  const response = await harness.app.inject({ method: "GET", url, headers: world.vendor.analyst.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const figure = (d: Dashboard, key: string) => d.headline.find((f) => f.key === key);
const customers = (query: string) =>
  get<SectionDrilldownPage>(`/api/console/metrics/drilldown/sections?${H1}&section=new_customers&${query}`);
const names = (page: SectionDrilldownPage) =>
  page.kind === "new_customers" ? page.items.map((c) => [c.name, c.firstNewOn, c.partnerSourced]) : [];

describe("CAC drill-down", () => {
  it("opens the sales and marketing spend entries and the new customers, which give the tile's figure", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(figure(d, "cac")).toMatchObject({ value: 60_500, drill: "cac" });
    const spend = await get<DrilldownPage>(`/api/console/metrics/drilldown?${H1}&metric=cac`);
    expect(spend).toMatchObject({ kind: "spend", total: 2, periodTotalMinor: 121_000 });
    if (spend.kind !== "spend") return;
    expect(spend.items.map((s) => [s.channel, s.amountReportingMinor, s.inPeriodMinor])).toEqual([
      ["marketing", 62_000, 31_000],
      ["sales", 90_000, 90_000],
    ]);
    const page = await customers("");
    expect(page).toMatchObject({ kind: "new_customers", total: 2 });
    expect(page.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(names(page)).toEqual([
      ["Eiger AG", "2026-05-15", true],
      ["Brenner GmbH", "2026-02-01", false],
    ]);
    expect(page.items.map((c) => ("accountId" in c ? c.accountId : ""))).toEqual([eiger, brenner]);
    expect(spend.periodTotalMinor / page.total).toBe(figure(d, "cac")?.value);
    // Paged, and the region filter narrows the customers as it narrows the figure.
    expect(names(await customers("limit=1&offset=1"))).toEqual([["Brenner GmbH", "2026-02-01", false]]);
    expect((await customers("region=NA")).total).toBe(0);
  });
});

describe("partner CAC drill-down", () => {
  it("opens the program cost lines and the partner-sourced new customers, which give the tile's figure", async () => {
    const d = await get<Dashboard>(`/api/console/dashboard?${H1}`);
    expect(figure(d, "partner_cac")).toMatchObject({ value: 211_000, drill: "partner_cac" });
    const cost = await get<DrilldownPage>(`/api/console/metrics/drilldown?${H1}&metric=partner_cac`);
    expect(cost).toMatchObject({ kind: "cost_lines", total: 2, periodTotalMinor: 211_000 });
    if (cost.kind !== "cost_lines") return;
    expect(cost.items.map((c) => [c.category, c.inPeriodMinor])).toEqual([
      ["mdf", 181_000],
      ["incentives", 30_000],
    ]);
    const sourced = await customers("partnerSourced=true");
    expect(names(sourced)).toEqual([["Eiger AG", "2026-05-15", true]]);
    expect(sourced.model).toContain("partner-sourced");
    expect(cost.periodTotalMinor / sourced.total).toBe(figure(d, "partner_cac")?.value);
    // Eiger came through a referral partner: none for resellers, one for referral partners.
    expect((await customers("partnerSourced=true&role=reseller")).total).toBe(0);
    expect((await customers(`partnerSourced=true&role=referral&partnerId=${world.partnerB.id}`)).total).toBe(1);
    const reseller = await get<Dashboard>(`/api/console/dashboard?${H1}&role=reseller`);
    expect(figure(reseller, "partner_cac")?.value).toBeNull();
  });

  it("answers 400 naming the field for a bad flag", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: "/api/console/metrics/drilldown/sections?section=new_customers&partnerSourced=maybe",
      headers: world.vendor.analyst.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain("query.partnerSourced");
  });
});
