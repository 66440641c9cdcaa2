import type { OpportunityClassification } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";

/** Account-level touches (no opportunity named) count for deals opened within this many days after them. */
export const ACCOUNT_TOUCH_LOOKBACK_DAYS = 365;
const DAY_MS = 86_400_000;

export interface ClassifiableOpportunity {
  openedAt: Date;
  closedAt: Date | null;
  source: "direct" | "partner_sourced";
  sourcingPartnerId: string | null;
}

export interface ClassifiableTouch {
  partnerId: string;
  occurredAt: Date;
  accelerated: boolean;
  voided: boolean;
  /** False for a touch recorded on the account rather than on this opportunity. */
  onOpportunity: boolean;
}

/**
 * How partners contributed to one opportunity (DOMAIN.md §4): `sourced` when a partner is its
 * source or touched it before it was opened, else `influenced` when a partner touched it while it
 * was open, else `direct`; `accelerated` when a counted touch is flagged so. Voided touches, touches
 * after the close, and account-level touches older than the look-back never count.
 */
export function classifyOpportunity(
  opportunity: ClassifiableOpportunity,
  touches: readonly ClassifiableTouch[],
): OpportunityClassification {
  const sourcing = new Set<string>();
  const influencing = new Set<string>();
  if (opportunity.source === "partner_sourced" && opportunity.sourcingPartnerId)
    sourcing.add(opportunity.sourcingPartnerId);
  let accelerated = false;
  const opened = opportunity.openedAt.getTime();
  for (const touch of touches) {
    if (!counts(opportunity, touch)) continue;
    if (touch.occurredAt.getTime() < opened) sourcing.add(touch.partnerId);
    else influencing.add(touch.partnerId);
    accelerated ||= touch.accelerated;
  }
  const kind = sourcing.size > 0 ? "sourced" : influencing.size > 0 ? "influenced" : "direct";
  return {
    kind,
    accelerated,
    sourcingPartnerIds: [...sourcing].sort(),
    influencingPartnerIds: [...influencing].sort(),
  };
}

function counts(opportunity: ClassifiableOpportunity, touch: ClassifiableTouch): boolean {
  if (touch.voided) return false;
  const at = touch.occurredAt.getTime();
  if (opportunity.closedAt && at > opportunity.closedAt.getTime()) return false;
  if (!touch.onOpportunity && at < opportunity.openedAt.getTime() - ACCOUNT_TOUCH_LOOKBACK_DAYS * DAY_MS) return false;
  return true;
}

/**
 * The touches that count for opportunity `o` (SQL join condition over `touchpoints t`), mirroring
 * `counts` above: not voided, not after the close, on the deal or on its account within the look-back.
 */
export const countedTouchJoin = (o = "o", t = "t") =>
  sql.raw(`${t}.workspace_id = ${o}.workspace_id and ${t}.voided_at is null
  and (${o}.closed_at is null or ${t}.occurred_at <= ${o}.closed_at)
  and (${t}.opportunity_id = ${o}.id
    or (${t}.opportunity_id is null and ${t}.account_id = ${o}.account_id
        and ${t}.occurred_at >= ${o}.opened_at - interval '${ACCOUNT_TOUCH_LOOKBACK_DAYS} days'))`);

/** Classifies many opportunities in one set-based query (same rules as `classifyOpportunity`). */
export async function classifyOpportunities(
  db: DbOrTx,
  workspaceId: string,
  opportunityIds: readonly string[],
): Promise<Map<string, OpportunityClassification>> {
  const result = new Map<string, OpportunityClassification>();
  if (opportunityIds.length === 0) return result;
  const rows = await db.execute<{
    id: string;
    accelerated: boolean;
    sourcing: string[] | null;
    influencing: string[] | null;
  }>(sql`
    select o.id,
      coalesce(bool_or(t.accelerated), false) as accelerated,
      array_remove(array_agg(distinct t.partner_id) filter (where t.occurred_at < o.opened_at)
        || case when o.source = 'partner_sourced' then array[o.sourcing_partner_id] else '{}'::uuid[] end, null) as sourcing,
      array_remove(array_agg(distinct t.partner_id) filter (where t.occurred_at >= o.opened_at), null) as influencing
    from opportunities o
    left join touchpoints t on ${countedTouchJoin()}
    where o.workspace_id = ${workspaceId}::uuid and o.id = any(${`{${opportunityIds.join(",")}}`}::uuid[])
    group by o.workspace_id, o.id`);
  for (const row of rows.rows) {
    const sourcing = [...new Set(row.sourcing ?? [])].sort();
    const influencing = [...new Set(row.influencing ?? [])].sort();
    result.set(row.id, {
      kind: sourcing.length > 0 ? "sourced" : influencing.length > 0 ? "influenced" : "direct",
      accelerated: row.accelerated,
      sourcingPartnerIds: sourcing,
      influencingPartnerIds: influencing,
    });
  }
  return result;
}
