// Vendor-side review: the queue, the review page, approve / reject / request information /
// override, bulk approval of clear registrations, and re-checks at review time.
import type {
  ConflictDecisionValue,
  ConflictMatchRecord,
  ConsoleRegistration,
  ConsoleRegistrationSummary,
  RegistrationCheckRecord,
  RegistrationStatus,
} from "@symbiont/contracts";
import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { partners } from "../partners";
import { evidenceOf, runConflictCheck } from "./deals.check";
import { currentPolicy } from "./deals.policies";
import { findRegistration, loadChildren, type RegistrationRow, toPortalRegistration, toSummary } from "./deals.queries";
import { judgeSubmission, OPEN_STATUSES } from "./deals.rules";
import { dealRegistrations, registrationChecks } from "./deals.schema";
import { approve, notify, reject, transition } from "./deals.writes";

export const reviewers = ["admin", "partner_manager"] as const;
const HOUR_MS = 3_600_000;

function slaHoursLeft(row: RegistrationRow, now: Date): number | null {
  if (!row.reviewDueAt || !OPEN_STATUSES.includes(row.status as RegistrationStatus)) return null;
  return Math.round(((row.reviewDueAt.getTime() - now.getTime()) / HOUR_MS) * 10) / 10;
}

function toConsoleSummary(row: RegistrationRow, partnerName: string, now: Date): ConsoleRegistrationSummary {
  return {
    ...toSummary(row),
    partnerId: row.partnerId,
    partnerName,
    country: row.country,
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    checkDecision: (row.checkDecision as ConflictDecisionValue | null) ?? null,
    blockedBy: row.blockedBy,
    slaHoursLeft: slaHoursLeft(row, now),
  };
}

const partnerJoin = and(
  eq(partners.workspaceId, dealRegistrations.workspaceId),
  eq(partners.id, dealRegistrations.partnerId),
);

/** The review queue: open registrations first by SLA (soonest due first), with filters. */
export async function listRegistrationQueue(
  ctx: ServiceContext,
  query: {
    status?: RegistrationStatus | undefined;
    queue: "open" | "all";
    partnerId?: string | undefined;
    decision?: ConflictDecisionValue | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: ConsoleRegistrationSummary[]; total: number }> {
  requireVendor(ctx.actor);
  const db = ctx.database.db;
  const where: SQL[] = [
    eq(dealRegistrations.workspaceId, ctx.actor.workspaceId),
    ne(dealRegistrations.status, "draft"),
  ];
  if (query.status) where.push(eq(dealRegistrations.status, query.status));
  else if (query.queue === "open") where.push(inArray(dealRegistrations.status, [...OPEN_STATUSES]));
  if (query.partnerId) where.push(eq(dealRegistrations.partnerId, query.partnerId));
  if (query.decision) where.push(eq(dealRegistrations.checkDecision, query.decision));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(dealRegistrations.companyName, like),
      ilike(dealRegistrations.website, like),
      ilike(partners.name, like),
    );
    if (match) where.push(match);
  }
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: dealRegistrations, partnerName: partners.name })
      .from(dealRegistrations)
      .innerJoin(partners, partnerJoin)
      .where(and(...where))
      .orderBy(
        sql`${dealRegistrations.reviewDueAt} asc nulls last`,
        desc(dealRegistrations.submittedAt),
        asc(dealRegistrations.id),
      )
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(dealRegistrations)
      .innerJoin(partners, partnerJoin)
      .where(and(...where)),
  ]);
  const now = new Date();
  return { items: rows.map((r) => toConsoleSummary(r.row, r.partnerName, now)), total: Number(total?.n ?? 0) };
}

function toCheckRecord(row: typeof registrationChecks.$inferSelect): RegistrationCheckRecord {
  return {
    id: row.id,
    trigger: row.trigger,
    decision: row.decision as ConflictDecisionValue,
    reason: row.reason,
    partnerReason: row.partnerReason,
    matches: row.evidence as ConflictMatchRecord[],
    policyVersion: row.policyVersion,
    checkedAt: row.checkedAt.toISOString(),
  };
}

