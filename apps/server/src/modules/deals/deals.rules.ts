// Rules of engagement as pure functions: defaults, plain-language summary, auto-approval, the state
// machine, which fields stay editable, and what a conflict check means for a submission.
import type { AutoApprovalCondition, RegistrationRules, RegistrationStatus } from "@symbiont/contracts";
import type { ConflictMatch, ConflictResult } from "./conflicts";

/** DOMAIN.md §3 defaults. */
export const DEFAULT_RULES: RegistrationRules = {
  protectionDays: 90,
  firstInTimeDays: 30,
  directLookbackDays: 60,
  renewalsToPartnerOfRecord: true,
  autoApprove: [
    { fact: "decision", op: "eq", value: "clear" },
    { fact: "tier", op: "gte", value: "Gold" },
    { fact: "amount", op: "lt", value: 50_000 },
  ],
  slaHours: 48,
  reminderHours: 24,
  maxExtensionDays: 90,
};

const OP_WORDS = { eq: "is", gte: "is at least", lt: "is below", lte: "is at most", gt: "is above" } as const;

export function describeCondition(c: AutoApprovalCondition): string {
  if (c.fact === "decision") return `the conflict check ${OP_WORDS[c.op]} ${c.value}`;
  if (c.fact === "tier") return `the partner's tier ${OP_WORDS[c.op]} ${c.value}`;
  return `the amount ${OP_WORDS[c.op]} ${c.value.toLocaleString("en")} (reporting currency)`;
}

/** The rules in plain language, for the console and the partner. */
export function summarizeRules(rules: RegistrationRules): string[] {
  const lines = [
    "The first approved registration wins.",
    rules.firstInTimeDays > 0
      ? `Two registrations for the same company within ${rules.firstInTimeDays} days: the earlier one wins.`
      : "Registrations for the same company are decided in review, not by submission order.",
    rules.directLookbackDays > 0
      ? `Direct sales engaged within the last ${rules.directLookbackDays} days: partners are not eligible unless a manager overrides with a reason.`
      : "Direct-sales engagement does not block registrations.",
    rules.renewalsToPartnerOfRecord ? "The partner of record keeps renewals." : "Renewals are open to any partner.",
    rules.protectionDays === null
      ? "Approved registrations stay protected until converted or withdrawn."
      : `Approved registrations are protected for ${rules.protectionDays} days; partners may ask for an extension (up to ${rules.maxExtensionDays} days).`,
    rules.autoApprove.length === 0
      ? "Every registration is reviewed by a manager."
      : `Approved automatically when ${rules.autoApprove.map(describeCondition).join(" and ")}.`,
    `Managers decide within ${rules.slaHours} hours; a reminder goes out after ${rules.reminderHours} hours and overdue registrations are escalated to the partner manager's lead.`,
  ];
  return lines;
}

export interface AutoApprovalFacts {
  decision: "clear" | "review" | "conflict";
  /** The partner's tier rank in the registration's program (null = no tier). */
  tierRank: number | null;
  /** Rank of each tier name of the program. */
  tierRanks: ReadonlyMap<string, number>;
  /** Amount in major units of the reporting currency (null = unknown, e.g. no FX rate). */
  amount: number | null;
}

/** Whether every condition holds; `failed` lists the ones that do not, in plain language. */
export function evaluateAutoApproval(
  conditions: readonly AutoApprovalCondition[],
  facts: AutoApprovalFacts,
): { approve: boolean; failed: string[] } {
  if (conditions.length === 0) return { approve: false, failed: ["auto-approval is off"] };
  const failed: string[] = [];
  for (const c of conditions) {
    let holds = false;
    if (c.fact === "decision") holds = facts.decision === c.value;
    else if (c.fact === "tier") {
      const wanted = facts.tierRanks.get(c.value.toLowerCase());
      holds =
        wanted !== undefined &&
        facts.tierRank !== null &&
        (c.op === "eq" ? facts.tierRank === wanted : facts.tierRank >= wanted);
    } else if (facts.amount !== null) {
      const a = facts.amount;
      holds = c.op === "lt" ? a < c.value : c.op === "lte" ? a <= c.value : c.op === "gt" ? a > c.value : a >= c.value;
    }
    if (!holds) failed.push(describeCondition(c));
  }
  return { approve: failed.length === 0, failed };
}

const TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["under_review", "approved", "rejected", "withdrawn"],
  under_review: ["approved", "rejected", "withdrawn"],
  approved: ["converted", "expired", "withdrawn"],
  // A manager may override a rejection with a reason.
  rejected: ["approved"],
  converted: [],
  expired: [],
  withdrawn: [],
};

