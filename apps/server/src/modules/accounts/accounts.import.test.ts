import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { type Caller, createWorld, type World } from "../../../test/factories";
import { runImportCommand, runImportJob } from "../../platform/imports";
import { accountListMembers, accountLists, accounts } from "./accounts.schema";

const harness = useTestApp();
let world: World;
let admin: Caller;

beforeAll(async () => {
  world = await createWorld(harness.database, "Account import");
  admin = world.vendor.admin;
  await harness.database.db
    .insert(accountLists)
    .values({ workspaceId: world.workspaceId, name: "Strategic", blocksPartners: false });
});

const call = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, caller: Caller = admin) =>
  harness.app.inject({
    method,
    url,
    headers: caller.headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });

const upload = (csv: string | Buffer) =>
  call("POST", "/api/console/imports/accounts/uploads", {
    fileName: "accounts.csv",
    contentBase64: (typeof csv === "string" ? Buffer.from(csv, "utf8") : csv).toString("base64"),
  });

async function accountsWhere(condition = sql`true`) {
  return harness.database.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.workspaceId, world.workspaceId), condition));
}

async function runJob(id: string) {
  await harness.deps.jobs.runNow(runImportJob, {
    workspaceId: world.workspaceId,
    importId: id,
    actorLabel: admin.email,
  });
  return (await call("GET", `/api/console/imports/accounts/runs/${id}`)).json();
}

