import type { AuthSession, InvitationPreview, InvitationRecord, Role } from "@symbiont/contracts";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Tx, transaction } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/authz";
import { type AppDeps, auditSource, type RequestMeta, type ServiceContext } from "../../platform/context";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { emitEvent } from "../../platform/events";
import { enforceRateLimit } from "../../platform/http/rate-limit";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";
import { assertCanInvite } from "./identity.policies";
import { emailTaken, isPartnerSide } from "./identity.queries";
import "./identity.events";
import { invitations, users } from "./identity.schema";
import { hashPassword, hashToken, randomToken } from "./secrets";
import { actorFromUser, authSessionFor, createSession } from "./sessions";

type InvitationRow = typeof invitations.$inferSelect;
const inviter = alias(users, "inviter");

function statusOf(row: InvitationRow, now = Date.now()): InvitationRecord["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiredAt || row.expiresAt.getTime() <= now) return "expired";
  return "pending";
}

function toRecord(row: InvitationRow, partnerName: string | null, invitedBy: string | null): InvitationRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    partnerId: row.partnerId,
    partnerName,
    status: statusOf(row),
    invitedBy,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** Vendor admins see every invitation; partner admins only their organization's. */
function scope(actor: Actor) {
  return and(
    eq(invitations.workspaceId, actor.workspaceId),
    actor.kind === "partner" ? eq(invitations.partnerId, actor.partnerId) : undefined,
  );
}

export async function listInvitations(
  ctx: ServiceContext,
  page: { limit: number; offset: number },
): Promise<{ items: InvitationRecord[]; total: number }> {
  assertCanInvite(ctx.actor);
  const db = ctx.database.db;
  const rowsQuery = db
    .select({ invitation: invitations, partnerName: partners.name, invitedBy: inviter.email })
    .from(invitations)
    .leftJoin(partners, and(eq(partners.workspaceId, invitations.workspaceId), eq(partners.id, invitations.partnerId)))
    .leftJoin(inviter, and(eq(inviter.workspaceId, invitations.workspaceId), eq(inviter.id, invitations.invitedBy)))
    .where(scope(ctx.actor))
    .orderBy(desc(invitations.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  const [rows, [count]] = await Promise.all([
    rowsQuery,
    db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(scope(ctx.actor)),
  ]);
  return { items: rows.map((r) => toRecord(r.invitation, r.partnerName, r.invitedBy)), total: count?.n ?? 0 };
}

export async function createInvitation(
  ctx: ServiceContext,
  input: { email: string; role: Role; partnerId?: string | undefined; expiresInDays: number },
): Promise<{ invitation: InvitationRecord; acceptUrl: string }> {
  assertCanInvite(ctx.actor, input.role);
  const partnerId = ctx.actor.kind === "partner" ? ctx.actor.partnerId : (input.partnerId ?? null);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const result = await transaction(ctx.database, async (tx) => {
    if (await emailTaken(tx, input.email)) {
      throw fieldError("body.email", `${input.email} already has an account`, "USER_EMAIL_TAKEN");
    }
    let partnerName: string | null = null;
    if (partnerId) {
      const [partner] = await tx
        .select({ name: partners.name })
        .from(partners)
        .where(and(eq(partners.workspaceId, ctx.actor.workspaceId), eq(partners.id, partnerId)));
      if (!partner) throw fieldError("body.partnerId", "No such partner in this workspace", "NOT_FOUND");
      partnerName = partner.name;
    }
    // A new invitation replaces any pending one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.workspaceId, ctx.actor.workspaceId),
          sql`lower(${invitations.email}) = ${input.email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId: ctx.actor.workspaceId,
        email: input.email,
        role: input.role,
        partnerId,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.userId,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error("invitation insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "invitation.created",
      entityType: "invitation",
      entityId: row.id,
      partnerId,
      after: { email: row.email, role: row.role, partnerId, expiresAt: expiresAt.toISOString() },
    });
    if (partnerId) {
      await emitEvent(tx, auditSource(ctx), {
        type: "partner_user.invited",
        workspaceId: row.workspaceId,
        partnerId,
        entityType: "invitation",
        entityId: row.id,
        payload: { invitationId: row.id, email: row.email, role: row.role },
      });
    }
    return toRecord(row, partnerName, ctx.actor.label);
  });
  return { invitation: result, acceptUrl: `${ctx.config.baseUrl}/invite/${token}` };
}

/**
 * Creates an invitation inside the caller's transaction (recruitment invites an approved applicant
 * as partner admin). The caller authorizes; this replaces pending invitations for the address.
 */
export async function createInvitationInTx(
  tx: Tx,
  source: AuditSource,
  input: {
    workspaceId: string;
    email: string;
    role: Role;
    partnerId: string | null;
    invitedBy: string | null;
    expiresInDays: number;
    baseUrl: string;
  },
): Promise<{ id: string; email: string; expiresAt: Date; acceptUrl: string }> {
  const email = input.email.trim().toLowerCase();
  if (await emailTaken(tx, email)) {
    throw new AppError("USER_EMAIL_TAKEN", { message: `${email} already has an account` });
  }
  const token = randomToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.workspaceId, input.workspaceId),
        sql`lower(${invitations.email}) = ${email}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const [row] = await tx
    .insert(invitations)
    .values({
      workspaceId: input.workspaceId,
      email,
      role: input.role,
      partnerId: input.partnerId,
      tokenHash: hashToken(token),
      invitedBy: input.invitedBy,
      expiresAt,
    })
    .returning();
  if (!row) throw new Error("invitation insert returned nothing");
  await recordAudit(tx, source, {
    action: "invitation.created",
    entityType: "invitation",
    entityId: row.id,
    partnerId: input.partnerId,
    after: { email, role: input.role, partnerId: input.partnerId, expiresAt: expiresAt.toISOString() },
  });
  return { id: row.id, email, expiresAt, acceptUrl: `${input.baseUrl}/invite/${token}` };
}

export async function revokeInvitation(ctx: ServiceContext, id: string): Promise<void> {
  assertCanInvite(ctx.actor);
  await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(scope(ctx.actor), eq(invitations.id, id)))
      .for("update");
    if (!row) throw notFound("Invitation not found");
    if (statusOf(row) !== "pending") {
      throw new AppError("CONFLICT", { message: `The invitation is already ${statusOf(row)}` });
    }
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.workspaceId, row.workspaceId), eq(invitations.id, row.id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      partnerId: row.partnerId,
      before: { status: "pending" },
      after: { status: "revoked" },
    });
  });
}

