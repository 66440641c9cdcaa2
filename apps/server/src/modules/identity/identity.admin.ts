import type { Role } from "@symbiont/contracts";
import type { DbOrTx } from "../../db";
import { recordAudit } from "../../platform/audit";
import { fieldError } from "../../platform/errors";
import { emailTaken, type UserRow } from "./identity.queries";
import { users } from "./identity.schema";

/**
 * Creates a user directly, with a precomputed password hash. For the CLI and demo seed only;
 * people otherwise join through invitations.
 */
export async function createUserDirectly(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    email: string;
    name: string;
    role: Role;
    partnerId?: string | null;
    passwordHash: string;
  },
  actorLabel: string,
): Promise<UserRow> {
  if (await emailTaken(tx, input.email))
    throw fieldError("email", `${input.email} already has an account`, "USER_EMAIL_TAKEN");
  const [row] = await tx
    .insert(users)
    .values({
      workspaceId: input.workspaceId,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      partnerId: input.partnerId ?? null,
      passwordHash: input.passwordHash,
      passwordChangedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  await recordAudit(
    tx,
    { actor: { kind: "system", workspaceId: input.workspaceId, label: actorLabel } },
    {
      action: "user.created",
      entityType: "user",
      entityId: row.id,
      partnerId: row.partnerId,
      after: { email: row.email, name: row.name, role: row.role, partnerId: row.partnerId },
    },
  );
  return row;
}
