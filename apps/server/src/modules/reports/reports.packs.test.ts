import { existsSync } from "node:fs";
import { inflateRawSync, inflateSync } from "node:zlib";
import type { BoardPack } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { refreshReadModels } from "../metrics";
import { insertReportingEcosystem } from "./reports.fixtures";
import { executeBoardPack, renderBoardPackJob } from "./reports.packs";
import { chromiumPath } from "./reports.pdf";

const harness = useTestApp();
let world: World;
const H1 = { from: "2026-01-01", to: "2026-06-30" };

beforeAll(async () => {
  world = await createWorld(harness.database, "Packs");
  await insertReportingEcosystem(harness.database, world);
  await refreshReadModels(harness.database, world.workspaceId);
});

async function requestPack(filters: object = H1): Promise<BoardPack> {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/console/board-packs",
    headers: world.vendor.admin.headers,
    payload: filters,
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json() as BoardPack;
}

const get = (url: string) => harness.app.inject({ method: "GET", url, headers: world.vendor.finance.headers });

/** Text as pdf-lib writes it for the standard fonts: hex strings in the content stream. */
const hexOf = (text: string) => Buffer.from(text, "latin1").toString("hex").toUpperCase();

/** Every content stream of a PDF, inflated. */
function pdfStreams(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString("latin1"));
    } catch {
      parts.push(raw.slice(start, end));
    }
  }
  return parts.join("\n");
}

/** Reads back the entries of a ZIP written with sizes in the local headers. */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let offset = 0;
  while (bytes.readUInt32LE(offset) === 0x04034b50) {
    const size = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extra = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 30, offset + 30 + nameLength).toString("utf8");
    const start = offset + 30 + nameLength + extra;
    files.set(name, inflateRawSync(bytes.subarray(start, start + size)).toString("utf8"));
    offset = start + size;
  }
  return files;
}

describe("board packs", () => {
  it("queues a job, reports progress, and stores a PDF with the figures, methodology and evidence", async () => {
    const queuedBefore = await harness.deps.jobs.count(renderBoardPackJob.name);
    const pack = await requestPack();
    expect(pack).toMatchObject({ status: "queued", progress: 0, fileName: "board-pack-2026-01-01-to-2026-06-30.pdf" });
    expect(await harness.deps.jobs.count(renderBoardPackJob.name)).toBe(queuedBefore + 1);
    const early = await get(`/api/console/board-packs/${pack.id}/download`);
    expect(early.statusCode).toBe(404);
    expect(early.json().message).toMatch(/not ready/);

    await executeBoardPack(harness.database, world.workspaceId, pack.id, { renderer: "pdf-lib" });
    const done = (await get(`/api/console/board-packs/${pack.id}`)).json() as BoardPack;
    expect(done).toMatchObject({ status: "completed", progress: 100, renderer: "pdf-lib", error: null });
    const file = await get(`/api/console/board-packs/${pack.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain(pack.fileName);
    expect(file.rawPayload.length).toBe(done.sizeBytes);
    const pdf = await PDFDocument.load(file.rawPayload);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const content = pdfStreams(file.rawPayload);
    for (const text of [
      "Partner-sourced revenue",
      "Methodology",
      "Evidence: partner-involved won deals",
      "O1 Aalto platform",
    ]) {
      expect(content, text).toContain(hexOf(text));
    }
    const list = (await get("/api/console/board-packs")).json() as { items: BoardPack[] };
    expect(list.items.map((p) => p.id)).toContain(pack.id);
  });

  it.skipIf(!existsSync(chromiumPath()))(
    "renders through headless Chromium print-to-PDF when a browser is installed (skipped without one)",
    async () => {
      const pack = await requestPack({ ...H1, region: "EMEA" });
      await executeBoardPack(harness.database, world.workspaceId, pack.id);
      const done = (await get(`/api/console/board-packs/${pack.id}`)).json() as BoardPack;
      expect(done).toMatchObject({ status: "completed", renderer: "chromium" });
      const file = await get(`/api/console/board-packs/${pack.id}/download`);
      expect(file.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect((await PDFDocument.load(file.rawPayload)).getPageCount()).toBeGreaterThanOrEqual(2);
    },
    120_000,
  );

  it("records a failure on the pack instead of leaving it spinning", async () => {
    const pack = await requestPack();
    const broken = {
      save: async () => {
        throw new Error("disk full");
      },
      open: async () => undefined,
    };
    await expect(
      executeBoardPack(harness.database, world.workspaceId, pack.id, { renderer: "pdf-lib", store: broken }),
    ).rejects.toThrow("disk full");
    const failed = (await get(`/api/console/board-packs/${pack.id}`)).json() as BoardPack;
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/generate the pack again/);
    expect((await get(`/api/console/board-packs/${pack.id}/download`)).json().message).toMatch(/failed/);
  });
});

describe("table exports", () => {
  it("exports a table as CSV with the same figures as the page", async () => {
    const response = await get(
      "/api/console/dashboard/export?table=top-partners&format=csv&from=2026-01-01&to=2026-06-30",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toContain("top-partners-2026-01-01-to-2026-06-30.csv");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "Partner,Sourced (USD),Attributed credit (USD),Won deals",
      `${world.partnerA.name},1000,1300,2`,
      `${world.partnerB.name},0,300,1`,
    ]);
  });

  it("exports the evidence as an XLSX workbook that holds numbers as numbers", async () => {
    const response = await get(
      "/api/console/dashboard/export?table=evidence&format=xlsx&from=2026-01-01&to=2026-06-30",
    );
    expect(response.statusCode).toBe(200);
    const files = unzip(response.rawPayload);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
    );
    const sheet = files.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain('<t xml:space="preserve">O1 Aalto platform</t>');
    // Most recent first: O2 (600.00, closed in April), then O1 (1,000.00).
    expect(sheet).toMatch(/<c r="E2"><v>600<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="E3"><v>1000<\/v><\/c>/);
    expect(files.get("xl/workbook.xml")).toContain('name="Evidence  partner-involved');
  });

  it("exports region keys as the labels the page shows", async () => {
    const setRegion = async (from: string, to: string) => {
      await harness.database.db.execute(
        sql`update accounts set region = ${to} where workspace_id = ${world.workspaceId} and region = ${from}`,
      );
      await refreshReadModels(harness.database, world.workspaceId);
    };
    await setRegion("NA", "north_america");
    try {
      const response = await get(
        "/api/console/dashboard/export?table=regions&format=csv&from=2026-01-01&to=2026-06-30",
      );
      expect(response.statusCode, response.body).toBe(200);
      const regions = response.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0]);
      // Free-text regions stay as written; a known key reads as its label.
      expect(regions.sort()).toEqual(["EMEA", "North America"]);
    } finally {
      await setRegion("north_america", "NA");
    }
  });

  it("names the field of an unknown table", async () => {
    const response = await get("/api/console/dashboard/export?table=salaries");
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe("query.table");
  });
});
