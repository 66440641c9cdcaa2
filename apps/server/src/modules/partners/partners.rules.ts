import {
  type CustomFieldDefinition,
  type CustomFieldValues,
  type PartnerStage,
  partnerStageLabels,
  partnerStageTransitions,
  type ValidationIssue,
} from "@symbiont/contracts";

// Pure rules of the partner directory: no database, no actor.

/** The stages `from` may move to. */
export function allowedStageTransitions(from: PartnerStage): readonly PartnerStage[] {
  return partnerStageTransitions[from] ?? [];
}

export function canTransition(from: PartnerStage, to: PartnerStage): boolean {
  return allowedStageTransitions(from).includes(to);
}

/** The 409 message for an illegal move, naming the allowed stages. */
export function stageTransitionMessage(from: PartnerStage, to: PartnerStage): string {
  const allowed = allowedStageTransitions(from);
  const names = allowed.map((stage) => `${partnerStageLabels[stage]} (${stage})`).join(", ");
  const verb = from === to ? `is already ${partnerStageLabels[from]}` : `cannot move from ${from} to ${to}`;
  return `The partner ${verb}; allowed next stages: ${names || "none"}`;
}

/** `https://www.Example.com/x` → `example.com`; undefined when the URL does not parse. */
export function domainFromWebsite(website: string): string | undefined {
  try {
    const host = new URL(website).hostname.toLowerCase().replace(/\.$/, "");
    const domain = host.replace(/^www\./, "");
    return domain.includes(".") ? domain : undefined;
  } catch {
    return undefined;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

type FieldRule = Pick<CustomFieldDefinition, "key" | "label" | "type" | "options" | "required">;

/** Why one value does not fit its definition, or null when it does. */
export function customFieldValueProblem(definition: FieldRule, value: unknown): string | null {
  if (value === null || value === "") {
    return definition.required ? `${definition.label} is required` : null;
  }
  switch (definition.type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `${definition.label} must be a number`;
    case "date":
      return typeof value === "string" && isIsoDate(value) ? null : `${definition.label} must be a date (YYYY-MM-DD)`;
    case "select":
      return typeof value === "string" && definition.options.includes(value)
        ? null
        : `${definition.label} must be one of: ${definition.options.join(", ")}`;
    case "text":
      if (typeof value !== "string") return `${definition.label} must be text`;
      return value.length > 2000 ? `${definition.label} must be at most 2000 characters` : null;
    default:
      return `${definition.label} has an unknown type`;
  }
}

/**
 * Checks custom field values against their definitions. `complete` (creation) also demands every
 * required field; on updates only the values sent are judged. Empty strings and nulls clear a value.
 */
export function validateCustomFields(
  definitions: readonly FieldRule[],
  values: CustomFieldValues,
  options: { complete: boolean; path?: string },
): { issues: ValidationIssue[]; values: CustomFieldValues } {
  const path = options.path ?? "body.customFields";
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const issues: ValidationIssue[] = [];
  const clean: CustomFieldValues = {};
  for (const [key, value] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition) {
      issues.push({ path: `${path}.${key}`, message: `There is no custom field "${key}"`, code: "invalid" });
      continue;
    }
    const problem = customFieldValueProblem(definition, value);
    if (problem) issues.push({ path: `${path}.${key}`, message: problem, code: "invalid" });
    else clean[key] = value === "" ? null : typeof value === "string" ? value.trim() : value;
  }
  if (options.complete) {
    for (const definition of definitions) {
      if (definition.required && (values[definition.key] === undefined || values[definition.key] === null)) {
        if (!issues.some((issue) => issue.path === `${path}.${definition.key}`))
          issues.push({
            path: `${path}.${definition.key}`,
            message: `${definition.label} is required`,
            code: "invalid",
          });
      }
    }
  }
  return { issues, values: clean };
}

/** Merges an update into stored values; null removes the key. */
export function mergeCustomFields(stored: CustomFieldValues, update: CustomFieldValues): CustomFieldValues {
  const merged: CustomFieldValues = { ...stored };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Names of the fields whose values differ (arrays and objects compared by JSON). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** Trims, drops blanks and duplicates, keeping the first spelling. */
export function uniqueList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
