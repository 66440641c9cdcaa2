import { z } from "zod";
import { timestamp } from "./common";

/** One published, immutable version of an agreement (markdown). */
export const agreementVersionRecord = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    version: z.number().int(),
    bodyMarkdown: z.string(),
    requiresReacceptance: z.boolean(),
    publishedAt: timestamp,
    publishedBy: z.string().nullable(),
  })
  .meta({ id: "AgreementVersion" });
export type AgreementVersionRecord = z.infer<typeof agreementVersionRecord>;

export const agreementRecord = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    title: z.string(),
    createdAt: timestamp,
    archivedAt: timestamp.nullable(),
    latestVersion: agreementVersionRecord.nullable(),
    versionCount: z.number().int(),
    acceptanceCount: z.number().int(),
  })
  .meta({ id: "Agreement" });
export type AgreementRecord = z.infer<typeof agreementRecord>;

export const agreementDetail = agreementRecord
  .extend({ versions: z.array(agreementVersionRecord) })
  .meta({ id: "AgreementDetail" });
export type AgreementDetail = z.infer<typeof agreementDetail>;

export const agreementListQuery = z.object({
  programId: z.uuid().optional(),
  includeArchived: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

const markdownBody = z
  .string()
  .trim()
  .min(1, { message: "Write the agreement text" })
  .max(200_000, { message: "Keep the agreement under 200,000 characters" });

export const createAgreementBody = z.object({
  programId: z.uuid(),
  title: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200),
  bodyMarkdown: markdownBody,
});
export type CreateAgreementBody = z.input<typeof createAgreementBody>;

export const updateAgreementBody = z.object({
  title: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200).optional(),
  archived: z.boolean().optional(),
});
export type UpdateAgreementBody = z.input<typeof updateAgreementBody>;

export const publishAgreementVersionBody = z.object({
  bodyMarkdown: markdownBody,
  /** Everyone who accepted an earlier version must accept again. */
  requiresReacceptance: z.boolean().default(true),
});
export type PublishAgreementVersionBody = z.input<typeof publishAgreementVersionBody>;

/** Who accepted which version, when and from where. Immutable. */
export const agreementAcceptanceRecord = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    agreementTitle: z.string(),
    versionId: z.uuid(),
    version: z.number().int(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    userId: z.uuid(),
    userEmail: z.string(),
    acceptedAt: timestamp,
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: "AgreementAcceptance" });
export type AgreementAcceptanceRecord = z.infer<typeof agreementAcceptanceRecord>;
export const agreementAcceptanceList = z.object({ items: z.array(agreementAcceptanceRecord) });
export type AgreementAcceptanceList = z.infer<typeof agreementAcceptanceList>;

/** An agreement as one partner sees it: the version in force and whether it is accepted. */
export const partnerAgreementStatus = z
  .object({
    agreementId: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    title: z.string(),
    latestVersion: agreementVersionRecord,
    accepted: z.boolean(),
    /** The acceptance that keeps the agreement valid (possibly of an earlier version). */
    acceptance: agreementAcceptanceRecord.nullable(),
    /** An earlier version was accepted but the newest requires accepting again. */
    reacceptanceRequired: z.boolean(),
  })
  .meta({ id: "PartnerAgreementStatus" });
export type PartnerAgreementStatus = z.infer<typeof partnerAgreementStatus>;
export const partnerAgreementList = z.object({ items: z.array(partnerAgreementStatus) });
export type PartnerAgreementList = z.infer<typeof partnerAgreementList>;

export const agreementVersionParams = z.object({ versionId: z.uuid() });