async function consoleView(db: DbOrTx, row: RegistrationRow): Promise<ConsoleRegistration> {
  // Sequential: the view is also built inside transactions, where the queries share one connection.
  const children = await loadChildren(db, row.workspaceId, row.id);
  const [partner] = await db
    .select({ name: partners.name })
    .from(partners)
    .where(and(eq(partners.workspaceId, row.workspaceId), eq(partners.id, row.partnerId)));
  const history = await db
    .select()
    .from(dealRegistrations)
    .where(
      and(
        eq(dealRegistrations.workspaceId, row.workspaceId),
        eq(dealRegistrations.partnerId, row.partnerId),
        ne(dealRegistrations.id, row.id),
        ne(dealRegistrations.status, "draft"),
      ),
    )
    .orderBy(desc(dealRegistrations.createdAt))
    .limit(20);
  return {
    ...toPortalRegistration(row, children),
    partnerId: row.partnerId,
    partnerName: partner?.name ?? "",
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    checkDecision: (row.checkDecision as ConflictDecisionValue | null) ?? null,
    blockedBy: row.blockedBy,
    policyVersion: row.policyVersion,
    opportunityId: row.opportunityId,
    accountId: row.accountId,
    checks: children.checks.map(toCheckRecord),
    partnerHistory: history.map(toSummary),
  };
}

async function vendorLocked(db: DbOrTx, workspaceId: string, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(db, workspaceId, id, null, true);
  if (!row || row.status === "draft") throw notFound("Registration not found");
  return row;
}

export async function getRegistrationForReview(ctx: ServiceContext, id: string): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor);
  const row = await findRegistration(ctx.database.db, ctx.actor.workspaceId, id);
  if (!row || row.status === "draft") throw notFound("Registration not found");
  return consoleView(ctx.database.db, row);
}

/** Re-runs the check at review time (thorough: trigram search too) and stores it. */
async function recheck(tx: DbOrTx, row: RegistrationRow) {
  const policy = await currentPolicy(tx, row.workspaceId, row.programId);
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
      directLookbackDays: policy.rules.directLookbackDays,
      thorough: true,
    },
  );
  const outcome = judgeSubmission(result, policy.rules, {
    partnerId: row.partnerId,
    submittedAt: row.submittedAt ?? new Date(),
  });
  const evidence = await evidenceOf(tx, row.workspaceId, result);
  await tx.insert(registrationChecks).values({
    workspaceId: row.workspaceId,
    registrationId: row.id,
    trigger: "review",
    decision: outcome.decision,
    reason: result.reason,
    partnerReason: outcome.partnerReason,
    evidence,
    policyId: policy.id,
    policyVersion: policy.version,
  });
  // First approved wins: another partner's approved registration of this company blocks too.
  const approvedElsewhere = evidence.find(
    (m) => m.kind === "registration" && m.decision === "conflict" && m.status === "approved",
  );
  const blockedBy = outcome.blockedBy ?? (approvedElsewhere ? "registration" : null);
  const [updated] = await tx
    .update(dealRegistrations)
    .set({ checkDecision: outcome.decision, blockedBy })
    .where(and(eq(dealRegistrations.workspaceId, row.workspaceId), eq(dealRegistrations.id, row.id)))
    .returning();
  return { row: updated ?? row, policy, outcome, blockedBy };
}

export async function recheckRegistration(ctx: ServiceContext, id: string): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const row = await vendorLocked(tx, workspaceId, id);
    return consoleView(tx, (await recheck(tx, row)).row);
  });
}

const BLOCK_WORDS: Record<string, string> = {
  registration: "another partner registered this company first",
  direct_engagement: "direct sales engaged this company within the look-back window",
  customer: "the company is an existing customer",
  named_account: "the company is a named account reserved for direct sales",
  direct_opportunity: "direct sales has an open opportunity with this company",
};

