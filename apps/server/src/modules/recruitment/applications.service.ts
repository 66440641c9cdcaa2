import type {
  ApplicationDetail,
  ApplicationPage,
  ApplicationStatus,
  ApplicationSummary,
  ApproveApplicationResult,
  FitContribution,
  PartnerStage,
} from "@symbiont/contracts";
import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, type Tx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { createInvitationInTx } from "../identity";
import { users } from "../identity/identity.schema";
import { transitionPartnerStage } from "../partners";
import { partners } from "../partners/partners.schema";
import { programs } from "../programs/programs.schema";
import "./recruitment.events";
import { partnerApplications } from "./recruitment.schema";

const deciders = ["admin", "partner_manager"] as const;

function baseQuery(db: DbOrTx) {
  return db
    .select({
      application: partnerApplications,
      programName: programs.name,
      companyName: partners.name,
      domain: partners.domain,
      vetterName: users.name,
    })
    .from(partnerApplications)
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, partnerApplications.workspaceId), eq(programs.id, partnerApplications.programId)),
    )
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, partnerApplications.workspaceId), eq(partners.id, partnerApplications.partnerId)),
    )
    .leftJoin(
      users,
      and(eq(users.workspaceId, partnerApplications.workspaceId), eq(users.id, partnerApplications.vetterId)),
    );
}

type Joined = Awaited<ReturnType<typeof baseQuery>>[number];

function toSummary(r: Joined): ApplicationSummary {
  const a = r.application;
  return {
    id: a.id,
    programId: a.programId,
    programName: r.programName,
    partnerId: a.partnerId,
    companyName: r.companyName,
    domain: r.domain,
    applicantName: a.applicantName,
    applicantEmail: a.applicantEmail,
    status: a.status as ApplicationStatus,
    fitScore: a.fitScore,
    ippVersion: a.ippVersion,
    vetterId: a.vetterId,
    vetterName: r.vetterName,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
  };
}

export async function listApplications(
  ctx: ServiceContext,
  query: {
    status?: ApplicationStatus | undefined;
    programId?: string | undefined;
    sort: "fit" | "received";
    limit: number;
    offset: number;
  },
): Promise<ApplicationPage> {
  requireVendor(ctx.actor);
  const where: SQL[] = [eq(partnerApplications.workspaceId, ctx.actor.workspaceId)];
  if (query.status) where.push(eq(partnerApplications.status, query.status));
  if (query.programId) where.push(eq(partnerApplications.programId, query.programId));
  const order =
    query.sort === "fit"
      ? [sql`${partnerApplications.fitScore} desc nulls last`, desc(partnerApplications.createdAt)]
      : [desc(partnerApplications.createdAt), asc(partnerApplications.id)];
  const db = ctx.database.db;
  const [rows, [count]] = await Promise.all([
    baseQuery(db)
      .where(and(...where))
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerApplications)
      .where(and(...where)),
  ]);
  return { items: rows.map(toSummary), total: count?.n ?? 0 };
}

async function loadDetail(db: DbOrTx, workspaceId: string, id: string): Promise<ApplicationDetail> {
  const [row] = await baseQuery(db).where(
    and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, id)),
  );
  if (!row) throw notFound("Application not found");
  const warnings: string[] = [];
  const email = row.application.applicantEmail.toLowerCase();
  const [sameEmail] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerApplications)
    .where(
      and(
        eq(partnerApplications.workspaceId, workspaceId),
        ne(partnerApplications.id, id),
        sql`lower(${partnerApplications.applicantEmail}) = ${email}`,
      ),
    );
  if ((sameEmail?.n ?? 0) > 0) warnings.push(`${email} also sent ${sameEmail?.n} other application(s)`);
  const [account] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  if (account) warnings.push(`${email} already has a Symbiont account; an invitation cannot be sent to it`);
  const emailDomain = email.split("@")[1] ?? "";
  if (row.domain && emailDomain && !emailDomain.endsWith(row.domain)) {
    warnings.push(`The applicant's email domain (${emailDomain}) differs from the company website (${row.domain})`);
  }
  return {
    ...toSummary(row),
    answers: (row.application.answers ?? {}) as Record<string, unknown>,
    fitBreakdown: row.application.fitBreakdown as FitContribution[],
    duplicateWarnings: warnings,
    decidedBy: row.application.decidedBy,
  };
}

export async function getApplication(ctx: ServiceContext, id: string): Promise<ApplicationDetail> {
  requireVendor(ctx.actor);
  return loadDetail(ctx.database.db, ctx.actor.workspaceId, id);
}

async function lockOpen(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(partnerApplications)
    .where(and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, id)))
    .for("update");
  if (!row) throw notFound("Application not found");
  if (row.status === "approved" || row.status === "rejected") {
    throw new AppError("APPLICATION_ALREADY_DECIDED", {
      message: `This application was already ${row.status}`,
      details: { status: row.status },
    });
  }
  return row;
}

