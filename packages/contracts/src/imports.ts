import { z } from "zod";
import { timestamp } from "./common";

/** Upload a CSV for import: the file's bytes in base64 (so its encoding can be checked). */
export const createImportBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .max(28_000_000, { message: "The file is larger than 20 MB; split it" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "Send the file's bytes as base64" }),
});
export type CreateImportBody = z.input<typeof createImportBody>;

export const importDuplicateStrategy = z.enum(["skip", "update"]);
/** What to do with rows that fail validation: `reject` writes nothing, `skip` writes the valid rows. */
export const importInvalidRowsStrategy = z.enum(["reject", "skip"]);
export type ImportInvalidRowsStrategy = z.infer<typeof importInvalidRowsStrategy>;

export const importMappingBody = z.object({
  /** Column header → field key (`name`, `website`, `customField:<key>` …) or null to ignore it. */
  mapping: z.record(z.string().max(200), z.string().max(80).nullable()),
  onDuplicate: importDuplicateStrategy.default("skip"),
  onInvalidRows: importInvalidRowsStrategy.default("reject"),
});
export type ImportMappingBody = z.input<typeof importMappingBody>;

export const importField = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  list: z.boolean(),
});

export const importRowError = z.object({
  row: z.number().int().describe("Line number in the file (the header is line 1)"),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importDuplicate = z.object({
  row: z.number().int(),
  domain: z.string(),
  partnerId: z.uuid(),
  partnerName: z.string(),
});

export const importReport = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** The first 500 problems; `errorCount` has them all. */
  errors: z.array(importRowError),
  errorCount: z.number().int(),
  duplicates: z.array(importDuplicate),
  duplicateCount: z.number().int(),
  willCreate: z.number().int(),
  willUpdate: z.number().int(),
  willSkip: z.number().int(),
  result: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }).optional(),
  failure: z.string().optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importStatus = z.enum(["uploaded", "validated", "invalid", "queued", "importing", "completed", "failed"]);
export type ImportStatus = z.infer<typeof importStatus>;

export const importRun = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: importStatus,
    fileName: z.string().nullable(),
    headers: z.array(z.string()),
    /** Up to five data rows, for the preview. */
    sample: z.array(z.array(z.string())),
    fields: z.array(importField),
    mapping: z.record(z.string(), z.string().nullable()),
    onDuplicate: importDuplicateStrategy,
    onInvalidRows: importInvalidRowsStrategy.default("reject"),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    report: importReport.nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: "ImportRun" });
export type ImportRun = z.infer<typeof importRun>;

/** An import kind as the wizard sees it: where its rows go and which fields a column can map to. */
export const importKindInfo = z.object({
  kind: z.string(),
  label: z.string(),
  fields: z.array(importField.extend({ description: z.string().nullable() })),
  /** Staff roles allowed to run this import. */
  roles: z.array(z.string()),
});
export type ImportKindInfo = z.infer<typeof importKindInfo>;

/** The `:kind` of the generic import routes (`accounts`, `partners`, `revenue-events` …). */
export const importKindParams = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { message: "Name an import kind such as accounts" }),
});
export const importRunParams = importKindParams.extend({ id: z.uuid() });
