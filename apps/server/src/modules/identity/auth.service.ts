import type { AuthSession, SessionInfo } from "@symbiont/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Tx, transaction } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/authz";
import { type AppDeps, auditSource, type RequestMeta, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { enforceRateLimit } from "../../platform/http/rate-limit";
import { assertCanManagePeople } from "./identity.policies";
import { findUser, findUserByEmail, type UserRow } from "./identity.queries";
import { passwordResetTokens, users } from "./identity.schema";
import { hashPassword, hashToken, randomToken, verifyPassword } from "./secrets";
import {
  actorFromUser,
  authSessionFor,
  createSession,
  listActiveSessions,
  revokeSession,
  revokeUserSessions,
} from "./sessions";

/** Failed sign-ins in a row before the account locks… */
export const LOCKOUT_THRESHOLD = 5;
/** …and for how long. */
export const LOCKOUT_MS = 15 * 60 * 1000;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export interface SignedIn {
  token: string;
  expiresAt: Date;
  body: AuthSession;
}

export async function login(
  deps: AppDeps,
  meta: RequestMeta,
  input: { email: string; password: string },
): Promise<SignedIn> {
  const db = deps.database.db;
  await enforceRateLimit(db, { key: `login:ip:${meta.ipAddress ?? "unknown"}`, limit: 30, windowSeconds: 300 });
  const user = await findUserByEmail(db, input.email);
  if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    if (user) await recordFailedLogin(deps, meta, user);
    throw new AppError("AUTH_INVALID_CREDENTIALS", { message: "The email or password is not right" });
  }
  if (user.disabledAt) {
    throw new AppError("AUTH_ACCOUNT_DISABLED", { message: "This account is disabled; ask an administrator" });
  }
  return transaction(deps.database, async (tx) => {
    const session = await createSession(tx, user, meta);
    await tx
      .update(users)
      .set({ lastLoginAt: sql`now()`, failedLoginCount: 0, lockedUntil: null })
      .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
    const actor = actorFromUser(user, { sessionId: session.sessionId });
    await recordAudit(
      tx,
      { actor, requestId: meta.requestId, ipAddress: meta.ipAddress },
      { action: "auth.signed_in", entityType: "session", entityId: session.sessionId },
    );
    return { token: session.token, expiresAt: session.expiresAt, body: await authSessionFor(deps, tx, actor, user) };
  });
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError("AUTH_ACCOUNT_LOCKED", {
    message: `Too many failed sign-ins: the account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}`,
    details: { lockedUntil: until.toISOString() },
  });
}

async function recordFailedLogin(deps: AppDeps, meta: RequestMeta, user: UserRow): Promise<void> {
  const lockedUntil = await transaction(deps.database, async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
      .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)))
      .returning({ failed: users.failedLoginCount });
    const failed = updated?.failed ?? 0;
    const source = {
      actor: actorFromUser(user, { sessionId: null }),
      requestId: meta.requestId,
      ipAddress: meta.ipAddress,
    };
    if (failed < LOCKOUT_THRESHOLD) return null;
    const until = new Date(Date.now() + LOCKOUT_MS);
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: until })
      .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
    await recordAudit(tx, source, {
      action: "auth.account_locked",
      entityType: "user",
      entityId: user.id,
      partnerId: user.partnerId,
      after: { lockedUntil: until.toISOString(), failedAttempts: failed },
    });
    return until;
  });
  if (lockedUntil) throw lockedError(lockedUntil);
}

export async function logout(ctx: ServiceContext): Promise<void> {
  const { sessionId } = ctx.actor;
  if (!sessionId) return;
  await transaction(ctx.database, async (tx) => {
    await revokeSession(tx, ctx.actor.workspaceId, sessionId);
    await recordAudit(tx, auditSource(ctx), { action: "auth.signed_out", entityType: "session", entityId: sessionId });
  });
}

export async function currentSession(ctx: ServiceContext): Promise<AuthSession> {
  const { actor } = ctx;
  // Sessions carry the profile already (one query per request); API keys describe themselves.
  if (actor.profile) return authSessionFor(ctx, ctx.database.db, actor, actor.profile);
  if (!actor.userId) return authSessionFor(ctx, ctx.database.db, actor, { name: actor.label, email: "" });
  const user = await findUser(ctx.database.db, actor, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return authSessionFor(ctx, ctx.database.db, actor, user);
}

function requirePerson(actor: Actor): string {
  if (!actor.userId)
    throw new AppError("FORBIDDEN", { message: "Sign in as a person to manage passwords and sessions" });
  return actor.userId;
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const userId = requirePerson(ctx.actor);
  const user = await findUser(ctx.database.db, ctx.actor, userId);
  if (!user) throw notFound("User not found");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError("body.currentPassword", "The current password is not right", "AUTH_PASSWORD_INCORRECT");
  }
  if (input.currentPassword === input.newPassword) {
    throw fieldError("body.newPassword", "Choose a password different from the current one", "AUTH_PASSWORD_REUSED");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(ctx.database, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
    const signedOut = await revokeUserSessions(tx, user, ctx.actor.sessionId);
    await recordAudit(tx, auditSource(ctx), {
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      partnerId: user.partnerId,
      after: { otherSessionsSignedOut: signedOut },
    });
  });
}

