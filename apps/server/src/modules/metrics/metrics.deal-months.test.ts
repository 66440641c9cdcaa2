import type { MetricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { monthlyFigures, regionFigures } from "./metrics.breakdowns";
import { dealGroups, upliftCells } from "./metrics.deal-queries";
import { type AccountSpec, type DealSpec, insertMetricData } from "./metrics.fixtures";
import { periodOf } from "./metrics.period";
import { refreshReadModels } from "./metrics.refresh";
import { loadMetricContext } from "./metrics.settings";

// The deal-months read model must give exactly what the deal facts give, for any days: periods
// with whole months and partial edges, a single whole month, no whole month, and ends on the 1st.

const harness = useTestApp();
let world: World;

/** Deterministic pseudo-random numbers (mulberry32) so the data set is the same on every run. */
function randomOf(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.parse("2025-01-01T00:00:00Z");

beforeAll(async () => {
  world = await createWorld(harness.database, "Deal months");
  const random = randomOf(42);
  const regions = ["EMEA", "AMER", "APAC"];
  const sizes = ["1-50", "51-200", "1000+"];
  const accounts: AccountSpec[] = Array.from({ length: 24 }, (_, i) => ({
    key: `A${i}`,
    region: regions[i % 3] as string,
    size: sizes[Math.floor(i / 3) % 3] as string,
  }));
  const deals: DealSpec[] = Array.from({ length: 320 }, (_, i) => {
    const opened = START + Math.floor(random() * 660) * 86_400_000;
    const roll = random();
    const outcome = roll < 0.15 ? "open" : roll < 0.6 ? "won" : "lost";
    const involvement = random();
    const amount = random() < 0.05 ? null : Math.round(random() * 2_000_000) * 100;
    return {
      key: `d${i}`,
      account: `A${i % 24}`,
      outcome,
      amount,
      opened: day(opened),
      ...(outcome === "open" ? {} : { closed: day(opened + Math.floor(random() * 200) * 86_400_000) }),
      ...(involvement < 0.3 ? { sourcedBy: world.partnerA.id } : {}),
      ...(involvement >= 0.3 && involvement < 0.5 ? { touchedBy: [world.partnerB.id] } : {}),
    };
  });
  await insertMetricData(harness.database, world.workspaceId, { accounts, deals });
  await refreshReadModels(harness.database, world.workspaceId);
}, 120_000);

/** Numbers to 10 significant digits: sums in another order may differ in the last bits only. */
const rounded = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "number" ? Number(v.toPrecision(10)) : v)));

const periods: [string, string][] = [
  ["2025-03-15", "2026-03-14"], // whole months with partial edges
  ["2025-06-01", "2025-06-30"], // one whole month
  ["2025-06-03", "2025-06-20"], // no whole month
  ["2025-02-10", "2025-04-01"], // ends on the 1st
  ["2025-01-01", "2026-12-31"], // everything, whole months only
];
const slices: MetricFilters[] = [{}, { region: "emea" }];

