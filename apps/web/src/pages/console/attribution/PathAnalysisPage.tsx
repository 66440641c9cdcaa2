import { type AttributionModel, attributionModelNames, type PathAnalysisResult } from "@symbiont/contracts";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type DragEvent, type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Checkbox, Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { isApiError } from "../../../lib/api";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { cn } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { colorOf, formatCredit, modelLabel } from "./attributionUi";

const MAX_BYTES = 20 * 1024 * 1024;
const pathModels = attributionModelNames.filter((m) => m !== "time-decay" && m !== "custom" && m !== "shapley-ordered");

/** Analyse a ChannelAttribution-format path file: drop it, pick models, compare credit per channel. */
export function PathAnalysisPage() {
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [models, setModels] = useState<AttributionModel[]>(["first", "last", "linear", "markov", "shapley"]);
  const [onInvalid, setOnInvalid] = useState<"reject" | "skip">("reject");
  const analyse = useMutation({
    mutationFn: () => attribution.analysePaths({ fileName: file!.name, content: file!.content, models, onInvalid }),
  });
  const read = async (picked: File | undefined) => {
    setFileError(null);
    analyse.reset();
    if (!picked) return;
    if (picked.size > MAX_BYTES) return setFileError("The file is larger than 20 MB.");
    setFile({ name: picked.name, content: await picked.text() });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void read(event.dataTransfer.files[0]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) analyse.mutate();
  };
  const lines = analyse.error && isApiError(analyse.error) ? lineIssues(analyse.error.details) : [];
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/console/attribution">Attribution</Link>}
        title="Analyse a path file"
        description="Drop a ChannelAttribution path file (path;total_conversions;total_conversion_value;total_null, items joined by “ > ”) and compare models. Nothing is stored."
      />
      <form onSubmit={submit} className="space-y-6">
        <Card className="space-y-4 px-5 py-5">
          <label
            htmlFor="path-file"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cn(
              "flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center",
              dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 hover:border-slate-400",
            )}
          >
            <span className="font-medium text-slate-800">
              {file ? file.name : "Drop Data.csv here, or choose a file"}
            </span>
            <span className="mt-1 text-sm text-slate-500">
              {file ? `${file.content.split("\n").length.toLocaleString()} lines` : "CSV or text, up to 20 MB"}
            </span>
            <input
              id="path-file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              className="sr-only"
              onChange={(e) => void read(e.target.files?.[0])}
            />
          </label>
          {fileError ? <Alert tone="danger">{fileError}</Alert> : null}
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">Models</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {pathModels.map((model) => (
                <Checkbox
                  key={model}
                  label={modelLabel(model)}
                  checked={models.includes(model)}
                  onChange={(e) =>
                    setModels((list) => (e.target.checked ? [...list, model] : list.filter((m) => m !== model)))
                  }
                />
              ))}
            </div>
          </fieldset>
          <Select
            label="Bad lines"
            value={onInvalid}
            onChange={(e) => setOnInvalid(e.target.value as "reject" | "skip")}
            hint="Reject the whole file, or leave the bad lines out and analyse the rest."
          >
            <option value="reject">Reject the file</option>
            <option value="skip">Skip bad lines</option>
          </Select>
          <div className="flex gap-2">
            <Button
              type="submit"
              disabled={!file || models.length === 0}
              loading={analyse.isPending}
              loadingText="Analysing…"
            >
              Analyse
            </Button>
            <Link to="/console/attribution" className={buttonClasses("secondary")}>
              Back to attribution
            </Link>
          </div>
        </Card>
      </form>
      {analyse.isError ? (
        <Alert tone="danger" className="mt-6">
          <p>{errorMessage(analyse.error)}</p>
          {lines.length > 0 ? (
            <ul className="mt-2 list-disc pl-5" aria-label="Problems by line">
              {lines.map((l) => (
                <li key={l.line}>
                  Line {l.line}: {l.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {analyse.data ? <PathResults result={analyse.data} /> : null}
    </>
  );
}

function lineIssues(details: unknown): { line: number; message: string }[] {
  const lines = (details as { lines?: unknown } | undefined)?.lines;
  return Array.isArray(lines) ? (lines as { line: number; message: string }[]) : [];
}

function PathResults({ result }: { result: PathAnalysisResult }) {
  const max = Math.max(1, ...result.channels.flatMap((c) => c.conversions.map((v) => v ?? 0)));
  return (
    <Card className="mt-6">
      <CardHeader
        title="Credit per channel"
        description={`${result.journeys.toLocaleString()} paths · ${formatCredit(result.totals.conversions)} conversions · ${formatCredit(result.totals.nulls)} non-converting`}
      />
      {result.skippedLines > 0 ? (
        <Alert tone="warning" className="mx-5 mt-4">
          {result.skippedLines} bad line{result.skippedLines === 1 ? " was" : "s were"} skipped:{" "}
          {result.issues
            .slice(0, 5)
            .map((i) => `line ${i.line} (${i.message})`)
            .join("; ")}
        </Alert>
      ) : null}
      {result.models.some((m) => m.error) ? (
        <Alert tone="info" className="mx-5 mt-4">
          {result.models
            .filter((m) => m.error)
            .map((m) => `${modelLabel(m.model)} could not run: ${m.error}`)
            .join(" ")}
        </Alert>
      ) : null}
      <div className="overflow-x-auto px-5 py-4">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Attributed conversions per channel under each model</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-3 text-xs font-semibold text-slate-500 uppercase">
                Channel
              </th>
              {result.models.map((m, i) => (
                <th
                  key={m.model}
                  scope="col"
                  className="px-2 py-2 text-right text-xs font-semibold text-slate-500 uppercase"
                >
                  <span
                    aria-hidden="true"
                    className="mr-1 inline-block size-2 rounded-sm"
                    style={{ background: colorOf(i) }}
                  />
                  {modelLabel(m.model)}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-right text-xs font-semibold text-slate-500 uppercase">
                Removal effect
              </th>
            </tr>
          </thead>
          <tbody>
            {result.channels.map((c) => (
              <tr key={c.channel} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                  {c.channel}
                  <span aria-hidden="true" className="mt-1 flex flex-col gap-0.5">
                    {c.conversions.map((v, i) => (
                      <span
                        key={result.models[i]!.model}
                        className="block h-1 rounded"
                        style={{ width: `${((v ?? 0) / max) * 100}%`, background: colorOf(i) }}
                      />
                    ))}
                  </span>
                </th>
                {c.conversions.map((v, i) => (
                  <td key={result.models[i]!.model} className="px-2 py-2 text-right tabular-nums">
                    {formatCredit(v)}
                  </td>
                ))}
                <td className="px-2 py-2 text-right tabular-nums">
                  {c.removalEffect === null ? "—" : formatCredit(c.removalEffect)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
