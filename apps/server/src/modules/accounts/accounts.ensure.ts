import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import { accountMatchKeys } from "./accounts.keys";
import { accounts } from "./accounts.schema";

declare module "../../platform/events" {
  interface EventMap {
    "account.created": { accountId: string; name: string; via: string };
  }
}

export type AccountRow = typeof accounts.$inferSelect;

export interface EnsureAccountInput {
  workspaceId: string;
  name: string;
  website?: string | null;
  domain?: string | null;
  country?: string | null;
  phone?: string | null;
  industry?: string | null;
  /** Why the account is created, for the audit trail: `registration`, `lead`, `referral` … */
  via: string;
}

/**
 * The account a registration, lead or referral is about: the existing account with the same
 * registrable domain, else with the same normalized name in the same (or an unknown) country,
 * else a new prospect. Runs in the caller's transaction.
 */
export async function ensureAccount(
  tx: DbOrTx,
  source: AuditSource,
  input: EnsureAccountInput,
): Promise<{ account: AccountRow; created: boolean }> {
  const keys = accountMatchKeys(input);
  const sameCountry = keys.country ? or(eq(accounts.country, keys.country), isNull(accounts.country)) : undefined;
  const byDomain = keys.domain ? eq(accounts.domain, keys.domain) : undefined;
  const byName = and(eq(accounts.nameNormalized, keys.nameNormalized), sameCountry);
  const [found] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.workspaceId, input.workspaceId), byDomain ? or(byDomain, byName) : byName))
    // A domain match beats a name match; then the oldest account.
    .orderBy(desc(sql`${accounts.domain} is not distinct from ${keys.domain}`), asc(accounts.createdAt))
    .limit(1);
  if (found && (!keys.domain || found.domain === keys.domain || found.domain === null)) {
    return { account: found, created: false };
  }
  const [account] = await tx
    .insert(accounts)
    .values({
      workspaceId: input.workspaceId,
      name: input.name.trim(),
      website: input.website ?? null,
      industry: input.industry ?? null,
      phone: input.phone ?? null,
      status: "prospect",
      ...keys,
    })
    .returning();
  if (!account) throw new Error("account insert returned nothing");
  await recordAudit(tx, source, {
    action: "account.created",
    entityType: "account",
    entityId: account.id,
    after: { name: account.name, domain: account.domain, country: account.country, via: input.via },
  });
  await emitEvent(tx, source, {
    type: "account.created",
    workspaceId: input.workspaceId,
    entityType: "account",
    entityId: account.id,
    payload: { accountId: account.id, name: account.name, via: input.via },
  });
  return { account, created: true };
}
