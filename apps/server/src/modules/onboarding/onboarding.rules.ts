import type { JourneyStepConfig, JourneyStepType } from "@symbiont/contracts";

/** Pure rules of onboarding journeys: due dates, overdue, automatic completion, metrics math. */

const DAY = 86_400_000;

export function dueDate(startedAt: Date, offsetDays: number): Date {
  return new Date(startedAt.getTime() + offsetDays * DAY);
}

export function isOverdue(step: { status: string; dueAt: Date }, now: Date): boolean {
  return step.status === "pending" && step.dueAt.getTime() < now.getTime();
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / DAY) * 10) / 10;
}

/** Steps that only a person can tick. */
export function isManualType(type: JourneyStepType): boolean {
  return type === "manual";
}

/**
 * Who may tick a step by hand: vendor staff any manual or vendor-owned step; partner users only
 * partner-owned manual steps.
 */
export function canCompleteManually(
  side: "vendor" | "partner",
  step: { type: JourneyStepType; ownerSide: string },
): boolean {
  if (side === "vendor") return isManualType(step.type) || step.ownerSide === "vendor";
  return isManualType(step.type) && step.ownerSide === "partner";
}

/** A signal from a domain event that may complete steps of one type. */
export interface StepSignal {
  type: JourneyStepType;
  agreementId?: string;
  courseId?: string;
  certificationId?: string;
  /** For invite_colleagues: colleagues invited or joined besides the organization's first person. */
  colleagues?: number;
}

/** Whether a signal completes a step with the given type and config. */
export function signalCompletes(signal: StepSignal, step: { type: string; config: JourneyStepConfig }): boolean {
  if (signal.type !== step.type) return false;
  const { config } = step;
  switch (signal.type) {
    case "accept_agreement":
      return !config.agreementId || config.agreementId === signal.agreementId;
    case "complete_course":
      return !config.courseId || config.courseId === signal.courseId;
    case "earn_certification":
      return !config.certificationId || config.certificationId === signal.certificationId;
    case "invite_colleagues":
      return (signal.colleagues ?? 0) >= (config.count ?? 1);
    default:
      return true;
  }
}

/** The profile fields a partner must fill to complete the `complete_profile` step. */
export interface ProfileFacts {
  name: string | null;
  website: string | null;
  hqCountry: string | null;
  regions: readonly string[];
  industries: readonly string[];
  size: string | null;
  description: string | null;
  customFields: Record<string, unknown>;
}

export function missingProfileFields(profile: ProfileFacts, requiredCustomKeys: readonly string[]): string[] {
  const missing: string[] = [];
  const blank = (v: string | null) => !v || v.trim() === "";
  if (blank(profile.name)) missing.push("name");
  if (blank(profile.website)) missing.push("website");
  if (blank(profile.hqCountry)) missing.push("hqCountry");
  if (profile.regions.length === 0) missing.push("regions");
  if (profile.industries.length === 0) missing.push("industries");
  if (blank(profile.size)) missing.push("size");
  if (blank(profile.description)) missing.push("description");
  for (const key of requiredCustomKeys) {
    const value = profile.customFields[key];
    if (value === undefined || value === null || value === "") missing.push(`customFields.${key}`);
  }
  return missing;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}

export function stats(values: readonly (number | null)[]): {
  count: number;
  medianDays: number | null;
  meanDays: number | null;
} {
  const present = values.filter((v): v is number => v !== null);
  return { count: present.length, medianDays: median(present), meanDays: mean(present) };
}

/** `2026-03` for a date (UTC). */
export function monthCohort(date: Date): string {
  return date.toISOString().slice(0, 7);
}
