import type { AuthSession, SessionInfo } from "@symbiont/contracts";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { Actor } from "../../platform/authz";
import type { AppDeps } from "../../platform/context";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";
import { profileNames, type UserRow } from "./identity.queries";
import { sessions, users } from "./identity.schema";
import { csrfTokenFor, hashToken, randomToken } from "./secrets";

export const SESSION_COOKIE = "symbiont_session";
/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 30 * 24 * 3600 * 1000;
// Refreshing last-seen on every request would turn every read into a write.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(
  tx: DbOrTx,
  user: Pick<UserRow, "workspaceId" | "id">,
  meta: { ipAddress: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  const [row] = await tx
    .insert(sessions)
    .values({
      workspaceId: user.workspaceId,
      userId: user.id,
      tokenHash: hashToken(token),
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      expiresAt,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return { token, sessionId: row.id, expiresAt };
}

/**
 * Resolves a session cookie to its actor (with the names /me shows, in the same query), or null
 * when it is unknown, revoked or expired.
 */
export async function actorFromSession(db: DbOrTx, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug },
      partnerName: partners.name,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .leftJoin(partners, and(eq(partners.workspaceId, users.workspaceId), eq(partners.id, users.partnerId)))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  const now = Date.now();
  if (session.revokedAt || session.expiresAt.getTime() <= now) return null;
  if (session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return null;
  if (user.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.workspaceId, session.workspaceId), eq(sessions.id, session.id)));
  }
  const partner = user.partnerId && row.partnerName ? { id: user.partnerId, name: row.partnerName } : null;
  return {
    ...actorFromUser(user, { sessionId: session.id }),
    profile: { name: user.name, email: user.email, workspace: row.workspace, partner },
  };
}

export function actorFromUser(user: UserRow, via: { sessionId: string | null }): Actor {
  const base = {
    workspaceId: user.workspaceId,
    userId: user.id,
    apiKeyId: null,
    sessionId: via.sessionId,
    label: user.email,
  };
  if (user.partnerId && (user.role === "partner_admin" || user.role === "partner_user")) {
    return { ...base, kind: "partner", role: user.role, partnerId: user.partnerId };
  }
  return { ...base, kind: "vendor", role: user.role as Extract<Actor, { kind: "vendor" }>["role"], partnerId: null };
}

export async function revokeSession(db: DbOrTx, workspaceId: string, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Signs a user out everywhere, except (optionally) the session they are using. */
export async function revokeUserSessions(
  db: DbOrTx,
  user: { workspaceId: string; id: string },
  exceptSessionId: string | null = null,
): Promise<number> {
  const result = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.workspaceId, user.workspaceId),
        eq(sessions.userId, user.id),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
  return result.rowCount ?? 0;
}

export async function listActiveSessions(
  db: DbOrTx,
  user: { workspaceId: string; id: string },
  currentSessionId: string | null,
): Promise<SessionInfo[]> {
  const idleCutoff = new Date(Date.now() - SESSION_IDLE_MS);
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.workspaceId, user.workspaceId),
        eq(sessions.userId, user.id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleCutoff),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
    current: row.id === currentSessionId,
  }));
}

/** The body every sign-in answers with: who you are and your CSRF token. */
export async function authSessionFor(
  deps: Pick<AppDeps, "config">,
  db: DbOrTx,
  actor: Actor,
  user: Pick<UserRow, "name" | "email">,
): Promise<AuthSession> {
  const names = actor.profile ?? (await profileNames(db, actor.workspaceId, actor.partnerId));
  return {
    user: {
      id: actor.userId ?? actor.apiKeyId ?? "",
      email: user.email,
      name: user.name,
      kind: actor.kind,
      role: actor.role,
      workspace: names.workspace,
      partner: names.partner,
    },
    csrfToken: actor.sessionId ? csrfTokenFor(actor.sessionId, deps.config.sessionSecret) : "",
  };
}
