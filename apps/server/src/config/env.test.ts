import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

const dataDir = () => mkdtempSync(join(tmpdir(), "symbiont-env-"));

describe("configuration", () => {
  it("applies defaults and generates a session secret persisted in the data dir", () => {
    const dir = dataDir();
    const config = loadConfig({ SYMBIONT_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", databaseUrl: undefined, secureCookies: false });
    expect(config.sessionSecret).toHaveLength(64);
    expect(readFileSync(join(dir, "session-secret"), "utf8").trim()).toBe(config.sessionSecret);
    expect(loadConfig({ SYMBIONT_DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty", SYMBIONT_DATA_DIR: dataDir() })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x", SYMBIONT_DATA_DIR: dataDir() })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: "loud", SYMBIONT_DATA_DIR: dataDir() })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ BASE_URL: "not a url", SYMBIONT_DATA_DIR: dataDir() })).toThrow(ConfigError);
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      BASE_URL: "https://prm.example.com",
    });
    expect(config.secureCookies).toBe(true);
  });
});
