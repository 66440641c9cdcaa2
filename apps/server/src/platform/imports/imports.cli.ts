import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ImportReport } from "@symbiont/contracts";
import { type Database, transaction } from "../../db";
import { AppError } from "../errors";
import { mappingProblems, suggestMapping } from "./imports.mapping";
import { fieldsOf, findImportKind, listImportKinds } from "./imports.registry";
import { readImportFile } from "./imports.service";
import { validateImportRows } from "./imports.validate";
import { writeImportRows } from "./imports.write";

export class ImportCommandError extends Error {}

export interface ImportCommandIo {
  /** The report and the result (stdout). */
  out(line: string): void;
  /** Progress (stderr): the bar redraws in place on a terminal. */
  progress(text: string): void;
  /** The workspace to import into, from `--workspace <slug>` or the only one there is. */
  workspace(slug: string | undefined): Promise<{ id: string; name: string }>;
}

/**
 * `symbiont import <kind> <file.csv> [--mapping map.json] [--dry-run] [--on-invalid reject|skip]
 * [--workspace <slug>]`: the console's checks, then ONE transaction with a progress bar. Answers
 * the exit code: 0 imported (or dry run clean), 1 rejected or mapping problems.
 */
export async function runImportCommand(database: Database, args: string[], io: ImportCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mapping: { type: "string" },
      "dry-run": { type: "boolean" },
      "on-invalid": { type: "string", default: "reject" },
      workspace: { type: "string" },
    },
  });
  const [kindName, file, ...extra] = positionals;
  const kinds = listImportKinds().map((k) => k.kind);
  const kind = kindName ? findImportKind(kindName) : undefined;
  if (!kindName || !kind) throw new ImportCommandError(`import needs a kind: ${kinds.join(", ")}`);
  if (!file || extra.length > 0) throw new ImportCommandError(`import ${kindName} needs exactly one CSV file`);
  const onInvalid = values["on-invalid"];
  if (onInvalid !== "reject" && onInvalid !== "skip") throw new ImportCommandError("--on-invalid is reject or skip");
  const workspace = await io.workspace(values.workspace);

  let parsed: ReturnType<typeof readImportFile>;
  try {
    parsed = readImportFile(readFileSync(file));
  } catch (error) {
    if (error instanceof AppError) {
      io.out(`✗ ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const fields = await fieldsOf(kind, database.db, workspace.id);
  const mapping = values.mapping
    ? (JSON.parse(readFileSync(values.mapping, "utf8")) as Record<string, string | null>)
    : suggestMapping(parsed.headers, fields);
  io.out(`Mapping (${values.mapping ? values.mapping : "suggested from the headers"}):`);
  for (const header of parsed.headers) io.out(`  ${header.padEnd(28)} → ${mapping[header] ?? "(ignored)"}`);
  const problems = mappingProblems(parsed.headers, mapping, fields);
  if (problems.length > 0) {
    for (const problem of problems) io.out(`✗ ${problem}`);
    io.out(`Fields: ${fields.map((f) => f.key).join(", ")}`);
    io.out('Write a mapping file ({"Column header": "field"}) and pass it with --mapping.');
    return 1;
  }

  const { valid, report } = await validateImportRows(database.db, workspace.id, kind, fields, parsed, mapping);
  printReport(io, report);
  if (report.invalidRows > 0 && onInvalid === "reject") {
    io.out("Nothing was imported (use --on-invalid skip to import the valid rows).");
    return 1;
  }
  if (values["dry-run"]) {
    io.out("Dry run: nothing was imported.");
    return 0;
  }
  const started = Date.now();
  const source = {
    actor: { kind: "system" as const, workspaceId: workspace.id, label: `symbiont import ${kind.kind}` },
  };
  const result = await transaction(database, async (tx) => {
    // Re-validated inside the transaction, as the console's job does.
    const again = await validateImportRows(tx, workspace.id, kind, fields, parsed, mapping);
    if (again.report.invalidRows !== report.invalidRows)
      throw new ImportCommandError("The data changed while validating; run the import again");
    return writeImportRows(tx, kind, { workspaceId: workspace.id, source, importId: null }, again.valid, async (done) =>
      io.progress(progressBar(done, valid.length)),
    );
  });
  const seconds = (Date.now() - started) / 1000;
  io.out(
    `Imported ${kind.label.toLowerCase()} into ${workspace.name}: ${result.created} created, ${result.updated} updated, ` +
      `${report.invalidRows + result.skipped} skipped (${seconds.toFixed(1)} s).`,
  );
  return 0;
}

function printReport(io: ImportCommandIo, report: ImportReport) {
  io.out(
    `${report.totalRows} rows: ${report.validRows} valid, ${report.invalidRows} invalid; ` +
      `${report.willCreate} to create, ${report.willUpdate} to update`,
  );
  for (const error of report.errors.slice(0, 20))
    io.out(`  line ${error.row}${error.column ? `, ${error.column}` : ""}: ${error.message}`);
  if (report.errorCount > 20) io.out(`  … and ${report.errorCount - 20} more`);
}

export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} rows (${Math.round(share * 100)}%)`;
}
