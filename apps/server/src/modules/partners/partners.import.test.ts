import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { type Caller, createWorld, type World } from "../../../test/factories";
import { runPartnerImportJob } from "./partners.import";
import { partners } from "./partners.schema";

const harness = useTestApp();
let world: World;
let admin: Caller;

beforeAll(async () => {
  world = await createWorld(harness.database, "Import");
  admin = world.vendor.admin;
});

const call = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, caller: Caller = admin) =>
  harness.app.inject({
    method,
    url,
    headers: caller.headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });

async function upload(csv: string | Buffer) {
  const bytes = typeof csv === "string" ? Buffer.from(csv, "utf8") : csv;
  return call("POST", "/api/console/partner-imports", {
    fileName: "partners.csv",
    contentBase64: bytes.toString("base64"),
  });
}

async function partnerCount(): Promise<number> {
  const [row] = await harness.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(partners)
    .where(eq(partners.workspaceId, world.workspaceId));
  return row?.n ?? 0;
}

async function runQueuedImport(id: string) {
  await harness.deps.jobs.runNow(runPartnerImportJob, {
    workspaceId: world.workspaceId,
    importId: id,
    actorLabel: admin.email,
  });
  return (await call("GET", `/api/console/partner-imports/${id}`)).json();
}

describe("partner CSV import", () => {
  it("uploads, suggests a mapping, validates, imports in one job and reports the result", async () => {
    const csv = [
      "Company,Web Site,Country,Partner Type,Tags",
      "Blue Yonder Consulting,https://www.blueyonder-consulting.example,Germany,System integrator;Reseller,gold",
      "Orbit Analytics,https://orbit-analytics.example,US,ISV,",
    ].join("\n");
    const uploaded = await upload(csv);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const run = uploaded.json();
    expect(run).toMatchObject({
      status: "uploaded",
      totalRows: 2,
      headers: ["Company", "Web Site", "Country", "Partner Type", "Tags"],
    });
    expect(run.mapping).toEqual({
      Company: "name",
      "Web Site": "website",
      Country: "hqCountry",
      "Partner Type": "types",
      Tags: "tags",
    });
    expect(run.sample[0][0]).toBe("Blue Yonder Consulting");

    const validated = await call("PUT", `/api/console/partner-imports/${run.id}/mapping`, { mapping: run.mapping });
    expect(validated.json()).toMatchObject({ status: "validated", report: { invalidRows: 0, willCreate: 2 } });
    const before = await partnerCount();

    const started = await call("POST", `/api/console/partner-imports/${run.id}/start`);
    expect(started.statusCode).toBe(202);
    expect(started.json().status).toBe("queued");
    const done = await runQueuedImport(run.id);
    expect(done).toMatchObject({
      status: "completed",
      processedRows: 2,
      report: { result: { created: 2, updated: 0, skipped: 0 } },
    });
    expect(await partnerCount()).toBe(before + 2);
    const [created] = await harness.database.db
      .select()
      .from(partners)
      .where(and(eq(partners.workspaceId, world.workspaceId), eq(partners.name, "Blue Yonder Consulting")));
    expect(created).toMatchObject({
      domain: "blueyonder-consulting.example",
      hqCountry: "DE",
      types: ["system_integrator", "reseller"],
      tags: ["gold"],
    });
  });

  it("reports every bad row precisely and changes nothing, and refuses to start", async () => {
    const csv = [
      "Name,Website,Country,Type",
      '"=HYPERLINK(""http://evil.example"",""click"")",https://evil.example,US,reseller',
      "Good One,https://good-one.example,Narnia,reseller",
      "Good Two,not a url,US,wizard",
      `${world.partnerA.name},https://fresh.example,US,reseller`,
      "Twin,https://twin.example,US,reseller",
      "Twin Again,https://www.twin.example,US,reseller",
    ].join("\n");
    const run = (await upload(csv)).json();
    const validated = (
      await call("PUT", `/api/console/partner-imports/${run.id}/mapping`, {
        mapping: { Name: "name", Website: "website", Country: "hqCountry", Type: "types" },
      })
    ).json();
    expect(validated.status).toBe("invalid");
    const byRow = (row: number) =>
      validated.report.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { message: string }) => e.message)
        .join(" | ");
    expect(byRow(2)).toMatch(/formula/);
    expect(byRow(3)).toMatch(/"Narnia" is not a known country/);
    expect(byRow(4)).toMatch(/wizard/);
    expect(byRow(4)).toMatch(/URL/);
    expect(byRow(5)).toMatch(/already exists/);
    expect(byRow(7)).toMatch(/twin\.example also appears on line 6/);
    expect(validated.report).toMatchObject({ totalRows: 6, invalidRows: 5, validRows: 1 });
    const before = await partnerCount();
    const refused = await call("POST", `/api/console/partner-imports/${run.id}/start`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "IMPORT_HAS_ERRORS" });
    expect(refused.json().message).toMatch(/Nothing was imported/);
    expect(await partnerCount()).toBe(before);
  });

  it("skips or updates partners that already exist with the same domain", async () => {
    const first = (await upload("Name,Website,Tags\nDupe Co,https://dupe-co.example,one\n")).json();
    await call("PUT", `/api/console/partner-imports/${first.id}/mapping`, { mapping: first.mapping });
    await call("POST", `/api/console/partner-imports/${first.id}/start`);
    await runQueuedImport(first.id);

    const again = "Name,Website,Tags,Description\nDupe Co,https://dupe-co.example,two,Now with a description\n";
    const skip = (await upload(again)).json();
    const skipReport = (
      await call("PUT", `/api/console/partner-imports/${skip.id}/mapping`, {
        mapping: skip.mapping,
        onDuplicate: "skip",
      })
    ).json().report;
    expect(skipReport).toMatchObject({
      duplicateCount: 1,
      willSkip: 1,
      willCreate: 0,
      duplicates: [{ row: 2, domain: "dupe-co.example", partnerName: "Dupe Co" }],
    });

    const update = (await upload(again)).json();
    await call("PUT", `/api/console/partner-imports/${update.id}/mapping`, {
      mapping: update.mapping,
      onDuplicate: "update",
    });
    await call("POST", `/api/console/partner-imports/${update.id}/start`);
    const done = await runQueuedImport(update.id);
    expect(done.report.result).toEqual({ created: 0, updated: 1, skipped: 0 });
    const [row] = await harness.database.db
      .select()
      .from(partners)
      .where(and(eq(partners.workspaceId, world.workspaceId), eq(partners.domain, "dupe-co.example")));
    expect(row?.tags.sort()).toEqual(["one", "two"]);
    expect(row?.description).toBe("Now with a description");
  });

  it("refuses a file in the wrong encoding, an empty file and a mapping without a name", async () => {
    const latin1 = await upload(Buffer.from("Name\nM\xfcller Partner GmbH\n", "latin1"));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json()).toMatchObject({ code: "IMPORT_FILE_INVALID", details: { line: 2 } });
    expect(latin1.json().message).toMatch(/not UTF-8/);
    expect((await upload("")).json().code).toBe("IMPORT_FILE_INVALID");
    expect((await upload("Name,Website\n")).json().message).toMatch(/no rows/);
    const run = (await upload("Firm,Site\nA,https://a.example\n")).json();
    const response = await call("PUT", `/api/console/partner-imports/${run.id}/mapping`, {
      mapping: { Firm: null, Site: "website" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0]).toMatchObject({
      path: "body.mapping",
      message: "Map a column to Name (required)",
    });
  });

  it("validates 50,000 rows with some invalid, reports them all and changes nothing", async () => {
    const lines = ["Name,Website,Country"];
    for (let i = 0; i < 50_000; i++) {
      const bad = i % 1000 === 999;
      lines.push(`Bulk Partner ${i},https://bulk-${i}.example,${bad ? "Nowhere" : "FR"}`);
    }
    const started = Date.now();
    const run = (await upload(lines.join("\n"))).json();
    expect(run.totalRows).toBe(50_000);
    const validated = (
      await call("PUT", `/api/console/partner-imports/${run.id}/mapping`, { mapping: run.mapping })
    ).json();
    expect(validated.report).toMatchObject({ totalRows: 50_000, invalidRows: 50, errorCount: 50, validRows: 49_950 });
    expect(validated.report.errors[0]).toMatchObject({ row: 1001, column: "Country", field: "hqCountry" });
    expect(Date.now() - started).toBeLessThan(20_000);
    const before = await partnerCount();
    expect((await call("POST", `/api/console/partner-imports/${run.id}/start`)).statusCode).toBe(409);
    expect(await partnerCount()).toBe(before);
  }, 60_000);
});

describe("partner CSV export", () => {
  it("exports the filtered directory with formula cells neutralised", async () => {
    const created = await call("POST", "/api/console/partners", {
      name: '=HYPERLINK("http://evil.example","x")',
      website: "https://formula.example",
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await call("GET", "/api/console/partners/export.csv?sort=name");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Name,Legal name,Website,Domain/);
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(response.body).toContain(world.partnerA.name);
    const other = await createWorld(harness.database, "Export other");
    const theirs = await harness.app.inject({
      method: "GET",
      url: "/api/console/partners/export.csv",
      headers: other.vendor.analyst.headers,
    });
    expect(theirs.body).not.toContain(world.partnerA.name);
  });
});
