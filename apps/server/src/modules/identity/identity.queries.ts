import type { Role } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { partners } from "../partners/partners.schema";
import { workspaces } from "../workspaces/workspaces.schema";
import { users } from "./identity.schema";

export type UserRow = typeof users.$inferSelect;

/** Login looks users up by email across workspaces (emails are globally unique). */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row;
}

export async function findUser(
  db: DbOrTx,
  scope: { workspaceId: string; partnerId?: string | null },
  userId: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.workspaceId, scope.workspaceId),
        eq(users.id, userId),
        scope.partnerId ? eq(users.partnerId, scope.partnerId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function emailTaken(db: DbOrTx, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== undefined;
}

export interface ProfileNames {
  workspace: { id: string; name: string; slug: string };
  partner: { id: string; name: string } | null;
}

export async function profileNames(db: DbOrTx, workspaceId: string, partnerId: string | null): Promise<ProfileNames> {
  const [row] = await db
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
      partnerName: partners.name,
    })
    .from(workspaces)
    .leftJoin(partners, and(eq(partners.workspaceId, workspaces.id), eq(partners.id, partnerId ?? sql`null`)))
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error(`Workspace ${workspaceId} vanished`);
  return {
    workspace: { id: row.workspaceId, name: row.workspaceName, slug: row.workspaceSlug },
    partner: partnerId && row.partnerName ? { id: partnerId, name: row.partnerName } : null,
  };
}

export function isPartnerSide(role: Role | string): boolean {
  return role === "partner_admin" || role === "partner_user";
}
