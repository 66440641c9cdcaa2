import type { ReciprocityRow } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { vendorNameOf } from "./leads.view";

/**
 * Lead sharing per ordered pair of sides (a partner, or the vendor as null): how many leads and
 * referrals one side gave the other, how many the receiver accepted (or claimed) and how many
 * converted. Reciprocity of a pair reads both directions; `partnerId` keeps the pairs it is part of.
 */
export async function leadReciprocity(
  db: DbOrTx,
  workspaceId: string,
  options: { partnerId?: string | undefined; vendorName?: string } = {},
): Promise<ReciprocityRow[]> {
  const only = options.partnerId
    ? sql`and (l.sender_partner_id = ${options.partnerId} or l.recipient_partner_id = ${options.partnerId})`
    : sql``;
  const result = await db.execute<{
    from_id: string | null;
    from_name: string | null;
    to_id: string | null;
    to_name: string | null;
    given: number;
    accepted: number;
    converted: number;
  }>(sql`
    select l.sender_partner_id as from_id, s.name as from_name,
           l.recipient_partner_id as to_id, r.name as to_name,
           count(*)::int as given,
           count(*) filter (where l.status in ('accepted','contacted','qualified','converted','lost'))::int as accepted,
           count(*) filter (where l.status = 'converted')::int as converted
    from leads l
    left join partners s on s.workspace_id = l.workspace_id and s.id = l.sender_partner_id
    left join partners r on r.workspace_id = l.workspace_id and r.id = l.recipient_partner_id
    where l.workspace_id = ${workspaceId}
      and (l.sender_partner_id is not null or l.recipient_partner_id is not null)
      ${only}
    group by 1, 2, 3, 4
    order by given desc, from_name nulls first, to_name nulls first`);
  const vendor = options.vendorName ?? "Vendor";
  return result.rows.map((r) => ({
    fromPartnerId: r.from_id,
    fromName: r.from_name ?? vendor,
    toPartnerId: r.to_id,
    toName: r.to_name ?? vendor,
    given: Number(r.given),
    accepted: Number(r.accepted),
    converted: Number(r.converted),
  }));
}

export async function getLeadReciprocity(
  ctx: ServiceContext,
  query: { partnerId?: string | undefined },
): Promise<{ items: ReciprocityRow[] }> {
  requireVendor(ctx.actor);
  const db = ctx.database.db;
  return {
    items: await leadReciprocity(db, ctx.actor.workspaceId, {
      partnerId: query.partnerId,
      vendorName: await vendorNameOf(db, ctx.actor),
    }),
  };
}
