// Submission: validate the short form, lock the match keys, take the database clock, check for
// conflicts, apply the rules of engagement, store the evidence — all in the caller's transaction.
import type { ValidationIssue } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { AppError } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { ensureAccount } from "../accounts";
import { programMemberships } from "../programs";
import { minorDigits, reportingCurrencyOf, toReporting } from "../revenue";
import { tiers } from "../tiers";
import { recordTouchpoint } from "../touchpoints";
import { evidenceOf, runConflictCheck } from "./deals.check";
import { currentPolicy, type PolicyVersion } from "./deals.policies";
import type { RegistrationRow } from "./deals.queries";
import { evaluateAutoApproval, judgeSubmission } from "./deals.rules";
import { dealRegistrations, registrationChecks } from "./deals.schema";
import { approve, reject, transition } from "./deals.writes";

const REQUIRED: { field: keyof RegistrationRow; path: string; message: string }[] = [
  { field: "country", path: "country", message: "Choose the customer's country" },
  { field: "contactName", path: "contactName", message: "Name the customer contact" },
  { field: "contactEmail", path: "contactEmail", message: "Enter the contact's e-mail address" },
  { field: "amountMinor", path: "amount", message: "Enter the expected amount" },
  { field: "currency", path: "currency", message: "Choose the currency" },
  { field: "expectedCloseOn", path: "expectedCloseOn", message: "Enter the expected close date" },
];

/** Every missing short-form field, with `prefix` (`body` or `registration`) on the path. */
export function missingForSubmission(row: RegistrationRow, prefix: string): ValidationIssue[] {
  const issues: ValidationIssue[] = REQUIRED.filter((r) => row[r.field] === null || row[r.field] === "").map((r) => ({
    path: `${prefix}.${r.path}`,
    message: r.message,
    code: "required",
  }));
  if (row.products.length === 0) {
    issues.push({ path: `${prefix}.products`, message: "Name at least one product", code: "required" });
  }
  return issues;
}

/**
 * Serializes submissions that could conflict: one transaction-scoped advisory lock per match key
 * (domain, e-mail domain, normalized name), taken in sorted order so two submitters never deadlock.
 * Returns the database clock read after every lock is held (one round trip for both): a later
 * submitter of the same company always gets a later time.
 */
export async function lockMatchKeys(tx: DbOrTx, row: RegistrationRow): Promise<Date> {
  const keys = [
    row.domain ? `d:${row.domain}` : null,
    row.emailDomain && row.emailDomain !== row.domain ? `d:${row.emailDomain}` : null,
    row.nameNormalized ? `n:${row.nameNormalized}` : null,
  ]
    .filter((k): k is string => k !== null)
    .map((key) => `reg:${row.workspaceId}:${key}`)
    .sort();
  // The aggregate finishes (every lock taken, in the sorted order) before clock_timestamp() is read.
  const locked = await tx.execute<{ now: Date | string }>(sql`
    select clock_timestamp() as now
    from (select count(pg_advisory_xact_lock(hashtextextended(k, 0))) as n
          from (select k from unnest(array[${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[]) as k order by k) as sorted) as locks`);
  return new Date(locked.rows[0]?.now ?? Date.now());
}

async function autoApprovalFacts(tx: DbOrTx, row: RegistrationRow) {
  const tierRanks = new Map<string, number>();
  let tierRank: number | null = null;
  if (row.programId) {
    // The program's tiers, each marked when it is the partner's current tier (one query).
    const programTiers = await tx
      .select({
        name: tiers.name,
        rank: tiers.rank,
        current: sql<boolean>`${programMemberships.partnerId} is not null`,
      })
      .from(tiers)
      .leftJoin(
        programMemberships,
        and(
          eq(programMemberships.workspaceId, tiers.workspaceId),
          eq(programMemberships.programId, tiers.programId),
          eq(programMemberships.tierId, tiers.id),
          eq(programMemberships.partnerId, row.partnerId),
        ),
      )
      .where(and(eq(tiers.workspaceId, row.workspaceId), eq(tiers.programId, row.programId)));
    for (const t of programTiers) tierRanks.set(t.name.toLowerCase(), t.rank);
    tierRank = programTiers.find((t) => t.current)?.rank ?? null;
  }
  const reporting = await reportingCurrencyOf(tx, row.workspaceId);
  const converted = await toReporting(
    tx,
    row.workspaceId,
    row.amountMinor,
    row.currency,
    row.expectedCloseOn ?? new Date().toISOString().slice(0, 10),
    reporting,
  );
  const amount =
    converted.amountReportingMinor === null ? null : converted.amountReportingMinor / 10 ** minorDigits(reporting);
  return { tierRanks, tierRank, amount };
}

