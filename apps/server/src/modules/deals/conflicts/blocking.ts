// Blocking: which few records are worth scoring. Keys are the registrable domain (web and contact
// e-mail, free-mail excluded), the E.164 phone, and name keys (rare tokens first, their one-deletion
// variants to survive a typo, and the spaceless name); whole-name trigram similarity is an optional
// extra branch for names with several typos. Country never filters (a US registration can clash with a German account); it
// only ranks within a block.
import { isGenericToken } from "./generic-words";
import { normalizeCandidate, normalizeProbe, trigramSimilarity, trigrams } from "./score";
import type { CandidateRecord, ConflictProbe, NormalizedParty } from "./types";

// Words this long get one-deletion keys: any single typo (insert, delete, substitute, swap of
// neighbours) leaves the two spellings sharing a key ("amazon"/"amaozn" both give "~amazn").
const TYPO_KEY_MIN_LENGTH = 4;

function tokenKeys(token: string, keys: Set<string>): void {
  keys.add(token);
  if (token.length < TYPO_KEY_MIN_LENGTH) return;
  keys.add(`~${token}`);
  for (let i = 0; i < token.length; i++) keys.add(`~${token.slice(0, i)}${token.slice(i + 1)}`);
}

/** The name keys stored with a record (the `name_keys` column): every distinctive token, its
 * one-deletion variants and the spaceless name. Generic words ("Systems", "Germany") are keys only
 * when nothing else is. */
export function nameKeys(party: Pick<NormalizedParty, "tokens" | "compact">): string[] {
  const distinctive = party.tokens.filter((t) => !isGenericToken(t));
  const keys = new Set<string>();
  for (const token of distinctive.length > 0 ? distinctive : party.tokens) tokenKeys(token, keys);
  if (party.compact !== "") keys.add(`=${party.compact}`);
  return [...keys];
}

/** The name keys a probe looks up: its rarest distinctive tokens (by `frequency`, the estimated
 * rows per key, when known; else the longest), their one-deletion variants and the spaceless name.
 * Keys estimated above `maxBlock` rows are dropped (they would drag thousands of rows into the
 * ranking), except the rarest token itself when nothing else is left. */
export function probeNameKeys(
  party: Pick<NormalizedParty, "tokens" | "compact">,
  frequency: (key: string) => number = () => 0,
  maxTokens = 3,
  maxBlock = Number.POSITIVE_INFINITY,
): string[] {
  const distinctive = party.tokens.filter((t) => !isGenericToken(t));
  const pool = [...new Set(distinctive.length > 0 ? distinctive : party.tokens)];
  const chosen = pool
    .sort((a, b) => frequency(a) - frequency(b) || b.length - a.length || a.localeCompare(b))
    .slice(0, maxTokens);
  const candidates = new Set<string>();
  for (const token of chosen) tokenKeys(token, candidates);
  const keys = [...candidates].filter((key) => frequency(key) <= maxBlock);
  if (party.compact !== "") keys.push(`=${party.compact}`);
  if (!keys.some((k) => !k.startsWith("=")) && chosen[0] !== undefined) keys.unshift(chosen[0]);
  return [...new Set(keys)];
}

/** A key-frequency estimate from PostgreSQL's statistics on the `name_keys` column
 * (`select most_common_elems::text::text[], most_common_elem_freqs from pg_stats where …`):
 * keys absent from the list are rarer than every listed one, so they count as 0. */
export function keyFrequencyFromStats(
  elements: readonly string[],
  frequencies: readonly number[],
  rowCount: number,
): (key: string) => number {
  const estimate = new Map<string, number>();
  for (const [i, key] of elements.entries()) estimate.set(key, (frequencies[i] ?? 0) * rowCount);
  return (key) => estimate.get(key) ?? 0;
}

/** All blocking keys of a record, as stored: see `candidateQuery` for the columns. */
export function blockingKeys(party: NormalizedParty): {
  domains: string[];
  phone?: string;
  nameKeys: string[];
  country?: string;
} {
  const domains = [...new Set([party.domain, party.emailDomain].filter((d): d is string => d !== undefined))];
  return { domains, phone: party.phone, nameKeys: nameKeys(party), country: party.country };
}

