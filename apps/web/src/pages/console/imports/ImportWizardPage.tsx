import type { ImportRun } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type ChangeEvent, type DragEvent, useEffect, useId, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { PageHeader } from "../../../components/ui/PageHeader";
import { importsApi } from "../../../lib/endpoints/accounts";
import { errorMessage } from "../../../lib/forms";
import { fileToBase64 } from "../partners/import/importApi";
import { MappingStep, ReviewStep } from "./ImportWizardSteps";

const MAX_BYTES = 20 * 1024 * 1024;

/** Where each kind's records are listed once imported. */
const destinations: Record<string, { to: string; label: string }> = {
  accounts: { to: "/console/accounts", label: "See accounts" },
  partners: { to: "/console/partners", label: "See partners" },
};

/**
 * Any registered import kind: upload → map columns (suggested) → review problems → import with
 * progress → report. Nothing changes before the last step.
 */
export function ImportWizardPage() {
  const { kind } = useParams({ strict: false }) as { kind: string };
  const [run, setRun] = useState<ImportRun | null>(null);
  const queryClient = useQueryClient();
  const kinds = useQuery({ queryKey: ["import-kinds"], queryFn: ({ signal }) => importsApi.kinds(signal) });
  const info = kinds.data?.items.find((k) => k.kind === kind);
  const label = info?.label ?? kind;
  const live = useQuery({
    queryKey: ["import-run", kind, run?.id],
    queryFn: ({ signal }) => importsApi.get(kind, run?.id ?? "", signal),
    enabled: run !== null && (run.status === "queued" || run.status === "importing"),
    refetchInterval: 1000,
  });
  const current = live.data && live.data.id === run?.id ? live.data : run;
  const finished = current?.status === "completed";
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ["console", kind] });
  }, [finished, queryClient, kind]);
  const destination = destinations[kind];

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          destination ? (
            <Link to={destination.to} className="text-brand-700 hover:underline">
              ← {label}
            </Link>
          ) : undefined
        }
        title={`Import ${label.toLowerCase()}`}
        description="Upload a CSV export (from a CRM or a spreadsheet), match its columns to fields, and review every problem before anything is written. By default the import is all or nothing."
      />
      {kinds.isSuccess && !info ? <Alert tone="danger">There is no import of this kind.</Alert> : null}
      <Steps status={current?.status ?? null} />
      {!current ? <UploadStep kind={kind} onUploaded={setRun} /> : null}
      {current && (current.status === "uploaded" || current.status === "invalid" || current.status === "validated") ? (
        <>
          <MappingStep kind={kind} run={current} onValidated={setRun} />
          {current.report ? (
            <ReviewStep kind={kind} label={label} run={current} onStarted={setRun} onRestart={() => setRun(null)} />
          ) : null}
        </>
      ) : null}
      {current &&
      (current.status === "queued" ||
        current.status === "importing" ||
        current.status === "completed" ||
        current.status === "failed") ? (
        <ProgressStep run={current} destination={destination} onRestart={() => setRun(null)} />
      ) : null}
      <RecentImports kind={kind} />
    </div>
  );
}

function Steps({ status }: { status: ImportRun["status"] | null }) {
  const index =
    status === null ? 0 : status === "uploaded" ? 1 : status === "invalid" || status === "validated" ? 2 : 3;
  const steps = ["Upload", "Map columns", "Review", "Import"];
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label="Import steps">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === index ? "step" : undefined}
          className={`rounded-full px-3 py-1 ring-1 ring-inset ${i === index ? "bg-brand-700 text-white ring-brand-700" : i < index ? "bg-brand-50 text-brand-800 ring-brand-200" : "bg-white text-slate-500 ring-slate-200"}`}
        >
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}