describe("deal months read model", () => {
  it("is built by the refresh with the reporting currency's size bands", async () => {
    const context = await loadMetricContext(harness.database.db, world.workspaceId);
    expect(context.dealMonths.builtWith).toBe(100);
    const rows = await harness.database.db.execute(sql`
      select coalesce(sum(deals), 0)::int as deals from metric_deal_months where workspace_id = ${world.workspaceId}`);
    const facts = await harness.database.db.execute(sql`
      select count(*)::int as deals from metric_deal_facts
      where workspace_id = ${world.workspaceId} and outcome in ('won', 'lost')`);
    expect(rows.rows[0]?.deals).toBe(facts.rows[0]?.deals);
    expect(Number(facts.rows[0]?.deals)).toBeGreaterThan(200);
  });

  for (const [from, to] of periods) {
    for (const filters of slices) {
      it(`gives the deal facts' figures for ${from} to ${to}${filters.region ? " in EMEA" : ""}`, async () => {
        const db = harness.database.db;
        const { dealMonths } = await loadMetricContext(db, world.workspaceId);
        const period = periodOf(from, to);
        const ws = world.workspaceId;
        const [groups, groupsRaw] = await Promise.all([
          dealGroups(db, ws, filters, period, dealMonths),
          dealGroups(db, ws, filters, period),
        ]);
        expect(rounded(groups)).toEqual(rounded(groupsRaw));
        expect(groupsRaw.all.won + groupsRaw.all.lost + groupsRaw.all.open).toBeGreaterThan(0);
        const byStratum = (cells: Awaited<ReturnType<typeof upliftCells>>) =>
          rounded({
            winRate: [...cells.winRate].sort((a, b) => a.stratum.localeCompare(b.stratum)),
            dealSize: [...cells.dealSize].sort((a, b) => a.stratum.localeCompare(b.stratum)),
            cycleDays: [...cells.cycleDays].sort((a, b) => a.stratum.localeCompare(b.stratum)),
          });
        const [cells, cellsRaw] = await Promise.all([
          upliftCells(db, ws, filters, period, 100, dealMonths),
          upliftCells(db, ws, filters, period, 100),
        ]);
        expect(byStratum(cells)).toEqual(byStratum(cellsRaw));
        // Above the exact limit a stratum is summarized the same way on both paths.
        const [summarized, summarizedRaw] = await Promise.all([
          upliftCells(db, ws, filters, period, 100, dealMonths, 3),
          upliftCells(db, ws, filters, period, 100, undefined, 3),
        ]);
        expect(byStratum(summarized)).toEqual(byStratum(summarizedRaw));
        const [months, monthsRaw] = await Promise.all([
          monthlyFigures(db, ws, filters, period, dealMonths),
          monthlyFigures(db, ws, filters, period),
        ]);
        expect(rounded(months)).toEqual(rounded(monthsRaw));
        const [regions, regionsRaw] = await Promise.all([
          regionFigures(db, ws, filters, period, dealMonths),
          regionFigures(db, ws, filters, period),
        ]);
        expect(rounded(regions)).toEqual(rounded(regionsRaw));
      });
    }
  }

  it("reads whole months from the read model and only the edges from the deal facts", async () => {
    const db = harness.database.db;
    const ws = world.workspaceId;
    const { dealMonths } = await loadMetricContext(db, ws);
    const period = periodOf("2025-03-15", "2026-03-14");
    const before = await dealGroups(db, ws, {}, period, dealMonths);
    // Doubling one whole month's won deals in the read model shows in the figure: it was read from there.
    const doubled = await db.execute(sql`
      update metric_deal_months set deals = deals * 2
      where workspace_id = ${ws} and month = '2025-07-01' and outcome = 'won'
      returning deals`);
    const added = doubled.rows.reduce((total, row) => total + Number(row.deals) / 2, 0);
    expect(added).toBeGreaterThan(0);
    const after = await dealGroups(db, ws, {}, period, dealMonths);
    expect(after.all.won).toBe(before.all.won + added);
    // The raw path ignores the read model.
    expect((await dealGroups(db, ws, {}, period)).all.won).toBe(before.all.won);
    await refreshReadModels(harness.database, ws);
    expect((await dealGroups(db, ws, {}, period, dealMonths)).all.won).toBe(before.all.won);
  });

  it("leaves partner slicers to the deal facts", async () => {
    const db = harness.database.db;
    const ws = world.workspaceId;
    const { dealMonths } = await loadMetricContext(db, ws);
    const period = periodOf("2025-01-01", "2026-12-31");
    const filters = { partnerId: world.partnerA.id };
    expect(rounded(await dealGroups(db, ws, filters, period, dealMonths))).toEqual(
      rounded(await dealGroups(db, ws, filters, period)),
    );
  });
});
