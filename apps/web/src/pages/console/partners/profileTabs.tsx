import type { PartnerRecord } from "@symbiont/contracts";
import type { ComponentType } from "react";
import { PartnerAgreementsTab } from "../agreements/PartnerAgreementsTab";
import { PartnerEvidenceTab } from "../attribution/PartnerEvidenceTab";
import { PartnerOnboardingTab } from "../onboarding/PartnerOnboardingTab";
import { PartnerTierTab } from "../programs/PartnerTierTab";
import { ActivityTab } from "./ActivityTab";
import { OverviewTab } from "./OverviewTab";
import { PeopleTab } from "./PeopleTab";
import { ScorecardTab } from "./ScorecardTab";

export interface PartnerTabProps {
  partner: PartnerRecord;
}

export interface PartnerProfileTab {
  id: string;
  label: string;
  component: ComponentType<PartnerTabProps>;
}

/** The partner profile's tabs, in order. Modules add theirs with one line each. */
export const partnerProfileTabs: PartnerProfileTab[] = [
  { id: "overview", label: "Overview", component: OverviewTab },
  { id: "scorecard", label: "Scorecard", component: ScorecardTab },
  { id: "people", label: "People", component: PeopleTab },
  { id: "onboarding", label: "Onboarding", component: PartnerOnboardingTab },
  { id: "tier", label: "Tier", component: PartnerTierTab },
  { id: "agreements", label: "Agreements", component: PartnerAgreementsTab },
  { id: "evidence", label: "Evidence", component: PartnerEvidenceTab },
  { id: "activity", label: "Activity", component: ActivityTab },
];
