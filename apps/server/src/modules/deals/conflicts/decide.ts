// The decision: clear | review | conflict, with the evidence and a plain-language reason.
import { normalizeCandidate, normalizeProbe, scoreCandidate } from "./score";
import {
  type CandidateKind,
  type CandidateRecord,
  type ConflictMatch,
  type ConflictPolicy,
  type ConflictProbe,
  type ConflictResult,
  DEFAULT_POLICY,
  type Decision,
  type NormalizedParty,
  type ScoredCandidate,
} from "./types";

const DAY_MS = 86_400_000;

/** The decision for one scored candidate under the policy's thresholds. */
export function decideMatch(probe: NormalizedParty, scored: ScoredCandidate, policy: ConflictPolicy): Decision {
  const identity = scored.identityKeys.length > 0;
  // An empty name (the partner has typed only a domain so far) cannot contradict a key match.
  const nameAgrees = probe.nameNormalized === "" || scored.nameScore >= policy.nameConfirm;
  // Same domain/e-mail/phone and an agreeing name: the same company, unless the names differ only by
  // a geographic or generic qualifier, which marks a subsidiary ("Contoso Germany") → review.
  if (identity && nameAgrees && !(scored.nameContained && scored.qualifierOnly)) return "conflict";
  // A name alone is a conflict only when nothing contradicts it (country, distinct company domains).
  if (
    !identity &&
    scored.nameScore >= policy.nameConflict &&
    !scored.nameContained &&
    !scored.countriesDiffer &&
    !scored.domainsDiffer
  ) {
    return "conflict";
  }
  if (identity || scored.nameScore >= policy.nameReview || scored.nameContained) return "review";
  return "clear";
}

function withinLookback(record: CandidateRecord, policy: ConflictPolicy): boolean {
  if (record.kind !== "direct_engagement" || !record.engagedAt) return true;
  const engagedAt = new Date(record.engagedAt).getTime();
  const now = (policy.now ?? new Date()).getTime();
  return now - engagedAt <= policy.directEngagementLookbackDays * DAY_MS;
}

const KIND_PHRASE: Record<CandidateKind, (record: CandidateRecord) => string> = {
  registration: () => "has an open registration by another partner",
  account: () => "is an account owned by the vendor",
  direct_opportunity: () => "has an open direct opportunity",
  customer: () => "is an existing customer",
  named_account: (r) => (r.listName ? `is on the named-account list "${r.listName}"` : "is a named account"),
  direct_engagement: (r) =>
    r.engagedAt
      ? `was engaged by direct sales on ${new Date(r.engagedAt).toISOString().slice(0, 10)}`
      : "was recently engaged by direct sales",
};

const KEY_LABEL = { domain: "domain", email_domain: "contact e-mail domain", phone: "phone" } as const;

/** "Contoso Ltd (contoso.com) is an existing customer (same domain, name 0.97)". */
export function describeMatch(record: CandidateRecord, scored: ScoredCandidate, decision: Decision): string {
  const subject = record.domain ? `${record.name} (${record.domain})` : record.name;
  const keys = scored.identityKeys.map((k) => `same ${KEY_LABEL[k]}`);
  if (scored.nameScore > 0) keys.push(`name similarity ${scored.nameScore.toFixed(2)}`);
  if (scored.countriesDiffer) keys.push("different country");
  const facts = keys.length > 0 ? ` (${keys.join(", ")})` : "";
  const phrase = KIND_PHRASE[record.kind](record);
  if (decision === "conflict") return `${subject} ${phrase}${facts}`;
  const why = scored.nameContained
    ? "possibly a subsidiary or division"
    : scored.identityKeys.length > 0
      ? "same organisation keys but a different name, possibly a subsidiary"
      : "similar name";
  return `Possibly related to ${subject}, which ${phrase}: ${why}${facts}`;
}

const RANK: Record<Decision, number> = { clear: 0, review: 1, conflict: 2 };

/**
 * Checks a probe against candidate records (typically the output of the blocking step) and returns
 * the decision with every review/conflict match, strongest first. Pure: no I/O, deterministic.
 */
export function checkConflicts(
  probe: ConflictProbe,
  candidates: readonly CandidateRecord[],
  policy: Partial<ConflictPolicy> = {},
): ConflictResult {
  const effective: ConflictPolicy = { ...DEFAULT_POLICY, ...policy };
  const p = normalizeProbe(probe);
  const matches: ConflictMatch[] = [];
  for (const record of candidates) {
    if (!withinLookback(record, effective)) continue;
    const scored = scoreCandidate(p, normalizeCandidate(record));
    const decision = decideMatch(p, scored, effective);
    if (decision === "clear") continue;
    matches.push({
      record,
      kind: record.kind,
      decision,
      score: scored.score,
      evidence: scored.evidence,
      reason: describeMatch(record, scored, decision),
    });
  }
  matches.sort((a, b) => RANK[b.decision] - RANK[a.decision] || b.score - a.score);
  const top = matches[0];
  if (!top) {
    return { decision: "clear", matches, reason: `No open registration, account or customer matches ${probe.name}` };
  }
  return { decision: top.decision, matches, reason: top.reason };
}

/**
 * What a partner may see: the decision and a generic reason, never another partner's record or the
 * vendor's account data (a partner never learns another partner's record exists).
 */
export function partnerView(result: ConflictResult): { decision: Decision; reason: string } {
  const reason =
    result.decision === "clear"
      ? "No conflict found"
      : result.decision === "review"
        ? "This account may already be covered; the vendor will review the registration"
        : "This account is already covered; the registration will likely be rejected unless the vendor overrides";
  return { decision: result.decision, reason };
}
