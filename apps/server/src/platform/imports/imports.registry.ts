import type { ImportRowError, VendorRole } from "@symbiont/contracts";
import type { z } from "zod";
import type { DbOrTx, Tx } from "../../db";
import type { AuditSource } from "../audit";
import { notFound } from "../errors";

/** A field a CSV column can map to. `list` fields split a cell on `;` or `|`. */
export interface ImportField {
  key: string;
  label: string;
  required?: boolean;
  list?: boolean;
  /** Header spellings that suggest this field (compared without case, accents or punctuation). */
  aliases: readonly string[];
  description?: string;
}

/** A row that passed `validateRow`: its line in the file (the header is line 1) and its value. */
export interface ValidRow<Row> {
  row: number;
  value: Row;
}

export interface ImportCheck {
  errors: ImportRowError[];
  willUpdate?: number;
}

export interface ImportWriteContext {
  workspaceId: string;
  source: AuditSource;
  importId: string | null;
}

export interface ImportWriteResult {
  created: number;
  updated: number;
  /** Rows the kind chose not to write (e.g. unchanged duplicates). */
  skipped?: number;
}

/**
 * One kind of CSV import. The platform reads the file, maps columns to `fields`, refuses
 * formula-like cells, hands each row's cells to `validateRow`, optionally checks the whole file
 * against the database with `checkRows`, and writes the valid rows with `writeBatch` inside ONE
 * transaction (batches of `batchSize`).
 */
export interface ImportKind<Row = unknown> {
  /** URL and CLI name: `accounts`, `revenue-events` … */
  kind: string;
  label: string;
  /** Staff roles allowed to import (every staff role may read runs). Default: admin, partner_manager. */
  roles?: readonly VendorRole[];
  /** The fields a column can map to; a function when they depend on the workspace (custom fields). */
  fields: readonly ImportField[] | ((db: DbOrTx, workspaceId: string) => Promise<readonly ImportField[]>);
  /**
   * Validates one row. It receives an object of the mapped cells — field key → trimmed text, or
   * text[] for `list` fields; unmapped and empty cells are absent — and answers the row to write.
   * The first segment of each issue's path names the field, so the report points at the column.
   */
  validateRow: z.ZodType<Row>;
  /**
   * Checks the valid rows together and against the database (duplicates within the file, unknown
   * references …). Writes nothing. Answers one error per problem (a row with an error is invalid)
   * and, when the kind can tell, how many of the rows would update existing records.
   */
  checkRows?(db: DbOrTx, workspaceId: string, rows: readonly ValidRow<Row>[]): Promise<ImportCheck>;
  /** Writes one batch with set-based SQL, inside the import's transaction; records its audit entries. */
  writeBatch(tx: Tx, context: ImportWriteContext, rows: readonly ValidRow<Row>[]): Promise<ImportWriteResult>;
  /** Rows per `writeBatch` call (default 5,000). */
  batchSize?: number;
}

// Kinds of different row types share one registry (the row-taking members are methods, so each
// kind fits `unknown` and is used with its own type where it is defined).
type AnyImportKind = ImportKind<unknown>;

const registry = new Map<string, AnyImportKind>();

export const defaultImporters: readonly VendorRole[] = ["admin", "partner_manager"];

/** Types a kind's definition (rows flow from `validateRow` to `writeBatch`); register it in `src/imports.ts`. */
export function defineImportKind<Row>(kind: ImportKind<Row>): ImportKind<Row> {
  return kind;
}

/** Adds a kind to the registry (once per process; registering a name twice is a programming error). */
export function registerImportKind<Row>(kind: ImportKind<Row>): ImportKind<Row> {
  const existing = registry.get(kind.kind);
  if (existing && existing !== kind) throw new Error(`Import kind "${kind.kind}" is registered twice`);
  registry.set(kind.kind, kind as AnyImportKind);
  return kind;
}

/** The kind named in a URL or on the command line; unknown kinds answer 404. */
export function getImportKind(name: string): AnyImportKind {
  const kind = registry.get(name);
  if (!kind) throw notFound(`There is no "${name}" import (known: ${[...registry.keys()].sort().join(", ")})`);
  return kind;
}

export function findImportKind(name: string): AnyImportKind | undefined {
  return registry.get(name);
}

export function listImportKinds(): AnyImportKind[] {
  return [...registry.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

export async function fieldsOf(kind: AnyImportKind, db: DbOrTx, workspaceId: string): Promise<readonly ImportField[]> {
  return typeof kind.fields === "function" ? kind.fields(db, workspaceId) : kind.fields;
}
