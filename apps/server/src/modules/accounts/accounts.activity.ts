import type { AccountActivity } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { loadAccountRow } from "./accounts.queries";

type Json = Record<string, unknown> | null;

const fieldLabels: Record<string, string> = {
  name: "name",
  domain: "domain",
  country: "country",
  industry: "industry",
  size: "size",
  status: "status",
  ownerId: "owner",
  externalId: "external id",
};

/** One line a person reads in the account's activity. */
export function summarize(action: string, before: Json, after: Json): string {
  const value = (data: Json, key: string) =>
    data?.[key] === null || data?.[key] === undefined ? "—" : String(data[key]);
  switch (action) {
    case "account.created":
      return `Created${after?.via ? ` (${after.via})` : ""}`;
    case "account.updated": {
      const changed = Object.keys(fieldLabels).filter(
        (key) => before && after && value(before, key) !== value(after, key),
      );
      return changed.length > 0
        ? `Changed ${changed.map((key) => `${fieldLabels[key]} ${value(before, key)} → ${value(after, key)}`).join(", ")}`
        : `Updated${after?.via ? ` (${after.via})` : ""}`;
    }
    case "account.status_changed":
      return `Status ${value(before, "status")} → ${value(after, "status")}`;
    case "account.list_added":
      return `Added to the list ${value(after, "listName")}`;
    case "account.list_removed":
      return `Removed from the list ${value(after, "listName")}`;
    case "account.engagement_added":
      return `Direct ${value(after, "kind")} on ${value(after, "engagedAt").slice(0, 10)} recorded`;
    case "account.engagement_deleted":
      return `Direct ${value(before, "kind")} on ${value(before, "engagedAt").slice(0, 10)} deleted`;
    default:
      return action.replace(/^account\./, "").replaceAll("_", " ");
  }
}

/** The account's timeline from its audit entries, newest first, keyset-paginated. */
export async function listAccountActivity(
  ctx: ServiceContext,
  accountId: string,
  query: { limit: number; cursor?: string },
): Promise<AccountActivity> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  await loadAccountRow(ctx.database.db, workspaceId, accountId);
  const result = await ctx.database.db.execute<{
    id: string | number;
    occurred_at: string | Date;
    action: string;
    actor_label: string | null;
    before: Json;
    after: Json;
  }>(sql`
    select id, occurred_at, action, actor_label, before, after from audit_events
    where workspace_id = ${workspaceId}::uuid and entity_type = 'account' and entity_id = ${accountId}
      ${query.cursor ? sql`and id < ${query.cursor}::bigint` : sql``}
    order by id desc limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      at: new Date(row.occurred_at).toISOString(),
      action: row.action,
      actor: row.actor_label,
      summary: summarize(row.action, row.before, row.after),
    })),
    nextCursor: result.rows.length > query.limit ? String(rows.at(-1)?.id) : null,
  };
}