export interface SubmitResult {
  row: RegistrationRow;
  policy: PolicyVersion;
}

/** Submits a locked draft. The caller has authorized and holds the row lock. */
export async function submitDraft(
  tx: DbOrTx,
  source: AuditSource,
  draft: RegistrationRow,
  pathPrefix: string,
): Promise<SubmitResult> {
  const issues = missingForSubmission(draft, pathPrefix);
  if (issues.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Complete the registration before submitting",
      details: { issues },
    });
  }
  const submittedAt = await lockMatchKeys(tx, draft);
  const policy = await currentPolicy(tx, draft.workspaceId, draft.programId);
  const rules = policy.rules;
  const { account } = await ensureAccount(tx, source, {
    workspaceId: draft.workspaceId,
    name: draft.companyName,
    website: draft.website,
    country: draft.country,
    phone: draft.contactPhone,
    via: "registration",
  });
  let row = await transition(
    tx,
    source,
    draft,
    "submitted",
    { submittedAt, reviewDueAt: new Date(submittedAt.getTime() + rules.slaHours * 3_600_000), accountId: account.id },
    null,
  );
  const result = await runConflictCheck(
    tx,
    {
      name: row.companyName,
      domain: row.website,
      contactEmail: row.contactEmail,
      phone: row.contactPhone,
      country: row.country,
    },
    {
      workspaceId: row.workspaceId,
      partnerId: row.partnerId,
      registrationId: row.id,
      directLookbackDays: rules.directLookbackDays,
      now: submittedAt,
    },
  );
  const outcome = judgeSubmission(result, rules, { partnerId: row.partnerId, submittedAt });
  const evidence = await evidenceOf(tx, row.workspaceId, result);
  await tx.insert(registrationChecks).values({
    workspaceId: row.workspaceId,
    registrationId: row.id,
    trigger: "submit",
    decision: outcome.decision,
    reason: result.reason,
    partnerReason: outcome.partnerReason,
    evidence,
    policyId: policy.id,
    policyVersion: policy.version,
  });
  await tx
    .update(dealRegistrations)
    .set({ checkDecision: outcome.decision, blockedBy: outcome.blockedBy })
    .where(and(eq(dealRegistrations.workspaceId, row.workspaceId), eq(dealRegistrations.id, row.id)));
  row = { ...row, checkDecision: outcome.decision, blockedBy: outcome.blockedBy };
  await recordTouchpoint(tx, source, {
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    type: "registration",
    occurredAt: submittedAt,
    accountId: account.id,
    origin: "registration",
    originId: row.id,
    note: row.companyName,
    actorUserId: source.actor.kind === "system" ? null : source.actor.userId,
  });
  await emitEvent(tx, source, {
    type: "deal_registration.submitted",
    workspaceId: row.workspaceId,
    partnerId: row.partnerId,
    entityType: "deal_registration",
    entityId: row.id,
    payload: { registrationId: row.id, decision: outcome.decision, companyName: row.companyName },
  });
  if (outcome.autoReject) {
    row = await reject(tx, source, row, {
      policy,
      reason: outcome.partnerReason.replace(/^Rejected: /, ""),
      automatic: true,
    });
    return { row, policy };
  }
  if (outcome.decision === "clear" && outcome.blockedBy === null) {
    const verdict = evaluateAutoApproval(rules.autoApprove, {
      decision: outcome.decision,
      ...(await autoApprovalFacts(tx, row)),
    });
    if (verdict.approve) {
      row = await approve(tx, source, row, {
        policy,
        reason: "Approved automatically: no conflict and the auto-approval rules hold",
        automatic: true,
        override: false,
      });
      return { row, policy };
    }
  }
  row = await transition(
    tx,
    source,
    row,
    "under_review",
    { policyId: policy.id, policyVersion: policy.version },
    outcome.partnerReason,
  );
  return { row, policy };
}