async function lockPartner(tx: Tx, workspaceId: string, partnerId: string) {
  const [row] = await tx
    .select()
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)))
    .for("update");
  if (!row) throw notFound("Partner not found");
  return row;
}

/** Routes an application to a vetter (vendor staff who can decide); the partner moves to `vetting`. */
export async function assignVetter(ctx: ServiceContext, id: string, vetterId: string): Promise<ApplicationDetail> {
  requireVendor(ctx.actor, deciders);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const row = await lockOpen(tx, workspaceId, id);
    const [vetter] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, vetterId), sql`${users.disabledAt} is null`));
    if (!vetter || !["admin", "partner_manager"].includes(vetter.role)) {
      throw fieldError("body.vetterId", "Choose an admin or partner manager of your team");
    }
    await tx
      .update(partnerApplications)
      .set({ vetterId, status: "in_vetting" })
      .where(and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, id)));
    const partner = await lockPartner(tx, workspaceId, row.partnerId);
    if (partner.stage === "applied") {
      await transitionPartnerStage(
        tx,
        auditSource(ctx),
        partner,
        "vetting" satisfies PartnerStage,
        "Assigned to a vetter",
      );
    }
    await recordAudit(tx, auditSource(ctx), {
      action: "application.assigned",
      entityType: "partner_application",
      entityId: id,
      partnerId: row.partnerId,
      before: { vetterId: row.vetterId, status: row.status },
      after: { vetterId, status: "in_vetting" },
    });
  });
  return getApplication(ctx, id);
}

/** Approves: the partner moves to onboarding (starting its journey) and the applicant is invited as partner admin. */
export async function approveApplication(ctx: ServiceContext, id: string): Promise<ApproveApplicationResult> {
  requireVendor(ctx.actor, deciders);
  const workspaceId = ctx.actor.workspaceId;
  const source = auditSource(ctx);
  const invitation = await transaction(ctx.database, async (tx) => {
    const row = await lockOpen(tx, workspaceId, id);
    const partner = await lockPartner(tx, workspaceId, row.partnerId);
    await tx
      .update(partnerApplications)
      .set({ status: "approved", decidedAt: new Date(), decidedBy: ctx.actor.label })
      .where(and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, id)));
    await transitionPartnerStage(tx, source, partner, "onboarding", "Application approved");
    const created = await createInvitationInTx(tx, source, {
      workspaceId,
      email: row.applicantEmail,
      role: "partner_admin",
      partnerId: row.partnerId,
      invitedBy: ctx.actor.userId,
      expiresInDays: 14,
      baseUrl: ctx.config.baseUrl,
    });
    await recordAudit(tx, source, {
      action: "application.approved",
      entityType: "partner_application",
      entityId: id,
      partnerId: row.partnerId,
      before: { status: row.status },
      after: { status: "approved", invitationId: created.id },
    });
    await emitEvent(tx, source, {
      type: "partner.application_decided",
      workspaceId,
      partnerId: row.partnerId,
      entityType: "partner_application",
      entityId: id,
      payload: { applicationId: id, decision: "approved", reason: null },
    });
    return created;
  });
  return {
    application: await getApplication(ctx, id),
    invitation: { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() },
    acceptUrl: invitation.acceptUrl,
  };
}

export async function rejectApplication(ctx: ServiceContext, id: string, reason: string): Promise<ApplicationDetail> {
  requireVendor(ctx.actor, deciders);
  const workspaceId = ctx.actor.workspaceId;
  const source = auditSource(ctx);
  await transaction(ctx.database, async (tx) => {
    const row = await lockOpen(tx, workspaceId, id);
    const partner = await lockPartner(tx, workspaceId, row.partnerId);
    await tx
      .update(partnerApplications)
      .set({ status: "rejected", decidedAt: new Date(), decidedBy: ctx.actor.label, decisionReason: reason })
      .where(and(eq(partnerApplications.workspaceId, workspaceId), eq(partnerApplications.id, id)));
    if (partner.stage !== "rejected") await transitionPartnerStage(tx, source, partner, "rejected", reason);
    await recordAudit(tx, source, {
      action: "application.rejected",
      entityType: "partner_application",
      entityId: id,
      partnerId: row.partnerId,
      before: { status: row.status },
      after: { status: "rejected", reason },
    });
    await emitEvent(tx, source, {
      type: "partner.application_decided",
      workspaceId,
      partnerId: row.partnerId,
      entityType: "partner_application",
      entityId: id,
      payload: { applicationId: id, decision: "rejected", reason },
    });
  });
  return getApplication(ctx, id);
}
