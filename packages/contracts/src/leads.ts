import { z } from "zod";
import { email, pageOf, timestamp } from "./common";

/** Where a lead or referral stands. See docs/API.md "Leads and referrals" for the state machine. */
export const leadStatuses = [
  "unassigned",
  "offered",
  "pooled",
  "accepted",
  "declined",
  "contacted",
  "qualified",
  "converted",
  "lost",
] as const;
export const leadStatus = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof leadStatus>;

/** The progress states a receiver reports back to the sender (loop closure). */
export const leadProgressStatuses = ["contacted", "qualified", "converted", "lost"] as const;
export const leadProgressStatus = z.enum(leadProgressStatuses);
export type LeadProgressStatus = z.infer<typeof leadProgressStatus>;

/** `lead`: the vendor passes it on; `referral`: a partner (or its public referral form) sends it. */
export const leadKinds = ["lead", "referral"] as const;
export const leadKind = z.enum(leadKinds);
export type LeadKind = z.infer<typeof leadKind>;

export const leadSources = ["vendor", "partner", "referral_link", "api"] as const;
export const leadSource = z.enum(leadSources);
export type LeadSource = z.infer<typeof leadSource>;

/** How the next partner is picked when an offer times out (or when the vendor asks for "next"). */
export const leadRoutingRules = ["round_robin", "ranked"] as const;
export const leadRoutingRule = z.enum(leadRoutingRules);
export type LeadRoutingRule = z.infer<typeof leadRoutingRule>;

const text = (max: number) => z.string().trim().min(1, { message: "Required" }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullish();
const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: "Use a two-letter ISO country code" });
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO currency code" });
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/.*)?$/, { message: "Enter a domain such as example.com" });
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+()\d\s.-]{5,40}$/, { message: "Enter a phone number" });

/** What a lead is about; shared by vendor leads, partner referrals and the public form. */
export const leadFields = z.object({
  company: text(200),
  contactName: optionalText(120),
  contactEmail: email.nullish(),
  contactPhone: phone.nullish(),
  domain: domain.nullish(),
  country: country.nullish(),
  need: optionalText(4000),
  amountMinor: z.number().int().min(0).max(1e14).nullish(),
  currency: currency.nullish(),
});
export type LeadFields = z.infer<typeof leadFields>;

const acceptHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 30);

export const leadAssignment = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("keep") }),
  z.object({
    mode: z.literal("offer"),
    /** Omit to pick the next partner by the routing rule. */
    partnerId: z.uuid().optional(),
    acceptHours: acceptHours.optional(),
  }),
  z.object({ mode: z.literal("pool") }),
]);
export type LeadAssignment = z.infer<typeof leadAssignment>;

export const createLeadBody = leadFields.extend({ assign: leadAssignment.default({ mode: "keep" }) });
export type CreateLeadBody = z.input<typeof createLeadBody>;

export const offerLeadBody = z.object({ partnerId: z.uuid().optional(), acceptHours: acceptHours.optional() });
export type OfferLeadBody = z.infer<typeof offerLeadBody>;

export const declineLeadBody = z.object({ reason: text(1000) });
export type DeclineLeadBody = z.infer<typeof declineLeadBody>;

export const leadStatusBody = z.object({
  status: leadProgressStatus,
  note: optionalText(2000),
  /** With `converted`: create an opportunity for the lead's account. */
  opportunity: z
    .object({
      name: text(200).optional(),
      amountMinor: z.number().int().min(0).max(1e14).optional(),
      currency: currency.optional(),
      expectedCloseOn: z.iso.date().optional(),
    })
    .optional(),
});
export type LeadStatusBody = z.infer<typeof leadStatusBody>;

export const sendReferralBody = leadFields.extend({
  /** Another partner of the program; omit to refer to the vendor. */
  toPartnerId: z.uuid().nullish(),
});
export type SendReferralBody = z.input<typeof sendReferralBody>;

