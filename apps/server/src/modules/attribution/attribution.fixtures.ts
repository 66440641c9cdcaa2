// Test fixtures: closed deals with their touches, written straight to the tables.
import type { Database } from "../../db";
import { opportunities } from "../revenue";
import { touchpoints } from "../touchpoints";

export interface DealFixture {
  name?: string;
  outcome: "won" | "lost";
  amountMinor?: number | null;
  currency?: string;
  amountReportingMinor?: number | null;
  openedAt: string;
  closedAt: string;
  touches: { partnerId: string; type?: string; at: string; voidedAt?: string }[];
}

export async function insertDeals(
  database: Database,
  workspaceId: string,
  deals: readonly DealFixture[],
): Promise<{ id: string; touchIds: string[] }[]> {
  const out: { id: string; touchIds: string[] }[] = [];
  for (const [i, deal] of deals.entries()) {
    const amount = deal.amountMinor === undefined ? 100_000 : deal.amountMinor;
    const [row] = await database.db
      .insert(opportunities)
      .values({
        workspaceId,
        name: deal.name ?? `Deal ${i + 1}`,
        outcome: deal.outcome,
        stage: deal.outcome === "won" ? "Closed Won" : "Closed Lost",
        amountMinor: amount,
        currency: amount === null ? null : (deal.currency ?? "USD"),
        amountReportingMinor: deal.amountReportingMinor === undefined ? amount : deal.amountReportingMinor,
        openedAt: new Date(deal.openedAt),
        closedAt: new Date(deal.closedAt),
      })
      .returning({ id: opportunities.id });
    const touchIds: string[] = [];
    if (deal.touches.length > 0) {
      const rows = await database.db
        .insert(touchpoints)
        .values(
          deal.touches.map((t) => ({
            workspaceId,
            partnerId: t.partnerId,
            opportunityId: row!.id,
            type: t.type ?? "co_sell_meeting",
            occurredAt: new Date(t.at),
            origin: "manual",
            voidedAt: t.voidedAt ? new Date(t.voidedAt) : null,
            voidedReason: t.voidedAt ? "entered twice" : null,
          })),
        )
        .returning({ id: touchpoints.id });
      touchIds.push(...rows.map((r) => r.id));
    }
    out.push({ id: row!.id, touchIds });
  }
  return out;
}
