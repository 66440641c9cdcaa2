// Scoring a candidate record against the probe: string similarities (Jaro-Winkler, trigram) and the
// per-key evidence a reviewer sees.
import { isGenericToken } from "./generic-words";
import {
  compactName,
  companyDomain,
  emailDomain,
  nameTokens,
  normalizeCompanyName,
  normalizeCountry,
  toE164,
} from "./normalize";
import type { CandidateRecord, ConflictProbe, Evidence, NormalizedParty, ScoredCandidate } from "./types";

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 prefix characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = 1;
        bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The trigram set pg_trgm builds: each word padded with two spaces in front and one behind. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's `similarity()`: shared trigrams over the union. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

// Two tokens count as the same word from this Jaro-Winkler on (one typo in a 6-letter word ≈ 0.9).
const TOKEN_MATCH = 0.88;
const GENERIC_WEIGHT = 0.3;

interface Directional {
  score: number;
}

/** How well the tokens of `a` are covered by those of `b`, weighted so generic words count less. */
function coverage(a: readonly string[], b: readonly string[]): Directional {
  let total = 0;
  let got = 0;
  for (const token of a) {
    const weight = isGenericToken(token) ? GENERIC_WEIGHT : 1;
    let best = 0;
    for (const other of b) {
      // A typo changes the length by one or two; "abb"/"abbvie" or "nest"/"nestle" are other words.
      const dl = Math.abs(token.length - other.length);
      if (dl > 1 && Math.min(token.length, other.length) < 0.75 * Math.max(token.length, other.length)) continue;
      const sim = token === other ? 1 : jaroWinkler(token, other);
      if (sim > best) best = sim;
      if (best === 1) break;
    }
    total += weight;
    if (best >= TOKEN_MATCH) got += weight * best;
  }
  return { score: total === 0 ? 0 : got / total };
}

/** `outer` minus every word of `inner` (as a multiset), or undefined when `inner` is not contained. */
function subtract(outer: readonly string[], inner: readonly string[]): string[] | undefined {
  const left = [...outer];
  for (const token of inner) {
    const at = left.indexOf(token);
    if (at < 0) return undefined;
    left.splice(at, 1);
  }
  return left;
}

export interface NameComparison {
  score: number;
  /** One name is the other plus extra words ("Contoso" / "Contoso Germany"). */
  contained: boolean;
  /** The extra words are all generic or geographic qualifiers. */
  qualifierOnly: boolean;
}

/** Name similarity: the better of token-level soft matching and whole-name trigram similarity. */
export function compareNames(a: NormalizedParty, b: NormalizedParty): NameComparison {
  if (a.nameNormalized === "" || b.nameNormalized === "") return { score: 0, contained: false, qualifierOnly: false };
  if (a.compact === b.compact) return { score: 1, contained: false, qualifierOnly: false };
  const ab = coverage(a.tokens, b.tokens);
  const ba = coverage(b.tokens, a.tokens);
  const soft = (ab.score + ba.score) / 2;
  const whole = trigramSimilarity(a.compact, b.compact);
  const score = Math.max(soft, whole);
  // Containment: every word of one side is found in the other, which has words left over.
  // Containment needs exact words ("Nokia" is not contained in "Nokian Tyres").
  let inner: NormalizedParty | undefined;
  let extra: string[] = [];
  const aLeft = subtract(b.tokens, a.tokens);
  const bLeft = subtract(a.tokens, b.tokens);
  if (aLeft && a.tokens.length < b.tokens.length) [inner, extra] = [a, aLeft];
  else if (bLeft && b.tokens.length < a.tokens.length) [inner, extra] = [b, bLeft];
  const contained =
    inner !== undefined && extra.length > 0 && inner.tokens.some((t) => !isGenericToken(t)) && whole < 0.9;
  const qualifierOnly = contained && extra.every(isGenericToken);
  return { score, contained, qualifierOnly };
}

