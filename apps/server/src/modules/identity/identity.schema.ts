import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, workspaceId } from "../../db/columns";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";

const partnerRoleSql = sql.raw(`'partner_admin', 'partner_user'`);

/** Vendor staff and partner users. Email is unique across workspaces: login asks only for email. */
export const users = pgTable(
  "users",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    partnerId: uuid("partner_id"),
    passwordHash: text("password_hash"),
    passwordChangedAt: at("password_changed_at"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: at("locked_until"),
    disabledAt: at("disabled_at"),
    lastLoginAt: at("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_workspace_partner_idx").on(t.workspaceId, t.partnerId),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    check(
      "users_role_check",
      sql`${t.role} in ('admin', 'partner_manager', 'marketing', 'finance', 'analyst', ${partnerRoleSql})`,
    ),
    check("users_partner_role_check", sql`(${t.role} in (${partnerRoleSql})) = (${t.partnerId} is not null)`),
  ],
);

/** Server-side sessions; the cookie carries a random token whose hash is stored here. */
export const sessions = pgTable(
  "sessions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("sessions_token_hash_key").on(t.tokenHash),
    index("sessions_user_idx").on(t.workspaceId, t.userId),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** API keys: shown once, stored as a hash, scoped to one role (and one partner for portal keys). */
export const apiKeys = pgTable(
  "api_keys",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    partnerId: uuid("partner_id"),
    name: text("name").notNull(),
    role: text("role").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    expiresAt: at("expires_at"),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    check("api_keys_partner_role_check", sql`(${t.role} in (${partnerRoleSql})) = (${t.partnerId} is not null)`),
  ],
);

/** Expiring, single-use invitations into the workspace (staff) or a partner organization. */
export const invitations = pgTable(
  "invitations",
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    role: text("role").notNull(),
    partnerId: uuid("partner_id"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by"),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedUserId: uuid("accepted_user_id"),
    revokedAt: at("revoked_at"),
    /** Set by the expiry job; `expires_at` alone already makes the token unusable. */
    expiredAt: at("expired_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_workspace_partner_idx").on(t.workspaceId, t.partnerId),
    index("invitations_pending_expiry_idx")
      .on(t.expiresAt)
      .where(sql`accepted_at is null and revoked_at is null and expired_at is null`),
    foreignKey({ columns: [t.workspaceId, t.partnerId], foreignColumns: [partners.workspaceId, partners.id] }),
    check("invitations_partner_role_check", sql`(${t.role} in (${partnerRoleSql})) = (${t.partnerId} is not null)`),
  ],
);

/** Single-use, expiring password reset tokens. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete(
      "cascade",
    ),
  ],
);
