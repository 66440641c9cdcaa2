/** The opportunity list's URL state: filters, sort and page. */
export interface OpportunitySearch {
  q?: string;
  outcome?: string;
  stage?: string;
  owner?: string;
  source?: string;
  partnerId?: string;
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
  sort?: "openedAt" | "closedAt" | "amount" | "name";
  dir?: "asc" | "desc";
  offset?: number;
}

const textKeys = ["q", "outcome", "stage", "owner", "source", "partnerId", "from", "to"] as const;
const sorts = ["openedAt", "closedAt", "amount", "name"] as const;

/** Reads the URL leniently: unknown keys and bad values are dropped, never an error page. */
export function parseOpportunitySearch(raw: Record<string, unknown>): OpportunitySearch {
  const search: OpportunitySearch = {};
  for (const key of textKeys) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() && value.length <= 200) search[key] = value;
  }
  for (const key of ["minAmount", "maxAmount", "offset"] as const) {
    const value = Number(raw[key]);
    if (Number.isInteger(value) && value >= 0) search[key] = value;
  }
  if (typeof raw.sort === "string" && (sorts as readonly string[]).includes(raw.sort))
    search.sort = raw.sort as OpportunitySearch["sort"];
  if (raw.dir === "asc" || raw.dir === "desc") search.dir = raw.dir;
  return search;
}
