import type { Dashboard, HeadlineMetrics } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertMetricData } from "./metrics.fixtures";
import { cachedViewParts, warmViews } from "./metrics.view-cache";

const harness = useTestApp();
let world: World;
const PERIOD = "from=2026-01-01&to=2026-06-30";

beforeAll(async () => {
  world = await createWorld(harness.database, "Stored views");
  await insertMetricData(harness.database, world.workspaceId, {
    accounts: [{ key: "A1", region: "EMEA" }],
    deals: [
      {
        key: "o1",
        account: "A1",
        outcome: "won",
        amount: 1_000_000,
        opened: "2026-01-01",
        closed: "2026-02-01",
        sourcedBy: world.partnerA.id,
      },
    ],
  });
});

async function call<T>(method: "GET" | "POST", url: string, payload?: object): Promise<T> {
  const response = await harness.app.inject({ method, url, headers: world.vendor.admin.headers, payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return (response.body ? response.json() : undefined) as T;
}

const ropiOf = (h: HeadlineMetrics) => h.metrics.find((m) => m.key === "ropi")?.value;
const storedViews = async (kind: string) =>
  (
    await harness.database.db.execute(
      sql`select count(*)::int as n from metric_view_cache where workspace_id = ${world.workspaceId} and kind = ${kind}`,
    )
  ).rows[0]?.n;
// Marks the stored answers so a test can tell a stored answer from a freshly computed one.
const markStored = (kind: string) =>
  harness.database.db.execute(sql`
    update metric_view_cache set body = jsonb_set(body, '{attributionModel}', '"stored"'::jsonb)
    where workspace_id = ${world.workspaceId} and kind = ${kind}`);

describe("stored metric views", () => {
  it("computes every time until the read models have been built", async () => {
    await call("GET", `/api/console/metrics/headline?${PERIOD}`);
    expect(await storedViews("headline")).toBe(0);
  });

  it("serves a stored answer until a refresh or a cost line changes what it was computed from", async () => {
    await call("POST", "/api/console/metrics/refresh");
    const first = await call<HeadlineMetrics>("GET", `/api/console/metrics/headline?${PERIOD}`);
    expect(await storedViews("headline")).toBe(1);
    expect(ropiOf(first)).toBeNull(); // no program cost yet
    await markStored("headline");
    const served = await call<HeadlineMetrics>("GET", `/api/console/metrics/headline?${PERIOD}`);
    expect(served.attributionModel).toBe("stored");
    // Another period is another key: computed, not the stored one.
    const other = await call<HeadlineMetrics>("GET", "/api/console/metrics/headline?from=2026-01-01&to=2026-03-31");
    expect(other.attributionModel).not.toBe("stored");

    // A cost line is read by the views directly: the next answer is recomputed with it.
    await call("POST", "/api/console/metrics/cost-lines", {
      category: "partner_team",
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
      amountMinor: 100_000,
      currency: "USD",
    });
    const withCost = await call<HeadlineMetrics>("GET", `/api/console/metrics/headline?${PERIOD}`);
    expect(withCost.attributionModel).not.toBe("stored");
    expect(ropiOf(withCost)).not.toBeNull();

    await markStored("headline");
    await call("POST", "/api/console/metrics/refresh");
    expect(await storedViews("headline")).toBe(0);
    const afterRefresh = await call<HeadlineMetrics>("GET", `/api/console/metrics/headline?${PERIOD}`);
    expect(afterRefresh.attributionModel).not.toBe("stored");
    expect(afterRefresh.metrics).toEqual(withCost.metrics);
  });

  it("stores the dashboard per filters, and a stored dashboard equals a computed one", async () => {
    const computed = await call<Dashboard>("GET", `/api/console/dashboard?${PERIOD}`);
    const stored = await call<Dashboard>("GET", `/api/console/dashboard?${PERIOD}`);
    expect(stored).toEqual(computed);
    await call<Dashboard>("GET", `/api/console/dashboard?${PERIOD}&region=EMEA`);
    expect(await storedViews("dashboard")).toBe(2);
  });

  it("computes the default views ahead after a refresh, one slicer at a time", async () => {
    await call("POST", "/api/console/metrics/refresh");
    const warmed = await warmViews(harness.database.db, world.workspaceId);
    const dashboards = Number(await storedViews("dashboard"));
    expect(await storedViews("headline")).toBe(1);
    // The default dashboard, region EMEA, and partner A's roles and programs (at least one each).
    expect(dashboards).toBeGreaterThanOrEqual(2);
    // Plus the headline and the partner population the scorecards rank against.
    expect(await storedViews("partner-population")).toBe(1);
    expect(warmed.views).toBe(dashboards + 2);
    await harness.database.db.execute(sql`
      update metric_view_cache set body = jsonb_set(body, '{model}', '"stored"'::jsonb)
      where workspace_id = ${world.workspaceId} and kind = 'dashboard'`);
    const byRegion = await call<Dashboard>("GET", "/api/console/dashboard?region=EMEA");
    expect(byRegion.model).toBe("stored");
  });

  it("serves parts of a stored answer cut out by path, the same parts a computed answer gives", async () => {
    await call("POST", "/api/console/metrics/refresh");
    // Keys a text[] literal would split or unquote: commas, quotes, braces, backslashes.
    const odd = 'a,b "c" {d} \\e';
    const answer = { partners: { p1: { score: 3 }, [odd]: { score: 7 } }, extra: [1, 2, 3] };
    let computed = 0;
    const read = (id: string) =>
      cachedViewParts(
        harness.database.db,
        world.workspaceId,
        "parts-test",
        "k",
        [["partners", id], ["extra"]],
        async () => {
          computed += 1;
          return answer;
        },
        (value) => [value.partners[id as keyof typeof value.partners] ?? null, value.extra] as const,
      );
    const first = await read(odd);
    expect(first).toEqual({ hit: false, value: [{ score: 7 }, [1, 2, 3]] });
    const stored = await read(odd);
    expect(stored).toEqual({ hit: true, value: [{ score: 7 }, [1, 2, 3]] });
    expect(await read("p1")).toEqual({ hit: true, value: [{ score: 3 }, [1, 2, 3]] });
    // A part the stored answer has nothing for is null, without computing again.
    expect(await read("nobody")).toEqual({ hit: true, value: [null, [1, 2, 3]] });
    expect(computed).toBe(1);
  });
});
