import type { ImportField } from "./imports.registry";

/** Lower case, no accents, punctuation folded to single spaces: how headers and aliases compare. */
export const normalizeHeader = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Suggests a field for each header: exact key/label/alias matches first, then containment. */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly ImportField[],
): Record<string, string | null> {
  const spellings = fields.map((f) => ({ field: f, names: [f.key, f.label, ...f.aliases].map(normalizeHeader) }));
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  const exact = new Map<string, ImportField>();
  for (const header of headers) {
    const h = normalizeHeader(header);
    const found = spellings.find((s) => s.names.includes(h))?.field;
    if (found && !taken.has(found.key)) {
      exact.set(header, found);
      taken.add(found.key);
    }
  }
  for (const header of headers) {
    const field = exact.get(header);
    if (field) {
      mapping[header] = field.key;
      continue;
    }
    const h = normalizeHeader(header);
    const loose =
      h.length > 3
        ? spellings.find((s) => !taken.has(s.field.key) && s.names.some((n) => n.length > 3 && h.includes(n)))?.field
        : undefined;
    mapping[header] = loose?.key ?? null;
    if (loose) taken.add(loose.key);
  }
  return mapping;
}

/** Problems with the mapping itself (not with rows), in words a person can act on. */
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
    if (!known.has(key)) {
      problems.push(`"${key}" is not a field you can import into`);
      continue;
    }
    const previous = used.get(key);
    if (previous) problems.push(`"${header}" and "${previous}" both map to ${known.get(key)?.label ?? key}`);
    used.set(key, header);
  }
  for (const field of fields)
    if (field.required && !used.has(field.key)) problems.push(`Map a column to ${field.label} (required)`);
  return problems;
}
