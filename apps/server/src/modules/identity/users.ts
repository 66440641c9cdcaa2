import type { Role, UserRecord } from "@symbiont/contracts";
import { and, asc, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { assertCanListPeople, assertCanManagePeople } from "./identity.policies";
import type { UserRow } from "./identity.queries";
import { users } from "./identity.schema";
import { revokeUserSessions } from "./sessions";

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    partnerId: row.partnerId,
    disabled: row.disabledAt !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Staff see staff; partner users see the people of their own organization. */
function peopleScope(actor: Actor) {
  return and(
    eq(users.workspaceId, actor.workspaceId),
    actor.kind === "partner" ? eq(users.partnerId, actor.partnerId) : isNull(users.partnerId),
  );
}

export async function listPeople(
  ctx: ServiceContext,
  query: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserRecord[]; total: number }> {
  assertCanListPeople(ctx.actor);
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  const where = and(
    peopleScope(ctx.actor),
    pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
  );
  const db = ctx.database.db;
  // The page and the total are independent: ask for both at once.
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map(toUserRecord), total: count?.n ?? 0 };
}

export async function updatePerson(
  ctx: ServiceContext,
  userId: string,
  input: { name?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined },
): Promise<UserRecord> {
  assertCanManagePeople(ctx.actor);
  return transaction(ctx.database, async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(peopleScope(ctx.actor), eq(users.id, userId)))
      .for("update");
    if (!before) throw notFound("User not found");
    const self = before.id === ctx.actor.userId;
    const roleChanges = input.role !== undefined && input.role !== before.role;
    const disabling = input.disabled === true && before.disabledAt === null;
    if (self && (roleChanges || disabling)) {
      throw new AppError("USER_CANNOT_CHANGE_OWN_ROLE", {
        message: "You cannot change your own role or disable yourself; ask another admin",
      });
    }
    const adminRole = ctx.actor.kind === "vendor" ? "admin" : "partner_admin";
    if (before.role === adminRole && (roleChanges || disabling)) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(
          and(peopleScope(ctx.actor), eq(users.role, adminRole), isNull(users.disabledAt), ne(users.id, before.id)),
        );
      if ((others?.n ?? 0) === 0) {
        throw new AppError("USER_LAST_ADMIN", {
          message: "Keep at least one active admin: promote someone else first",
        });
      }
    }
    const [after] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.workspaceId, before.workspaceId), eq(users.id, before.id)))
      .returning();
    if (!after) throw new Error("user update returned nothing");
    if (disabling || roleChanges) await revokeUserSessions(tx, after);
    await recordAudit(tx, auditSource(ctx), {
      action: "user.updated",
      entityType: "user",
      entityId: after.id,
      partnerId: after.partnerId,
      before: { name: before.name, role: before.role, disabled: before.disabledAt !== null },
      after: { name: after.name, role: after.role, disabled: after.disabledAt !== null },
    });
    return toUserRecord(after);
  });
}
