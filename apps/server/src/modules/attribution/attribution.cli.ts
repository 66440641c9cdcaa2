// `symbiont attribution`: runs a model over a ChannelAttribution path file and prints per-channel
// credit, so analysts can compare Symbiont with the package on their own data.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  AttributionError,
  type AttributionModelName,
  type AttributionResult,
  formatIssues,
  parseChannelAttribution,
  runAttribution,
} from "./engine";

const CLI_MODELS = [
  "first",
  "last",
  "linear",
  "time-decay",
  "u-shaped",
  "w-shaped",
  "full-path",
  "markov",
  "shapley",
  "shapley-exact",
  "shapley-ordered",
] as const satisfies readonly AttributionModelName[];
type CliModel = (typeof CLI_MODELS)[number];

export const attributionUsage = `Usage: symbiont attribution --paths <file> --format channelattribution --model <model> [options]

Runs an attribution model over journeys in ChannelAttribution's format
(path;total_conversions;total_conversion_value;total_null, path items joined by " > ").

Models: ${CLI_MODELS.join(", ")}
  (time-decay needs touch times, which this format does not carry; w-shaped and full-path fall
   back to u-shaped without lead/opportunity markers)

Options:
  --value            order channels by attributed value (default: by attributed conversions)
  --json             print {"model", "channels": [{"channel", "conversions", "value", "removalEffect"?}]}
  --order <1-4>      Markov chain order (default 1)
  --skip-bad-lines   leave out malformed lines (listed before the table) instead of failing
`;

interface CliOptions {
  paths: string;
  model: CliModel;
  byValue: boolean;
  json: boolean;
  order: number;
  skipBadLines: boolean;
}

function parseCliArgs(args: string[]): CliOptions | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        paths: { type: "string" },
        format: { type: "string" },
        model: { type: "string" },
        value: { type: "boolean" },
        json: { type: "boolean" },
        order: { type: "string" },
        "skip-bad-lines": { type: "boolean" },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { paths, format, model, order } = values;
  if (typeof paths !== "string" || paths === "") return "--paths <file> is required";
  if (format !== undefined && format !== "channelattribution") {
    return `unknown --format "${String(format)}" (supported: channelattribution)`;
  }
  if (typeof model !== "string") return "--model is required";
  const known = CLI_MODELS.find((m) => m === model);
  if (!known) return `unknown --model "${model}"`;
  const orderNumber = order === undefined ? 1 : Number(order);
  if (!Number.isInteger(orderNumber) || orderNumber < 1 || orderNumber > 4) return "--order must be 1, 2, 3 or 4";
  if (order !== undefined && known !== "markov") return "--order applies to --model markov only";
  return {
    paths,
    model: known,
    byValue: values.value === true,
    json: values.json === true,
    order: orderNumber,
    skipBadLines: values["skip-bad-lines"] === true,
  };
}

function rows(result: AttributionResult, byValue: boolean) {
  const list = result.channelNames.map((channel, k) => ({
    channel,
    conversions: result.conversions[k]!,
    value: result.value[k]!,
    ...(result.removalEffect ? { removalEffect: result.removalEffect[k]! } : {}),
  }));
  const key = byValue ? "value" : "conversions";
  return list.sort((a, b) => b[key] - a[key] || a.channel.localeCompare(b.channel));
}

function table(result: AttributionResult, byValue: boolean): string[] {
  const list = rows(result, byValue);
  const markov = result.removalEffect !== undefined;
  const header = ["channel", "conversions", "value", ...(markov ? ["removal effect"] : [])];
  const body = list.map((r) => [
    r.channel,
    r.conversions.toFixed(4),
    r.value.toFixed(4),
    ...(r.removalEffect !== undefined ? [r.removalEffect.toFixed(6)] : []),
  ]);
  const total = (key: "conversions" | "value") => list.reduce((s, r) => s + r[key], 0).toFixed(4);
  body.push(["total", total("conversions"), total("value"), ...(markov ? [""] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [
    `model: ${result.model}`,
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.slice(0, -1).map(line),
    widths.map((w) => "-".repeat(w)).join("  "),
    line(body.at(-1)!),
  ];
}

/** Runs `symbiont attribution …`; returns the exit code (0 ok, 1 bad input file, 2 bad arguments). */
export async function runAttributionCommand(args: string[], out: (line: string) => void): Promise<number> {
  const options = parseCliArgs(args);
  if (typeof options === "string") {
    out(`Error: ${options}`);
    out("");
    for (const line of attributionUsage.trimEnd().split("\n")) out(line);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(options.paths, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out(`Error: cannot read ${options.paths}${code ? ` (${code})` : ""}`);
    return 1;
  }
  const parsed = parseChannelAttribution(text, { onError: options.skipBadLines ? "skip" : "reject" });
  if (!parsed.ok) {
    out(`Error: ${options.paths} is not a valid ChannelAttribution path file:`);
    for (const line of formatIssues(parsed.issues, parsed.issueCount)) out(`  ${line}`);
    return 1;
  }
  if (parsed.issueCount > 0 && !options.json) {
    out(`Skipped ${parsed.issueCount} malformed line${parsed.issueCount === 1 ? "" : "s"}:`);
    for (const line of formatIssues(parsed.issues, parsed.issueCount)) out(`  ${line}`);
  }
  let result: AttributionResult;
  try {
    result =
      options.model === "markov"
        ? runAttribution("markov", parsed.journeys, { order: options.order })
        : runAttribution(options.model, parsed.journeys);
  } catch (error) {
    if (!(error instanceof AttributionError)) throw error;
    out(`Error: ${error.message}`);
    return 1;
  }
  if (options.json) out(JSON.stringify({ model: result.model, channels: rows(result, options.byValue) }));
  else for (const line of table(result, options.byValue)) out(line);
  return 0;
}