export const leadListQuery = z.object({
  status: leadStatus.optional(),
  kind: leadKind.optional(),
  partnerId: z.uuid().optional(),
  /** Portal: `inbox` (sent to us), `sent` (we sent); console: `vendor` (addressed to the vendor). */
  box: z.enum(["inbox", "sent", "vendor"]).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type LeadListQuery = z.input<typeof leadListQuery>;

const party = z.object({ partnerId: z.uuid().nullable(), name: z.string() });

export const leadRecord = z.object({
  id: z.uuid(),
  kind: leadKind,
  source: leadSource,
  status: leadStatus,
  company: z.string(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  need: z.string().nullable(),
  amountMinor: z.number().nullable(),
  currency: z.string().nullable(),
  /** Who passed it on (partnerId null = the vendor). */
  sender: party,
  /** Who holds it now; null while pooled or unassigned. */
  recipient: party.nullable(),
  offerExpiresAt: timestamp.nullable(),
  declineReason: z.string().nullable(),
  accountId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type LeadRecord = z.infer<typeof leadRecord>;

export const leadContact = z.object({
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

export const leadActivity = z.object({
  id: z.uuid(),
  type: z.string(),
  at: timestamp,
  actor: z.string().nullable(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  status: leadStatus.nullable(),
  note: z.string().nullable(),
});
export type LeadActivity = z.infer<typeof leadActivity>;

export const leadOffer = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  offeredAt: timestamp,
  expiresAt: timestamp.nullable(),
  outcome: z.enum(["pending", "accepted", "declined", "expired", "withdrawn"]),
  decidedAt: timestamp.nullable(),
  reason: z.string().nullable(),
});
export type LeadOffer = z.infer<typeof leadOffer>;

/** A lead with its contact (hidden from partners until they hold it) and its timeline. */
export const leadDetail = leadRecord.extend({
  contact: leadContact.nullable(),
  activities: z.array(leadActivity),
  offers: z.array(leadOffer),
  /** What the caller may do now. */
  can: z.object({
    accept: z.boolean(),
    decline: z.boolean(),
    claim: z.boolean(),
    updateStatus: z.boolean(),
    offer: z.boolean(),
  }),
});
export type LeadDetail = z.infer<typeof leadDetail>;

export const leadPage = pageOf(leadRecord);
export type LeadPage = z.infer<typeof leadPage>;

export const leadRoutingSettings = z.object({
  rule: leadRoutingRule,
  /** Partners in order, for the `ranked` rule. */
  rankedPartnerIds: z.array(z.uuid()).max(500),
  acceptHours: acceptHours,
});
export type LeadRoutingSettings = z.infer<typeof leadRoutingSettings>;

export const reciprocityRow = z.object({
  fromPartnerId: z.uuid().nullable(),
  fromName: z.string(),
  toPartnerId: z.uuid().nullable(),
  toName: z.string(),
  given: z.number().int(),
  accepted: z.number().int(),
  converted: z.number().int(),
});
export type ReciprocityRow = z.infer<typeof reciprocityRow>;
export const reciprocityList = z.object({ items: z.array(reciprocityRow) });

export const referralLink = z.object({
  code: z.string().nullable(),
  /** Path of the public form, e.g. `/r/ab12cd34ef`. */
  path: z.string().nullable(),
  createdAt: timestamp.nullable(),
  referrals: z.number().int(),
});
export type ReferralLink = z.infer<typeof referralLink>;

export const referralTargets = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type ReferralTargets = z.infer<typeof referralTargets>;

export const referralCodeParams = z.object({ code: z.string().regex(/^[a-z0-9]{6,32}$/, { message: "Unknown code" }) });

export const publicReferralForm = z.object({ partnerName: z.string(), workspaceName: z.string() });
export type PublicReferralForm = z.infer<typeof publicReferralForm>;

export const publicReferralBody = z.object({
  company: text(200),
  contactName: text(120),
  contactEmail: email,
  contactPhone: phone.nullish(),
  domain: domain.nullish(),
  country: country.nullish(),
  need: optionalText(2000),
  /** Leave empty: a field people do not see, filled only by bots. */
  website2: z.string().max(200).optional(),
  /** Consent to be contacted; required. */
  consent: z.literal(true, { message: "Agree to be contacted" }),
});
export type PublicReferralBody = z.input<typeof publicReferralBody>;

export const publicReferralResult = z.object({ received: z.literal(true), message: z.string() });
export type PublicReferralResult = z.infer<typeof publicReferralResult>;
