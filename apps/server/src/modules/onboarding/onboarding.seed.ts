import type { JourneyStepConfig, JourneyStepType } from "@symbiont/contracts";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db";
import type { AuditSource } from "../../platform/audit";
import type { SeedContributor } from "../../seed/registry";
import { partners } from "../partners/partners.schema";
import { programMemberships, programs } from "../programs/programs.schema";
import { completeStep, startJourney } from "./onboarding.progress";
import { journeySteps, journeyTemplates, partnerJourneySteps } from "./onboarding.schema";

type Key = "reseller" | "referral" | "technology";

interface SeedStep {
  type: JourneyStepType;
  title: string;
  dueOffsetDays: number;
  ownerSide?: "partner" | "vendor";
  config?: JourneyStepConfig;
  description?: string;
}

const journeys: Record<Key, { name: string; steps: (agreementId: string | undefined) => SeedStep[] }> = {
  reseller: {
    name: "Reseller onboarding",
    steps: (agreementId) => [
      { type: "manual", title: "Kick-off call with your partner manager", dueOffsetDays: 5, ownerSide: "vendor" },
      {
        type: "accept_agreement",
        title: "Accept the Reseller Partner Agreement",
        dueOffsetDays: 7,
        config: agreementId ? { agreementId } : {},
      },
      { type: "complete_profile", title: "Complete your company profile", dueOffsetDays: 10 },
      { type: "manual", title: "Upload your logo and company boilerplate", dueOffsetDays: 14 },
      { type: "invite_colleagues", title: "Invite a colleague to the portal", dueOffsetDays: 14, config: { count: 1 } },
      {
        type: "complete_course",
        title: "Complete Reseller Sales 101",
        dueOffsetDays: 30,
        config: { courseId: "reseller-sales-101" },
      },
      { type: "register_first_deal", title: "Register your first deal", dueOffsetDays: 45 },
      { type: "first_won_deal", title: "Close your first deal", dueOffsetDays: 90 },
    ],
  },
  referral: {
    name: "Referral onboarding",
    steps: (agreementId) => [
      {
        type: "accept_agreement",
        title: "Accept the Referral Partner Terms",
        dueOffsetDays: 7,
        config: agreementId ? { agreementId } : {},
      },
      { type: "complete_profile", title: "Complete your company profile", dueOffsetDays: 10 },
      { type: "manual", title: "Welcome call", dueOffsetDays: 10, ownerSide: "vendor" },
      { type: "register_first_deal", title: "Refer your first customer", dueOffsetDays: 30 },
    ],
  },
  technology: {
    name: "Technology alliance onboarding",
    steps: (agreementId) => [
      {
        type: "accept_agreement",
        title: "Accept the Technology Alliance Agreement",
        dueOffsetDays: 7,
        config: agreementId ? { agreementId } : {},
      },
      { type: "complete_profile", title: "Complete your company profile", dueOffsetDays: 10 },
      {
        type: "manual",
        title: "Submit your integration for review",
        dueOffsetDays: 30,
        description: "A short demo video and the integration's documentation.",
      },
      { type: "manual", title: "Publish a joint solution brief", dueOffsetDays: 45, ownerSide: "vendor" },
      { type: "earn_certification", title: "Earn the Integration Engineer certification", dueOffsetDays: 60 },
    ],
  },
};

const DAY = 86_400_000;

/** Completes the first `count` open steps of a partner by hand, a few days apart. */
async function tickSteps(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  partnerId: string,
  count: number,
  startedAt: Date,
) {
  const open = await tx
    .select({ row: partnerJourneySteps, title: journeySteps.title })
    .from(partnerJourneySteps)
    .innerJoin(
      journeySteps,
      and(
        eq(journeySteps.workspaceId, partnerJourneySteps.workspaceId),
        eq(journeySteps.id, partnerJourneySteps.stepId),
      ),
    )
    .where(
      and(
        eq(partnerJourneySteps.workspaceId, workspaceId),
        eq(partnerJourneySteps.partnerId, partnerId),
        eq(partnerJourneySteps.status, "pending"),
      ),
    )
    .orderBy(asc(partnerJourneySteps.dueAt), asc(journeySteps.position));
  for (const [i, step] of open.slice(0, count).entries()) {
    const at = new Date(Math.min(Date.now(), startedAt.getTime() + (i + 2) * 3 * DAY));
    await completeStep(tx, source, step, { via: "manual", at, by: "demo seed" });
  }
}

/** A journey template per program (the default), and partners at different points of their journeys. */
export const onboardingSeed: SeedContributor = {
  module: "onboarding",
  async seed({ tx, workspace, refs, progress }) {
    const source = { actor: { kind: "system" as const, workspaceId: workspace.id, label: "demo seed" } };
    const now = Date.now();
    let templates = 0;
    for (const key of Object.keys(journeys) as Key[]) {
      const programId = refs.get(`program:${key}`);
      if (!programId) continue;
      const plan = journeys[key];
      const [template] = await tx
        .insert(journeyTemplates)
        .values({ workspaceId: workspace.id, programId, name: plan.name, createdAt: new Date(now - 210 * DAY) })
        .returning();
      if (!template) continue;
      templates++;
      await tx.insert(journeySteps).values(
        plan.steps(refs.get(`agreement:${key}`)).map((step, position) => ({
          workspaceId: workspace.id,
          templateId: template.id,
          position,
          type: step.type,
          title: step.title,
          description: step.description ?? null,
          dueOffsetDays: step.dueOffsetDays,
          ownerSide: step.ownerSide ?? "partner",
          config: step.config ?? {},
        })),
      );
      await tx
        .update(programs)
        .set({ defaultJourneyId: template.id })
        .where(and(eq(programs.workspaceId, workspace.id), eq(programs.id, programId)));
    }
    // Who is on a journey: Northwind finished long ago, Contoso is mid-way with late steps,
    // partners in the onboarding stage are spread over the last weeks.
    const plans: { partnerId: string; daysAgo: number; tick: number }[] = [];
    const northwind = refs.get("partner:northwind");
    const contoso = refs.get("partner:contoso");
    if (northwind) plans.push({ partnerId: northwind, daysAgo: 150, tick: 99 });
    if (contoso) plans.push({ partnerId: contoso, daysAgo: 60, tick: 1 });
    const onboarding = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.workspaceId, workspace.id), eq(partners.stage, "onboarding")))
      .orderBy(asc(partners.name));
    for (const [i, partner] of onboarding.entries())
      plans.push({ partnerId: partner.id, daysAgo: 6 + i * 7, tick: i % 4 });
    let started = 0;
    for (const plan of plans) {
      const startedAt = new Date(now - plan.daysAgo * DAY);
      const memberships = await tx
        .select({ defaultJourneyId: programs.defaultJourneyId })
        .from(programMemberships)
        .innerJoin(
          programs,
          and(eq(programs.workspaceId, programMemberships.workspaceId), eq(programs.id, programMemberships.programId)),
        )
        .where(and(eq(programMemberships.workspaceId, workspace.id), eq(programMemberships.partnerId, plan.partnerId)));
      for (const { defaultJourneyId } of memberships) {
        if (!defaultJourneyId) continue;
        const id = await startJourney(tx, source, {
          workspaceId: workspace.id,
          partnerId: plan.partnerId,
          templateId: defaultJourneyId,
          startedAt,
        });
        if (id) started++;
      }
      await tickSteps(tx, source, workspace.id, plan.partnerId, plan.tick, startedAt);
    }
    progress(`${templates} onboarding journeys, ${started} partners on a journey`);
  },
};
