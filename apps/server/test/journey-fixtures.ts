import { randomUUID } from "node:crypto";
import type { JourneyStepConfig, JourneyStepType } from "@symbiont/contracts";
import type { Database } from "../src/db";
import { agreements, agreementVersions } from "../src/modules/agreements/agreements.schema";
import {
  journeySteps,
  journeyTemplates,
  partnerJourneySteps,
  partnerJourneys,
} from "../src/modules/onboarding/onboarding.schema";
import { partners } from "../src/modules/partners/partners.schema";
import { programMemberships, programs } from "../src/modules/programs/programs.schema";
import { partnerApplications } from "../src/modules/recruitment/recruitment.schema";

// Direct inserts for the agreements, onboarding and recruitment tests (targets, not the API under test).

export async function insertProgram(
  database: Database,
  workspaceId: string,
  options: { name?: string; autoRejectSpam?: boolean; applicationsOpen?: boolean } = {},
) {
  const tag = randomUUID().slice(0, 8);
  const [row] = await database.db
    .insert(programs)
    .values({
      workspaceId,
      name: options.name ?? `Program ${tag}`,
      slug: `program-${tag}`,
      description: "A test program",
      autoRejectSpam: options.autoRejectSpam ?? false,
      applicationsOpen: options.applicationsOpen ?? true,
    })
    .returning();
  if (!row) throw new Error("program not created");
  return row;
}

export async function addMembership(database: Database, workspaceId: string, partnerId: string, programId: string) {
  await database.db.insert(programMemberships).values({ workspaceId, partnerId, programId }).onConflictDoNothing();
}

/** An agreement with versions 1..n; `requiresReacceptance` per version after the first. */
export async function insertAgreement(
  database: Database,
  workspaceId: string,
  programId: string,
  reaccept: boolean[] = [],
) {
  const [agreement] = await database.db
    .insert(agreements)
    .values({ workspaceId, programId, title: `Terms ${randomUUID().slice(0, 6)}` })
    .returning();
  if (!agreement) throw new Error("agreement not created");
  const versions = await database.db
    .insert(agreementVersions)
    .values(
      [true, ...reaccept].map((requiresReacceptance, i) => ({
        workspaceId,
        agreementId: agreement.id,
        version: i + 1,
        bodyMarkdown: `# Terms v${i + 1}\n\nBe excellent.`,
        requiresReacceptance,
      })),
    )
    .returning();
  return { agreement, versions: versions.sort((a, b) => a.version - b.version) };
}

export interface StepSpec {
  type: JourneyStepType;
  title?: string;
  dueOffsetDays?: number;
  ownerSide?: "partner" | "vendor";
  config?: JourneyStepConfig;
}

export async function insertTemplate(database: Database, workspaceId: string, programId: string, steps: StepSpec[]) {
  const [template] = await database.db
    .insert(journeyTemplates)
    .values({ workspaceId, programId, name: `Journey ${randomUUID().slice(0, 6)}` })
    .returning();
  if (!template) throw new Error("template not created");
  const rows =
    steps.length === 0
      ? []
      : await database.db
          .insert(journeySteps)
          .values(
            steps.map((step, position) => ({
              workspaceId,
              templateId: template.id,
              position,
              type: step.type,
              title: step.title ?? `Step ${position + 1}: ${step.type}`,
              dueOffsetDays: step.dueOffsetDays ?? 14,
              ownerSide: step.ownerSide ?? "partner",
              config: step.config ?? {},
            })),
          )
          .returning();
  return { template, steps: rows.sort((a, b) => a.position - b.position) };
}

/** An `applied` partner with an open application to the program. */
export async function insertApplication(
  database: Database,
  workspaceId: string,
  programId: string,
  options: { fitScore?: number; email?: string; industries?: string[] } = {},
) {
  const tag = randomUUID().slice(0, 8);
  const [partner] = await database.db
    .insert(partners)
    .values({
      workspaceId,
      name: `Applicant ${tag}`,
      website: `https://applicant-${tag}.example`,
      domain: `applicant-${tag}.example`,
      stage: "applied",
      industries: options.industries ?? ["software"],
    })
    .returning();
  if (!partner) throw new Error("partner not created");
  await addMembership(database, workspaceId, partner.id, programId);
  const [application] = await database.db
    .insert(partnerApplications)
    .values({
      workspaceId,
      programId,
      partnerId: partner.id,
      applicantName: `Applicant ${tag}`,
      applicantEmail: options.email ?? `owner-${tag}@applicant-${tag}.example`,
      answers: { companyName: partner.name },
      fitScore: options.fitScore ?? 50,
    })
    .returning();
  if (!application) throw new Error("application not created");
  return { partner, application };
}

/** A partner already on a journey (program, membership, template and steps), started `startedDaysAgo` days ago. */
export async function insertJourney(
  database: Database,
  workspaceId: string,
  partnerId: string,
  steps: StepSpec[],
  startedDaysAgo = 0,
) {
  const program = await insertProgram(database, workspaceId);
  await addMembership(database, workspaceId, partnerId, program.id);
  const { template, steps: stepRows } = await insertTemplate(database, workspaceId, program.id, steps);
  const startedAt = new Date(Date.now() - startedDaysAgo * 86_400_000);
  const [journey] = await database.db
    .insert(partnerJourneys)
    .values({ workspaceId, partnerId, templateId: template.id, startedAt })
    .returning();
  if (!journey) throw new Error("journey not created");
  const rows = await database.db
    .insert(partnerJourneySteps)
    .values(
      stepRows.map((step) => ({
        workspaceId,
        partnerJourneyId: journey.id,
        partnerId,
        stepId: step.id,
        dueAt: new Date(startedAt.getTime() + step.dueOffsetDays * 86_400_000),
      })),
    )
    .returning();
  const byStep = new Map(rows.map((r) => [r.stepId, r]));
  return { program, template, journey, steps: stepRows.map((s) => byStep.get(s.id) as (typeof rows)[number]) };
}
