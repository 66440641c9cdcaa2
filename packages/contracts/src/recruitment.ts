import { z } from "zod";
import { email, timestamp } from "./common";
import { companySize, partnerType, region } from "./partner-domain";

/** Which partner attribute an IPP criterion looks at. */
export const ippAttribute = z
  .string()
  .regex(/^(industries|regions|size|types|specializations|hqCountry|customField:[a-z][a-z0-9_]{0,62})$/, {
    message: "Use industries, regions, size, types, specializations, hqCountry or customField:<key>",
  });
export type IppAttribute = z.infer<typeof ippAttribute>;

const ruleValues = z.array(z.string().trim().min(1).max(100)).min(1, { message: "Add at least one value" }).max(100);

export const ippRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("any_of"), values: ruleValues }),
  z.object({ kind: z.literal("all_of"), values: ruleValues }),
  z.object({ kind: z.literal("range"), min: z.number().nullable(), max: z.number().nullable() }),
  z.object({ kind: z.literal("equals"), value: z.union([z.string().max(200), z.number(), z.boolean()]) }),
]);
export type IppRule = z.infer<typeof ippRule>;

export const ippCriterion = z.object({
  id: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1, { message: "Name the criterion" }).max(120),
  attribute: ippAttribute,
  weight: z.number().min(0).max(100),
  rule: ippRule,
  /** Failing it fails the profile (and may auto-reject when the program says so). */
  required: z.boolean().default(false),
});
export type IppCriterion = z.infer<typeof ippCriterion>;

export const idealPartnerProfile = z
  .object({
    programId: z.uuid(),
    criteria: z.array(ippCriterion),
    version: z.number().int(),
    updatedAt: timestamp.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "IdealPartnerProfile" });
export type IdealPartnerProfile = z.infer<typeof idealPartnerProfile>;

export const updateIppBody = z.object({ criteria: z.array(ippCriterion).max(50) });
export type UpdateIppBody = z.input<typeof updateIppBody>;

export const ippUpdateResult = idealPartnerProfile.extend({ rescored: z.number().int() });
export type IppUpdateResult = z.infer<typeof ippUpdateResult>;

/** One criterion's share of a fit score. */
export const fitContribution = z.object({
  criterionId: z.string(),
  label: z.string(),
  weight: z.number(),
  /** 0..1: how well the applicant matches. */
  match: z.number(),
  /** Points added to the 0–100 score. */
  points: z.number(),
  required: z.boolean(),
  passed: z.boolean(),
  detail: z.string(),
});
export type FitContribution = z.infer<typeof fitContribution>;

export const applicationStatuses = ["received", "in_vetting", "approved", "rejected"] as const;
export const applicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatus>;

const textList = z.array(z.string().trim().min(1).max(80)).max(30).default([]);

/** What the public form submits. `website2` is a honeypot: humans never see or fill it. */
export const applyBody = z.object({
  companyName: z.string().trim().min(2, { message: "Enter your company name" }).max(200),
  website: z.url({ message: "Enter a full URL such as https://example.com" }).max(300),
  hqCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "Use a two-letter country code" }),
  regions: z.array(region).max(20).default([]),
  industries: textList,
  size: companySize.optional(),
  partnerTypes: z.array(partnerType).min(1, { message: "Pick at least one way you want to partner" }).max(15),
  specializations: textList,
  applicantName: z.string().trim().min(1, { message: "Enter your name" }).max(120),
  applicantEmail: email,
  message: z.string().trim().max(5000).optional(),
  website2: z.string().max(500).optional(),
});
export type ApplyBody = z.input<typeof applyBody>;
export type ApplyData = z.output<typeof applyBody>;

export const applyParams = z.object({
  workspaceSlug: z.string().trim().min(1).max(100),
  programSlug: z.string().trim().min(1).max(100),
});

export const applicationFormInfo = z
  .object({
    workspaceName: z.string(),
    programName: z.string(),
    programDescription: z.string().nullable(),
    open: z.boolean(),
    fields: z.array(z.string()),
  })
  .meta({ id: "ApplicationForm" });
export type ApplicationFormInfo = z.infer<typeof applicationFormInfo>;

export const applyResult = z.object({ received: z.literal(true), message: z.string() });
export type ApplyResult = z.infer<typeof applyResult>;

export const applicationSummary = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    partnerId: z.uuid(),
    companyName: z.string(),
    domain: z.string().nullable(),
    applicantName: z.string(),
    applicantEmail: z.string(),
    status: applicationStatus,
    fitScore: z.number().nullable(),
    ippVersion: z.number().int().nullable(),
    vetterId: z.uuid().nullable(),
    vetterName: z.string().nullable(),
    createdAt: timestamp,
    decidedAt: timestamp.nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: "ApplicationSummary" });
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationPage = z.object({ items: z.array(applicationSummary), total: z.number().int() });
export type ApplicationPage = z.infer<typeof applicationPage>;

export const applicationDetail = applicationSummary
  .extend({
    answers: z.record(z.string(), z.unknown()),
    fitBreakdown: z.array(fitContribution),
    duplicateWarnings: z.array(z.string()),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: "ApplicationDetail" });
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationListQuery = z.object({
  status: applicationStatus.optional(),
  programId: z.uuid().optional(),
  sort: z.enum(["fit", "received"]).default("received"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const assignVetterBody = z.object({ vetterId: z.uuid() });
export const rejectApplicationBody = z.object({
  reason: z.string().trim().min(3, { message: "Give a reason (at least 3 characters)" }).max(2000),
});
export type RejectApplicationBody = z.input<typeof rejectApplicationBody>;

export const approveApplicationResult = z.object({
  application: applicationDetail,
  invitation: z.object({ id: z.uuid(), email: z.string(), expiresAt: timestamp }),
  acceptUrl: z.string(),
});
export type ApproveApplicationResult = z.infer<typeof approveApplicationResult>;

export const programIdParams = z.object({ programId: z.uuid() });
