// The SQL side of blocking. The deals module owns the storage; this file only states what a
// candidate table or view must provide and builds the (parameterized, fixed-text) lookup.
//
// Required columns of the candidate relation (one row per open registration, owned account, open
// direct opportunity, customer, named-account entry and direct engagement):
//   workspace_id     tenant key (every branch filters on it)
//   record_id        text, the source record's id (unique with kind)
//   kind             text, one of CANDIDATE_KINDS
//   display_name     text, the name as entered
//   name_normalized  text, normalizeCompanyName(display_name)
//   name_keys        text[], nameKeys(...) of the normalized name
//   domain           text null, companyDomain(website)        (registrable, free-mail excluded)
//   email_domain     text null, emailDomain(contact e-mail)   (registrable, free-mail excluded)
//   phone_e164       text null, toE164(phone, country)
//   country          text null, ISO 3166-1 alpha-2
//   partner_id       null unless kind = 'registration'
//   list_name        text null, for named_account
//   engaged_at       timestamptz null, for direct_engagement
// Indexes (pg_trgm extension):
//   btree (workspace_id, domain), btree (workspace_id, email_domain), btree (workspace_id, phone_e164),
//   gin (name_keys); gin (name_normalized gin_trgm_ops) only with `includeTrigram`
//   (pg_trgm must be installed either way: the name branches rank by similarity()).
// Each branch below is one index probe with its own LIMIT, so the plan stays bounded however large
// a block (a common word, a big customer's domain) gets.
import { nameKeys, probeNameKeys } from "./blocking";
import { normalizeCandidate, normalizeProbe } from "./score";
import { CANDIDATE_KINDS, type CandidateKind, type CandidateRecord, type ConflictProbe } from "./types";

