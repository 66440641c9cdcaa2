import type { createDirectEngagementBody, DirectEngagement, DirectEngagementKind } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { accountWriters } from "./accounts.policies";
import { loadAccountRow } from "./accounts.queries";

type CreateEngagement = z.infer<typeof createDirectEngagementBody>;

type EngagementSqlRow = {
  id: string;
  account_id: string;
  engaged_at: string | Date;
  kind: string;
  user_id: string | null;
  user_name: string | null;
  note: string | null;
  external_id: string | null;
  created_at: string | Date;
};

const toEngagement = (row: EngagementSqlRow): DirectEngagement => ({
  id: row.id,
  accountId: row.account_id,
  engagedAt: new Date(row.engaged_at).toISOString(),
  kind: row.kind as DirectEngagementKind,
  user: row.user_id ? { id: row.user_id, name: row.user_name ?? "" } : null,
  note: row.note,
  externalId: row.external_id,
  createdAt: new Date(row.created_at).toISOString(),
});

async function selectEngagements(db: DbOrTx, workspaceId: string, accountId: string, id?: string) {
  const result = await db.execute<EngagementSqlRow>(sql`
    select e.id, e.account_id, e.engaged_at, e.kind, e.user_id, u.name as user_name, e.note, e.external_id, e.created_at
    from direct_engagements e
    left join users u on u.workspace_id = e.workspace_id and u.id = e.user_id
    where e.workspace_id = ${workspaceId}::uuid and e.account_id = ${accountId}::uuid
      ${id ? sql`and e.id = ${id}::uuid` : sql``}
    order by e.engaged_at desc, e.id desc
    limit 500`);
  return result.rows.map(toEngagement);
}

/** Keeps `accounts.last_direct_engagement_at` equal to the newest engagement (the conflict look-back reads it). */
async function refreshLastEngagement(tx: DbOrTx, workspaceId: string, accountId: string) {
  await tx.execute(sql`
    update accounts a set last_direct_engagement_at = (
      select max(e.engaged_at) from direct_engagements e where e.workspace_id = a.workspace_id and e.account_id = a.id)
    where a.workspace_id = ${workspaceId}::uuid and a.id = ${accountId}::uuid`);
}

export async function listDirectEngagements(
  ctx: ServiceContext,
  accountId: string,
): Promise<{ items: DirectEngagement[] }> {
  requireVendor(ctx.actor);
  await loadAccountRow(ctx.database.db, ctx.actor.workspaceId, accountId);
  return { items: await selectEngagements(ctx.database.db, ctx.actor.workspaceId, accountId) };
}

export async function addDirectEngagement(
  ctx: ServiceContext,
  accountId: string,
  input: CreateEngagement,
): Promise<DirectEngagement> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  const userId = input.userId === undefined ? (ctx.actor.userId ?? null) : input.userId;
  const id = await transaction(ctx.database, async (tx) => {
    await loadAccountRow(tx, workspaceId, accountId, true);
    if (userId) {
      const staff = await tx.execute(sql`select 1 from users where workspace_id = ${workspaceId}::uuid
        and id = ${userId}::uuid and partner_id is null`);
      if (staff.rows.length === 0) throw fieldError("body.userId", "Choose a staff user of this workspace");
    }
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into direct_engagements (workspace_id, account_id, engaged_at, kind, user_id, note, external_id)
      values (${workspaceId}::uuid, ${accountId}::uuid, ${input.engagedAt}::timestamptz, ${input.kind}, ${userId}::uuid,
        ${input.note ?? null}, ${input.externalId ?? null})
      on conflict do nothing returning id`);
    const row = inserted.rows[0];
    if (!row) throw fieldError("body.externalId", "Another engagement has this external id", "CONFLICT");
    await refreshLastEngagement(tx, workspaceId, accountId);
    await recordAudit(tx, auditSource(ctx), {
      action: "account.engagement_added",
      entityType: "account",
      entityId: accountId,
      after: { engagementId: row.id, kind: input.kind, engagedAt: input.engagedAt },
    });
    return row.id;
  });
  const [engagement] = await selectEngagements(ctx.database.db, workspaceId, accountId, id);
  if (!engagement) throw notFound("Engagement not found");
  return engagement;
}

export async function deleteDirectEngagement(ctx: ServiceContext, accountId: string, id: string): Promise<void> {
  requireVendor(ctx.actor, accountWriters);
  const workspaceId = ctx.actor.workspaceId;
  await transaction(ctx.database, async (tx) => {
    const deleted = await tx.execute<{ kind: string; engaged_at: string | Date }>(sql`
      delete from direct_engagements where workspace_id = ${workspaceId}::uuid and account_id = ${accountId}::uuid
        and id = ${id}::uuid returning kind, engaged_at`);
    const row = deleted.rows[0];
    if (!row) throw notFound("Engagement not found");
    await refreshLastEngagement(tx, workspaceId, accountId);
    await recordAudit(tx, auditSource(ctx), {
      action: "account.engagement_deleted",
      entityType: "account",
      entityId: accountId,
      before: { engagementId: id, kind: row.kind, engagedAt: new Date(row.engaged_at).toISOString() },
    });
  });
}
