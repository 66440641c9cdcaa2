import { minorDigits } from "./revenue.fx";

// Reading a CRM's opportunity export as it comes: stage names, dates and amounts as people type them.

/** The normalized outcome of a free-form CRM stage: Won/Closed Won → won, Lost/Closed Lost → lost, else open. */
export function outcomeOfStage(stage: string): "open" | "won" | "lost" {
  const s = stage.trim().toLowerCase();
  if (/\b(won|win|closed[\s_-]*won|booked)\b/.test(s)) return "won";
  if (/\b(lost|loss|closed[\s_-]*lost|disqualified|dead)\b/.test(s)) return "lost";
  return "open";
}

/**
 * A date cell as an ISO instant (UTC midnight for plain dates): `2017-03-01`, `2017-03-01 14:05`,
 * `2017-03-01T14:05:00Z`, or US `3/1/2017`. Null when it is not a date.
 */
export function parseCrmDate(text: string): string | null {
  const t = text.trim();
  let iso: string | null = null;
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (isoDate) iso = `${isoDate[1]}-${isoDate[2]}-${isoDate[3]}T00:00:00Z`;
  else if (us) iso = `${us[3]}-${us[1]?.padStart(2, "0")}-${us[2]?.padStart(2, "0")}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t))
    iso = t.replace(" ", "T") + (/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? "" : "Z");
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject roll-overs such as 2017-02-30.
  const day = iso.slice(0, 10);
  if (date.toISOString().slice(0, 10) !== day) return null;
  return date.toISOString();
}

/**
 * A money cell in major units (`1,054.50`, `$1054.5`, `1054`) as integer minor units of
 * `currency`; null when empty, NaN when unreadable or negative.
 */
export function parseCrmAmount(text: string, currency: string): number | null {
  const t = text
    .trim()
    .replace(/^[^\d-]*?(?=[\d-])/, "")
    .replace(/,/g, "");
  if (text.trim() === "") return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = t.split(".");
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return Number.NaN;
  return Number(whole) * 10 ** digits + Number((fraction + "0".repeat(digits)).slice(0, digits) || "0");
}

/** The key two spellings of one product or account share: case, spaces and punctuation folded. */
export function variantKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export interface VariantGroup {
  /** The spelling used most (first seen on a tie): what the others map to by default. */
  canonical: string;
  spellings: { value: string; count: number }[];
}

/** Groups spellings that differ only in case, whitespace or punctuation; only groups with 2+ spellings. */
export function groupVariants(values: Iterable<string>): VariantGroup[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const value of values) {
    const key = variantKey(value);
    if (!key) continue;
    const spellings = byKey.get(key) ?? new Map<string, number>();
    spellings.set(value, (spellings.get(value) ?? 0) + 1);
    byKey.set(key, spellings);
  }
  const groups: VariantGroup[] = [];
  for (const spellings of byKey.values()) {
    if (spellings.size < 2) continue;
    const list = [...spellings].map(([value, count]) => ({ value, count }));
    const canonical = list.reduce((best, s) => (s.count > best.count ? s : best));
    groups.push({ canonical: canonical.value, spellings: list.sort((a, b) => b.count - a.count) });
  }
  return groups.sort((a, b) => a.canonical.localeCompare(b.canonical));
}