describe("generic CSV import: accounts", () => {
  it("suggests a mapping, reports row problems, rejects all-or-nothing, then skips invalid rows on request", async () => {
    const csv = [
      "Account Name,Web Site,Billing Country,Industry,Employees,Account Owner,Type,CRM Id,Named account lists",
      `Fabrikam Inc.,https://www.fabrikam.example,United States,Manufacturing,201-1000,${admin.email},Customer,crm-1,Strategic`,
      "Litware GmbH,litware.example,DE,Software,11-50,,prospect,crm-2,",
      "=HYPERLINK(evil),evil.example,US,,,,,crm-3,",
      "Proseware,proseware.example,Atlantis,,,,,crm-4,",
      "Proseware Two,fabrikam.example,US,,,nobody@example.test,,crm-5,Unknown list",
    ].join("\n");
    const uploaded = await upload(csv);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const run = uploaded.json();
    expect(run).toMatchObject({ kind: "accounts", status: "uploaded", totalRows: 5 });
    expect(run.mapping).toEqual({
      "Account Name": "name",
      "Web Site": "website",
      "Billing Country": "country",
      Industry: "industry",
      Employees: "size",
      "Account Owner": "ownerEmail",
      Type: "status",
      "CRM Id": "externalId",
      "Named account lists": "lists",
    });

    const validated = await call("PUT", `/api/console/imports/accounts/runs/${run.id}/mapping`, {
      mapping: run.mapping,
    });
    expect(validated.statusCode, validated.body).toBe(200);
    const report = validated.json().report;
    expect(validated.json().status).toBe("invalid");
    expect(report).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3, willCreate: 2 });
    const messages = report.errors.map(
      (e: { row: number; column: string; message: string }) => `${e.row} ${e.column}: ${e.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^4 Account Name: starts with "=" like a spreadsheet formula/),
        expect.stringMatching(/^5 Billing Country: "Atlantis" is not a known country/),
        expect.stringMatching(/^6 Web Site: fabrikam.example also appears on line 2/),
        expect.stringMatching(/^6 Account Owner: nobody@example.test is not a staff user/),
        expect.stringMatching(/^6 Named account lists: There is no named-account list "Unknown list"/),
      ]),
    );

    const rejected = await call("POST", `/api/console/imports/accounts/runs/${run.id}/start`);
    expect(rejected.statusCode, rejected.body).toBe(409);
    expect(rejected.json().code).toBe("IMPORT_HAS_ERRORS");
    expect(await accountsWhere()).toHaveLength(0);

    const skipping = await call("PUT", `/api/console/imports/accounts/runs/${run.id}/mapping`, {
      mapping: run.mapping,
      onInvalidRows: "skip",
    });
    expect(skipping.json()).toMatchObject({ status: "invalid", onInvalidRows: "skip" });
    const started = await call("POST", `/api/console/imports/accounts/runs/${run.id}/start`);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().status).toBe("queued");
    const done = await runJob(run.id);
    expect(done.status).toBe("completed");
    expect(done.report.result).toEqual({ created: 2, updated: 0, skipped: 3 });
    expect(done.report.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([4, 5, 6]));

    const written = await accountsWhere();
    expect(written.map((a) => a.name).sort()).toEqual(["Fabrikam Inc.", "Litware GmbH"]);
    const fabrikam = written.find((a) => a.externalId === "crm-1");
    expect(fabrikam).toMatchObject({
      domain: "fabrikam.example",
      country: "US",
      status: "customer",
      ownerId: admin.userId,
      nameNormalized: "fabrikam",
      size: "201-1000",
    });
    expect(fabrikam?.customerSince).not.toBeNull();
    const members = await harness.database.db
      .select()
      .from(accountListMembers)
      .where(eq(accountListMembers.workspaceId, world.workspaceId));
    expect(members.map((m) => m.accountId)).toEqual([fabrikam?.id]);
  });

  it("re-importing the same CRM ids updates instead of duplicating (idempotent upsert)", async () => {
    const csv = "Name,External id,Industry\nFabrikam Robotics Inc.,crm-1,Robotics\nLitware GmbH,crm-2,\n";
    const run = (await upload(csv)).json();
    const validated = (
      await call("PUT", `/api/console/imports/accounts/runs/${run.id}/mapping`, { mapping: run.mapping })
    ).json();
    expect(validated.report).toMatchObject({ validRows: 2, willUpdate: 2, willCreate: 0 });
    await call("POST", `/api/console/imports/accounts/runs/${run.id}/start`);
    const done = await runJob(run.id);
    expect(done.report.result).toEqual({ created: 0, updated: 2, skipped: 0 });
    const all = await accountsWhere();
    expect(all).toHaveLength(2);
    const fabrikam = all.find((a) => a.externalId === "crm-1");
    // Entered cells overwrite, empty cells keep what the account had.
    expect(fabrikam).toMatchObject({ name: "Fabrikam Robotics Inc.", industry: "Robotics", country: "US" });
    expect(fabrikam?.nameNormalized).toBe("fabrikam robotics");
  });

  it("refuses unreadable files with 400 naming the field", async () => {
    const nul = await upload(Buffer.from("Name\nAcme\u0000Corp\n", "utf8"));
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      code: "IMPORT_FILE_INVALID",
      details: { issues: [{ path: "body.contentBase64" }] },
    });
    expect(nul.json().message).toMatch(/NUL byte on line 2/);
    const latin1 = await upload(Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().message).toMatch(/not UTF-8/);
    const unknown = await call("POST", "/api/console/imports/spaceships/uploads", {
      fileName: "x.csv",
      contentBase64: Buffer.from("Name\nA\n").toString("base64"),
    });
    expect(unknown.statusCode).toBe(404);
    const badMapping = await upload("Name,Web\nAcme,acme.example\n");
    const mapped = await call("PUT", `/api/console/imports/accounts/runs/${badMapping.json().id}/mapping`, {
      mapping: { Name: null, Web: "website" },
    });
    expect(mapped.statusCode).toBe(400);
    expect(mapped.json().details.issues[0]).toMatchObject({
      path: "body.mapping",
      message: "Map a column to Name (required)",
    });
  });

  it("lists the kinds with their fields, and denies writes to read-only staff", async () => {
    const kinds = (await call("GET", "/api/console/imports")).json();
    const accountsKind = kinds.items.find((k: { kind: string }) => k.kind === "accounts");
    expect(accountsKind.fields.find((f: { key: string }) => f.key === "name")).toMatchObject({ required: true });
    const denied = await call(
      "POST",
      "/api/console/imports/accounts/uploads",
      { fileName: "a.csv", contentBase64: "" },
      world.vendor.analyst,
    );
    expect(denied.statusCode).toBe(403);
  });
});

describe("symbiont import accounts (CLI)", () => {
  const io = (lines: string[], progress: string[]) => ({
    out: (line: string) => lines.push(line),
    progress: (text: string) => progress.push(text),
    workspace: async () => ({ id: world.workspaceId, name: "Account import" }),
  });
  const file = (csv: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "accounts-cli-")), "accounts.csv");
    writeFileSync(path, csv);
    return path;
  };

  it("exits 1 and writes nothing when a row is invalid, imports with --on-invalid skip", async () => {
    const path = file("Company,Domain,Country\nContoso CLI,contoso-cli.example,GB\nBad Row,gmail.com,Narnia\n");
    const lines: string[] = [];
    const progress: string[] = [];
    expect(await runImportCommand(harness.database, ["accounts", path], io(lines, progress))).toBe(1);
    expect(lines.join("\n")).toMatch(/line 3, Domain: is not a company domain/);
    expect(lines.join("\n")).toMatch(/line 3, Country: "Narnia" is not a known country/);
    expect(await accountsWhere(eq(accounts.name, "Contoso CLI"))).toHaveLength(0);

    expect(
      await runImportCommand(
        harness.database,
        ["accounts", path, "--dry-run", "--on-invalid", "skip"],
        io(lines, progress),
      ),
    ).toBe(0);
    expect(await accountsWhere(eq(accounts.name, "Contoso CLI"))).toHaveLength(0);

    const out: string[] = [];
    expect(
      await runImportCommand(harness.database, ["accounts", path, "--on-invalid", "skip"], io(out, progress)),
    ).toBe(0);
    expect(out.at(-1)).toMatch(/1 created, 0 updated, 1 skipped/);
    expect(progress.at(-1)).toMatch(/1\/1 rows \(100%\)/);
    expect(await accountsWhere(eq(accounts.name, "Contoso CLI"))).toHaveLength(1);
  });
});
