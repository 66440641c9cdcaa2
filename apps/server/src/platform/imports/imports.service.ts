import type { ImportInvalidRowsStrategy, ImportKindInfo, ImportReport, ImportRun } from "@symbiont/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, type DbOrTx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../audit";
import { requireVendor } from "../authz";
import { auditSource, type ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { defineJob } from "../jobs";
import { CsvFileError, decodeCsv, parseCsv } from "./imports.csv";
import { mappingProblems, suggestMapping } from "./imports.mapping";
import {
  defaultImporters,
  fieldsOf,
  getImportKind,
  type ImportField,
  type ImportKind,
  listImportKinds,
} from "./imports.registry";
import { importRuns } from "./imports.schema";
import { validateImportRows } from "./imports.validate";
import { writeImportRows } from "./imports.write";

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

type RunRow = typeof importRuns.$inferSelect;
interface RunOptions {
  onDuplicate?: "skip" | "update";
  onInvalidRows?: ImportInvalidRowsStrategy;
  headers?: string[];
}

/** Reads an uploaded file, or says exactly why it cannot be read (400 naming the body field). */
export function readImportFile(bytes: Uint8Array) {
  if (bytes.length > MAX_IMPORT_BYTES) throw fileError("The file is larger than 20 MB; split it into smaller files");
  try {
    const text = decodeCsv(bytes);
    const parsed = parseCsv(text, MAX_IMPORT_ROWS);
    if (parsed.rows.length > MAX_IMPORT_ROWS) {
      throw new CsvFileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it`);
    }
    if (parsed.rows.length === 0) throw new CsvFileError("The file has column names but no rows to import", 2);
    return { ...parsed, text };
  } catch (error) {
    if (error instanceof CsvFileError) throw fileError(error.message, error.line);
    throw error;
  }
}

function fileError(message: string, line: number | null = null) {
  return new AppError("IMPORT_FILE_INVALID", {
    message,
    details: { line, issues: [{ path: "body.contentBase64", message, code: "invalid_file" }] },
  });
}

const rolesOf = (kind: ImportKind) => kind.roles ?? defaultImporters;

function toView(run: RunRow, fields: readonly ImportField[]): ImportRun {
  const parsed = run.content ? parseCsv(run.content, 5) : null;
  const options = run.options as RunOptions;
  const report = run.report as Partial<ImportReport>;
  return {
    id: run.id,
    kind: run.kind,
    status: run.status as ImportRun["status"],
    fileName: run.fileName,
    headers: parsed?.headers ?? options.headers ?? [],
    sample: parsed?.rows.slice(0, 5) ?? [],
    fields: fields.map((f) => ({ key: f.key, label: f.label, required: Boolean(f.required), list: Boolean(f.list) })),
    mapping: run.mapping as Record<string, string | null>,
    onDuplicate: options.onDuplicate ?? "skip",
    onInvalidRows: options.onInvalidRows ?? "reject",
    totalRows: run.totalRows,
    processedRows: run.processedRows,
    report: report.totalRows === undefined ? null : (report as ImportReport),
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

async function loadRun(db: DbOrTx, workspaceId: string, kind: string, id: string): Promise<RunRow> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, id), eq(importRuns.kind, kind)));
  if (!run) throw notFound("Import not found");
  return run;
}

/** The kinds this workspace can import, with their fields (for the wizard and the CLI's help). */
export async function listImportKindInfos(ctx: ServiceContext): Promise<{ items: ImportKindInfo[] }> {
  requireVendor(ctx.actor);
  const items: ImportKindInfo[] = [];
  for (const kind of listImportKinds()) {
    const fields = await fieldsOf(kind, ctx.database.db, ctx.actor.workspaceId);
    items.push({
      kind: kind.kind,
      label: kind.label,
      roles: [...rolesOf(kind)],
      fields: fields.map((f) => ({
        key: f.key,
        label: f.label,
        required: Boolean(f.required),
        list: Boolean(f.list),
        description: f.description ?? null,
      })),
    });
  }
  return { items };
}

/** Step 1: upload. Checks encoding and structure, suggests a mapping, stores the file. */
export async function createImport(
  ctx: ServiceContext,
  kindName: string,
  input: { fileName: string; contentBase64: string },
): Promise<ImportRun> {
  const kind = getImportKind(kindName);
  requireVendor(ctx.actor, rolesOf(kind));
  const parsed = readImportFile(Buffer.from(input.contentBase64, "base64"));
  const fields = await fieldsOf(kind, ctx.database.db, ctx.actor.workspaceId);
  const mapping = suggestMapping(parsed.headers, fields);
  const run = await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .insert(importRuns)
      .values({
        workspaceId: ctx.actor.workspaceId,
        kind: kind.kind,
        status: "uploaded",
        fileName: input.fileName,
        content: parsed.text,
        mapping,
        options: { onDuplicate: "skip", onInvalidRows: "reject", headers: parsed.headers } satisfies RunOptions,
        totalRows: parsed.rows.length,
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!row) throw new Error("import insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "import.uploaded",
      entityType: "import",
      entityId: row.id,
      after: { kind: kind.kind, fileName: input.fileName, rows: parsed.rows.length },
    });
    return row;
  });
  return toView(run, fields);
}

/** Step 2: map columns and validate every row (the preview). Changes nothing but the run. */
export async function validateImport(
  ctx: ServiceContext,
  kindName: string,
  id: string,
  input: {
    mapping: Record<string, string | null>;
    onDuplicate: "skip" | "update";
    onInvalidRows: ImportInvalidRowsStrategy;
  },
): Promise<ImportRun> {
  const kind = getImportKind(kindName);
  requireVendor(ctx.actor, rolesOf(kind));
  const { db } = ctx.database;
  const run = await loadRun(db, ctx.actor.workspaceId, kind.kind, id);
  if (!["uploaded", "validated", "invalid"].includes(run.status) || !run.content) {
    throw new AppError("IMPORT_NOT_READY", {
      message: `The import is ${run.status}; upload the file again to change it`,
    });
  }
  const fields = await fieldsOf(kind, db, ctx.actor.workspaceId);
  const file = parseCsv(run.content, MAX_IMPORT_ROWS);
  const problems = mappingProblems(file.headers, input.mapping, fields);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      message: problems[0],
      details: { issues: problems.map((message) => ({ path: "body.mapping", message, code: "invalid_mapping" })) },
    });
  }
  const { report } = await validateImportRows(db, ctx.actor.workspaceId, kind, fields, file, input.mapping);
  const options: RunOptions = {
    onDuplicate: input.onDuplicate,
    onInvalidRows: input.onInvalidRows,
    headers: file.headers,
  };
  const [updated] = await transaction(ctx.database, async (tx) => {
    await recordAudit(tx, auditSource(ctx), {
      action: "import.validated",
      entityType: "import",
      entityId: id,
      after: { kind: kind.kind, invalidRows: report.invalidRows, validRows: report.validRows },
    });
    return tx
      .update(importRuns)
      .set({ mapping: input.mapping, options, report, status: report.invalidRows > 0 ? "invalid" : "validated" })
      .where(and(eq(importRuns.workspaceId, ctx.actor.workspaceId), eq(importRuns.id, id)))
      .returning();
  });
  if (!updated) throw notFound("Import not found");
  return toView(updated, fields);
}

/** Step 3: start. Refused while rows are invalid under `reject`; otherwise queued for the worker. */
export async function startImport(ctx: ServiceContext, kindName: string, id: string): Promise<ImportRun> {
  const kind = getImportKind(kindName);
  requireVendor(ctx.actor, rolesOf(kind));
  const fields = await fieldsOf(kind, ctx.database.db, ctx.actor.workspaceId);
  const run = await transaction(ctx.database, async (tx) => {
    const current = await loadRun(tx, ctx.actor.workspaceId, kind.kind, id);
    const options = current.options as RunOptions;
    const report = current.report as ImportReport;
    if (current.status === "invalid" && (options.onInvalidRows ?? "reject") === "reject") {
      throw new AppError("IMPORT_HAS_ERRORS", {
        message: `${report.invalidRows} row${report.invalidRows === 1 ? " has" : "s have"} problems; fix the file or choose to skip invalid rows. Nothing was imported.`,
        details: { invalidRows: report.invalidRows },
      });
    }
    if (current.status === "invalid" && report.validRows === 0) {
      throw new AppError("IMPORT_HAS_ERRORS", { message: "No row is valid; nothing to import" });
    }
    if (current.status !== "validated" && current.status !== "invalid") {
      throw new AppError("IMPORT_NOT_READY", { message: `The import is ${current.status}; map and validate it first` });
    }
    const [queued] = await tx
      .update(importRuns)
      .set({ status: "queued" })
      .where(and(eq(importRuns.workspaceId, current.workspaceId), eq(importRuns.id, id)))
      .returning();
    await ctx.jobs.enqueue(tx, runImportJob, {
      workspaceId: current.workspaceId,
      importId: id,
      actorLabel: ctx.actor.label,
    });
    await recordAudit(tx, auditSource(ctx), { action: "import.started", entityType: "import", entityId: id });
    return queued ?? current;
  });
  return toView(run, fields);
}

export async function getImport(ctx: ServiceContext, kindName: string, id: string): Promise<ImportRun> {
  requireVendor(ctx.actor);
  const kind = getImportKind(kindName);
  const run = await loadRun(ctx.database.db, ctx.actor.workspaceId, kind.kind, id);
  return toView(run, await fieldsOf(kind, ctx.database.db, ctx.actor.workspaceId));
}

export async function listImports(ctx: ServiceContext, kindName: string): Promise<{ items: ImportRun[] }> {
  requireVendor(ctx.actor);
  const kind = getImportKind(kindName);
  const rows = await ctx.database.db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.workspaceId, ctx.actor.workspaceId), eq(importRuns.kind, kind.kind)))
    .orderBy(desc(importRuns.createdAt))
    .limit(20);
  const fields = await fieldsOf(kind, ctx.database.db, ctx.actor.workspaceId);
  return { items: rows.map((row) => toView({ ...row, content: null }, fields)) };
}

/**
 * Runs a queued import in ONE transaction: every row is validated again against the data as it is
 * now, then the valid rows are written in batches; any failure leaves everything untouched.
 */
export async function executeImport(
  database: Database,
  source: AuditSource,
  workspaceId: string,
  importId: string,
): Promise<ImportReport> {
  const [found] = await database.db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, importId)));
  if (!found) throw notFound("Import not found");
  const run = found;
  if (!run.content) throw new AppError("IMPORT_NOT_READY", { message: "The file of this import is gone" });
  const kind = getImportKind(run.kind);
  const options = run.options as RunOptions;
  const mapping = run.mapping as Record<string, string | null>;
  const file = parseCsv(run.content, MAX_IMPORT_ROWS);
  await setRun(database.db, workspaceId, importId, { status: "importing", processedRows: 0 });
  try {
    return await transaction(database, async (tx) => {
      const fields = await fieldsOf(kind, tx, workspaceId);
      const { valid, report } = await validateImportRows(tx, workspaceId, kind, fields, file, mapping);
      if (report.invalidRows > 0 && (options.onInvalidRows ?? "reject") === "reject") {
        throw new AppError("IMPORT_HAS_ERRORS", {
          message: `${report.invalidRows} row${report.invalidRows === 1 ? " is" : "s are"} no longer valid; validate again. Nothing was imported.`,
        });
      }
      // Progress from inside the transaction is only visible on PostgreSQL (a second connection).
      const progress = async (done: number) => {
        if (database.kind === "postgres") await setRun(database.db, workspaceId, importId, { processedRows: done });
      };
      const written = await writeImportRows(tx, kind, { workspaceId, source, importId }, valid, progress);
      const result: ImportReport = {
        ...report,
        result: { created: written.created, updated: written.updated, skipped: report.invalidRows + written.skipped },
      };
      await tx
        .update(importRuns)
        .set({
          status: "completed",
          processedRows: file.rows.length,
          report: result,
          content: null,
          finishedAt: sql`now()`,
        })
        .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, importId)));
      await recordAudit(tx, source, {
        action: "import.completed",
        entityType: "import",
        entityId: importId,
        after: { kind: kind.kind, ...result.result },
      });
      return result;
    });
  } catch (error) {
    const failure = error instanceof AppError ? error.message : "The import failed and nothing was changed";
    await setRun(database.db, workspaceId, importId, {
      status: "failed",
      report: { ...(run.report as object), failure },
      finishedAt: new Date(),
    });
    throw error;
  }
}

async function setRun(db: DbOrTx, workspaceId: string, id: string, values: Partial<typeof importRuns.$inferInsert>) {
  await db
    .update(importRuns)
    .set(values)
    .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, id)));
}

export const runImportJob = defineJob({
  name: "imports.run",
  payload: z.object({ workspaceId: z.uuid(), importId: z.uuid(), actorLabel: z.string() }),
  retryLimit: 0,
  async handler({ workspaceId, importId, actorLabel }, { database }) {
    const source = { actor: { kind: "system" as const, workspaceId, label: `import by ${actorLabel}` } };
    await executeImport(database, source, workspaceId, importId);
  },
});
