// One interface for stored files (registration evidence, later other uploads): local disk under the
// data directory by default, or an S3-compatible bucket (path-style requests signed with SigV4).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import type { Config } from "../../config/env";
import { sha256Hex, signRequest } from "./sigv4";

export interface FileStore {
  readonly kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-zA-Z0-9][a-zA-Z0-9/_.-]{0,500}$/;

function checkKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
}

export class LocalFileStore implements FileStore {
  readonly kind = "local";
  constructor(private readonly root: string) {}

  private path(key: string): string {
    checkKey(key);
    const full = resolve(this.root, key);
    if (!full.startsWith(resolve(this.root) + sep)) throw new Error(`Unsafe storage key: ${key}`);
    return full;
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class S3FileStore implements FileStore {
  readonly kind = "s3";
  constructor(private readonly settings: S3Settings) {
    checkKey(settings.bucket);
  }

  private async send(method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string) {
    checkKey(key);
    const url = new URL(`${this.settings.endpoint.replace(/\/$/, "")}/${this.settings.bucket}/${key}`);
    const headers = signRequest(
      {
        method,
        url,
        headers: contentType ? { "content-type": contentType } : {},
        payloadHash: sha256Hex(body ?? ""),
        date: new Date(),
      },
      this.settings,
    );
    const { host: _host, ...sendHeaders } = headers;
    const response = await fetch(url, { method, headers: sendHeaders, ...(body ? { body } : {}) });
    if (!response.ok && !(method === "DELETE" && response.status === 404)) {
      throw new Error(
        `Object store ${method} ${key} answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    }
    return response;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.send("PUT", key, bytes, contentType);
  }

  async get(key: string): Promise<Buffer> {
    return Buffer.from(await (await this.send("GET", key)).arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    await this.send("DELETE", key);
  }
}

/** The store the configuration names: S3 when `SYMBIONT_S3_BUCKET` is set, else the data directory. */
export function fileStoreFor(config: Pick<Config, "dataDir" | "s3">): FileStore {
  if (config.s3) return new S3FileStore(config.s3);
  return new LocalFileStore(join(config.dataDir || join(tmpdir(), "symbiont-files"), "files"));
}
