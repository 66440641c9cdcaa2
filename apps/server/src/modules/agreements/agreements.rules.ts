/** Pure rules of agreements: which acceptance keeps an agreement valid, and safe CSV export. */

export interface VersionFacts {
  id: string;
  version: number;
  requiresReacceptance: boolean;
}

/**
 * The oldest version whose acceptance still counts: the newest version that required everyone to
 * accept again (the first version always does). Undefined when there are no versions.
 */
export function acceptanceFloor(versions: readonly VersionFacts[]): VersionFacts | undefined {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  let floor = sorted[0];
  for (const version of sorted) if (version.requiresReacceptance) floor = version;
  return floor;
}

/**
 * Whether a partner that accepted `acceptedVersions` (version numbers) is covered by the agreement
 * as it stands: an acceptance of the floor version or any later one counts.
 */
export function acceptanceState(
  versions: readonly VersionFacts[],
  acceptedVersions: readonly number[],
): { accepted: boolean; validVersion: number | null; reacceptanceRequired: boolean } {
  const floor = acceptanceFloor(versions);
  if (!floor) return { accepted: false, validVersion: null, reacceptanceRequired: false };
  const valid = acceptedVersions.filter((v) => v >= floor.version).sort((a, b) => b - a);
  const best = valid[0];
  if (best !== undefined) return { accepted: true, validVersion: best, reacceptanceRequired: false };
  return { accepted: false, validVersion: null, reacceptanceRequired: acceptedVersions.length > 0 };
}

/** One CSV cell: quoted when needed, and formula-looking text neutralized with a leading quote. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\n\r]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}
