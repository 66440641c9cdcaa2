import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Database, transaction } from "../../db";
import { workspaces } from "../workspaces/workspaces.schema";
import { readImportFile } from "./partners.import";
import { preparePartnerImport } from "./partners.import.prepare";
import { importFieldsFor, mappingProblems, suggestMapping } from "./partners.import.rules";
import { writePartnerImport } from "./partners.import.write";
import { listCustomFieldDefinitions } from "./partners.queries";

export class ImportUsageError extends Error {}

type Out = (text: string) => void;

/**
 * `symbiont import partners <file.csv> [--mapping map.json] [--dry-run] [--on-duplicate skip|update]
 * [--workspace <slug>]`: the same checks as the console, then one transaction with a progress bar.
 * Answers the exit code.
 */
export async function runPartnerImportCommand(database: Database, args: string[], out: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mapping: { type: "string" },
      "dry-run": { type: "boolean" },
      "on-duplicate": { type: "string", default: "skip" },
      workspace: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ImportUsageError("import partners needs exactly one CSV file");
  const onDuplicate = values["on-duplicate"];
  if (onDuplicate !== "skip" && onDuplicate !== "update")
    throw new ImportUsageError("--on-duplicate is skip or update");
  const workspace = await chooseWorkspace(database, values.workspace);

  const parsed = readImportFile(readFileSync(file));
  const definitions = await listCustomFieldDefinitions(database.db, workspace.id);
  const fields = importFieldsFor(definitions);
  const mapping = values.mapping
    ? (JSON.parse(readFileSync(values.mapping, "utf8")) as Record<string, string | null>)
    : suggestMapping(parsed.headers, fields);
  out(`Mapping (${values.mapping ? values.mapping : "suggested from the headers"}):`);
  for (const header of parsed.headers) out(`  ${header.padEnd(28)} → ${mapping[header] ?? "(ignored)"}`);
  const problems = mappingProblems(parsed.headers, mapping, fields);
  if (problems.length > 0) {
    for (const problem of problems) out(`✗ ${problem}`);
    out('Write a mapping file ({"Column header": "field"}) and pass it with --mapping.');
    return 1;
  }

  const { rows, report } = await preparePartnerImport(database.db, workspace.id, {
    ...parsed,
    mapping,
    onDuplicate,
    fields,
    definitions,
  });
  out(
    `${report.totalRows} rows: ${report.validRows} valid, ${report.invalidRows} invalid; ` +
      `${report.willCreate} to create, ${report.willUpdate} to update, ${report.willSkip} duplicates to skip`,
  );
  if (report.invalidRows > 0) {
    for (const error of report.errors.slice(0, 20))
      out(`  line ${error.row}${error.column ? `, ${error.column}` : ""}: ${error.message}`);
    if (report.errorCount > 20) out(`  … and ${report.errorCount - 20} more`);
    out("Nothing was imported.");
    return 1;
  }
  if (values["dry-run"]) {
    out("Dry run: nothing was imported.");
    return 0;
  }
  const started = Date.now();
  const source = { actor: { kind: "system" as const, workspaceId: workspace.id, label: "symbiont import partners" } };
  const result = await transaction(database, (tx) =>
    writePartnerImport(tx, source, workspace.id, rows, async (done) => out(progressBar(done, rows.length))),
  );
  const seconds = (Date.now() - started) / 1000;
  out(
    `Imported into ${workspace.name}: ${result.created} created, ${result.updated} updated, ${report.willSkip} skipped (${seconds.toFixed(1)} s).`,
  );
  return 0;
}

async function chooseWorkspace(database: Database, slug: string | undefined) {
  const all = await database.db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug })
    .from(workspaces);
  if (slug) {
    const found = all.find((w) => w.slug === slug);
    if (!found)
      throw new ImportUsageError(`No workspace "${slug}" (there are: ${all.map((w) => w.slug).join(", ") || "none"})`);
    return found;
  }
  const [only, ...rest] = all;
  if (!only) throw new ImportUsageError("There is no workspace yet: run `symbiont create-admin` first");
  if (rest.length > 0)
    throw new ImportUsageError(`Choose a workspace with --workspace (${all.map((w) => w.slug).join(", ")})`);
  return only;
}

export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} rows (${Math.round(share * 100)}%)`;
}
