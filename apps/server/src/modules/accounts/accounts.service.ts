import type {
  AccountRecord,
  AccountStatus,
  bulkUpsertAccountsBody,
  createAccountBody,
  updateAccountBody,
  upsertAccountBody,
  ValidationIssue,
} from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { AppError, fieldError } from "../../platform/errors";
import { accountMatchKeys } from "./accounts.keys";
import { accountWriters } from "./accounts.policies";
import { getAccount, loadAccountRow } from "./accounts.queries";
import { accounts } from "./accounts.schema";
import { upsertAccounts } from "./accounts.upsert";

type CreateAccount = z.infer<typeof createAccountBody>;
type UpdateAccount = z.infer<typeof updateAccountBody>;
type UpsertAccount = z.infer<typeof upsertAccountBody>;
type BulkUpsert = z.infer<typeof bulkUpsertAccountsBody>;

const auditView = (row: typeof accounts.$inferSelect) => ({
  name: row.name,
  domain: row.domain,
  country: row.country,
  industry: row.industry,
  size: row.size,
  status: row.status,
  ownerId: row.ownerId,
  externalId: row.externalId,
});

/** The owner must be a staff user of the workspace (never a partner user). */
async function assertOwners(
  db: DbOrTx,
  workspaceId: string,
  ids: (string | null | undefined)[],
  path: (i: number) => string,
) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return;
  const found = await db.execute<{ id: string }>(sql`
    select id from users where workspace_id = ${workspaceId}::uuid and partner_id is null and disabled_at is null
      and id = any(${sql.param(wanted)}::uuid[])`);
  const known = new Set(found.rows.map((r) => r.id));
  const issues: ValidationIssue[] = [];
  ids.forEach((id, index) => {
    if (id && !known.has(id))
      issues.push({ path: path(index), message: "Choose an active staff user of this workspace", code: "invalid" });
  });
  if (issues.length > 0)
    throw new AppError("VALIDATION_FAILED", { message: issues[0]?.message ?? "Invalid owner", details: { issues } });
}

const customerSinceFor = (status: AccountStatus, given: string | null | undefined, current: string | null = null) =>
  given !== undefined ? given : status === "customer" ? (current ?? new Date().toISOString().slice(0, 10)) : current;

export async function createAccount(ctx: ServiceContext, input: CreateAccount): Promise<AccountRecord> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await assertOwners(ctx.database.db, workspaceId, [input.ownerId], () => "body.ownerId");
  const keys = accountMatchKeys(input);
  const id = await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({
        workspaceId,
        name: input.name,
        website: input.website ?? null,
        region: input.region ?? null,
        industry: input.industry ?? null,
        size: input.size ?? null,
        phone: input.phone ?? null,
        ownerId: input.ownerId ?? null,
        status: input.status,
        customerSince: customerSinceFor(input.status, input.customerSince),
        externalId: input.externalId ?? null,
        ...keys,
        domain: input.domain ?? keys.domain,
        country: input.country ?? keys.country,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("CONFLICT", {
        message: `An account with external id ${input.externalId} already exists`,
        details: { issues: [{ path: "body.externalId", message: "Already used by another account", code: "taken" }] },
      });
    await recordAudit(tx, auditSource(ctx), {
      action: "account.created",
      entityType: "account",
      entityId: row.id,
      after: { ...auditView(row), via: "console" },
    });
    return row.id;
  });
  return getAccount(ctx.database.db, workspaceId, id);
}

