import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { runImportJob } from "../../platform/imports";
import { crmOpportunityRow } from "./revenue.import.crm";
import { pipelineStats } from "./revenue.stats";

const harness = useTestApp();
let world: World;
const csv = readFileSync(
  fileURLToPath(new URL("../../../test/fixtures/crm-opportunities.csv", import.meta.url)),
  "utf8",
);
const [header = "", ...lines] = csv.trim().split("\n");
const columns = header.split(",");
/** The file as plain records (the fixture has no quoted cells), read independently of the import code. */
const records = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell.trim()])));
const fieldOf: Record<string, string> = {
  opportunity_id: "externalId",
  sales_agent: "ownerName",
  product: "product",
  account: "accountName",
  deal_stage: "stage",
  engage_date: "openedAt",
  close_date: "closedAt",
  close_value: "amount",
};

beforeAll(async () => {
  world = await createWorld(harness.database, "CRM import");
});

describe("importing a CRM opportunity export", () => {
  it("gives the same win rate, average won deal, cycle and velocity as the file computed by hand", async () => {
    // Through the generic CSV import, as the console and the CLI do it.
    const headers = world.vendor.admin.headers;
    const call = (method: "POST" | "PUT" | "GET", url: string, payload?: unknown) =>
      harness.app.inject({ method, url, headers, ...(payload ? { payload: payload as object } : {}) });
    const importFile = async () => {
      const uploaded = await call("POST", "/api/console/imports/opportunities/uploads", {
        fileName: "sales_pipeline.csv",
        contentBase64: Buffer.from(csv, "utf8").toString("base64"),
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const run = uploaded.json();
      expect(run.mapping).toEqual(fieldOf);
      const validated = await call("PUT", `/api/console/imports/opportunities/runs/${run.id}/mapping`, {
        mapping: run.mapping,
      });
      expect(validated.json().report.errorCount, validated.body).toBe(0);
      expect((await call("POST", `/api/console/imports/opportunities/runs/${run.id}/start`)).statusCode).toBe(202);
      await harness.deps.jobs.runNow(runImportJob, {
        workspaceId: world.workspaceId,
        importId: run.id,
        actorLabel: world.vendor.admin.email,
      });
      return (await call("GET", `/api/console/imports/opportunities/runs/${run.id}`)).json();
    };
    const first = await importFile();
    expect(first.status).toBe("completed");
    expect(first.report.result).toEqual({ created: 200, updated: 0, skipped: 0 });
    // The same file again changes nothing (idempotent by CRM id).
    const again = await importFile();
    expect(again.report.result).toEqual({ created: 0, updated: 200, skipped: 0 });

    // By hand, from the file.
    const won = records.filter((r) => r.deal_stage === "Won");
    const lost = records.filter((r) => r.deal_stage === "Lost");
    const open = records.filter((r) => r.deal_stage === "Engaging" || r.deal_stage === "Prospecting");
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    const winRate = won.length / (won.length + lost.length);
    const averageWon = won.reduce((sum, r) => sum + Number(r.close_value) * 100, 0) / won.length;
    const averageCycle = won.reduce((sum, r) => sum + days(r.engage_date ?? "", r.close_date ?? ""), 0) / won.length;
    const velocity = (open.length * averageWon * winRate) / averageCycle;

    const stats = await pipelineStats(harness.database.db, world.workspaceId);
    expect(stats).toMatchObject({ won: won.length, lost: lost.length, open: open.length });
    expect(stats.winRate).toBeCloseTo(winRate, 12);
    expect(stats.averageWonMinor).toBeCloseTo(averageWon, 6);
    expect(stats.averageWonCycleDays).toBeCloseTo(averageCycle, 9);
    expect(stats.velocityMinorPerDay).toBeCloseTo(velocity, 4);
    expect(won.length).toBeGreaterThan(50);

    // Spelling variants are reported, and mapping them leaves one spelling.
    const products = await harness.app.inject({ url: "/api/console/opportunities/variants?field=product", headers });
    const gtx = products.json().groups.find((g: { canonical: string }) => g.canonical.startsWith("GTX"));
    const fromFile = new Set(
      records.map((r) => r.product).filter((p) => p?.replace(/[^a-z]/gi, "").toLowerCase() === "gtxpro"),
    );
    expect(new Set(gtx.spellings.map((s: { value: string }) => s.value))).toEqual(fromFile);
    const accounts = await harness.app.inject({ url: "/api/console/opportunities/variants?field=account", headers });
    expect(
      accounts
        .json()
        .groups.map((g: { spellings: unknown[] }) => g.spellings.length)
        .sort(),
    ).toEqual([3, 4]);
    // Spellings of one account landed on one account.
    const acme = await harness.database.db.execute<{ n: number }>(
      sql`select count(distinct account_id)::int as n from opportunities where workspace_id = ${world.workspaceId}::uuid and lower(account_name) like 'acme%'`,
    );
    expect(acme.rows[0]?.n).toBe(1);
    const mapped = await harness.app.inject({
      method: "POST",
      url: "/api/console/opportunities/variants",
      headers,
      payload: { field: "product", from: gtx.spellings.map((s: { value: string }) => s.value), to: "GTX Pro" },
    });
    const gtxRows = records.filter((r) => fromFile.has(r.product)).length;
    expect(mapped.json()).toEqual({ opportunities: gtxRows });
    const after = await harness.app.inject({ url: "/api/console/opportunities/variants?field=product", headers });
    expect(after.json().groups.find((g: { canonical: string }) => g.canonical.startsWith("GTX"))).toBeUndefined();
  });

  it("reports rows it cannot read with the field", () => {
    const paths = (cells: Record<string, string>) =>
      crmOpportunityRow
        .safeParse(cells)
        .error?.issues.map((i) => i.path.join("."))
        .sort();
    expect(paths({ externalId: "X1", stage: "Won", openedAt: "2017-02-30" })).toEqual(["openedAt"]);
    expect(paths({ externalId: "X1", stage: "Won", amount: "-3", openedAt: "2017-02-01" })).toEqual([
      "amount",
      "closedAt",
    ]);
    expect(paths({ externalId: "X1", stage: "Prospecting" })).toBeUndefined();
  });
});
