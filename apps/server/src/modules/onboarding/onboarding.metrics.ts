import type { OnboardingCohortMetric, OnboardingMetrics, OnboardingPartnerMetric } from "@symbiont/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import { partners } from "../partners/partners.schema";
import { daysBetween, monthCohort, stats } from "./onboarding.rules";
import { journeyTemplates, partnerJourneys } from "./onboarding.schema";

/** What the metrics need to know about one partner. */
export interface PartnerMilestones {
  partnerId: string;
  partnerName: string;
  /** Activation (or the journey start when the partner is not active yet): the deal clocks start here. */
  activatedAt: Date;
  /** When the first journey started: the onboarding clock starts here. */
  journeyStartedAt: Date;
  /** When every journey finished; null while any is open. */
  onboardingCompletedAt: Date | null;
  firstDealRegisteredAt: Date | null;
  firstDealWonAt: Date | null;
}

const since = (from: Date, to: Date | null) => (to ? Math.max(0, daysBetween(from, to)) : null);

function cohortOf(cohort: string, rows: OnboardingPartnerMetric[]): OnboardingCohortMetric {
  return {
    cohort,
    partners: rows.length,
    completeOnboarding: stats(rows.map((r) => r.daysToCompleteOnboarding)),
    firstDealRegistration: stats(rows.map((r) => r.daysToFirstDealRegistration)),
    firstWonDeal: stats(rows.map((r) => r.daysToFirstWonDeal)),
  };
}

/** Per partner and per activation-month cohort: days to finish onboarding, to a first deal, to a first win. */
export function computeOnboardingMetrics(milestones: readonly PartnerMilestones[]): OnboardingMetrics {
  const partnersOut: OnboardingPartnerMetric[] = milestones
    .map((m) => ({
      partnerId: m.partnerId,
      partnerName: m.partnerName,
      activatedAt: m.activatedAt.toISOString(),
      cohort: monthCohort(m.activatedAt),
      daysToCompleteOnboarding: since(m.journeyStartedAt, m.onboardingCompletedAt),
      daysToFirstDealRegistration: since(m.activatedAt, m.firstDealRegisteredAt),
      daysToFirstWonDeal: since(m.activatedAt, m.firstDealWonAt),
    }))
    .sort((a, b) => a.activatedAt.localeCompare(b.activatedAt) || a.partnerName.localeCompare(b.partnerName));
  const cohortNames = [...new Set(partnersOut.map((p) => p.cohort))].sort();
  return {
    partners: partnersOut,
    cohorts: cohortNames.map((name) =>
      cohortOf(
        name,
        partnersOut.filter((p) => p.cohort === name),
      ),
    ),
    overall: cohortOf("all", partnersOut),
  };
}

export async function getOnboardingMetrics(
  ctx: ServiceContext,
  query: { programId?: string | undefined },
): Promise<OnboardingMetrics> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  const journeys = await db
    .select({
      partnerId: partnerJourneys.partnerId,
      partnerName: partners.name,
      activatedAt: partners.activatedAt,
      startedAt: sql<Date>`min(${partnerJourneys.startedAt})`.mapWith(partnerJourneys.startedAt),
      open: sql<number>`count(*) filter (where ${partnerJourneys.completedAt} is null)::int`,
      completedAt: sql<Date | null>`max(${partnerJourneys.completedAt})`.mapWith(partnerJourneys.completedAt),
    })
    .from(partnerJourneys)
    .innerJoin(
      journeyTemplates,
      and(
        eq(journeyTemplates.workspaceId, partnerJourneys.workspaceId),
        eq(journeyTemplates.id, partnerJourneys.templateId),
      ),
    )
    .innerJoin(
      partners,
      and(eq(partners.workspaceId, partnerJourneys.workspaceId), eq(partners.id, partnerJourneys.partnerId)),
    )
    .where(
      and(
        eq(partnerJourneys.workspaceId, workspaceId),
        query.programId ? eq(journeyTemplates.programId, query.programId) : undefined,
      ),
    )
    .groupBy(partnerJourneys.partnerId, partners.name, partners.activatedAt);
  const ids = journeys.map((j) => j.partnerId);
  const firsts =
    ids.length === 0
      ? []
      : await db
          .select({
            partnerId: domainEvents.partnerId,
            type: domainEvents.type,
            first: sql<Date>`min(${domainEvents.occurredAt})`.mapWith(domainEvents.occurredAt),
          })
          .from(domainEvents)
          .where(
            and(
              eq(domainEvents.workspaceId, workspaceId),
              inArray(domainEvents.type, ["deal.registered", "deal.won"]),
              inArray(domainEvents.partnerId, ids),
            ),
          )
          .groupBy(domainEvents.partnerId, domainEvents.type);
  const first = (partnerId: string, type: string) =>
    firsts.find((f) => f.partnerId === partnerId && f.type === type)?.first ?? null;
  return computeOnboardingMetrics(
    journeys.map((j) => ({
      partnerId: j.partnerId,
      partnerName: j.partnerName,
      activatedAt: j.activatedAt ?? j.startedAt,
      journeyStartedAt: j.startedAt,
      onboardingCompletedAt: j.open === 0 ? j.completedAt : null,
      firstDealRegisteredAt: first(j.partnerId, "deal.registered"),
      firstDealWonAt: first(j.partnerId, "deal.won"),
    })),
  );
}