export function canTransition(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const OPEN_STATUSES: readonly RegistrationStatus[] = ["submitted", "under_review"];

const ALL_FIELDS = [
  "companyName",
  "website",
  "country",
  "contactName",
  "contactEmail",
  "contactPhone",
  "amount",
  "currency",
  "expectedCloseOn",
  "products",
  "useCase",
  "incumbent",
  "notes",
  "programId",
] as const;
/** After submission the company's identity is fixed: it is what the conflict check decided on. */
const AFTER_SUBMIT = [
  "contactName",
  "contactEmail",
  "contactPhone",
  "amount",
  "currency",
  "expectedCloseOn",
  "products",
  "useCase",
  "incumbent",
  "notes",
] as const;
const AFTER_APPROVAL = ["contactName", "contactEmail", "contactPhone", "expectedCloseOn", "useCase", "notes"] as const;

export function editableFields(status: RegistrationStatus): readonly string[] {
  if (status === "draft") return ALL_FIELDS;
  if (status === "submitted" || status === "under_review") return AFTER_SUBMIT;
  if (status === "approved") return AFTER_APPROVAL;
  return [];
}

export type BlockKind = "customer" | "named_account" | "direct_opportunity" | "direct_engagement" | "registration";

export interface SubmissionOutcome {
  /** `rejected` when the vendor's own business blocks it outright; otherwise decided by review/auto-approval. */
  autoReject: boolean;
  /** A rule that stops a plain approval (an override with a reason is needed). */
  blockedBy: BlockKind | null;
  /** The reason shown to the partner. */
  partnerReason: string;
  /** The check's decision after the rules (e.g. a renewal of the partner's own customer is `review`). */
  decision: "clear" | "review" | "conflict";
}

const day = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString().slice(0, 10) : "an earlier date";

function subject(match: ConflictMatch): string {
  return match.record.domain ? `${match.record.name} (${match.record.domain})` : match.record.name;
}

/**
 * The plain-language reason for the partner: names the vendor's own record (the partner typed that
 * company) but never another partner or their registration.
 */
export function partnerReasonFor(match: ConflictMatch): string {
  const r = match.record;
  switch (match.kind) {
    case "registration":
      return `another partner registered this company first on ${day(r.engagedAt)}`;
    case "customer":
      return `${subject(match)} is an existing customer owned by direct sales since ${day(r.engagedAt)}`;
    case "named_account":
      return `${subject(match)} is a named account reserved for direct sales`;
    case "direct_opportunity":
      return `${subject(match)} has an open opportunity with direct sales`;
    case "direct_engagement":
      return `direct sales engaged ${subject(match)} on ${day(r.engagedAt)}`;
    case "account":
      return `${subject(match)} is an account owned by direct sales; a manager will review`;
  }
}

/**
 * What a check means for a submission under the rules. Matches are strongest first; only
 * `conflict` matches block, `review` matches send the registration to a manager.
 */
export function judgeSubmission(
  result: ConflictResult,
  rules: RegistrationRules,
  context: { partnerId: string; submittedAt: Date },
): SubmissionOutcome {
  const conflicts = result.matches.filter((m) => m.decision === "conflict");
  const relevant = conflicts.filter((m) => {
    if (m.kind === "customer" && rules.renewalsToPartnerOfRecord && m.record.partnerId === context.partnerId) {
      return false; // a renewal of the partner's own customer
    }
    if (m.kind === "registration") {
      const at = m.record.engagedAt ? new Date(m.record.engagedAt).getTime() : 0;
      // Only an earlier registration beats this one (first in time).
      if (at > context.submittedAt.getTime()) return false;
    }
    return true;
  });
  const hard = relevant.find(
    (m) => m.kind === "customer" || m.kind === "named_account" || m.kind === "direct_opportunity",
  );
  if (hard)
    return {
      autoReject: true,
      blockedBy: hard.kind as BlockKind,
      partnerReason: `Rejected: ${partnerReasonFor(hard)}`,
      decision: "conflict",
    };
  const engaged = relevant.find((m) => m.kind === "direct_engagement");
  if (engaged && rules.directLookbackDays > 0) {
    return {
      autoReject: false,
      blockedBy: "direct_engagement",
      partnerReason: `Needs a manager's decision: ${partnerReasonFor(engaged)}`,
      decision: "conflict",
    };
  }
  const earlier = relevant.find((m) => m.kind === "registration");
  if (earlier) {
    return {
      autoReject: false,
      blockedBy: "registration",
      partnerReason: `Waiting: ${partnerReasonFor(earlier)}; you are next in line if that registration is released`,
      decision: "conflict",
    };
  }
  const account = relevant.find((m) => m.kind === "account");
  if (account)
    return { autoReject: false, blockedBy: null, partnerReason: partnerReasonFor(account), decision: "review" };
  if (conflicts.length > 0 || result.decision === "review") {
    return {
      autoReject: false,
      blockedBy: null,
      partnerReason: "This company may already be covered; a manager will review the registration",
      decision: "review",
    };
  }
  return { autoReject: false, blockedBy: null, partnerReason: "No conflict found", decision: "clear" };
}
