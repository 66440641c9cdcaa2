import type { CustomFieldType, ImportReport, ImportRun } from "@symbiont/contracts";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, type DbOrTx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { importRuns } from "../../platform/imports/imports.schema";
import { defineJob } from "../../platform/jobs";
import { CsvFileError, decodeCsv, parseCsv } from "./partners.csv";
import { preparePartnerImport } from "./partners.import.prepare";
import { importFieldsFor, mappingProblems, suggestMapping } from "./partners.import.rules";
import { writePartnerImport } from "./partners.import.write";
import { partnerCustomFields } from "./partners.schema";

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const importers = ["admin", "partner_manager"] as const;

type RunRow = typeof importRuns.$inferSelect;

declare module "../../platform/events" {
  interface EventMap {
    "partners.imported": { importId: string; created: number; updated: number; skipped: number };
  }
}

/** Reads the uploaded file, or says exactly why it cannot be read. */
export function readImportFile(bytes: Uint8Array) {
  if (bytes.length > MAX_IMPORT_BYTES) throw fileError("The file is larger than 20 MB; split it into smaller files");
  try {
    const parsed = parseCsv(decodeCsv(bytes), MAX_IMPORT_ROWS);
    if (parsed.rows.length > MAX_IMPORT_ROWS) {
      throw new CsvFileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it`);
    }
    if (parsed.rows.length === 0) throw new CsvFileError("The file has column names but no rows to import", 2);
    return parsed;
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

async function definitionsOf(db: DbOrTx, workspaceId: string) {
  const rows = await db
    .select({
      key: partnerCustomFields.key,
      label: partnerCustomFields.label,
      type: partnerCustomFields.type,
      options: partnerCustomFields.options,
      required: partnerCustomFields.required,
    })
    .from(partnerCustomFields)
    .where(eq(partnerCustomFields.workspaceId, workspaceId))
    .orderBy(asc(partnerCustomFields.position));
  return rows.map((row) => ({ ...row, type: row.type as CustomFieldType }));
}

function toView(run: RunRow, fields: ReturnType<typeof importFieldsFor>): ImportRun {
  const parsed = run.content ? parseCsv(run.content, 5) : null;
  const options = run.options as { onDuplicate?: "skip" | "update"; headers?: string[] };
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
    onInvalidRows: "reject",
    totalRows: run.totalRows,
    processedRows: run.processedRows,
    report: report.totalRows === undefined ? null : (report as ImportReport),
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

async function loadRun(db: DbOrTx, workspaceId: string, id: string): Promise<RunRow> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, id), eq(importRuns.kind, "partners")));
  if (!run) throw notFound("Import not found");
  return run;
}

/** Step 1: upload. Checks encoding and structure, suggests a mapping, stores the file. */
export async function createPartnerImport(
  ctx: ServiceContext,
  input: { fileName: string; contentBase64: string },
): Promise<ImportRun> {
  requireVendor(ctx.actor, importers);
  const bytes = Buffer.from(input.contentBase64, "base64");
  const parsed = readImportFile(bytes);
  const definitions = await definitionsOf(ctx.database.db, ctx.actor.workspaceId);
  const fields = importFieldsFor(definitions);
  const mapping = suggestMapping(parsed.headers, fields);
  const run = await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .insert(importRuns)
      .values({
        workspaceId: ctx.actor.workspaceId,
        kind: "partners",
        status: "uploaded",
        fileName: input.fileName,
        content: parsed.headers.length > 0 ? bytesToText(bytes) : null,
        mapping,
        options: { onDuplicate: "skip", headers: parsed.headers },
        totalRows: parsed.rows.length,
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!row) throw new Error("import insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "import.uploaded",
      entityType: "import",
      entityId: row.id,
      after: { kind: "partners", fileName: input.fileName, rows: parsed.rows.length },
    });
    return row;
  });
  return toView(run, fields);
}

const bytesToText = (bytes: Uint8Array) => decodeCsv(bytes);

/** Step 2: map columns and validate every row. Changes nothing in the directory. */
export async function validatePartnerImport(
  ctx: ServiceContext,
  id: string,
  input: { mapping: Record<string, string | null>; onDuplicate: "skip" | "update" },
): Promise<ImportRun> {
  requireVendor(ctx.actor, importers);
  const { db } = ctx.database;
  const run = await loadRun(db, ctx.actor.workspaceId, id);
  if (!["uploaded", "validated", "invalid"].includes(run.status) || !run.content) {
    throw new AppError("IMPORT_NOT_READY", {
      message: `The import is ${run.status}; upload the file again to change it`,
    });
  }
  const definitions = await definitionsOf(db, ctx.actor.workspaceId);
  const fields = importFieldsFor(definitions);
  const parsed = parseCsv(run.content, MAX_IMPORT_ROWS);
  const problems = mappingProblems(parsed.headers, input.mapping, fields);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      message: problems[0],
      details: { issues: problems.map((message) => ({ path: "body.mapping", message, code: "invalid_mapping" })) },
    });
  }
  const { report } = await preparePartnerImport(db, ctx.actor.workspaceId, {
    ...parsed,
    ...input,
    fields,
    definitions,
  });
  const [updated] = await transaction(ctx.database, async (tx) => {
    await recordAudit(tx, auditSource(ctx), {
      action: "import.validated",
      entityType: "import",
      entityId: id,
      after: { invalidRows: report.invalidRows, willCreate: report.willCreate, willUpdate: report.willUpdate },
    });
    return tx
      .update(importRuns)
      .set({
        mapping: input.mapping,
        options: { onDuplicate: input.onDuplicate, headers: parsed.headers },
        report,
        status: report.invalidRows > 0 ? "invalid" : "validated",
      })
      .where(and(eq(importRuns.workspaceId, ctx.actor.workspaceId), eq(importRuns.id, id)))
      .returning();
  });
  if (!updated) throw notFound("Import not found");
  return toView(updated, fields);
}

/** Step 3: import. Refused while any row is invalid; otherwise queued for the worker. */
export async function startPartnerImport(ctx: ServiceContext, id: string): Promise<ImportRun> {
  requireVendor(ctx.actor, importers);
  const fields = importFieldsFor(await definitionsOf(ctx.database.db, ctx.actor.workspaceId));
  const run = await transaction(ctx.database, async (tx) => {
    const current = await loadRun(tx, ctx.actor.workspaceId, id);
    if (current.status === "invalid") {
      const report = current.report as ImportReport;
      throw new AppError("IMPORT_HAS_ERRORS", {
        message: `${report.invalidRows} row${report.invalidRows === 1 ? "" : "s"} have problems; fix the file and upload it again. Nothing was imported.`,
        details: { invalidRows: report.invalidRows },
      });
    }
    if (current.status !== "validated") {
      throw new AppError("IMPORT_NOT_READY", { message: `The import is ${current.status}; map and validate it first` });
    }
    const [queued] = await tx
      .update(importRuns)
      .set({ status: "queued" })
      .where(and(eq(importRuns.workspaceId, current.workspaceId), eq(importRuns.id, id)))
      .returning();
    await ctx.jobs.enqueue(tx, runPartnerImportJob, {
      workspaceId: current.workspaceId,
      importId: id,
      actorLabel: ctx.actor.label,
    });
    await recordAudit(tx, auditSource(ctx), { action: "import.started", entityType: "import", entityId: id });
    return queued ?? current;
  });
  return toView(run, fields);
}

export async function getPartnerImport(ctx: ServiceContext, id: string): Promise<ImportRun> {
  requireVendor(ctx.actor);
  const run = await loadRun(ctx.database.db, ctx.actor.workspaceId, id);
  return toView(run, importFieldsFor(await definitionsOf(ctx.database.db, ctx.actor.workspaceId)));
}

export async function listPartnerImports(ctx: ServiceContext): Promise<{ items: ImportRun[] }> {
  requireVendor(ctx.actor);
  const rows = await ctx.database.db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.workspaceId, ctx.actor.workspaceId), eq(importRuns.kind, "partners")))
    .orderBy(desc(importRuns.createdAt))
    .limit(20);
  const fields = importFieldsFor(await definitionsOf(ctx.database.db, ctx.actor.workspaceId));
  return { items: rows.map((row) => toView({ ...row, content: null }, fields)) };
}

/**
 * Runs a validated import in ONE transaction: every row is re-checked against the directory as
 * it is now, then written in bulk; any failure leaves the directory untouched.
 */
export async function executePartnerImport(
  database: Database,
  source: AuditSource,
  workspaceId: string,
  importId: string,
): Promise<ImportReport> {
  const run = await loadRun(database.db, workspaceId, importId);
  if (!run.content) throw new AppError("IMPORT_NOT_READY", { message: "The file of this import is gone" });
  const definitions = await definitionsOf(database.db, workspaceId);
  const fields = importFieldsFor(definitions);
  const parsed = parseCsv(run.content, MAX_IMPORT_ROWS);
  const onDuplicate = (run.options as { onDuplicate?: "skip" | "update" }).onDuplicate ?? "skip";
  const mapping = run.mapping as Record<string, string | null>;
  await setStatus(database.db, workspaceId, importId, { status: "importing", processedRows: 0 });
  try {
    return await transaction(database, async (tx) => {
      const { rows, report } = await preparePartnerImport(tx, workspaceId, {
        ...parsed,
        mapping,
        onDuplicate,
        fields,
        definitions,
      });
      if (report.invalidRows > 0)
        throw new AppError("IMPORT_HAS_ERRORS", { message: "The directory changed since validation; validate again" });
      // Progress from inside the transaction is only visible on PostgreSQL (a second connection).
      const progress = async (done: number) => {
        if (database.kind === "postgres") await setStatus(database.db, workspaceId, importId, { processedRows: done });
      };
      const { created, updated } = await writePartnerImport(tx, source, workspaceId, rows, progress);
      const result = { ...report, result: { created, updated, skipped: report.willSkip } };
      await tx
        .update(importRuns)
        .set({
          status: "completed",
          processedRows: parsed.rows.length,
          report: result,
          content: null,
          finishedAt: sql`now()`,
        })
        .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, importId)));
      await emitEvent(tx, source, {
        type: "partners.imported",
        workspaceId,
        entityType: "import",
        entityId: importId,
        payload: { importId, created, updated, skipped: report.willSkip },
      });
      return result;
    });
  } catch (error) {
    const failure = error instanceof AppError ? error.message : "The import failed and nothing was changed";
    await setStatus(database.db, workspaceId, importId, {
      status: "failed",
      report: { ...(run.report as object), failure },
      finishedAt: new Date(),
    });
    throw error;
  }
}

async function setStatus(db: DbOrTx, workspaceId: string, id: string, values: Partial<typeof importRuns.$inferInsert>) {
  await db
    .update(importRuns)
    .set(values)
    .where(and(eq(importRuns.workspaceId, workspaceId), eq(importRuns.id, id)));
}

export const runPartnerImportJob = defineJob({
  name: "partners.run-import",
  payload: z.object({ workspaceId: z.uuid(), importId: z.uuid(), actorLabel: z.string() }),
  retryLimit: 0,
  async handler({ workspaceId, importId, actorLabel }, { database }) {
    const source = { actor: { kind: "system" as const, workspaceId, label: `import by ${actorLabel}` } };
    await executePartnerImport(database, source, workspaceId, importId);
  },
});
