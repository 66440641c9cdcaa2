import { describe, expect, it } from "vitest";
import { formatIssues, parseChannelAttribution } from "./channelattribution-format";
import { journeyCount } from "./journeys";

const HEADER = "path;total_conversions;total_conversion_value;total_null";

describe("parseChannelAttribution", () => {
  it("reads rows into columnar journeys with interned channels", () => {
    const parsed = parseChannelAttribution(`${HEADER}\neta > iota > eta;1;0.5;3\r\n\niota;2;4;0\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const set = parsed.journeys;
    expect(set.channelNames).toEqual(["eta", "iota"]);
    expect(journeyCount(set)).toBe(2);
    expect(Array.from(set.journeyOffsets)).toEqual([0, 3, 4]);
    expect(Array.from(set.touchChannel)).toEqual([0, 1, 0, 1]);
    expect(set.touchChannel).toBeInstanceOf(Uint16Array);
    expect(Array.from(set.conversions)).toEqual([1, 2]);
    expect(Array.from(set.value)).toEqual([0.5, 4]);
    expect(Array.from(set.nulls)).toEqual([3, 0]);
    expect(set.touchTime).toBeNull();
  });

  it("accepts a byte-order mark, a column order of its own and optional value/null columns", () => {
    const parsed = parseChannelAttribution("\ufefftotal_conversions;path\n3;a > b\n");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Array.from(parsed.journeys.conversions)).toEqual([3]);
    expect(Array.from(parsed.journeys.value)).toEqual([0]);
    expect(Array.from(parsed.journeys.nulls)).toEqual([0]);
  });

  const bad = [
    HEADER,
    "a > b;1;2;0", // 2 fine
    "a > b;1;2", // 3 missing a field
    "a;x;1;0", // 4 non-numeric
    "a;1;2;-3", // 5 negative
    ";1;1;0", // 6 empty path
    "a >  > b;1;1;0", // 7 empty item
    "a > ;1;1;0", // 8 separator at the end
    "a;1;0x10;0", // 9 hex is not a count
    "a;1;Infinity;0", // 10
    "a;;1;0", // 11 empty count
    "c;1e1;1.5;0", // 12 fine (exponent notation)
    "a;1;2;0;9", // 13 too many fields
  ].join("\n");

  it("rejects the whole file by default, naming every bad line and what is wrong", () => {
    const parsed = parseChannelAttribution(bad);
    expect(parsed.ok).toBe(false);
    expect(parsed.issues).toEqual([
      { line: 3, message: expect.stringMatching(/expected 4 fields .* found 3/) },
      { line: 4, message: 'total_conversions is not a number: "x"' },
      { line: 5, message: "total_null is negative: -3" },
      { line: 6, message: "the path is empty" },
      { line: 7, message: expect.stringContaining("path item 2 is empty") },
      { line: 8, message: expect.stringContaining("path item 2 is empty") },
      { line: 9, message: 'total_conversion_value is not a number: "0x10"' },
      { line: 10, message: 'total_conversion_value is not a number: "Infinity"' },
      { line: 11, message: "total_conversions is empty" },
      { line: 13, message: expect.stringMatching(/found 5/) },
    ]);
    expect(parsed.issueCount).toBe(10);
  });

  it("skips bad lines on request, keeping the good ones and no channel from a bad line", () => {
    const parsed = parseChannelAttribution(bad, { onError: "skip" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.skippedLines).toBe(10);
    expect(parsed.journeys.channelNames).toEqual(["a", "b", "c"]);
    expect(Array.from(parsed.journeys.conversions)).toEqual([1, 10]);
    expect(Array.from(parsed.journeys.value)).toEqual([2, 1.5]);
  });

  it("caps the kept issues but counts them all", () => {
    const lines = [HEADER, ...Array.from({ length: 250 }, () => "a;-1;0;0")];
    const parsed = parseChannelAttribution(lines.join("\n"), { onError: "skip", maxIssues: 5 });
    expect(parsed.issues).toHaveLength(5);
    expect(parsed.issueCount).toBe(250);
    expect(formatIssues(parsed.issues, parsed.issueCount).at(-1)).toBe("… and 245 more");
    expect(formatIssues(parsed.issues, parsed.issueCount)[0]).toBe("line 2: total_conversions is negative: -1");
  });

  it("reports header problems and empty files on line 1", () => {
    expect(parseChannelAttribution("")).toEqual({
      ok: false,
      issues: [{ line: 1, message: "the file is empty (no header)" }],
      issueCount: 1,
    });
    const unknown = parseChannelAttribution("path;conversions\na;1");
    expect(unknown.issues[0]).toEqual({ line: 1, message: expect.stringContaining('unknown column "conversions"') });
    const noConversions = parseChannelAttribution("path;total_null\na;1");
    expect(noConversions.issues[0]?.message).toBe('the header has no "total_conversions" column');
    const twice = parseChannelAttribution("path;path;total_conversions\n");
    expect(twice.issues[0]?.message).toBe('column "path" appears twice');
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["\n\n\n", ";;;;", `${HEADER}\n>`, `${HEADER}\n\u0000;1;1;1`, "path;total_conversions\n;"]) {
      expect(() => parseChannelAttribution(text)).not.toThrow();
    }
  });
});