export interface CandidateSearchOptions {
  /** Most records kept per name branch (trigram, name keys), best first. */
  limitPerBranch?: number;
  /** Also search by whole-name trigram similarity, like `candidateQuery`'s `includeTrigram`. */
  includeTrigram?: boolean;
  /** pg_trgm's default `similarity_threshold`. */
  trigramThreshold?: number;
  /** Skip the probing partner's own registrations. */
  excludePartnerId?: string;
  /** Skip the registration being checked. */
  excludeRecordId?: string;
}

interface Entry {
  record: CandidateRecord;
  party: NormalizedParty;
  trigramCount: number;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** A pure in-memory candidate index with the same semantics as `candidateQuery` (tests, bench). */
export class CandidateIndex {
  private readonly entries: Entry[] = [];
  private readonly byDomain = new Map<string, number[]>();
  private readonly byPhone = new Map<string, number[]>();
  private readonly byNameKey = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, number[]>();

  constructor(records: Iterable<CandidateRecord> = []) {
    for (const record of records) this.add(record);
  }

  get size(): number {
    return this.entries.length;
  }

  add(record: CandidateRecord): void {
    const id = this.entries.length;
    const party = normalizeCandidate(record);
    const keys = blockingKeys(party);
    const grams = trigrams(party.nameNormalized);
    this.entries.push({ record, party, trigramCount: grams.size });
    for (const domain of keys.domains) push(this.byDomain, domain, id);
    if (keys.phone) push(this.byPhone, keys.phone, id);
    for (const key of keys.nameKeys) push(this.byNameKey, key, id);
    for (const gram of grams) push(this.byTrigram, gram, id);
  }

  /** Candidate records for a probe: key matches plus the best name matches, deduplicated. */
  candidates(probe: ConflictProbe, options: CandidateSearchOptions = {}): CandidateRecord[] {
    const limit = options.limitPerBranch ?? 20;
    const threshold = options.trigramThreshold ?? 0.3;
    const p = normalizeProbe(probe);
    const found = new Set<number>();
    for (const domain of [p.domain, p.emailDomain]) {
      if (domain) for (const id of this.byDomain.get(domain) ?? []) found.add(id);
    }
    if (p.phone) for (const id of this.byPhone.get(p.phone) ?? []) found.add(id);

    const rank = (ids: Iterable<number>): number[] =>
      [...ids]
        .map((id) => ({
          id,
          sameCountry: p.country !== undefined && this.entries[id]!.party.country === p.country ? 1 : 0,
          sim: trigramSimilarity(p.nameNormalized, this.entries[id]!.party.nameNormalized),
        }))
        .sort((a, b) => b.sameCountry - a.sameCountry || b.sim - a.sim)
        .slice(0, limit)
        .map((x) => x.id);

    const keyHits = new Set<number>();
    const frequency = (key: string): number => this.byNameKey.get(key)?.length ?? 0;
    for (const key of probeNameKeys(p, frequency)) for (const id of this.byNameKey.get(key) ?? []) keyHits.add(id);
    for (const id of rank(keyHits)) found.add(id);

    // Trigram branch: count shared trigrams through the posting lists, keep pairs over the threshold.
    const probeGrams = options.includeTrigram ? trigrams(p.nameNormalized) : new Set<string>();
    const shared = new Map<number, number>();
    for (const gram of probeGrams) {
      for (const id of this.byTrigram.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const over: { id: number; sim: number }[] = [];
    for (const [id, count] of shared) {
      const sim = count / (probeGrams.size + this.entries[id]!.trigramCount - count);
      if (sim >= threshold) over.push({ id, sim });
    }
    over.sort((a, b) => b.sim - a.sim);
    for (const { id } of over.slice(0, limit)) found.add(id);

    const out: CandidateRecord[] = [];
    for (const id of found) {
      const record = this.entries[id]!.record;
      if (options.excludeRecordId !== undefined && record.id === options.excludeRecordId) continue;
      if (record.kind === "registration" && options.excludePartnerId && record.partnerId === options.excludePartnerId) {
        continue;
      }
      out.push(record);
    }
    return out;
  }
}
