import type { DbOrTx } from "../../db";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { countTouchpoints, loadTouchpointRecords } from "./touchpoints.queries";

/** A partner's own touchpoints (voided ones shown as such), never another partner's. */
export async function loadPortalTouchpoints(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  query: { opportunityId?: string | undefined; limit: number; offset: number },
) {
  const filter = { partnerId, opportunityId: query.opportunityId, includeVoided: true };
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const records = await loadTouchpointRecords(db, workspaceId, filter, { limit: query.limit, offset: query.offset });
  const total = await countTouchpoints(db, workspaceId, filter);
  return {
    items: records.map((t) => ({
      id: t.id,
      type: t.type,
      occurredAt: t.occurredAt,
      opportunityId: t.opportunityId,
      opportunityName: t.opportunityName,
      accountName: t.accountName,
      voided: t.voidedAt !== null,
    })),
    total,
  };
}

export async function listOwnTouchpoints(
  ctx: ServiceContext,
  query: { opportunityId?: string | undefined; limit: number; offset: number },
) {
  requirePartner(ctx.actor);
  return loadPortalTouchpoints(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, query);
}
