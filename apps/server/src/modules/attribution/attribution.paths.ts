// Path-file analysis: an analyst drops a ChannelAttribution-format file and compares models.
// Nothing is stored; large files are computed on a worker thread.
import type { PathAnalysisBody, PathAnalysisResult } from "@symbiont/contracts";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { computeInWorker, computeModel, type ModelRun } from "./attribution.compute";
import { engineParams } from "./attribution.snapshots";
import { formatIssues, journeyTotals, parseChannelAttribution } from "./engine";

const WORKER_TOUCHES = 100_000;

export async function analysePathFile(ctx: ServiceContext, input: PathAnalysisBody): Promise<PathAnalysisResult> {
  requireVendor(ctx.actor);
  const onInvalid = input.onInvalid ?? "reject";
  const parsed = parseChannelAttribution(input.content, { onError: onInvalid, separator: input.separator });
  if (!parsed.ok) {
    const lines = formatIssues(parsed.issues, parsed.issueCount);
    throw new AppError("ATTRIBUTION_PATH_FILE_INVALID", {
      message:
        parsed.issueCount === 1
          ? `The file has a problem on ${lines[0]}`
          : `The file has ${parsed.issueCount} problems; the first is on ${lines[0]}`,
      details: {
        issueCount: parsed.issueCount,
        lines: parsed.issues,
        issues: parsed.issues.map((issue) => ({
          path: "body.content",
          message: `line ${issue.line}: ${issue.message}`,
          code: "invalid_line",
        })),
      },
    });
  }
  const set = parsed.journeys;
  const models = input.models ?? ["first", "last", "linear", "markov"];
  const runs: ModelRun[] = models.map((model) => ({
    model,
    params: engineParams(model, input.params ?? {}),
    totalsOnly: true,
  }));
  const outputs =
    set.touchChannel.length >= WORKER_TOUCHES
      ? await computeInWorker(set, runs)
      : runs.map((run) => computeModel(set, run));
  const markov = models.indexOf("markov");
  const totals = journeyTotals(set);
  return {
    ok: parsed.issueCount === 0,
    journeys: set.journeyOffsets.length - 1,
    totals: { conversions: totals.conversions, value: totals.value, nulls: totals.nulls },
    skippedLines: parsed.skippedLines,
    issueCount: parsed.issueCount,
    issues: parsed.issues,
    models: models.map((model, m) => ({ model, error: outputs[m]!.error, ms: Math.round(outputs[m]!.ms * 10) / 10 })),
    channels: set.channelNames
      .map((channel, c) => ({
        channel,
        conversions: outputs.map((o) => (o.error ? null : o.conversions[c]!)),
        value: outputs.map((o) => (o.error ? null : o.value[c]!)),
        removalEffect: markov >= 0 ? (outputs[markov]!.removalEffect?.[c] ?? null) : null,
      }))
      .sort((a, b) => (b.conversions[0] ?? 0) - (a.conversions[0] ?? 0)),
  };
}