/** Finds a usable invitation by its token, or says precisely why it is not usable. */
async function usableInvitation(tx: Tx | AppDeps["database"]["db"], token: string, lock = false) {
  const query = tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("INVITATION_INVALID", { message: "This invitation link is not valid" });
  const status = statusOf(row);
  if (status === "accepted")
    throw new AppError("INVITATION_ALREADY_USED", {
      message: "This invitation has already been used; sign in instead",
    });
  if (status === "revoked")
    throw new AppError("INVITATION_REVOKED", { message: "This invitation was withdrawn; ask for a new one" });
  if (status === "expired")
    throw new AppError("INVITATION_EXPIRED", { message: "This invitation has expired; ask for a new one" });
  return row;
}

export async function previewInvitation(deps: AppDeps, meta: RequestMeta, token: string): Promise<InvitationPreview> {
  await enforceRateLimit(deps.database.db, {
    key: `invite:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 60,
    windowSeconds: 300,
  });
  const row = await usableInvitation(deps.database.db, token);
  const [names] = await deps.database.db
    .select({ workspaceName: workspaces.name, partnerName: partners.name })
    .from(workspaces)
    .leftJoin(partners, and(eq(partners.workspaceId, workspaces.id), eq(partners.id, row.partnerId ?? sql`null`)))
    .where(eq(workspaces.id, row.workspaceId));
  return {
    email: row.email,
    role: row.role as Role,
    workspaceName: names?.workspaceName ?? "",
    partnerName: names?.partnerName ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(
  deps: AppDeps,
  meta: RequestMeta,
  input: { token: string; name: string; password: string },
): Promise<{ token: string; expiresAt: Date; body: AuthSession }> {
  await enforceRateLimit(deps.database.db, {
    key: `invite:ip:${meta.ipAddress ?? "unknown"}`,
    limit: 60,
    windowSeconds: 300,
  });
  const passwordHash = await hashPassword(input.password);
  return transaction(deps.database, async (tx) => {
    const invitation = await usableInvitation(tx, input.token, true);
    if (await emailTaken(tx, invitation.email)) {
      throw new AppError("USER_EMAIL_TAKEN", {
        message: `${invitation.email} already has an account; sign in instead`,
      });
    }
    const [user] = await tx
      .insert(users)
      .values({
        workspaceId: invitation.workspaceId,
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        partnerId: isPartnerSide(invitation.role) ? invitation.partnerId : null,
        passwordHash,
        passwordChangedAt: new Date(),
        lastLoginAt: new Date(),
      })
      .returning();
    if (!user) throw new Error("user insert returned nothing");
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedUserId: user.id })
      .where(and(eq(invitations.workspaceId, invitation.workspaceId), eq(invitations.id, invitation.id)));
    const session = await createSession(tx, user, meta);
    const actor = actorFromUser(user, { sessionId: session.sessionId });
    const source = { actor, requestId: meta.requestId, ipAddress: meta.ipAddress };
    await recordAudit(tx, source, {
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: invitation.id,
      partnerId: user.partnerId,
      before: { status: "pending" },
      after: { status: "accepted", userId: user.id },
    });
    await recordAudit(tx, source, {
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      partnerId: user.partnerId,
      after: { email: user.email, name: user.name, role: user.role, partnerId: user.partnerId },
    });
    if (user.partnerId) {
      await emitEvent(tx, source, {
        type: "partner_user.joined",
        workspaceId: user.workspaceId,
        partnerId: user.partnerId,
        entityType: "user",
        entityId: user.id,
        payload: { userId: user.id, role: user.role },
      });
    }
    return { token: session.token, expiresAt: session.expiresAt, body: await authSessionFor(deps, tx, actor, user) };
  });
}
