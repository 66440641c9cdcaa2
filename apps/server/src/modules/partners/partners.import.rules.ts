import {
  companySizes,
  type PartnerStage,
  partnerStageLabels,
  partnerStages,
  partnerTypeLabels,
  partnerTypes,
  regions,
} from "@symbiont/contracts";
import { looksLikeFormula } from "./partners.csv";

/** A field a CSV column can map to. `list` fields split a cell on `;`, `|` or `,`. */
export interface ImportField {
  key: string;
  label: string;
  required?: boolean;
  list?: boolean;
  synonyms: readonly string[];
}

export const standardImportFields: readonly ImportField[] = [
  {
    key: "name",
    label: "Name",
    required: true,
    synonyms: [
      "partner",
      "partner name",
      "company",
      "company name",
      "account",
      "account name",
      "organization",
      "organisation",
      "display name",
    ],
  },
  {
    key: "legalName",
    label: "Legal name",
    synonyms: ["legal name", "legal entity", "registered name", "legal company name"],
  },
  {
    key: "website",
    label: "Website",
    synonyms: ["website", "web site", "url", "homepage", "home page", "site", "web"],
  },
  { key: "domain", label: "Domain", synonyms: ["domain", "email domain", "company domain"] },
  {
    key: "hqCountry",
    label: "HQ country",
    synonyms: ["country", "hq country", "headquarters", "headquarters country", "hq", "country code"],
  },
  {
    key: "regions",
    label: "Regions",
    list: true,
    synonyms: ["regions", "region", "territory", "territories", "regions served"],
  },
  {
    key: "industries",
    label: "Industries",
    list: true,
    synonyms: ["industries", "industry", "vertical", "verticals", "sector"],
  },
  { key: "size", label: "Size", synonyms: ["size", "company size", "employees", "headcount", "employee count"] },
  {
    key: "types",
    label: "Partner types",
    list: true,
    synonyms: ["type", "types", "partner type", "partner types", "roles", "role", "partner role"],
  },
  {
    key: "specializations",
    label: "Specializations",
    list: true,
    synonyms: ["specializations", "specialization", "specialisations", "competencies", "expertise"],
  },
  { key: "tags", label: "Tags", list: true, synonyms: ["tags", "tag", "labels", "keywords"] },
  { key: "description", label: "Description", synonyms: ["description", "about", "notes", "summary"] },
  { key: "stage", label: "Stage", synonyms: ["stage", "status", "lifecycle", "lifecycle stage"] },
];

export interface CustomFieldForImport {
  key: string;
  label: string;
  type: string;
}

export function importFieldsFor(customFields: readonly CustomFieldForImport[]): ImportField[] {
  return [
    ...standardImportFields,
    ...customFields.map((field) => ({
      key: `customField:${field.key}`,
      label: field.label,
      synonyms: [field.key, field.label],
    })),
  ];
}

const normalize = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Suggests a field for each header: exact label/synonym matches first, then containment. */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly ImportField[],
): Record<string, string | null> {
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  const candidates = (header: string) => {
    const h = normalize(header);
    const exact = fields.find((f) => [f.key, f.label, ...f.synonyms].some((s) => normalize(s) === h));
    if (exact) return exact;
    return fields.find(
      (f) => h.length > 3 && [f.label, ...f.synonyms].some((s) => h.includes(normalize(s)) && normalize(s).length > 3),
    );
  };
  for (const header of headers) {
    const field = candidates(header);
    mapping[header] = field && !taken.has(field.key) ? field.key : null;
    if (field) taken.add(field.key);
  }
  return mapping;
}

