import type { ImportRun } from "@symbiont/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { importsApi } from "../../../lib/endpoints/accounts";
import { errorMessage } from "../../../lib/forms";

/** Each column → a field (or ignored), with sample values to recognise it. */
export function MappingStep({
  kind,
  run,
  onValidated,
}: {
  kind: string;
  run: ImportRun;
  onValidated: (run: ImportRun) => void;
}) {
  const [mapping, setMapping] = useState<Record<string, string | null>>(run.mapping);
  const [onInvalidRows, setOnInvalidRows] = useState(run.onInvalidRows);
  const validate = useMutation({
    mutationFn: () => importsApi.validate(kind, run.id, { mapping, onInvalidRows }),
    onSuccess: onValidated,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    validate.mutate();
  };
  const required = run.fields.filter((f) => f.required && !Object.values(mapping).includes(f.key));
  return (
    <Card>
      <CardHeader
        title="Match columns to fields"
        description={`${run.fileName ?? "The file"}: ${run.totalRows.toLocaleString()} rows. Suggested matches are filled in; columns you ignore are not imported.`}
      />
      <form onSubmit={submit} aria-label="Column mapping">
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Columns of the file and the field each goes to</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-3">
                  Column
                </th>
                <th scope="col" className="px-6 py-3">
                  Sample values
                </th>
                <th scope="col" className="px-6 py-3">
                  Imports into
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {run.headers.map((header, column) => (
                <tr key={header}>
                  <th scope="row" className="px-6 py-3 font-medium text-slate-900">
                    {header}
                  </th>
                  <td className="max-w-xs truncate px-6 py-3 text-slate-500">
                    {run.sample
                      .map((row) => row[column])
                      .filter(Boolean)
                      .slice(0, 3)
                      .join(" · ") || "—"}
                  </td>
                  <td className="px-6 py-3">
                    <select
                      aria-label={`Field for column ${header}`}
                      className="w-full rounded-lg border-slate-300 text-sm focus:border-brand-500 focus:ring-brand-500"
                      value={mapping[header] ?? ""}
                      onChange={(event) => setMapping({ ...mapping, [header]: event.target.value || null })}
                    >
                      <option value="">Ignore this column</option>
                      {run.fields.map((field) => (
                        <option key={field.key} value={field.key}>
                          {field.label}
                          {field.required ? " (required)" : ""}
                          {field.list ? " — list" : ""}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CardBody className="space-y-4 border-t border-slate-100">
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">Rows with problems</legend>
            <div className="mt-2 flex flex-wrap gap-6 text-sm">
              {(["reject", "skip"] as const).map((choice) => (
                <label key={choice} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="onInvalidRows"
                    value={choice}
                    checked={onInvalidRows === choice}
                    onChange={() => setOnInvalidRows(choice)}
                  />
                  {choice === "reject"
                    ? "Import nothing until every row is valid"
                    : "Import the valid rows and skip the others"}
                </label>
              ))}
            </div>
          </fieldset>
          {required.length > 0 ? (
            <Alert tone="warning">Match a column to {required.map((f) => f.label).join(", ")}.</Alert>
          ) : null}
          {validate.isError ? <Alert tone="danger">{errorMessage(validate.error)}</Alert> : null}
          <div className="flex justify-end">
            <Button
              type="submit"
              loading={validate.isPending}
              loadingText="Checking every row…"
              disabled={required.length > 0}
            >
              Check the rows
            </Button>
          </div>
        </CardBody>
      </form>
    </Card>
  );
}

/** What will happen, and every problem with its line, before anything is written. */
export function ReviewStep({
  kind,
  label,
  run,
  onStarted,
  onRestart,
}: {
  kind: string;
  label: string;
  run: ImportRun;
  onStarted: (run: ImportRun) => void;
  onRestart: () => void;
}) {
  const start = useMutation({ mutationFn: () => importsApi.start(kind, run.id), onSuccess: onStarted });
  const skipping = run.onInvalidRows === "skip";
  const report = run.report;
  if (!report) return null;
  const stats = [
    ["New records", report.willCreate],
    ["Updates", report.willUpdate],
    ["Valid rows", report.validRows],
    ["Rows with problems", report.invalidRows],
  ] as const;
  return (
    <Card>
      <CardHeader title="Review" description="Nothing has been written yet." />
      <CardBody className="space-y-5">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {stats.map(([label, value]) => (
            <div key={label} className="rounded-lg bg-slate-50 p-4">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd
                className={`mt-1 text-2xl font-semibold ${label === "Rows with problems" && value > 0 ? "text-red-700" : "text-slate-900"}`}
              >
                {value.toLocaleString()}
              </dd>
            </div>
          ))}
        </dl>
        {report.invalidRows > 0 ? (
          <>
            <Alert
              tone={skipping ? "warning" : "danger"}
              title={`${report.invalidRows.toLocaleString()} rows ${skipping ? "will be skipped" : "need fixing"}`}
            >
              {skipping
                ? "They are listed below and in the final report; every other row is imported."
                : "Correct them in the file and upload it again, or choose to skip them above."}
            </Alert>
            <div className="max-h-96 overflow-auto rounded-lg ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Problems by line</caption>
                <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      Line
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Column
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {report.errors.map((error) => (
                    <tr key={`${error.row}-${error.field}-${error.message}`}>
                      <td className="px-4 py-2 tabular-nums">{error.row}</td>
                      <td className="px-4 py-2">{error.column ?? "—"}</td>
                      <td className="px-4 py-2 text-slate-700">{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {report.errorCount > report.errors.length ? (
              <p className="text-sm text-slate-500">
                Showing the first {report.errors.length} of {report.errorCount.toLocaleString()} problems.
              </p>
            ) : null}
            <Button variant="secondary" onClick={onRestart}>
              Upload a corrected file
            </Button>
          </>
        ) : null}
        {(report.invalidRows === 0 || skipping) && report.validRows > 0 ? (
          <>
            {start.isError ? <Alert tone="danger">{errorMessage(start.error)}</Alert> : null}
            <div className="flex justify-end">
              <Button onClick={() => start.mutate()} loading={start.isPending} loadingText="Starting…">
                Import {report.validRows.toLocaleString()} {label.toLowerCase()}
              </Button>
            </div>
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
