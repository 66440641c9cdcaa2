import type { ImportReport, ImportRowError } from "@symbiont/contracts";
import type { DbOrTx } from "../../db";
import { looksLikeFormula, type ParsedCsv } from "./imports.csv";
import type { ImportField, ImportKind, ValidRow } from "./imports.registry";

const REPORT_LIMIT = 500;

export interface ImportValidation<Row> {
  valid: ValidRow<Row>[];
  report: ImportReport;
}

/** Splits a list cell on `;` or `|` (commas stay: company names and notes contain them). */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Validates every row of a file for a kind: mapped cells → `validateRow` → `checkRows`. Writes
 * nothing. The report lists problems by line, column and field, the first 500 in full.
 */
export async function validateImportRows<Row>(
  db: DbOrTx,
  workspaceId: string,
  kind: ImportKind<Row>,
  fields: readonly ImportField[],
  file: ParsedCsv,
  mapping: Record<string, string | null>,
): Promise<ImportValidation<Row>> {
  const errors: ImportRowError[] = [];
  const invalid = new Set<number>();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const columnOf = new Map<string, string>();
  const mapped: { index: number; header: string; field: ImportField }[] = [];
  file.headers.forEach((header, index) => {
    const key = mapping[header];
    const field = key ? byKey.get(key) : undefined;
    if (!field) return;
    mapped.push({ index, header, field });
    columnOf.set(field.key, header);
  });
  const fail = (row: number, field: string | null, message: string, column = field ? columnOf.get(field) : null) => {
    errors.push({ row, column: column ?? null, field, message });
    invalid.add(row);
  };

  let valid: ValidRow<Row>[] = [];
  file.rows.forEach((cells, index) => {
    const row = index + 2;
    const input: Record<string, string | string[]> = {};
    let refused = false;
    for (const { index: at, header, field } of mapped) {
      const raw = (cells[at] ?? "").trim();
      if (raw === "") continue;
      if (looksLikeFormula(raw)) {
        fail(row, field.key, `starts with "${raw[0]}" like a spreadsheet formula; formulas are not accepted`, header);
        refused = true;
        continue;
      }
      input[field.key] = field.list ? splitList(raw) : raw;
    }
    if (refused) return;
    const parsed = kind.validateRow.safeParse(input);
    if (parsed.success) {
      valid.push({ row, value: parsed.data });
      return;
    }
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : null;
      const known = field && byKey.has(field) ? field : null;
      const message = issue.code === "invalid_type" && input[field ?? ""] === undefined ? "is required" : issue.message;
      const key = `${field}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fail(row, known, known ? message : `${field ?? "row"}: ${message}`);
    }
  });

  let willUpdate = 0;
  if (kind.checkRows && valid.length > 0) {
    const check = await kind.checkRows(db, workspaceId, valid);
    for (const error of check.errors) {
      errors.push({ ...error, column: error.column ?? (error.field ? (columnOf.get(error.field) ?? null) : null) });
      invalid.add(error.row);
    }
    valid = valid.filter((r) => !invalid.has(r.row));
    willUpdate = Math.min(check.willUpdate ?? 0, valid.length);
  }

  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    totalRows: file.rows.length,
    validRows: valid.length,
    invalidRows: invalid.size,
    errors: errors.slice(0, REPORT_LIMIT),
    errorCount: errors.length,
    duplicates: [],
    duplicateCount: 0,
    willCreate: valid.length - willUpdate,
    willUpdate,
    willSkip: 0,
  };
  return { valid, report };
}