export async function updateAccount(ctx: ServiceContext, id: string, input: UpdateAccount): Promise<AccountRecord> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await assertOwners(ctx.database.db, workspaceId, [input.ownerId], () => "body.ownerId");
  await transaction(ctx.database, async (tx) => {
    const before = await loadAccountRow(tx, workspaceId, id, true);
    const merged = {
      name: input.name ?? before.name,
      website: input.website !== undefined ? input.website : before.website,
      domain: input.domain !== undefined ? input.domain : input.website !== undefined ? null : before.domain,
      country: input.country !== undefined ? input.country : before.country,
      phone: input.phone !== undefined ? input.phone : before.phone,
    };
    // Match keys follow the entered fields, so registrations find the account however it is spelled now.
    const keys = accountMatchKeys(merged);
    if (input.externalId && input.externalId !== before.externalId) {
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.externalId, input.externalId)));
      if (taken) throw fieldError("body.externalId", "Already used by another account", "CONFLICT");
    }
    const [after] = await tx
      .update(accounts)
      .set({
        ...input,
        ...keys,
        domain: merged.domain ?? keys.domain,
        country: merged.country ?? keys.country,
        website: merged.website,
        phone: merged.phone,
        updatedAt: new Date(),
      })
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)))
      .returning();
    if (!after) throw new Error("account update returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "account.updated",
      entityType: "account",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return getAccount(ctx.database.db, workspaceId, id);
}

export async function changeAccountStatus(
  ctx: ServiceContext,
  id: string,
  input: { status: AccountStatus; customerSince?: string | null },
): Promise<AccountRecord> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await loadAccountRow(tx, workspaceId, id, true);
    if (before.status === input.status && input.customerSince === undefined) return;
    await tx
      .update(accounts)
      .set({
        status: input.status,
        customerSince: customerSinceFor(input.status, input.customerSince, before.customerSince),
        updatedAt: new Date(),
      })
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "account.status_changed",
      entityType: "account",
      entityId: id,
      before: { status: before.status },
      after: { status: input.status },
    });
  });
  return getAccount(ctx.database.db, workspaceId, id);
}

/** Creates or updates the account with this CRM id; the same call twice leaves one account. */
export async function upsertAccountByExternalId(
  ctx: ServiceContext,
  externalId: string,
  input: UpsertAccount,
): Promise<{ account: AccountRecord; created: boolean }> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await assertOwners(ctx.database.db, workspaceId, [input.ownerId], () => "body.ownerId");
  const [outcome] = await transaction(ctx.database, (tx) =>
    upsertAccounts(tx, auditSource(ctx), workspaceId, [{ ...input, externalId }], "api"),
  );
  if (!outcome) throw new Error("upsert returned nothing");
  return { account: await getAccount(ctx.database.db, workspaceId, outcome.id), created: outcome.created };
}

/**
 * Up to 5,000 accounts keyed by CRM id in ONE transaction with set-based SQL: all or nothing.
 * Two rows with the same external id or domain are refused (400 naming both rows).
 */
export async function bulkUpsertAccounts(ctx: ServiceContext, input: BulkUpsert) {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  const issues: ValidationIssue[] = [];
  const seenIds = new Map<string, number>();
  const seenDomains = new Map<string, number>();
  input.accounts.forEach((row, index) => {
    const previous = seenIds.get(row.externalId);
    if (previous !== undefined)
      issues.push({
        path: `body.accounts.${index}.externalId`,
        message: `Same external id as accounts.${previous}`,
        code: "duplicate",
      });
    else seenIds.set(row.externalId, index);
    const domain = accountMatchKeys(row).domain;
    if (!domain) return;
    const first = seenDomains.get(domain);
    if (first !== undefined)
      issues.push({
        path: `body.accounts.${index}.domain`,
        message: `Same domain (${domain}) as accounts.${first}`,
        code: "duplicate",
      });
    else seenDomains.set(domain, index);
  });
  if (issues.length > 0)
    throw new AppError("VALIDATION_FAILED", { message: issues[0]?.message ?? "Duplicate rows", details: { issues } });
  await assertOwners(
    ctx.database.db,
    workspaceId,
    input.accounts.map((a) => a.ownerId),
    (i) => `body.accounts.${i}.ownerId`,
  );
  const outcomes = await transaction(ctx.database, (tx) =>
    upsertAccounts(tx, auditSource(ctx), workspaceId, input.accounts, "api"),
  );
  const created = outcomes.filter((o) => o.created).length;
  return {
    created,
    updated: outcomes.length - created,
    items: outcomes.map((o) => ({
      externalId: input.accounts[o.index]?.externalId ?? "",
      id: o.id,
      created: o.created,
    })),
  };
}
