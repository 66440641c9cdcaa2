import { parseArgs } from "node:util";
import { type HeadlineMetrics, type MetricUnit, metricFilters } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { Database } from "../../db";
import { headlineFor } from "./metrics.headline";
import { refreshReadModels } from "./metrics.refresh";

export class MetricsUsageError extends Error {}

export interface MetricsCommandIo {
  out(line: string): void;
  workspace(slug: string | undefined): Promise<{ id: string; name: string }>;
}

const usage =
  "metrics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--program <id|slug>] [--region R] [--role R] [--partner <id>] [--refresh] [--json] [--workspace <slug>]";

function format(value: number | null, unit: MetricUnit, currency: string): string {
  if (value === null) return "—";
  if (unit === "ratio") return `${(value * 100).toFixed(1)} %`;
  if (unit === "days") return `${value.toFixed(1)} days`;
  if (unit === "count") return String(value);
  if (unit === "score") return value.toFixed(1);
  const major = value / 100;
  const text = major.toLocaleString("en", { maximumFractionDigits: 0 });
  return unit === "money_per_day" ? `${currency} ${text} per day` : `${currency} ${text}`;
}

/** Prints the headline metrics as a table (or the API's JSON with `--json`). */
export function renderHeadline(result: HeadlineMetrics): string[] {
  const lines = [
    `Period ${result.period.from} … ${result.period.to} (previous ${result.previousPeriod.from} … ${result.previousPeriod.to})`,
    `Attribution model: ${result.attributionModel}; read models refreshed ${result.refreshedAt ?? "never"}`,
    "",
  ];
  const width = Math.max(...result.metrics.map((m) => m.label.length));
  for (const metric of result.metrics) {
    const change =
      metric.change === null ? "" : `  (${metric.change >= 0 ? "+" : ""}${(metric.change * 100).toFixed(1)} %)`;
    lines.push(`${metric.label.padEnd(width)}  ${format(metric.value, metric.unit, result.currency)}${change}`);
  }
  const uplift = result.uplift.winRate;
  if (uplift.difference !== null && uplift.interval) {
    lines.push(
      "",
      `Win-rate uplift (partner − direct): ${(uplift.difference * 100).toFixed(1)} pts, 95% CI ${(uplift.interval.low * 100).toFixed(1)} … ${(uplift.interval.high * 100).toFixed(1)} pts`,
    );
  }
  return lines;
}

/** `symbiont metrics …`: the same numbers as GET /api/console/metrics/headline. */
export async function runMetricsCommand(database: Database, args: string[], io: MetricsCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      program: { type: "string" },
      region: { type: "string" },
      role: { type: "string" },
      partner: { type: "string" },
      workspace: { type: "string" },
      refresh: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const workspace = await io.workspace(values.workspace);
  let programId = values.program;
  if (programId && !/^[0-9a-f-]{36}$/i.test(programId)) {
    const found = await database.db.execute(
      sql`select id from programs where workspace_id = ${workspace.id} and (slug = ${programId} or lower(name) = lower(${programId}))`,
    );
    if (!found.rows[0]) throw new MetricsUsageError(`No program "${programId}" in ${workspace.name}`);
    programId = String(found.rows[0].id);
  }
  const parsed = metricFilters.safeParse({
    from: values.from,
    to: values.to,
    programId,
    region: values.region,
    role: values.role,
    partnerId: values.partner,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MetricsUsageError(
      `--${String(issue?.path[0] ?? "?").replace("Id", "")}: ${issue?.message ?? "invalid"}\n${usage}`,
    );
  }
  if (values.refresh) await refreshReadModels(database, workspace.id);
  const result = await headlineFor(database.db, workspace.id, parsed.data);
  if (values.json) io.out(JSON.stringify(result, null, 2));
  else for (const line of renderHeadline(result)) io.out(line);
  return 0;
}
