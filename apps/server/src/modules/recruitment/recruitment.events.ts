// Recruitment domain events (declaration merging on the platform's EventMap).
declare module "../../platform/events" {
  interface EventMap {
    "partner.application_received": { applicationId: string; programId: string; fitScore: number | null };
    "partner.application_decided": { applicationId: string; decision: "approved" | "rejected"; reason: string | null };
  }
}

export {};
