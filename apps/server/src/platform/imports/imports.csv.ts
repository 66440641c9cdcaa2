import { parse } from "csv-parse/sync";

/** Why a file could not be read at all (encoding, structure). */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

export interface ParsedCsv {
  headers: string[];
  /** Data rows (header excluded), each as long as `headers`. */
  rows: string[][];
}

/**
 * Decodes an uploaded file: UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted;
 * anything else (e.g. a Windows-1252 export) is refused with the position of the first bad byte.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return refuseNul(new TextDecoder("utf-16le").decode(bytes.subarray(2)));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return refuseNul(new TextDecoder("utf-16be").decode(bytes.subarray(2)));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidUtf8(bytes);
    throw new CsvFileError(
      `The file is not UTF-8 text (first unreadable byte on line ${line}). Save it as "CSV UTF-8" and upload it again.`,
      line,
    );
  }
  return refuseNul(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** A NUL character is never text: it marks a binary file or an attempt to cut a value short. */
function refuseNul(text: string): string {
  const at = text.indexOf("\u0000");
  if (at === -1) return text;
  const line = text.slice(0, at).split("\n").length;
  throw new CsvFileError(`The file contains a NUL byte on line ${line}; it is not a text CSV.`, line);
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return line;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    if (byte === 0x0a) line += 1;
    i += length;
  }
  return line;
}

/** Parses CSV text (comma, semicolon or tab separated — detected from the header line). */
export function parseCsv(text: string, maxRows: number): ParsedCsv {
  const newline = text.search(/\r?\n/);
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const delimiter = [",", ";", "\t"].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: maxRows + 1,
    }) as string[][];
  } catch (error) {
    const info = error as { message?: string; lines?: number };
    throw new CsvFileError(
      `The CSV could not be read${info.lines ? ` near line ${info.lines}` : ""}: ${info.message ?? "malformed"}`,
      info.lines ?? null,
    );
  }
  const [headerRow, ...rows] = records;
  if (!headerRow || headerRow.every((cell) => cell === ""))
    throw new CsvFileError("The file is empty: the first line must name the columns.", 1);
  const headers = headerRow.map((header, index) => header || `Column ${index + 1}`);
  const seen = new Set<string>();
  for (const header of headers) {
    const key = header.toLowerCase();
    if (seen.has(key)) throw new CsvFileError(`Two columns are named "${header}"; rename one and upload again.`, 1);
    seen.add(key);
  }
  return { headers, rows: rows.map((row) => headers.map((_, index) => row[index] ?? "")) };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet would execute this cell as a formula. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value) && !/^[+-]?\d+([.,]\d+)?$/.test(value);
}

/** One CSV cell, quoted when needed; formula-like values are neutralised with a leading quote. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
