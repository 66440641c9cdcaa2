import type { PartnerStage } from "@symbiont/contracts";

// The partner directory's domain events (stored in domain_events, shown on the timeline).
declare module "../../platform/events" {
  interface EventMap {
    "partner.created": { name: string; stage: PartnerStage };
    /** `fields`: names of the changed fields (custom fields as `customFields.<key>`). */
    "partner.updated": { fields: string[] };
    "partner.stage_changed": { from: PartnerStage; to: PartnerStage; reason: string | null };
  }
}
