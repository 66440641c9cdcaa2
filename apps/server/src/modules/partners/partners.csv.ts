// CSV reading and writing live in the import platform; the partner module re-exports them.
export {
  CsvFileError,
  csvCell,
  csvLine,
  decodeCsv,
  looksLikeFormula,
  type ParsedCsv,
  parseCsv,
} from "../../platform/imports/imports.csv";