function party(
  name: string,
  nameNormalized: string | null | undefined,
  fields: Omit<NormalizedParty, "name" | "nameNormalized" | "tokens" | "compact">,
): NormalizedParty {
  const normalized = nameNormalized ?? normalizeCompanyName(name);
  return {
    name,
    nameNormalized: normalized,
    tokens: nameTokens(normalized),
    compact: compactName(normalized),
    ...fields,
  };
}

export function normalizeProbe(probe: ConflictProbe): NormalizedParty {
  const country = normalizeCountry(probe.country);
  return party(probe.name, undefined, {
    domain: companyDomain(probe.domain),
    emailDomain: emailDomain(probe.contactEmail),
    phone: toE164(probe.phone, country),
    country,
  });
}

export function normalizeCandidate(record: CandidateRecord): NormalizedParty {
  const country = normalizeCountry(record.country);
  return party(record.name, record.nameNormalized, {
    domain: companyDomain(record.domain),
    emailDomain: companyDomain(record.emailDomain),
    phone: record.phone?.startsWith("+") ? record.phone : toE164(record.phone, country),
    country,
  });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Per-key evidence and an overall score for one candidate. */
export function scoreCandidate(probe: NormalizedParty, candidate: NormalizedParty): ScoredCandidate {
  const evidence: Evidence[] = [];
  const identityKeys: ScoredCandidate["identityKeys"] = [];

  const domainMatch = probe.domain !== undefined && probe.domain === candidate.domain;
  if (probe.domain && candidate.domain) {
    evidence.push({
      key: "domain",
      probeValue: probe.domain,
      candidateValue: candidate.domain,
      score: domainMatch ? 1 : 0,
    });
  }
  if (domainMatch) identityKeys.push("domain");

  // The contact's e-mail domain against the candidate's web or contact domain, and the other way round.
  const candidateDomains = [candidate.domain, candidate.emailDomain].filter((d): d is string => d !== undefined);
  const emailHit =
    (probe.emailDomain !== undefined && candidateDomains.includes(probe.emailDomain)) ||
    (probe.domain !== undefined && !domainMatch && probe.domain === candidate.emailDomain);
  if (emailHit) {
    const probeValue =
      probe.emailDomain && candidateDomains.includes(probe.emailDomain) ? probe.emailDomain : probe.domain!;
    evidence.push({ key: "email_domain", probeValue, candidateValue: probeValue, score: 1 });
    identityKeys.push("email_domain");
  }

  const phoneMatch = probe.phone !== undefined && probe.phone === candidate.phone;
  if (probe.phone && candidate.phone) {
    evidence.push({
      key: "phone",
      probeValue: probe.phone,
      candidateValue: candidate.phone,
      score: phoneMatch ? 1 : 0,
    });
  }
  if (phoneMatch) identityKeys.push("phone");

  const names = compareNames(probe, candidate);
  if (probe.nameNormalized && candidate.nameNormalized) {
    evidence.push({ key: "name", probeValue: probe.name, candidateValue: candidate.name, score: round(names.score) });
  }

  const countriesDiffer =
    probe.country !== undefined && candidate.country !== undefined && probe.country !== candidate.country;
  if (probe.country && candidate.country) {
    evidence.push({
      key: "country",
      probeValue: probe.country,
      candidateValue: candidate.country,
      score: countriesDiffer ? 0 : 1,
    });
  }

  const probeDomains = [probe.domain, probe.emailDomain].filter((d): d is string => d !== undefined);
  const domainsDiffer =
    identityKeys.length === 0 && probeDomains.length > 0 && candidateDomains.length > 0 && !domainMatch && !emailHit;

  // Noisy-OR of the keys: only for ranking and display; the decision uses the policy's thresholds.
  const nameTerm = 0.95 * names.score * names.score;
  let score =
    1 - (1 - (domainMatch ? 0.9 : 0)) * (1 - (emailHit ? 0.8 : 0)) * (1 - (phoneMatch ? 0.6 : 0)) * (1 - nameTerm);
  if (countriesDiffer) score *= 0.9;

  return {
    score: round(score),
    evidence,
    nameScore: names.score,
    nameContained: names.contained,
    qualifierOnly: names.qualifierOnly,
    identityKeys,
    countriesDiffer,
    domainsDiffer,
  };
}
