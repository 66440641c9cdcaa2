import { z } from "zod";
import { pageOf, timestamp } from "./common";
import { partnerStage } from "./partner-domain";

/** Deal-registration protection windows a program may choose; null = no expiry. */
export const protectionWindows = [30, 60, 90, 120] as const;
export const protectionWindowDays = z
  .literal(protectionWindows, { message: "Choose 30, 60, 90 or 120 days, or no expiry" })
  .nullable();

export const programRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    protectionWindowDays: z.number().int().nullable(),
    defaultJourneyId: z.uuid().nullable(),
    autoApplyTierChanges: z.boolean(),
    tierGraceDays: z.number().int(),
    tierWindowMonths: z.number().int(),
    applicationsOpen: z.boolean(),
    autoRejectSpam: z.boolean(),
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    memberCount: z.number().int(),
    tierCount: z.number().int(),
  })
  .meta({ id: "Program" });
export type ProgramRecord = z.infer<typeof programRecord>;
export const programList = z.object({ items: z.array(programRecord) });
export type ProgramList = z.infer<typeof programList>;

export const programListQuery = z.object({
  includeArchived: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

const programName = z.string().trim().min(2, { message: "Use at least 2 characters" }).max(120);
const programSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Use lower-case letters, digits and dashes" })
  .max(60);
const programDescription = z.string().trim().max(2000);
const graceDays = z.number().int().min(0, { message: "Use 0 or more days" }).max(365, { message: "Use at most 365" });
const windowMonths = z
  .number()
  .int()
  .min(1, { message: "Use at least 1 month" })
  .max(36, { message: "Use at most 36" });

export const createProgramBody = z.object({
  name: programName,
  slug: programSlug.optional(),
  description: programDescription.optional(),
  protectionWindowDays: protectionWindowDays.default(90),
  autoApplyTierChanges: z.boolean().default(false),
  tierGraceDays: graceDays.default(30),
  tierWindowMonths: windowMonths.default(12),
  applicationsOpen: z.boolean().default(true),
  autoRejectSpam: z.boolean().default(false),
});
export type CreateProgramBody = z.input<typeof createProgramBody>;

export const updateProgramBody = z.object({
  name: programName.optional(),
  slug: programSlug.optional(),
  description: programDescription.nullable().optional(),
  protectionWindowDays: protectionWindowDays.optional(),
  defaultJourneyId: z.uuid().nullable().optional(),
  autoApplyTierChanges: z.boolean().optional(),
  tierGraceDays: graceDays.optional(),
  tierWindowMonths: windowMonths.optional(),
  applicationsOpen: z.boolean().optional(),
  autoRejectSpam: z.boolean().optional(),
});
export type UpdateProgramBody = z.input<typeof updateProgramBody>;

export const programMember = z
  .object({
    partnerId: z.uuid(),
    partnerName: z.string(),
    stage: partnerStage,
    tierId: z.uuid().nullable(),
    tierName: z.string().nullable(),
    tierSince: timestamp.nullable(),
    joinedAt: timestamp,
  })
  .meta({ id: "ProgramMember" });
export type ProgramMember = z.infer<typeof programMember>;
export const programMemberPage = pageOf(programMember);
export type ProgramMemberPage = z.infer<typeof programMemberPage>;

export const programMemberQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const addProgramMembersBody = z.object({
  partnerIds: z
    .array(z.uuid())
    .min(1, { message: "Choose at least one partner" })
    .max(500, { message: "Add at most 500 partners at once" }),
});
export type AddProgramMembersBody = z.infer<typeof addProgramMembersBody>;
export const addProgramMembersResult = z.object({ added: z.number().int(), alreadyMembers: z.number().int() });

export const programMemberParams = z.object({ id: z.uuid(), partnerId: z.uuid() });

/** A partner's own view of a program they belong to (portal). */
export const portalProgram = z
  .object({
    programId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    protectionWindowDays: z.number().int().nullable(),
    joinedAt: timestamp,
    tier: z
      .object({
        id: z.uuid(),
        name: z.string(),
        rank: z.number().int(),
        color: z.string().nullable(),
        benefits: z.array(z.string()),
        since: timestamp.nullable(),
      })
      .nullable(),
  })
  .meta({ id: "PortalProgram" });
export type PortalProgram = z.infer<typeof portalProgram>;
export const portalProgramList = z.object({ items: z.array(portalProgram) });
