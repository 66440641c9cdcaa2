import type { DashboardRecord } from "@symbiont/contracts";
import type { DbOrTx } from "../../db";
import { drilldownPage } from "../metrics";
import type { ReportScope } from "./reports.scope";

/**
 * The evidence behind partner-influenced revenue: its won partner-involved deals (the metric's own
 * drill-down), most recent first, as the board pack and the evidence export list them.
 */
export async function evidenceOf(db: DbOrTx, scope: ReportScope, limit: number): Promise<DashboardRecord[]> {
  const items: DashboardRecord[] = [];
  for (let offset = 0; offset < limit; offset += 200) {
    const page = await drilldownPage(db, scope.workspaceId, {
      ...scope.filters,
      from: scope.period.from,
      to: scope.period.to,
      metric: "influenced_revenue",
      limit: Math.min(200, limit - offset),
      offset,
    });
    if (page.kind !== "deals") break;
    for (const deal of page.items) {
      items.push({
        id: deal.opportunityId,
        name: deal.name,
        accountName: deal.accountName,
        region: deal.region,
        outcome: deal.outcome,
        sourced: deal.sourced,
        partners: deal.partners.map((p) => p.name),
        amountMinor: deal.amountMinor,
        openedAt: deal.openedAt,
        closedAt: deal.closedAt,
      });
    }
    if (page.items.length < 200 || items.length >= page.total) break;
  }
  return items;
}