function UploadStep({ kind, onUploaded }: { kind: string; onUploaded: (run: ImportRun) => void }) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => importsApi.upload(kind, file.name, await fileToBase64(file)),
    onSuccess: onUploaded,
  });
  const choose = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setTooBig(`${file.name} is larger than 20 MB; split it into smaller files.`);
      return;
    }
    setTooBig(null);
    upload.mutate(file);
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  return (
    <Card>
      <CardHeader
        title="Upload a CSV file"
        description="UTF-8 (or UTF-16) with a header row; comma, semicolon or tab separated; up to 100,000 rows."
      />
      <CardBody className="space-y-4">
        {tooBig ? <Alert tone="danger">{tooBig}</Alert> : null}
        {upload.isError ? (
          <Alert tone="danger" title="The file could not be read">
            {errorMessage(upload.error)}
          </Alert>
        ) : null}
        <label
          htmlFor={inputId}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center transition ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 hover:border-brand-400"}`}
        >
          <span className="text-base font-medium text-slate-900">
            {upload.isPending ? "Reading the file…" : "Drop a CSV here, or choose a file"}
          </span>
          <span className="text-sm text-slate-500">
            Columns are matched to fields automatically; you can change every match.
          </span>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            aria-label="CSV file to import"
            disabled={upload.isPending}
            onChange={(event: ChangeEvent<HTMLInputElement>) => choose(event.target.files?.[0])}
          />
        </label>
      </CardBody>
    </Card>
  );
}

function ProgressStep({
  run,
  destination,
  onRestart,
}: {
  run: ImportRun;
  destination: { to: string; label: string } | undefined;
  onRestart: () => void;
}) {
  const share = run.totalRows === 0 ? 0 : Math.round((run.processedRows / run.totalRows) * 100);
  const result = run.report?.result;
  return (
    <Card>
      <CardHeader
        title={
          run.status === "completed" ? "Import finished" : run.status === "failed" ? "Import failed" : "Importing…"
        }
        description={run.fileName ?? undefined}
      />
      <CardBody className="space-y-4">
        {run.status === "queued" || run.status === "importing" ? (
          <div role="status" aria-live="polite" className="space-y-2">
            <div
              className="h-2 overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={share}
              aria-label="Import progress"
            >
              <div
                className="h-full rounded-full bg-brand-600 transition-all"
                style={{ width: `${Math.max(share, run.status === "queued" ? 2 : 5)}%` }}
              />
            </div>
            <p className="text-sm text-slate-600">
              {run.status === "queued"
                ? "Waiting for a worker…"
                : `${run.processedRows.toLocaleString()} of ${run.totalRows.toLocaleString()} rows`}
            </p>
          </div>
        ) : null}
        {run.status === "completed" && result ? (
          <Alert tone="success" title={result.skipped > 0 ? "The valid rows were imported" : "All rows were imported"}>
            {result.created.toLocaleString()} created, {result.updated.toLocaleString()} updated,{" "}
            {result.skipped.toLocaleString()} skipped.
          </Alert>
        ) : null}
        {run.status === "failed" ? (
          <Alert tone="danger" title="Nothing was imported">
            {run.report?.failure ?? "The import failed."}
          </Alert>
        ) : null}
        {run.status === "completed" || run.status === "failed" ? (
          <div className="flex gap-2">
            {destination ? (
              <Link
                to={destination.to}
                className="inline-flex h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
              >
                {destination.label}
              </Link>
            ) : null}
            <Button variant="secondary" onClick={onRestart}>
              Import another file
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function RecentImports({ kind }: { kind: string }) {
  const recent = useQuery({ queryKey: ["imports", kind], queryFn: ({ signal }) => importsApi.recent(kind, signal) });
  const items = recent.data?.items ?? [];
  if (items.length === 0) return null;
  const tone = (status: ImportRun["status"]) =>
    status === "completed" ? "success" : status === "failed" || status === "invalid" ? "danger" : "neutral";
  return (
    <Card>
      <CardHeader title="Recent imports" headingLevel={2} />
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="flex items-center justify-between gap-4 px-6 py-3 text-sm">
            <span className="truncate font-medium text-slate-800">{item.fileName ?? "CSV"}</span>
            <span className="text-slate-500">
              {item.totalRows.toLocaleString()} rows · {item.createdBy} · {new Date(item.createdAt).toLocaleString()}
            </span>
            <Badge tone={tone(item.status)}>{item.status}</Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
