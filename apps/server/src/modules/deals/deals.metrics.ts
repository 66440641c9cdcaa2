// Tier metric: approved registrations per partner in the window (approved, converted or expired
// after approval all count: the approval happened).
import { and, count, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { registerTierMetricProvider } from "../tiers";
import { dealRegistrations } from "./deals.schema";

registerTierMetricProvider("approved_registrations", async (db, query) => {
  if (query.partnerIds.length === 0) return new Map();
  const rows = await db
    .select({ partnerId: dealRegistrations.partnerId, n: count() })
    .from(dealRegistrations)
    .where(
      and(
        eq(dealRegistrations.workspaceId, query.workspaceId),
        inArray(dealRegistrations.partnerId, [...query.partnerIds]),
        isNotNull(dealRegistrations.approvedAt),
        gte(dealRegistrations.approvedAt, query.from),
        lt(dealRegistrations.approvedAt, query.to),
      ),
    )
    .groupBy(dealRegistrations.partnerId);
  return new Map(rows.map((r) => [r.partnerId, Number(r.n)]));
});
