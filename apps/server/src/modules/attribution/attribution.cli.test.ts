import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAttributionCommand } from "./attribution.cli";

const dir = mkdtempSync(join(tmpdir(), "symbiont-attribution-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = "path;total_conversions;total_conversion_value;total_null";
const good = file("good.csv", `${HEADER}\na;1;10;1\na > b;1;20;0\nb;0;0;1\n`);

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runAttributionCommand(args, (line) => lines.push(line));
  return { code, lines, text: lines.join("\n") };
}

describe("symbiont attribution", () => {
  it("prints the exact JSON shape, with removal effects for markov", async () => {
    const { code, lines } = await run([
      "--paths",
      good,
      "--format",
      "channelattribution",
      "--model",
      "markov",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(Object.keys(parsed)).toEqual(["model", "channels"]);
    expect(parsed.model).toBe("markov");
    expect(parsed.channels).toEqual([
      {
        channel: "a",
        conversions: expect.closeTo(1.2, 12),
        value: expect.closeTo(18, 12),
        removalEffect: expect.closeTo(0.75, 12),
      },
      {
        channel: "b",
        conversions: expect.closeTo(0.8, 12),
        value: expect.closeTo(12, 12),
        removalEffect: expect.closeTo(0.5, 12),
      },
    ]);
  });

  it("omits removal effects for other models and orders by value with --value", async () => {
    const { code, lines } = await run(["--paths", good, "--model", "last", "--json", "--value"]);
    expect(code).toBe(0);
    expect(JSON.parse(lines[0]!)).toEqual({
      model: "last",
      channels: [
        { channel: "b", conversions: 1, value: 20 },
        { channel: "a", conversions: 1, value: 10 },
      ],
    });
  });

  it("prints a table with totals", async () => {
    const { code, lines } = await run(["--paths", good, "--format", "channelattribution", "--model", "markov"]);
    expect(code).toBe(0);
    expect(lines[0]).toBe("model: markov");
    expect(lines[1]).toMatch(/^channel\s+conversions\s+value\s+removal effect$/);
    expect(lines[3]).toMatch(/^a\s+1\.2000\s+18\.0000\s+0\.750000$/);
    expect(lines[4]).toMatch(/^b\s+0\.8000\s+12\.0000\s+0\.500000$/);
    expect(lines.at(-1)).toMatch(/^total\s+2\.0000\s+30\.0000$/);
  });

  it("answers bad arguments with usage and exit code 2", async () => {
    for (const args of [
      [],
      ["--paths", good],
      ["--paths", good, "--model", "nonsense"],
      ["--paths", good, "--model", "linear", "--format", "csv"],
      ["--paths", good, "--model", "linear", "--bogus"],
      ["--paths", good, "--model", "markov", "--order", "9"],
      ["--paths", good, "--model", "linear", "stray"],
    ]) {
      const { code, text } = await run(args);
      expect(code, args.join(" ")).toBe(2);
      expect(text).toContain("Usage: symbiont attribution");
    }
  });

  it("reports a malformed file precisely and exits 1", async () => {
    const bad = file("bad.csv", `${HEADER}\na;1;1;0\na > ;1;1;0\nb;one;1;0\n`);
    const { code, lines } = await run(["--paths", bad, "--model", "linear"]);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `Error: ${bad} is not a valid ChannelAttribution path file:`,
      "  line 3: path item 2 is empty (two separators in a row, or a separator at an end)",
      '  line 4: total_conversions is not a number: "one"',
    ]);
    const skipped = await run(["--paths", bad, "--model", "linear", "--skip-bad-lines", "--json"]);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.lines[0]!).channels).toEqual([{ channel: "a", conversions: 1, value: 1 }]);
  });

  it("exits 1 on a missing file and on a model the data cannot support", async () => {
    const missing = await run(["--paths", join(dir, "nope.csv"), "--model", "first"]);
    expect(missing.code).toBe(1);
    expect(missing.text).toContain("cannot read");
    const decay = await run(["--paths", good, "--model", "time-decay"]);
    expect(decay.code).toBe(1);
    expect(decay.text).toBe("Error: time decay needs touch times; this journey set has none");
  });
});
