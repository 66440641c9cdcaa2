// Domain events of the programs module (declaration merging on the platform's EventMap).
declare module "../../platform/events" {
  interface EventMap {
    "partner.program_joined": { programId: string; programName: string; tierId: string | null };
    "partner.program_left": { programId: string; programName: string };
  }
}

export {};
