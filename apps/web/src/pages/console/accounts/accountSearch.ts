import { accountStatuses } from "@symbiont/contracts";

/** The account list's URL state: search, filters and page. */
export interface AccountSearch {
  q?: string;
  status?: string;
  listId?: string;
  country?: string;
  industry?: string;
  offset?: number;
}

/** Reads the URL leniently: unknown keys and bad values are dropped, never an error page. */
export function parseAccountSearch(raw: Record<string, unknown>): AccountSearch {
  const search: AccountSearch = {};
  for (const key of ["q", "listId", "country", "industry"] as const) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() && value.length <= 200) search[key] = value;
  }
  if (typeof raw.status === "string" && (accountStatuses as readonly string[]).includes(raw.status))
    search.status = raw.status;
  const offset = Number(raw.offset);
  if (Number.isInteger(offset) && offset > 0 && offset <= 1_000_000) search.offset = offset;
  return search;
}
