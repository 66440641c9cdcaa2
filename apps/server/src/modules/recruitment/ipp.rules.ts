import { type FitContribution, type IppCriterion, partnerTypeLabels, regions } from "@symbiont/contracts";

/** Pure Ideal Partner Profile scoring: score = Σ weight × match / Σ weight × 100, explained per criterion. */

export interface ApplicantFacts {
  industries: readonly string[];
  regions: readonly string[];
  size: string | null;
  types: readonly string[];
  specializations: readonly string[];
  hqCountry: string | null;
  customFields: Readonly<Record<string, unknown>>;
}

type AttributeValue = readonly string[] | string | number | boolean | null;

export function attributeValue(facts: ApplicantFacts, attribute: string): AttributeValue {
  if (attribute.startsWith("customField:")) {
    const value = facts.customFields[attribute.slice("customField:".length)];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    return null;
  }
  switch (attribute) {
    case "industries":
      return facts.industries;
    case "regions":
      return facts.regions;
    case "size":
      return facts.size;
    case "types":
      return facts.types;
    case "specializations":
      return facts.specializations;
    case "hqCountry":
      return facts.hqCountry;
    default:
      return null;
  }
}

const fold = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
// Criteria may be written with the labels people see ("System integrator", "Value-added reseller");
// applicants' answers are codes. Both sides fold to the code.
const labelCodes = new Map<string, string>([
  ...Object.entries(partnerTypeLabels).map(([code, label]) => [fold(label), code] as const),
  ...regions.map((code) => [fold(code.replaceAll("_", " ")), code] as const),
]);
const norm = (value: string) => labelCodes.get(fold(value)) ?? fold(value);

function asList(value: AttributeValue): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(norm);
  return [norm(String(value))];
}

/** A company-size band (`51-200`, `5001+`) or a number as a number: the band's lower bound. */
export function numericValue(value: AttributeValue): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const band = /^(\d+)(?:\s*[-+]|$)/.exec(value.trim());
  if (band) return Number(band[1]);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** How well one criterion matches (0..1) and why. */
export function matchCriterion(criterion: IppCriterion, facts: ApplicantFacts): { match: number; detail: string } {
  const value = attributeValue(facts, criterion.attribute);
  const { rule } = criterion;
  switch (rule.kind) {
    case "any_of": {
      const have = asList(value);
      const hits = rule.values.filter((v) => have.includes(norm(v)));
      return hits.length > 0
        ? { match: 1, detail: `Matches ${hits.join(", ")}` }
        : { match: 0, detail: `None of ${rule.values.join(", ")}` };
    }
    case "all_of": {
      const have = asList(value);
      const hits = rule.values.filter((v) => have.includes(norm(v)));
      const match = rule.values.length === 0 ? 0 : hits.length / rule.values.length;
      return { match, detail: `${hits.length} of ${rule.values.length} required values` };
    }
    case "range": {
      const n = numericValue(value);
      if (n === null) return { match: 0, detail: "Not provided" };
      const ok = (rule.min === null || n >= rule.min) && (rule.max === null || n <= rule.max);
      const bounds = `${rule.min ?? "any"}–${rule.max ?? "any"}`;
      return {
        match: ok ? 1 : 0,
        detail: ok ? `${String(value)} is within ${bounds}` : `${String(value)} is outside ${bounds}`,
      };
    }
    case "equals": {
      if (value === null) return { match: 0, detail: "Not provided" };
      const expected = typeof rule.value === "string" ? norm(rule.value) : rule.value;
      const ok = Array.isArray(value)
        ? asList(value).includes(String(expected))
        : typeof value === "string"
          ? norm(value) === expected
          : value === expected;
      return { match: ok ? 1 : 0, detail: ok ? `Is ${String(rule.value)}` : `Is not ${String(rule.value)}` };
    }
  }
}

export interface FitResult {
  /** 0–100 with one decimal; null when the profile has no weighted criteria. */
  score: number | null;
  breakdown: FitContribution[];
  /** Labels of required criteria the applicant fails. */
  failedRequired: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreApplicant(criteria: readonly IppCriterion[], facts: ApplicantFacts): FitResult {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const matches = criteria.map((criterion) => ({ criterion, ...matchCriterion(criterion, facts) }));
  const breakdown = matches.map(
    ({ criterion, match, detail }): FitContribution => ({
      criterionId: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      match: Math.round(match * 100) / 100,
      points: totalWeight > 0 ? round1((criterion.weight * match * 100) / totalWeight) : 0,
      required: criterion.required ?? false,
      passed: match >= 1,
      detail,
    }),
  );
  const raw = matches.reduce((sum, m) => sum + m.criterion.weight * m.match, 0);
  return {
    score: totalWeight > 0 ? round1((raw / totalWeight) * 100) : null,
    breakdown,
    failedRequired: breakdown.filter((b) => b.required && !b.passed).map((b) => b.label),
  };
}

/** Free-mail providers: applications from these addresses are likely not from a company. */
export const freeMailDomains: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mail.com",
  "mail.ru",
  "gmx.de",
  "gmx.net",
  "web.de",
  "proton.me",
  "protonmail.com",
  "yandex.ru",
  "yandex.com",
  "qq.com",
  "163.com",
  "126.com",
  "zoho.com",
  "tutanota.com",
]);

export function isFreeMail(email: string): boolean {
  const domain = email.split("@")[1]?.trim().toLowerCase() ?? "";
  return freeMailDomains.has(domain);
}

/** Why an application should be rejected at once under the program's spam rule, or null. */
export function spamReason(email: string, fit: FitResult): string | null {
  if (isFreeMail(email)) return `Applied with a free-mail address (${email.split("@")[1]})`;
  if (fit.failedRequired.length > 0) return `Fails required criteria: ${fit.failedRequired.join(", ")}`;
  return null;
}
