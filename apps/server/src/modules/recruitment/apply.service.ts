import type { ApplicationFormInfo, ApplyData, ApplyResult, PartnerStage } from "@symbiont/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Tx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import type { AppDeps, RequestMeta } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { enforceRateLimit } from "../../platform/http/rate-limit";
import { domainFromWebsite, insertPartner, transitionPartnerStage } from "../partners";
import { partners } from "../partners/partners.schema";
import { programMemberships, programs } from "../programs/programs.schema";
import { findWorkspaceBySlug } from "../workspaces";
import { type FitResult, scoreApplicant, spamReason } from "./ipp.rules";
import { loadIpp } from "./ipp.service";
import "./recruitment.events";
import { partnerApplications } from "./recruitment.schema";

/** The questions the public form asks (the same for every program today). */
export const applicationFields = [
  "companyName",
  "website",
  "hqCountry",
  "regions",
  "industries",
  "size",
  "partnerTypes",
  "specializations",
  "applicantName",
  "applicantEmail",
  "message",
] as const;

const RECEIVED = "Thank you — we received your application and will be in touch by email.";

async function findProgram(deps: AppDeps, params: { workspaceSlug: string; programSlug: string }) {
  const workspace = await findWorkspaceBySlug(deps.database.db, params.workspaceSlug.toLowerCase());
  if (!workspace) throw notFound("This application page does not exist");
  const [program] = await deps.database.db
    .select()
    .from(programs)
    .where(
      and(
        eq(programs.workspaceId, workspace.id),
        eq(programs.slug, params.programSlug.toLowerCase()),
        isNull(programs.archivedAt),
      ),
    );
  if (!program) throw notFound("This application page does not exist");
  return { workspace, program };
}

export async function getApplicationForm(
  deps: AppDeps,
  meta: RequestMeta,
  params: { workspaceSlug: string; programSlug: string },
): Promise<ApplicationFormInfo> {
  await enforceRateLimit(deps.database.db, {
    key: `apply:view:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 120,
    windowSeconds: 300,
  });
  const { workspace, program } = await findProgram(deps, params);
  return {
    workspaceName: workspace.name,
    programName: program.name,
    programDescription: program.description,
    open: program.applicationsOpen,
    fields: [...applicationFields],
  };
}

/**
 * A public application: creates an `applied` partner, the application with its fit score, the
 * stage entry, audit and `partner.application_received` — all or nothing. Never approves; the
 * program's optional spam rule may reject at once. A filled honeypot is accepted and discarded.
 */
export async function submitApplication(
  deps: AppDeps,
  meta: RequestMeta,
  params: { workspaceSlug: string; programSlug: string },
  body: ApplyData,
): Promise<ApplyResult> {
  await enforceRateLimit(deps.database.db, {
    key: `apply:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 10,
    windowSeconds: 3600,
  });
  const { workspace, program } = await findProgram(deps, params);
  if (!program.applicationsOpen) {
    throw new AppError("APPLICATIONS_CLOSED", { message: `${program.name} is not accepting applications right now` });
  }
  if (body.website2) return { received: true, message: RECEIVED };
  const domain = domainFromWebsite(body.website);
  if (!domain) throw fieldError("body.website", "Enter your company's website, such as https://example.com");
  const source: AuditSource = {
    actor: { kind: "system", workspaceId: workspace.id, label: `applicant ${body.applicantEmail}` },
    requestId: meta.requestId,
    ipAddress: meta.ipAddress,
  };
  await transaction(deps.database, async (tx) => {
    const [duplicate] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(
        and(
          eq(partners.workspaceId, workspace.id),
          sql`(${partners.domain} = ${domain} or lower(${partners.name}) = lower(${body.companyName}))`,
        ),
      );
    if (duplicate) {
      throw new AppError("APPLICATION_DUPLICATE", {
        message: `We already have an application or partnership for ${domain}. We will be in touch; there is no need to apply again.`,
      });
    }
    const partner = await insertPartner(
      tx,
      source,
      workspace.id,
      {
        name: body.companyName,
        website: body.website,
        domain,
        hqCountry: body.hqCountry,
        regions: body.regions,
        industries: body.industries,
        size: body.size ?? null,
        types: body.partnerTypes,
        specializations: body.specializations,
        description: body.message ?? null,
        stage: "applied",
        reason: `Applied to ${program.name} through the public form`,
      },
      { requireCustomFields: false },
    );
    await tx
      .insert(programMemberships)
      .values({ workspaceId: workspace.id, partnerId: partner.id, programId: program.id })
      .onConflictDoNothing();
    const ipp = await loadIpp(tx, workspace.id, program.id);
    const fit = scoreApplicant(ipp.criteria, {
      industries: partner.industries,
      regions: partner.regions,
      size: partner.size,
      types: partner.types,
      specializations: partner.specializations,
      hqCountry: partner.hqCountry,
      customFields: {},
    });
    const { website2: _honeypot, ...answers } = body;
    const [application] = await tx
      .insert(partnerApplications)
      .values({
        workspaceId: workspace.id,
        programId: program.id,
        partnerId: partner.id,
        applicantName: body.applicantName,
        applicantEmail: body.applicantEmail,
        answers,
        fitScore: fit.score,
        fitBreakdown: fit.breakdown,
        ippVersion: ipp.version,
        ipAddress: meta.ipAddress,
      })
      .returning();
    if (!application) throw new Error("application insert returned nothing");
    await recordAudit(tx, source, {
      action: "application.received",
      entityType: "partner_application",
      entityId: application.id,
      partnerId: partner.id,
      after: { programId: program.id, applicantEmail: body.applicantEmail, fitScore: fit.score },
    });
    await emitEvent(tx, source, {
      type: "partner.application_received",
      workspaceId: workspace.id,
      partnerId: partner.id,
      entityType: "partner_application",
      entityId: application.id,
      payload: { applicationId: application.id, programId: program.id, fitScore: fit.score },
    });
    if (program.autoRejectSpam) await autoReject(tx, source, application.id, partner, body.applicantEmail, fit);
  });
  return { received: true, message: RECEIVED };
}

async function autoReject(
  tx: Tx,
  source: AuditSource,
  applicationId: string,
  partner: typeof partners.$inferSelect,
  email: string,
  fit: FitResult,
): Promise<void> {
  const reason = spamReason(email, fit);
  if (!reason) return;
  const full = `Rejected automatically: ${reason}`;
  await tx
    .update(partnerApplications)
    .set({ status: "rejected", decidedAt: new Date(), decidedBy: "auto-reject rule", decisionReason: full })
    .where(and(eq(partnerApplications.workspaceId, partner.workspaceId), eq(partnerApplications.id, applicationId)));
  await transitionPartnerStage(tx, source, partner, "rejected" satisfies PartnerStage, full);
  await recordAudit(tx, source, {
    action: "application.rejected",
    entityType: "partner_application",
    entityId: applicationId,
    partnerId: partner.id,
    before: { status: "received" },
    after: { status: "rejected", reason: full, automatic: true },
  });
  await emitEvent(tx, source, {
    type: "partner.application_decided",
    workspaceId: partner.workspaceId,
    partnerId: partner.id,
    entityType: "partner_application",
    entityId: applicationId,
    payload: { applicationId, decision: "rejected", reason: full },
  });
}
