import { z } from "zod";

/** Partner roles (fluid: a partner may hold several). DOMAIN.md §2. */
export const partnerTypes = [
  "reseller",
  "distributor",
  "var",
  "referral",
  "affiliate",
  "influencer",
  "system_integrator",
  "gsi",
  "msp",
  "isv",
  "technology",
  "strategic_alliance",
  "cloud_marketplace",
  "retention",
  "competitor_coopetition",
] as const;
export const partnerType = z.enum(partnerTypes);
export type PartnerType = z.infer<typeof partnerType>;

export const partnerTypeLabels: Record<PartnerType, string> = {
  reseller: "Reseller",
  distributor: "Distributor",
  var: "Value-added reseller",
  referral: "Referral",
  affiliate: "Affiliate",
  influencer: "Influencer",
  system_integrator: "System integrator",
  gsi: "Global SI",
  msp: "Managed service provider",
  isv: "ISV",
  technology: "Technology",
  strategic_alliance: "Strategic alliance",
  cloud_marketplace: "Cloud marketplace",
  retention: "Retention / customer success",
  competitor_coopetition: "Coopetition",
};

/** Lifecycle stages. DOMAIN.md §2. */
export const partnerStages = [
  "prospect",
  "applied",
  "vetting",
  "onboarding",
  "active",
  "at_risk",
  "offboarding",
  "offboarded",
  "rejected",
] as const;
export const partnerStage = z.enum(partnerStages);
export type PartnerStage = z.infer<typeof partnerStage>;

/** The stage machine: which stages each stage may move to. Enforced by the server. */
export const partnerStageTransitions: Record<PartnerStage, readonly PartnerStage[]> = {
  prospect: ["applied", "vetting", "onboarding", "rejected"],
  applied: ["vetting", "onboarding", "rejected"],
  vetting: ["onboarding", "rejected"],
  onboarding: ["active", "offboarding"],
  active: ["at_risk", "offboarding"],
  at_risk: ["active", "offboarding"],
  offboarding: ["offboarded", "active"],
  offboarded: ["prospect"],
  rejected: ["prospect", "applied"],
};

export const partnerStageLabels: Record<PartnerStage, string> = {
  prospect: "Prospect",
  applied: "Applied",
  vetting: "Vetting",
  onboarding: "Onboarding",
  active: "Active",
  at_risk: "At risk",
  offboarding: "Offboarding",
  offboarded: "Offboarded",
  rejected: "Rejected",
};

export const companySizes = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"] as const;
export const companySize = z.enum(companySizes);
export type CompanySize = z.infer<typeof companySize>;

/** Regions partners serve (coarse, sales-territory style). */
export const regions = [
  "north_america",
  "latin_america",
  "emea",
  "dach",
  "uk_ireland",
  "nordics",
  "apac",
  "anz",
  "japan",
  "india",
  "middle_east",
  "africa",
] as const;
export const region = z.enum(regions);
export type Region = z.infer<typeof region>;

/** How each region key reads on screen (keys stay in URLs and exports). */
export const regionLabels: Record<Region, string> = {
  north_america: "North America",
  latin_america: "Latin America",
  emea: "EMEA",
  dach: "DACH",
  uk_ireland: "UK & Ireland",
  nordics: "Nordics",
  apac: "APAC",
  anz: "ANZ",
  japan: "Japan",
  india: "India",
  middle_east: "Middle East",
  africa: "Africa",
};

/** A region as people read it: a known key's label, any other (free-text) region as written. */
export function regionLabelOf(value: string): string {
  return regionLabels[value as Region] ?? value;
}

export const customFieldTypes = ["text", "number", "date", "select"] as const;
export const customFieldType = z.enum(customFieldTypes);
export type CustomFieldType = z.infer<typeof customFieldType>;

/** Onboarding journey step types. */
export const journeyStepTypes = [
  "accept_agreement",
  "complete_profile",
  "invite_colleagues",
  "complete_course",
  "earn_certification",
  "register_first_deal",
  "first_won_deal",
  "manual",
] as const;
export const journeyStepType = z.enum(journeyStepTypes);
export type JourneyStepType = z.infer<typeof journeyStepType>;

/** Signals a tier criterion can threshold; supplied by the module that owns each (metrics interface). */
export const tierMetrics = [
  "sourced_revenue",
  "influenced_revenue",
  "approved_registrations",
  "won_deals",
  "certified_people",
  "engagement_score",
  "points",
] as const;
export const tierMetric = z.enum(tierMetrics);
export type TierMetric = z.infer<typeof tierMetric>;
