import { z } from "zod";
import { email, newPassword, pageOf, personName, timestamp } from "./common";
import { partnerRole, role, vendorRole } from "./roles";

export const workspaceSummary = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });

export const partnerSummary = z.object({ id: z.uuid(), name: z.string() });

/** The signed-in person, as every surface sees them. */
export const currentUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    kind: z.enum(["vendor", "partner"]),
    role,
    workspace: workspaceSummary,
    partner: partnerSummary.nullable(),
  })
  .meta({ id: "CurrentUser" });
export type CurrentUser = z.infer<typeof currentUser>;

export const authSession = z
  .object({
    user: currentUser,
    /** Send back as the `x-csrf-token` header on every cookie-authenticated mutation. */
    csrfToken: z.string(),
  })
  .meta({ id: "AuthSession" });
export type AuthSession = z.infer<typeof authSession>;

export const loginBody = z.object({
  email,
  password: z.string().min(1, { message: "Enter your password" }).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, { message: "Enter your current password" }).max(256),
  newPassword,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const completePasswordResetBody = z.object({
  token: z.string().min(16).max(200),
  newPassword,
});

export const sessionInfo = z
  .object({
    id: z.uuid(),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    expiresAt: timestamp,
    userAgent: z.string().nullable(),
    ipAddress: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "SessionInfo" });
export type SessionInfo = z.infer<typeof sessionInfo>;
export const sessionList = z.object({ items: z.array(sessionInfo) });

// ── users ────────────────────────────────────────────────────────────────────

export const userRecord = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role,
    partnerId: z.uuid().nullable(),
    disabled: z.boolean(),
    lockedUntil: timestamp.nullable(),
    lastLoginAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "User" });
export type UserRecord = z.infer<typeof userRecord>;
export const userPage = pageOf(userRecord);

export const userListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const updateVendorUserBody = z
  .object({
    name: personName.optional(),
    role: vendorRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one field" });

export const updatePartnerUserBody = z
  .object({
    name: personName.optional(),
    role: partnerRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one field" });

// ── invitations ──────────────────────────────────────────────────────────────

export const invitationStatus = z.enum(["pending", "accepted", "revoked", "expired"]);
export const invitationRecord = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role,
    partnerId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    status: invitationStatus,
    invitedBy: z.string().nullable(),
    expiresAt: timestamp,
    createdAt: timestamp,
    acceptedAt: timestamp.nullable(),
  })
  .meta({ id: "Invitation" });
export type InvitationRecord = z.infer<typeof invitationRecord>;
export const invitationPage = pageOf(invitationRecord);

/** The link is shown once to the inviter (email delivery arrives with the email capability). */
export const createdInvitation = z.object({
  invitation: invitationRecord,
  acceptUrl: z.string(),
});

export const createVendorInvitationBody = z
  .object({
    email,
    role,
    /** Required when inviting someone into a partner organization (partner roles). */
    partnerId: z.uuid().optional(),
    expiresInDays: z.number().int().min(1).max(30).default(7),
  })
  .superRefine((v, ctx) => {
    const partnerSide = v.role === "partner_admin" || v.role === "partner_user";
    if (partnerSide && !v.partnerId) {
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose the partner this person belongs to" });
    }
    if (!partnerSide && v.partnerId) {
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Staff invitations cannot name a partner" });
    }
  });
export type CreateVendorInvitationBody = z.input<typeof createVendorInvitationBody>;

export const createPartnerInvitationBody = z.object({
  email,
  role: partnerRole,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type CreatePartnerInvitationBody = z.input<typeof createPartnerInvitationBody>;

export const invitationPreview = z.object({
  email: z.string(),
  role,
  workspaceName: z.string(),
  partnerName: z.string().nullable(),
  expiresAt: timestamp,
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

export const acceptInvitationBody = z.object({
  token: z.string().min(16).max(200),
  name: personName,
  password: newPassword,
});

// ── API keys ─────────────────────────────────────────────────────────────────

export const apiKeyRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role,
    /** First characters of the key, to recognise it; never enough to use it. */
    prefix: z.string(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKeyRecord = z.infer<typeof apiKeyRecord>;
export const apiKeyList = z.object({ items: z.array(apiKeyRecord) });

export const createVendorApiKeyBody = z.object({
  name: z.string().trim().min(1, { message: "Name the key after what uses it" }).max(80),
  role: vendorRole,
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export const createPartnerApiKeyBody = z.object({
  name: z.string().trim().min(1, { message: "Name the key after what uses it" }).max(80),
  role: partnerRole,
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export type CreateApiKeyBody = z.input<typeof createVendorApiKeyBody>;

/** `secret` is shown exactly once; only its hash is stored. */
export const createdApiKey = z.object({ apiKey: apiKeyRecord, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKey>;

export type UserPage = z.infer<typeof userPage>;
export type InvitationPage = z.infer<typeof invitationPage>;

/** A single-use reset link an admin passes on (until email delivery exists). */
export const passwordResetLink = z.object({ url: z.string(), expiresAt: timestamp });
export type PasswordResetLink = z.infer<typeof passwordResetLink>;
