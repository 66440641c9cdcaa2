// The generic CSV import platform: modules register kinds; routes, job and CLI serve them all.

export { ImportCommandError, type ImportCommandIo, progressBar, runImportCommand } from "./imports.cli";
export * from "./imports.csv";
export { mappingProblems, normalizeHeader, suggestMapping } from "./imports.mapping";
export {
  defaultImporters,
  defineImportKind,
  findImportKind,
  getImportKind,
  type ImportCheck,
  type ImportField,
  type ImportKind,
  type ImportWriteContext,
  type ImportWriteResult,
  listImportKinds,
  registerImportKind,
  type ValidRow,
} from "./imports.registry";
export { consoleImportRoutes } from "./imports.routes";
export { importRuns } from "./imports.schema";
export {
  createImport,
  executeImport,
  getImport,
  listImports,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readImportFile,
  runImportJob,
  startImport,
  validateImport,
} from "./imports.service";
export { type ImportValidation, splitList, validateImportRows } from "./imports.validate";
export { countryFromText } from "./imports.values";
export { writeImportRows } from "./imports.write";
