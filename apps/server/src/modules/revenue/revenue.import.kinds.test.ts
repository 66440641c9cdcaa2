import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { runImportJob } from "../../platform/imports";
import { insertAccount } from "./revenue.fixtures";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Evidence imports");
});

/** Uploads, maps as suggested, validates; runs the job when the file is clean. */
async function importCsv(kind: string, lines: string[]) {
  const headers = world.vendor.admin.headers;
  const call = (method: "POST" | "PUT" | "GET", url: string, payload?: unknown) =>
    harness.app.inject({ method, url, headers, ...(payload ? { payload: payload as object } : {}) });
  const uploaded = await call("POST", `/api/console/imports/${kind}/uploads`, {
    fileName: `${kind}.csv`,
    contentBase64: Buffer.from(lines.join("\n"), "utf8").toString("base64"),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const run = uploaded.json();
  const validated = (
    await call("PUT", `/api/console/imports/${kind}/runs/${run.id}/mapping`, { mapping: run.mapping })
  ).json();
  if (validated.report.errorCount > 0) return { mapping: run.mapping, report: validated.report, result: null };
  await call("POST", `/api/console/imports/${kind}/runs/${run.id}/start`);
  await harness.deps.jobs.runNow(runImportJob, {
    workspaceId: world.workspaceId,
    importId: run.id,
    actorLabel: "test",
  });
  const done = (await call("GET", `/api/console/imports/${kind}/runs/${run.id}`)).json();
  return { mapping: run.mapping, report: done.report, result: done.report.result };
}
const problems = (report: { errors: { row: number; field: string | null; message: string }[] }) =>
  report.errors.map((e) => `${e.row} ${e.field}`);

describe("evidence import kinds", () => {
  it("imports FX rates and recomputes what they convert", async () => {
    const bad = await importCsv("fx-rates", [
      "Currency,Date,Rate",
      "eur,2026-01-01,1.1",
      "USD,2026-01-01,1",
      "ABC,2026-01-01,2",
      "GBP,2026-13-01,0",
    ]);
    expect(problems(bad.report)).toEqual(["3 currency", "4 currency", "5 rateDate", "5 rate"]);
    const good = await importCsv("fx-rates", ["currency,date,rate", "eur,2026-01-01,1.1", "GBP,2026-01-01,1.25"]);
    expect(good.result).toEqual({ created: 2, updated: 0, skipped: 0 });
  });

  it("imports revenue events by account id or name, refusing negative amounts and unknown currencies", async () => {
    const account = await insertAccount(harness.database, world.workspaceId, "Northwind Traders");
    const lines = [
      "Event Id,Account,Type,Date,ARR,Currency",
      "ev-1,Northwind Traders,New,2026-01-10,1200.00,EUR",
      `ev-2,${account.id},expansion,2026-03-01,300,USD`,
      "ev-3,Nobody Ltd,renewal,2026-03-01,10,USD",
      "ev-4,Northwind Traders,churn,2026-04-01,-5,USD",
      "ev-5,Northwind Traders,churn,2026-04-01,5,XXY",
    ];
    const bad = await importCsv("revenue-events", lines);
    expect(problems(bad.report)).toEqual(["4 account", "5 amount", "6 currency"]);
    const good = await importCsv("revenue-events", lines.slice(0, 2));
    expect(good.result).toEqual({ created: 1, updated: 0, skipped: 0 });
    const listed = await harness.app.inject({
      url: `/api/console/revenue-events?accountId=${account.id}`,
      headers: world.vendor.finance.headers,
    });
    // €1,200.00 at 1.1 (the rate imported above) = $1,320.00.
    expect(listed.json().items[0]).toMatchObject({ kind: "new", amountMinor: 120000, amountReportingMinor: 132000 });
  });

  it("imports touchpoints by partner name and deal CRM id, refusing touches after the close", async () => {
    const bulk = await harness.app.inject({
      method: "POST",
      url: "/api/console/opportunities/bulk",
      headers: world.vendor.admin.headers,
      payload: {
        items: [
          { externalId: "SF-1", name: "Open deal", openedAt: "2026-01-01T00:00:00Z" },
          {
            externalId: "SF-2",
            name: "Won deal",
            openedAt: "2026-01-01T00:00:00Z",
            outcome: "won",
            closedAt: "2026-02-01T00:00:00Z",
          },
        ],
      },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const lines = [
      "touch id,partner,opportunity id,type,date,note",
      `t-1,${world.partnerA.name},SF-1,Co-sell meeting,2026-01-05,Joint call`,
      `t-2,${world.partnerB.id},SF-2,demo,2026-01-20,`,
      `t-3,${world.partnerB.name},SF-2,demo,2026-03-01,late`,
      "t-4,Unknown Partner,SF-1,demo,2026-01-05,",
      `t-5,${world.partnerA.name},SF-9,demo,2026-01-05,`,
      `t-6,${world.partnerA.name},SF-1,handshake,2026-01-05,`,
    ];
    const bad = await importCsv("touchpoints", lines);
    expect(problems(bad.report)).toEqual(["4 occurredAt", "5 partner", "6 opportunity", "7 type"]);
    const good = await importCsv("touchpoints", lines.slice(0, 3));
    expect(good.result).toEqual({ created: 2, updated: 0, skipped: 0 });
    const ledger = await harness.app.inject({
      url: `/api/console/touchpoints?partnerId=${world.partnerA.id}`,
      headers: world.vendor.admin.headers,
    });
    expect(ledger.json().items[0]).toMatchObject({ type: "co_sell_meeting", origin: "import", note: "Joint call" });
  });
});
