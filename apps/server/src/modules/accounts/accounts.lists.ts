import type { AccountList, createAccountListBody, updateAccountListBody } from "@symbiont/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit, recordAuditMany } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { accountWriters } from "./accounts.policies";
import { accountLists } from "./accounts.schema";

type CreateList = z.infer<typeof createAccountListBody>;
type UpdateList = z.infer<typeof updateAccountListBody>;

type ListSqlRow = {
  id: string;
  name: string;
  description: string | null;
  blocks_partners: boolean;
  member_count: number;
  created_at: string | Date;
};

const toList = (row: ListSqlRow): AccountList => ({
  id: row.id,
  name: row.name,
  description: row.description,
  blocksPartners: row.blocks_partners,
  memberCount: Number(row.member_count),
  createdAt: new Date(row.created_at).toISOString(),
});

async function selectLists(db: DbOrTx, workspaceId: string, id?: string): Promise<AccountList[]> {
  const result = await db.execute<ListSqlRow>(sql`
    select l.id, l.name, l.description, l.blocks_partners, l.created_at,
      (select count(*)::int from account_list_members m where m.workspace_id = l.workspace_id and m.list_id = l.id)
        as member_count
    from account_lists l
    where l.workspace_id = ${workspaceId}::uuid and l.archived_at is null ${id ? sql`and l.id = ${id}::uuid` : sql``}
    order by lower(l.name)`);
  return result.rows.map(toList);
}

async function getList(db: DbOrTx, workspaceId: string, id: string): Promise<AccountList> {
  const [list] = await selectLists(db, workspaceId, id);
  if (!list) throw notFound("List not found");
  return list;
}

export async function listAccountLists(ctx: ServiceContext): Promise<{ items: AccountList[] }> {
  requireVendor(ctx.actor);
  return { items: await selectLists(ctx.database.db, ctx.actor.workspaceId) };
}

const nameTaken = (name: string) => fieldError("body.name", `A list named "${name}" already exists`, "CONFLICT");

export async function createAccountList(ctx: ServiceContext, input: CreateList): Promise<AccountList> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  const id = await transaction(ctx.database, async (tx) => {
    const [row] = await tx
      .insert(accountLists)
      .values({
        workspaceId,
        name: input.name,
        description: input.description ?? null,
        blocksPartners: input.blocksPartners,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw nameTaken(input.name);
    await recordAudit(tx, auditSource(ctx), {
      action: "account_list.created",
      entityType: "account_list",
      entityId: row.id,
      after: { name: row.name, blocksPartners: row.blocksPartners },
    });
    return row.id;
  });
  return getList(ctx.database.db, workspaceId, id);
}

export async function updateAccountList(ctx: ServiceContext, id: string, input: UpdateList): Promise<AccountList> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await getList(tx, workspaceId, id);
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      const [taken] = await tx
        .select({ id: accountLists.id })
        .from(accountLists)
        .where(
          and(
            eq(accountLists.workspaceId, workspaceId),
            sql`lower(${accountLists.name}) = ${input.name.toLowerCase()}`,
          ),
        );
      if (taken) throw nameTaken(input.name);
    }
    await tx
      .update(accountLists)
      .set(input)
      .where(and(eq(accountLists.workspaceId, workspaceId), eq(accountLists.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "account_list.updated",
      entityType: "account_list",
      entityId: id,
      before: { name: before.name, blocksPartners: before.blocksPartners, description: before.description },
      after: input,
    });
  });
  return getList(ctx.database.db, workspaceId, id);
}

/** Deletes a list and its memberships (the accounts stay). */
export async function deleteAccountList(ctx: ServiceContext, id: string): Promise<void> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const before = await getList(tx, workspaceId, id);
    await tx.delete(accountLists).where(and(eq(accountLists.workspaceId, workspaceId), eq(accountLists.id, id)));
    await recordAudit(tx, auditSource(ctx), {
      action: "account_list.deleted",
      entityType: "account_list",
      entityId: id,
      before: { name: before.name, memberCount: before.memberCount },
    });
  });
}

/**
 * Adds or removes many accounts at once (one statement). Every id must be an account of the
 * workspace, or nothing changes (404). Each changed account gets an activity entry.
 */
export async function changeListMembers(
  ctx: ServiceContext,
  id: string,
  accountIds: readonly string[],
  change: "add" | "remove",
): Promise<{ changed: number; memberCount: number }> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  const ids = [...new Set(accountIds)];
  const changed = await transaction(ctx.database, async (tx) => {
    const list = await getList(tx, workspaceId, id);
    const known = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from accounts where workspace_id = ${workspaceId}::uuid and id = any(${sql.param(ids)}::uuid[])`);
    if (Number(known.rows[0]?.n ?? 0) !== ids.length) throw notFound("Some of these accounts do not exist");
    const result =
      change === "add"
        ? await tx.execute<{ account_id: string }>(sql`
            insert into account_list_members (workspace_id, list_id, account_id, added_by)
            select ${workspaceId}::uuid, ${id}::uuid, x, ${ctx.actor.label} from unnest(${sql.param(ids)}::uuid[]) as x
            on conflict do nothing returning account_id`)
        : await tx.execute<{ account_id: string }>(sql`
            delete from account_list_members where workspace_id = ${workspaceId}::uuid and list_id = ${id}::uuid
              and account_id = any(${sql.param(ids)}::uuid[]) returning account_id`);
    await recordAuditMany(
      tx,
      auditSource(ctx),
      result.rows.map((row) => ({
        action: change === "add" ? "account.list_added" : "account.list_removed",
        entityType: "account",
        entityId: row.account_id,
        after: { listId: list.id, listName: list.name },
      })),
    );
    return result.rows.length;
  });
  const list = await getList(ctx.database.db, workspaceId, id);
  return { changed, memberCount: list.memberCount };
}
