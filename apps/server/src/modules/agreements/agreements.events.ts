// Agreement domain events (declaration merging on the platform's EventMap).
declare module "../../platform/events" {
  interface EventMap {
    "agreement.accepted": { agreementId: string; versionId: string; version: number; userId: string };
    "agreement.version_published": {
      agreementId: string;
      versionId: string;
      version: number;
      requiresReacceptance: boolean;
    };
  }
}

export {};
