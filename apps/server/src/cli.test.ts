import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/symbiont.mjs", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "symbiont-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function symbiont(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    // Vitest exports BASE_URL="/" (Vite's base path); give the CLI a real one.
    env: {
      ...process.env,
      SYMBIONT_DATA_DIR: dataDir,
      DATABASE_URL: "",
      BASE_URL: "http://localhost:3000",
      LOG_LEVEL: "warn",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("symbiont CLI", () => {
  it("prints usage and exits 2 without a command or with an unknown one", () => {
    const none = symbiont([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("Usage: symbiont <command>");
    const unknown = symbiont(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "frobnicate"');
  });

  it("rejects bad arguments with usage", () => {
    const seed = symbiont(["seed"]);
    expect(seed.code).toBe(2);
    expect(seed.err).toContain("seed needs --demo");
    const admin = symbiont(["create-admin", "--email", "nope"]);
    expect(admin.code).toBe(2);
    expect(admin.err).toContain("--email and --name");
    const flag = symbiont(["serve", "--colour"]);
    expect(flag.code).toBe(2);
    expect(symbiont(["serve", "--role=cook"]).err).toContain('Unknown role "cook"');
  });

  it("stops on an invalid environment naming the variable", () => {
    const result = symbiont(["migrate"], { PORT: "eighty" });
    expect(result.code).toBe(78);
    expect(result.err).toContain("PORT");
  });

  it("seeds the demo once, then creates an admin and prints a reset link", () => {
    const first = symbiont(["seed", "--demo"]);
    expect(first.code, `${first.err}|${first.out}`).toBe(0);
    expect(first.out).toContain("admin@acme.example");
    expect(first.out).toMatch(/Applying migrations… done/);
    const second = symbiont(["seed", "--demo"]);
    expect(second.out).toContain("already exists; nothing changed");
    const admin = symbiont([
      "create-admin",
      "--email",
      "ops@acme.example",
      "--name",
      "Ops",
      "--workspace",
      "Acme Cloud",
    ]);
    expect(admin.code, admin.err).toBe(0);
    expect(admin.out).toMatch(/Generated password \(shown once\): \S{12,}/);
    const duplicate = symbiont(["create-admin", "--email", "ops@acme.example", "--name", "Ops"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain("already has an account");
    const reset = symbiont(["reset-password", "ops@acme.example"]);
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toMatch(/\/reset-password\?token=[\w-]{20,}/);
    const unknown = symbiont(["reset-password", "ghost@acme.example"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("No user has the email ghost@acme.example");
  }, 120_000);

  it("imports partners from CSV: a dry run, a refused file, then the real import with progress", () => {
    const good = join(dataDir, "partners.csv");
    writeFileSync(
      good,
      "Company,Website,Country\nCli Partner One,https://cli-one.example,DE\nCli Partner Two,https://cli-two.example,FR\n",
    );
    const dry = symbiont(["import", "partners", good, "--dry-run"]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain("Company                      → name");
    expect(dry.out).toContain("2 rows: 2 valid, 0 invalid; 2 to create");
    expect(dry.out).toContain("Dry run: nothing was imported.");
    const bad = join(dataDir, "bad.csv");
    writeFileSync(bad, 'Company,Website\n"=HYPERLINK(""x"")",https://x.example\n');
    const refused = symbiont(["import", "partners", bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/line 2, Company: starts with "=" like a spreadsheet formula/);
    expect(refused.out).toContain("Nothing was imported.");
    const real = symbiont(["import", "partners", good]);
    expect(real.code, real.err).toBe(0);
    expect(real.out).toContain("[##############################] 2/2 rows (100%)");
    expect(real.out).toMatch(/2 created, 0 updated, 0 skipped/);
    const again = symbiont(["import", "partners", good]);
    expect(again.out).toContain("2 duplicates to skip");
    expect(symbiont(["import", "widgets", good]).code).toBe(2);
  }, 120_000);
});
