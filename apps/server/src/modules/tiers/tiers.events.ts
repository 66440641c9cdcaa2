// Domain events of the tiers module (declaration merging on the platform's EventMap).
declare module "../../platform/events" {
  interface EventMap {
    "partner.tier_changed": {
      programId: string;
      fromTierId: string | null;
      toTierId: string | null;
      direction: "up" | "down";
      proposalId: string;
      autoApplied: boolean;
    };
  }
}

export {};
