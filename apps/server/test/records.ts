import { randomUUID } from "node:crypto";
import type { Role } from "@symbiont/contracts";
import type { Database } from "../src/db";
import { apiKeys, createUserDirectly, invitations } from "../src/modules/identity";
import { hashToken, newApiKeySecret, randomToken } from "../src/modules/identity/secrets";
import { testPasswordHash, uniqueEmail } from "./factories";

/** Direct inserts for records a test needs as targets, bypassing the API under test. */
export async function insertUser(database: Database, workspaceId: string, role: Role, partnerId: string | null = null) {
  return createUserDirectly(
    database.db,
    {
      workspaceId,
      email: uniqueEmail(role),
      name: `Target ${role}`,
      role,
      partnerId,
      passwordHash: await testPasswordHash(),
    },
    "test",
  );
}

export async function insertInvitation(
  database: Database,
  workspaceId: string,
  options: { partnerId?: string | null; expiresAt?: Date; role?: Role } = {},
) {
  const token = randomToken();
  const partnerId = options.partnerId ?? null;
  const [row] = await database.db
    .insert(invitations)
    .values({
      workspaceId,
      email: uniqueEmail("invitee"),
      role: options.role ?? (partnerId ? "partner_user" : "analyst"),
      partnerId,
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
    })
    .returning();
  if (!row) throw new Error("invitation not inserted");
  return { ...row, token };
}

export async function insertApiKey(
  database: Database,
  workspaceId: string,
  options: { partnerId?: string | null; role?: Role; expiresAt?: Date | null } = {},
) {
  const { secret, prefix, hash } = newApiKeySecret();
  const partnerId = options.partnerId ?? null;
  const [row] = await database.db
    .insert(apiKeys)
    .values({
      workspaceId,
      partnerId,
      name: `key ${randomUUID().slice(0, 6)}`,
      role: options.role ?? (partnerId ? "partner_user" : "analyst"),
      prefix,
      secretHash: hash,
      expiresAt: options.expiresAt ?? null,
    })
    .returning();
  if (!row) throw new Error("api key not inserted");
  return { ...row, secret };
}
