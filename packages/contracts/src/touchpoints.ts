import { z } from "zod";

/** Kinds of partner contribution to a deal (DOMAIN.md §4). */
export const touchpointTypes = [
  "registration",
  "referral",
  "lead",
  "introduction",
  "co_sell_meeting",
  "technical_validation",
  "demo",
  "implementation",
  "integration",
  "marketplace_listing",
  "mdf_campaign",
  "content_engagement",
  "training",
  "review",
] as const;
export const touchpointType = z.enum(touchpointTypes);
export type TouchpointType = z.infer<typeof touchpointType>;

/** What produced a touchpoint. */
export const touchpointOrigins = [
  "registration",
  "referral",
  "lead",
  "manual",
  "import",
  "api",
  "co_sell",
  "demo_seed",
] as const;
export const touchpointOrigin = z.enum(touchpointOrigins);
export type TouchpointOrigin = z.infer<typeof touchpointOrigin>;
