// Deal-registration domain events (declaration merging on the platform's EventMap).
declare module "../../platform/events" {
  interface EventMap {
    "deal_registration.submitted": { registrationId: string; decision: string; companyName: string };
    "deal_registration.approved": {
      registrationId: string;
      protectionExpiresAt: string | null;
      automatic: boolean;
      override: boolean;
    };
    "deal_registration.rejected": { registrationId: string; reason: string; automatic: boolean };
    "deal_registration.expired": { registrationId: string; runnerUpId: string | null };
    "deal_registration.withdrawn": { registrationId: string };
    "deal_registration.converted": { registrationId: string; opportunityId: string };
  }
}

export {};
