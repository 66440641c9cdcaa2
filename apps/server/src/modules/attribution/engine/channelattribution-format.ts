// Reader for ChannelAttribution's aggregated path format, so analysts can compare with that package:
//   path;total_conversions;total_conversion_value;total_null
//   eta > iota > alpha;1;0.244;3
// One journey per row carrying its counts. Value and null columns are optional in the header.
import { type JourneySet, JourneySetBuilder } from "./journeys";

export interface ParseIssue {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface ParseOptions {
  /** "reject" (default): any bad line fails the whole file. "skip": bad lines are left out and reported. */
  onError?: "reject" | "skip";
  /** Path item separator; the package writes " > ". */
  separator?: string;
  /** At most this many issues are kept (the count is still exact). Default 100. */
  maxIssues?: number;
}

export type ParseResult =
  | { ok: true; journeys: JourneySet; issues: ParseIssue[]; skippedLines: number; issueCount: number }
  | { ok: false; issues: ParseIssue[]; issueCount: number };

const COLUMNS = ["path", "total_conversions", "total_conversion_value", "total_null"] as const;
type Column = (typeof COLUMNS)[number];

// Number() accepts "", " ", "0x1f" and "Infinity"; a count must be a plain decimal.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseCount(raw: string, column: Column): number | string {
  const text = raw.trim();
  if (text === "") return `${column} is empty`;
  if (!DECIMAL.test(text)) return `${column} is not a number: "${text.slice(0, 40)}"`;
  const n = Number(text);
  if (!Number.isFinite(n)) return `${column} is out of range: "${text.slice(0, 40)}"`;
  if (n < 0) return `${column} is negative: ${text}`;
  return n;
}

function headerColumns(line: string): Column[] | string {
  const names = line.split(";").map((s) => s.trim().toLowerCase());
  const out: Column[] = [];
  for (const name of names) {
    const column = COLUMNS.find((c) => c === name);
    if (!column) return `unknown column "${name.slice(0, 40)}" (expected ${COLUMNS.join(";")})`;
    if (out.includes(column)) return `column "${column}" appears twice`;
    out.push(column);
  }
  if (!out.includes("path")) return 'the header has no "path" column';
  if (!out.includes("total_conversions")) return 'the header has no "total_conversions" column';
  return out;
}

/** Parses ChannelAttribution path text into a JourneySet, reporting every bad line by number. */
export function parseChannelAttribution(text: string, options: ParseOptions = {}): ParseResult {
  const skip = options.onError === "skip";
  const separator = options.separator ?? " > ";
  const maxIssues = options.maxIssues ?? 100;
  const issues: ParseIssue[] = [];
  let issueCount = 0;
  const report = (line: number, message: string) => {
    issueCount++;
    if (issues.length < maxIssues) issues.push({ line, message });
  };

  const builder = new JourneySetBuilder();
  let columns: Column[] | null = null;
  let lineNumber = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lineNumber++;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() === "") {
      if (end === text.length) break;
      continue;
    }
    if (columns === null) {
      const header = headerColumns(line);
      if (typeof header === "string")
        return { ok: false, issues: [{ line: lineNumber, message: header }], issueCount: 1 };
      columns = header;
      continue;
    }
    const problem = readRow(builder, line, columns, separator);
    if (problem !== null) {
      report(lineNumber, problem);
      if (!skip && issueCount >= maxIssues) break;
    }
  }
  if (columns === null)
    return { ok: false, issues: [{ line: 1, message: "the file is empty (no header)" }], issueCount: 1 };
  if (issueCount > 0 && !skip) return { ok: false, issues, issueCount };
  return { ok: true, journeys: builder.build(), issues, skippedLines: issueCount, issueCount };
}

/** Adds one data row to the builder, or returns what is wrong with it (nothing is added then). */
function readRow(builder: JourneySetBuilder, line: string, columns: Column[], separator: string): string | null {
  const fields = line.split(";");
  if (fields.length !== columns.length) {
    return `expected ${columns.length} fields separated by ";" (${columns.join(";")}), found ${fields.length}`;
  }
  let conversions = 0;
  let value = 0;
  let nulls = 0;
  let path = "";
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const raw = fields[i]!;
    if (column === "path") {
      path = raw;
      continue;
    }
    const n = parseCount(raw, column);
    if (typeof n === "string") return n;
    if (column === "total_conversions") conversions = n;
    else if (column === "total_conversion_value") value = n;
    else nulls = n;
  }
  if (path.trim() === "") return "the path is empty";
  const items = path.split(separator);
  // Check every item before interning any, so a rejected line leaves no channel behind.
  for (let i = 0; i < items.length; i++) {
    items[i] = items[i]!.trim();
    if (items[i] === "") return `path item ${i + 1} is empty (two separators in a row, or a separator at an end)`;
  }
  for (const name of items) builder.touch(builder.channel(name));
  builder.endJourney({ conversions, value, nulls });
  return null;
}

/** Formats issues for a person: "line 12: total_null is negative: -3". */
export function formatIssues(issues: readonly ParseIssue[], issueCount: number): string[] {
  const lines = issues.map((i) => `line ${i.line}: ${i.message}`);
  if (issueCount > issues.length) lines.push(`… and ${issueCount - issues.length} more`);
  return lines;
}