/** Stores a new single-use reset token for `user` and returns its link. */
async function issueResetLink(
  tx: Tx,
  deps: Pick<AppDeps, "config">,
  user: UserRow,
  source: AuditSource,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
  await tx.insert(passwordResetTokens).values({
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt,
  });
  await recordAudit(tx, source, {
    action: "user.password_reset_requested",
    entityType: "user",
    entityId: user.id,
    partnerId: user.partnerId,
    after: { expiresAt: expiresAt.toISOString() },
  });
  return { url: `${deps.config.baseUrl}/reset-password?token=${token}`, expiresAt };
}

/** Creates a single-use reset link for the CLI (`symbiont reset-password`). */
export async function createPasswordReset(
  deps: AppDeps,
  email: string,
): Promise<{ url: string; expiresAt: Date; user: UserRow }> {
  const user = await findUserByEmail(deps.database.db, email);
  if (!user) throw fieldError("email", `No user has the email ${email}`, "NOT_FOUND");
  const source = {
    actor: { kind: "system" as const, workspaceId: user.workspaceId, label: "symbiont reset-password" },
  };
  const link = await transaction(deps.database, (tx) => issueResetLink(tx, deps, user, source));
  return { ...link, user };
}

/**
 * An admin creates a reset link for someone they manage (vendor admins: staff; partner admins:
 * colleagues) and passes it on; email delivery arrives with the email capability.
 */
export async function createPasswordResetFor(
  ctx: ServiceContext,
  userId: string,
): Promise<{ url: string; expiresAt: string }> {
  assertCanManagePeople(ctx.actor);
  const user = await findUser(ctx.database.db, ctx.actor, userId);
  const visible =
    user && (ctx.actor.kind === "partner" ? user.partnerId === ctx.actor.partnerId : user.partnerId === null);
  if (!user || !visible) throw notFound("User not found");
  const link = await transaction(ctx.database, (tx) => issueResetLink(tx, ctx, user, auditSource(ctx)));
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

export async function completePasswordReset(
  deps: AppDeps,
  meta: RequestMeta,
  input: { token: string; newPassword: string },
): Promise<void> {
  const invalid = () =>
    new AppError("AUTH_RESET_TOKEN_INVALID", {
      message: "This reset link is not valid any more; ask for a new one",
      details: { issues: [{ path: "body.token", message: "Expired, used or unknown link", code: "invalid" }] },
    });
  await enforceRateLimit(deps.database.db, {
    key: `reset:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 20,
    windowSeconds: 300,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(deps.database, async (tx) => {
    const [token] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          sql`${passwordResetTokens.expiresAt} > now()`,
        ),
      )
      .returning();
    if (!token) throw invalid();
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: sql`now()`,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.workspaceId, token.workspaceId), eq(users.id, token.userId)))
      .returning();
    if (!user) throw invalid();
    await revokeUserSessions(tx, user);
    await recordAudit(
      tx,
      { actor: actorFromUser(user, { sessionId: null }), requestId: meta.requestId, ipAddress: meta.ipAddress },
      { action: "user.password_reset", entityType: "user", entityId: user.id, partnerId: user.partnerId },
    );
  });
}

export async function listMySessions(ctx: ServiceContext): Promise<{ items: SessionInfo[] }> {
  const userId = requirePerson(ctx.actor);
  return {
    items: await listActiveSessions(
      ctx.database.db,
      { workspaceId: ctx.actor.workspaceId, id: userId },
      ctx.actor.sessionId,
    ),
  };
}

export async function revokeMySession(ctx: ServiceContext, sessionId: string): Promise<void> {
  const userId = requirePerson(ctx.actor);
  const mine = await listActiveSessions(ctx.database.db, { workspaceId: ctx.actor.workspaceId, id: userId }, null);
  if (!mine.some((session) => session.id === sessionId)) throw notFound("Session not found");
  await transaction(ctx.database, async (tx) => {
    await revokeSession(tx, ctx.actor.workspaceId, sessionId);
    await recordAudit(tx, auditSource(ctx), { action: "session.revoked", entityType: "session", entityId: sessionId });
  });
}
