import { type PartnerSortField, partnerSortFields } from "@symbiont/contracts";

/** The directory's URL state: every filter, the sort and the page offset. */
export interface PartnerSearch {
  q?: string;
  stage?: string;
  type?: string;
  region?: string;
  industry?: string;
  country?: string;
  tag?: string;
  managerId?: string;
  programId?: string;
  tierId?: string;
  sort?: PartnerSortField;
  dir?: "asc" | "desc";
  offset?: number;
}

const textKeys = [
  "q",
  "stage",
  "type",
  "region",
  "industry",
  "country",
  "tag",
  "managerId",
  "programId",
  "tierId",
] as const;

/** Reads the URL leniently: unknown keys and bad values are dropped, never an error page. */
export function parsePartnerSearch(raw: Record<string, unknown>): PartnerSearch {
  const search: PartnerSearch = {};
  for (const key of textKeys) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() && value.length <= 200) search[key] = value;
  }
  if (typeof raw.sort === "string" && (partnerSortFields as readonly string[]).includes(raw.sort)) {
    search.sort = raw.sort as PartnerSortField;
  }
  if (raw.dir === "asc" || raw.dir === "desc") search.dir = raw.dir;
  const offset = Number(raw.offset);
  if (Number.isInteger(offset) && offset > 0 && offset <= 1_000_000) search.offset = offset;
  return search;
}
