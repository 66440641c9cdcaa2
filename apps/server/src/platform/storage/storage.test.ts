import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStore, S3FileStore } from ".";
import { sha256Hex, signatureParts, signRequest } from "./sigv4";

const AWS_EXAMPLE = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
};

describe("SigV4", () => {
  it("reproduces the signature of AWS's documented GET Object example", () => {
    const headers = signRequest(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
        headers: { range: "bytes=0-9" },
        payloadHash: sha256Hex(""),
        date: new Date("2013-05-24T00:00:00Z"),
      },
      AWS_EXAMPLE,
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

/** A small S3 stand-in: path-style objects in memory, every request's signature verified. */
function s3StandIn(secret: string) {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const read = (request: IncomingMessage) =>
    new Promise<Buffer>((done) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => done(Buffer.concat(chunks)));
    });
  const server = createServer(async (request, response) => {
    const body = await read(request);
    const auth = String(request.headers.authorization ?? "");
    const match =
      /Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})/.exec(
        auth,
      );
    const payloadHash = String(request.headers["x-amz-content-sha256"] ?? "");
    const stamp = String(request.headers["x-amz-date"] ?? "");
    if (!match || payloadHash !== sha256Hex(body)) {
      response.writeHead(400).end("bad request");
      return;
    }
    const [, accessKeyId = "", , region = "", signed = "", signature] = match;
    const signedHeaders = Object.fromEntries(
      signed
        .split(";")
        .filter((n) => !["host", "x-amz-date", "x-amz-content-sha256"].includes(n))
        .map((n) => [n, String(request.headers[n] ?? "")]),
    );
    const date = new Date(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
    );
    const expected = signatureParts(
      {
        method: request.method ?? "GET",
        url: new URL(request.url ?? "/", `http://${request.headers.host}`),
        headers: signedHeaders,
        payloadHash,
        date,
      },
      { accessKeyId, secretAccessKey: secret, region },
    );
    if (expected.signature !== signature) {
      response.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    const key = request.url ?? "";
    if (request.method === "PUT") {
      objects.set(key, { body, type: String(request.headers["content-type"] ?? "") });
      response.writeHead(200).end();
    } else if (request.method === "GET") {
      const found = objects.get(key);
      if (found) response.writeHead(200, { "content-type": found.type }).end(found.body);
      else response.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
    } else if (request.method === "DELETE") {
      objects.delete(key);
      response.writeHead(204).end();
    } else response.writeHead(405).end();
  });
  return { server, objects };
}

describe("file stores", () => {
  let standIn: ReturnType<typeof s3StandIn>;
  let endpoint: string;
  let dir: string;
  beforeAll(async () => {
    standIn = s3StandIn("local-secret");
    await new Promise<void>((done) => standIn.server.listen(0, "127.0.0.1", done));
    endpoint = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), "symbiont-store-"));
  });
  afterAll(async () => {
    await new Promise((done) => (standIn.server as Server).close(done));
    await rm(dir, { recursive: true, force: true });
  });

  it("stores, reads and deletes through a signed S3-compatible API", async () => {
    const store = new S3FileStore({
      endpoint,
      bucket: "evidence",
      region: "eu-central-1",
      accessKeyId: "local",
      secretAccessKey: "local-secret",
    });
    const bytes = new TextEncoder().encode("%PDF-1.7 quote");
    await store.put("ws/reg/quote_v1.pdf", bytes, "application/pdf");
    expect(standIn.objects.get("/evidence/ws/reg/quote_v1.pdf")?.type).toBe("application/pdf");
    expect((await store.get("ws/reg/quote_v1.pdf")).toString()).toBe("%PDF-1.7 quote");
    await store.delete("ws/reg/quote_v1.pdf");
    await expect(store.get("ws/reg/quote_v1.pdf")).rejects.toThrow(/404/);
  });

  it("fails loudly when the signature does not verify", async () => {
    const wrong = new S3FileStore({
      endpoint,
      bucket: "evidence",
      region: "eu-central-1",
      accessKeyId: "local",
      secretAccessKey: "not-the-secret",
    });
    await expect(wrong.put("ws/x.txt", new Uint8Array([1]), "text/csv")).rejects.toThrow(/403/);
  });

  it("keeps local files inside the root", async () => {
    const store = new LocalFileStore(dir);
    await store.put("ws/reg/a.pdf", new Uint8Array([1, 2, 3]), "application/pdf");
    expect([...(await store.get("ws/reg/a.pdf"))]).toEqual([1, 2, 3]);
    await expect(store.put("../escape.pdf", new Uint8Array([1]), "application/pdf")).rejects.toThrow(/Unsafe/);
  });
});