export interface CandidateQueryOptions {
  /** Table or view name, optionally schema-qualified; must be a plain identifier. */
  relation: string;
  workspaceId: string;
  excludePartnerId?: string | null;
  excludeRecordId?: string | null;
  /** Direct engagements before this instant are ignored (look-back window). */
  engagedSince?: Date | null;
  /** Rows per branch, default 20 (domain and phone branches take up to 5× that). */
  limitPerBranch?: number;
  /**
   * Adds the `name_normalized % $name` branch (needs the trigram GIN index). Off by default: the
   * name-key branch (one-deletion keys) finds the same records on the labelled set, and at a million
   * rows the trigram scan costs tens of milliseconds (bench/conflict-check.ts). Turn it on for
   * names with several typos, e.g. in the vendor's review screen where latency matters less.
   */
  includeTrigram?: boolean;
  /** Estimated rows per name key (see `keyFrequencyFromStats`), for rare-key preference. */
  keyFrequency?: (key: string) => number;
  /** Name keys estimated above this many rows are not looked up (default 200: at a million names a bigger block costs more heap reads than the typo tolerance it buys). */
  maxKeyBlock?: number;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export interface CandidateRow {
  record_id: string;
  kind: string;
  display_name: string;
  name_normalized: string;
  domain: string | null;
  email_domain: string | null;
  phone_e164: string | null;
  country: string | null;
  partner_id: string | null;
  list_name: string | null;
  engaged_at: Date | string | null;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * The lookup's parameters for a probe, in order: workspace, domains, phone, normalized name, name keys
 * (rarest tokens first, over-common keys dropped), country, rows per branch, excluded partner,
 * excluded record, engaged-since. Shared by `candidateQuery` and stored lookup functions that take
 * the same arguments, so both block on exactly the same keys.
 */
export function probeLookupValues(
  probe: ConflictProbe,
  options: Omit<CandidateQueryOptions, "relation" | "includeTrigram">,
): unknown[] {
  const p = normalizeProbe(probe);
  const domains = [...new Set([p.domain, p.emailDomain].filter((d): d is string => d !== undefined))];
  return [
    options.workspaceId, // $1
    domains, // $2
    p.phone ?? null, // $3
    p.nameNormalized, // $4
    probeNameKeys(p, options.keyFrequency, 3, options.maxKeyBlock ?? 200), // $5
    p.country ?? null, // $6
    options.limitPerBranch ?? 20, // $7
    options.excludePartnerId ?? null, // $8
    options.excludeRecordId ?? null, // $9
    options.engagedSince ?? null, // $10
  ];
}

/**
 * Parameterized SQL returning the candidate rows for a probe:
 * `domain = any($domains) OR email_domain = any($domains) OR phone_e164 = $phone
 *  OR name_keys && $keys [OR name_normalized % $name]`, as a UNION of index-backed branches.
 * The optional trigram branch follows the session's `pg_trgm.similarity_threshold` (default 0.3).
 */
export function candidateQuery(probe: ConflictProbe, options: CandidateQueryOptions): SqlQuery {
  if (!IDENTIFIER.test(options.relation)) throw new Error(`Invalid relation name: ${options.relation}`);
  const values = probeLookupValues(probe, options);
  const cols =
    "c.record_id, c.kind, c.display_name, c.name_normalized, c.domain, c.email_domain, c.phone_e164, c.country, c.partner_id, c.list_name, c.engaged_at";
  const scope = [
    "c.workspace_id = $1",
    "($8::text is null or c.kind <> 'registration' or c.partner_id::text <> $8::text)",
    "($9::text is null or c.record_id::text <> $9::text)",
    "($10::timestamptz is null or c.kind <> 'direct_engagement' or c.engaged_at >= $10::timestamptz)",
  ].join(" and ");
  const from = `from ${options.relation} c where ${scope}`;
  const byName =
    "order by (c.country is not distinct from $6::text) desc, similarity(c.name_normalized, $4::text) desc";
  const branches = [
    `(select ${cols} ${from} and c.domain = any($2::text[]) limit $7::int * 5)`,
    `(select ${cols} ${from} and c.email_domain = any($2::text[]) limit $7::int * 5)`,
    `(select ${cols} ${from} and c.phone_e164 = $3::text limit $7::int * 5)`,
    `(select ${cols} ${from} and c.name_keys && $5::text[] ${byName} limit $7::int)`,
  ];
  if (options.includeTrigram) {
    branches.push(
      `(select ${cols} ${from} and c.name_normalized % $4::text order by similarity(c.name_normalized, $4::text) desc limit $7::int)`,
    );
  }
  const text = branches.join("\nunion\n");
  return { text, values };
}

function isKind(value: string): value is CandidateKind {
  return (CANDIDATE_KINDS as readonly string[]).includes(value);
}

/** Maps a row of `candidateQuery` to the engine's record (normalized name reused, not recomputed). */
export function rowToCandidate(row: CandidateRow): CandidateRecord {
  if (!isKind(row.kind)) throw new Error(`Unknown candidate kind: ${row.kind}`);
  return {
    id: String(row.record_id),
    kind: row.kind,
    name: row.display_name,
    nameNormalized: row.name_normalized,
    domain: row.domain,
    emailDomain: row.email_domain,
    phone: row.phone_e164,
    country: row.country,
    partnerId: row.partner_id === null ? null : String(row.partner_id),
    listName: row.list_name,
    engagedAt: row.engaged_at,
  };
}

/** The derived column values to store for a record, computed by the same code the probe uses. */
export function candidateColumns(record: CandidateRecord): {
  name_normalized: string;
  name_keys: string[];
  domain: string | null;
  email_domain: string | null;
  phone_e164: string | null;
  country: string | null;
} {
  const party = normalizeCandidate(record);
  return {
    name_normalized: party.nameNormalized,
    name_keys: nameKeys(party),
    domain: party.domain ?? null,
    email_domain: party.emailDomain ?? null,
    phone_e164: party.phone ?? null,
    country: party.country ?? null,
  };
}
