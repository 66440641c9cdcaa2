import { type CustomFieldType, createPartnerBody, type ImportReport, type ImportRowError } from "@symbiont/contracts";
import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type CustomFieldForImport, type ImportField, rowToCandidate } from "./partners.import.rules";
import { domainFromWebsite, validateCustomFields } from "./partners.rules";
import { partners } from "./partners.schema";

/** A row ready to write: a new partner, or an update of the partner with the same domain. */
export interface PreparedRow {
  row: number;
  value: Record<string, unknown> & { name: string; domain: string | null };
  updateOf: string | null;
}

export interface Preparation {
  rows: PreparedRow[];
  report: ImportReport;
}

const REPORT_LIMIT = 500;

type Definition = CustomFieldForImport & { type: CustomFieldType; options: string[]; required: boolean };

/**
 * Validates every row against the same rules as the API (partner schema, custom fields) and the
 * directory (duplicate domains and names in the file and in the workspace). Writes nothing.
 */
export async function preparePartnerImport(
  db: DbOrTx,
  workspaceId: string,
  input: {
    headers: string[];
    rows: string[][];
    mapping: Record<string, string | null>;
    onDuplicate: "skip" | "update";
    fields: ImportField[];
    definitions: Definition[];
  },
): Promise<Preparation> {
  const errors: ImportRowError[] = [];
  const candidates: { row: number; value: PreparedRow["value"] }[] = [];
  const invalid = new Set<number>();
  const definitions = new Map(input.definitions.map((d) => [d.key, d]));
  const fail = (row: number, column: string | null, field: string | null, message: string) => {
    errors.push({ row, column, field, message });
    invalid.add(row);
  };
  const columnOf = (field: string) => Object.entries(input.mapping).find(([, key]) => key === field)?.[0] ?? null;

  input.rows.forEach((cells, index) => {
    const row = index + 2;
    const { candidate, issues } = rowToCandidate(input.headers, cells, input.mapping, input.fields);
    for (const issue of issues) fail(row, issue.column, issue.field, issue.message);
    // CSV cells are text; custom number fields become numbers before validation.
    const custom = (candidate.customFields ?? {}) as Record<string, string | number>;
    for (const [key, raw] of Object.entries(custom)) {
      if (
        definitions.get(key)?.type === "number" &&
        typeof raw === "string" &&
        raw.trim() !== "" &&
        !Number.isNaN(Number(raw))
      ) {
        custom[key] = Number(raw);
      }
    }
    if (typeof candidate.website === "string" && !candidate.domain) {
      const domain = domainFromWebsite(candidate.website);
      if (domain) candidate.domain = domain;
    }
    const parsed = createPartnerBody.safeParse(candidate);
    if (!parsed.success) {
      // A cell already reported (unknown country, type …) is not reported twice.
      const reported = new Set(issues.map((issue) => issue.field));
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (!reported.has(field)) fail(row, columnOf(field), field || null, issue.message);
      }
      return;
    }
    const customCheck = validateCustomFields(input.definitions, parsed.data.customFields ?? {}, {
      complete: true,
      path: "customFields",
    });
    for (const issue of customCheck.issues) {
      const key = issue.path.split(".")[1] ?? "";
      fail(row, columnOf(`customField:${key}`), `customField:${key}`, issue.message);
    }
    if (invalid.has(row)) return;
    const value = {
      ...parsed.data,
      customFields: customCheck.values,
      domain: parsed.data.domain ?? null,
    } as PreparedRow["value"];
    candidates.push({ row, value });
  });

  // Duplicates inside the file: the first occurrence wins, later ones are errors.
  const firstByDomain = new Map<string, number>();
  const firstByName = new Map<string, number>();
  for (const { row, value } of candidates) {
    const name = value.name.toLowerCase();
    const sameName = firstByName.get(name);
    if (sameName) fail(row, columnOf("name"), "name", `"${value.name}" also appears on line ${sameName}`);
    else firstByName.set(name, row);
    if (!value.domain) continue;
    const sameDomain = firstByDomain.get(value.domain);
    if (sameDomain)
      fail(
        row,
        columnOf("domain") ?? columnOf("website"),
        "domain",
        `${value.domain} also appears on line ${sameDomain}`,
      );
    else firstByDomain.set(value.domain, row);
  }

  // Against the directory: one query for every domain and name in the file.
  const domains = [...firstByDomain.keys()];
  const names = [...firstByName.keys()];
  const existing = domains.length + names.length === 0 ? [] : await findExisting(db, workspaceId, domains, names);
  const byDomain = new Map(existing.filter((p) => p.domain).map((p) => [p.domain as string, p]));
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));

  const prepared: PreparedRow[] = [];
  const duplicates: ImportReport["duplicates"] = [];
  let willSkip = 0;
  for (const { row, value } of candidates) {
    if (invalid.has(row)) continue;
    const match = value.domain ? byDomain.get(value.domain) : undefined;
    if (match) {
      duplicates.push({ row, domain: value.domain ?? "", partnerId: match.id, partnerName: match.name });
      if (input.onDuplicate === "skip") willSkip += 1;
      else prepared.push({ row, value, updateOf: match.id });
      continue;
    }
    const namesake = byName.get(value.name.toLowerCase());
    if (namesake) {
      fail(
        row,
        columnOf("name"),
        "name",
        `A partner named "${namesake.name}" already exists${namesake.domain ? ` with domain ${namesake.domain}` : ""}`,
      );
      continue;
    }
    prepared.push({ row, value, updateOf: null });
  }

  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    totalRows: input.rows.length,
    validRows: input.rows.length - invalid.size,
    invalidRows: invalid.size,
    errors: errors.slice(0, REPORT_LIMIT),
    errorCount: errors.length,
    duplicates: duplicates.slice(0, REPORT_LIMIT),
    duplicateCount: duplicates.length,
    willCreate: prepared.filter((p) => !p.updateOf).length,
    willUpdate: prepared.filter((p) => p.updateOf).length,
    willSkip,
  };
  return { rows: invalid.size === 0 ? prepared : [], report };
}

async function findExisting(db: DbOrTx, workspaceId: string, domains: string[], names: string[]) {
  return db
    .select({ id: partners.id, name: partners.name, domain: partners.domain })
    .from(partners)
    .where(
      and(
        eq(partners.workspaceId, workspaceId),
        or(
          // One array parameter each, however many rows the file has.
          domains.length > 0 ? sql`${partners.domain} = any(${sql.param(domains)}::text[])` : undefined,
          names.length > 0 ? sql`lower(${partners.name}) = any(${sql.param(names)}::text[])` : undefined,
        ),
      ),
    );
}