/** Problems with the mapping itself (not with rows). */
export function mappingProblems(
  headers: readonly string[],
  mapping: Record<string, string | null>,
  fields: readonly ImportField[],
): string[] {
  const problems: string[] = [];
  const known = new Map(fields.map((f) => [f.key, f]));
  const used = new Map<string, string>();
  for (const [header, key] of Object.entries(mapping)) {
    if (!headers.includes(header)) problems.push(`The file has no column "${header}"`);
    if (!key) continue;
    if (!known.has(key)) problems.push(`"${key}" is not a field you can import into`);
    const previous = used.get(key);
    if (previous) problems.push(`"${header}" and "${previous}" both map to ${known.get(key)?.label ?? key}`);
    used.set(key, header);
  }
  for (const field of fields)
    if (field.required && !used.has(field.key)) problems.push(`Map a column to ${field.label} (required)`);
  return problems;
}

// Enum values may be written as keys ("system_integrator") or labels ("System integrator").
const lookup = (entries: readonly (readonly [string, string])[]) =>
  new Map(entries.map(([text, key]) => [normalize(text), key]));
const typeLookup = lookup([
  ...partnerTypes.map((t) => [t, t] as const),
  ...Object.entries(partnerTypeLabels).map(([k, l]) => [l, k] as const),
]);
const stageLookup = lookup([
  ...partnerStages.map((s) => [s, s] as const),
  ...Object.entries(partnerStageLabels).map(([k, l]) => [l, k] as const),
]);
const regionLookup = lookup(regions.map((r) => [r.replaceAll("_", " "), r] as const));
const countryLookup = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) {
        map.set(normalize(code), code);
        map.set(normalize(name), code);
      }
    }
  }
  for (const [alias, code] of [
    ["usa", "US"],
    ["united states of america", "US"],
    ["uk", "GB"],
    ["great britain", "GB"],
    ["england", "GB"],
  ] as const) {
    map.set(alias, code);
  }
  return map;
})();

export interface CellIssue {
  column: string;
  field: string;
  message: string;
}

/** Turns one CSV row into a candidate partner object (not yet validated by the partner schema). */
export function rowToCandidate(
  headers: readonly string[],
  row: readonly string[],
  mapping: Record<string, string | null>,
  fields: readonly ImportField[],
): { candidate: Record<string, unknown>; issues: CellIssue[] } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const candidate: Record<string, unknown> = {};
  const customFields: Record<string, string> = {};
  const issues: CellIssue[] = [];
  headers.forEach((header, index) => {
    const key = mapping[header];
    const raw = (row[index] ?? "").trim();
    if (!key || raw === "") return;
    const field = byKey.get(key);
    if (!field) return;
    const issue = (message: string) => issues.push({ column: header, field: key, message });
    if (looksLikeFormula(raw)) {
      issue(`starts with "${raw[0]}" like a spreadsheet formula; formulas are not accepted`);
      return;
    }
    if (key.startsWith("customField:")) {
      customFields[key.slice("customField:".length)] = raw;
      return;
    }
    const values = field.list
      ? raw
          .split(/[;|,]/)
          .map((v) => v.trim())
          .filter(Boolean)
      : [raw];
    const mapped = (table: Map<string, string>, what: string) =>
      values.map((v) => {
        const found = table.get(normalize(v));
        if (!found) issue(`"${v}" is not a known ${what}`);
        return found ?? v;
      });
    switch (key) {
      case "types":
        candidate.types = mapped(typeLookup, "partner type");
        break;
      case "regions":
        candidate.regions = mapped(regionLookup, "region");
        break;
      case "stage":
        candidate.stage = mapped(stageLookup, "stage")[0] as PartnerStage;
        break;
      case "hqCountry":
        candidate.hqCountry = mapped(countryLookup, "country")[0];
        break;
      case "size":
        if (!(companySizes as readonly string[]).includes(raw))
          issue(`"${raw}" is not a size band (use ${companySizes.join(", ")})`);
        candidate.size = raw;
        break;
      default:
        candidate[key] = field.list ? values : raw;
    }
  });
  if (Object.keys(customFields).length > 0) candidate.customFields = customFields;
  return { candidate, issues };
}