async function approveLocked(
  tx: DbOrTx,
  source: AuditSource,
  row: RegistrationRow,
  input: { override: boolean; reason: string | undefined },
): Promise<RegistrationRow> {
  if (row.status === "rejected" && !input.override) {
    throw new AppError("REGISTRATION_STATE_INVALID", {
      message: "A rejected registration can only be approved as an override with a reason",
    });
  }
  if (input.override && (!input.reason || input.reason.trim().length < 3)) {
    throw fieldError("body.reason", "An override needs a reason");
  }
  const checked = await recheck(tx, row);
  if (checked.blockedBy && !input.override) {
    throw new AppError("REGISTRATION_BLOCKED", {
      message: `Cannot approve: ${BLOCK_WORDS[checked.blockedBy] ?? checked.blockedBy}. Override with a reason to approve anyway.`,
      details: { blockedBy: checked.blockedBy },
    });
  }
  const reason = input.override ? `Approved by override: ${input.reason?.trim()}` : input.reason?.trim() || "Approved";
  return approve(tx, source, checked.row, {
    policy: checked.policy,
    reason,
    automatic: false,
    override: input.override,
  });
}

export async function approveRegistration(
  ctx: ServiceContext,
  id: string,
  input: { override?: boolean | undefined; reason?: string | undefined },
): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const row = await vendorLocked(tx, workspaceId, id);
    const approved = await approveLocked(tx, auditSource(ctx), row, {
      override: input.override ?? false,
      reason: input.reason,
    });
    return consoleView(tx, approved);
  });
}

export async function rejectRegistration(
  ctx: ServiceContext,
  id: string,
  reason: string,
): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const row = await vendorLocked(tx, workspaceId, id);
    const policy = await currentPolicy(tx, workspaceId, row.programId);
    return consoleView(tx, await reject(tx, auditSource(ctx), row, { policy, reason, automatic: false }));
  });
}

export async function requestInformation(
  ctx: ServiceContext,
  id: string,
  message: string,
): Promise<ConsoleRegistration> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    let row = await vendorLocked(tx, workspaceId, id);
    if (!OPEN_STATUSES.includes(row.status as RegistrationStatus)) {
      throw new AppError("REGISTRATION_STATE_INVALID", {
        message: "Only registrations in review can ask for information",
      });
    }
    if (row.status === "submitted") row = await transition(tx, auditSource(ctx), row, "under_review", {}, null);
    const [updated] = await tx
      .update(dealRegistrations)
      .set({ infoRequest: message, updatedAt: sql`now()` })
      .where(and(eq(dealRegistrations.workspaceId, workspaceId), eq(dealRegistrations.id, id)))
      .returning();
    const current = updated ?? row;
    await notify(tx, current, {
      audience: "partner",
      kind: "info_requested",
      message: `${row.companyName}: ${message}`,
    });
    return consoleView(tx, current);
  });
}

/** Approves each clear, unblocked registration in its own transaction; reports the others. */
export async function bulkApprove(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<{ approved: string[]; skipped: { id: string; reason: string }[] }> {
  requireVendor(ctx.actor, reviewers);
  const workspaceId = ctx.actor.workspaceId;
  const approved: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await transaction(ctx.database, async (tx) => {
        const row = await vendorLocked(tx, workspaceId, id);
        if (!OPEN_STATUSES.includes(row.status as RegistrationStatus))
          throw new Error(`it is ${row.status.replace("_", " ")}`);
        if (row.checkDecision !== "clear") throw new Error("its conflict check is not clear; review it on its own");
        await approveLocked(tx, auditSource(ctx), row, { override: false, reason: "Approved in bulk (clear check)" });
      });
      approved.push(id);
    } catch (error) {
      const reason = error instanceof AppError && error.code === "NOT_FOUND" ? "not found" : (error as Error).message;
      skipped.push({ id, reason });
    }
  }
  return { approved, skipped };
}
