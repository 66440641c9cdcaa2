import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../../bin/symbiont.mjs", import.meta.url));

function seed(args: string[]) {
  const result = spawnSync(process.execPath, [bin, "seed", "--demo", ...args], {
    // An unreachable database: bad options must be refused before any connection is tried.
    env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, err: result.stderr };
}

describe("symbiont seed --demo options", () => {
  it("refuses a scale or seed out of range, naming the option", { timeout: 120_000 }, () => {
    // Each case starts the CLI (a few seconds on a busy machine): one per rule.
    for (const scale of ["0", "10001"]) {
      const result = seed(["--scale", scale]);
      expect(result.code).toBe(2);
      expect(result.err).toContain("--scale must be a number above 0");
    }
    for (const value of ["1.5"]) {
      const result = seed(["--seed", value]);
      expect(result.code).toBe(2);
      expect(result.err).toContain("--seed must be an integer");
    }
  });
});
