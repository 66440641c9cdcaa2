import { normalizeHeader } from "./imports.mapping";

// Helpers for `validateRow` schemas: CSV cells spell values the way people do.

const countries = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) {
        map.set(normalizeHeader(code), code);
        map.set(normalizeHeader(name), code);
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

/** An ISO 3166-1 alpha-2 code from a code or an English country name ("Germany", "de", "USA"); else null. */
export function countryFromText(text: string): string | null {
  return countries.get(normalizeHeader(text)) ?? null;
}
