import type { Database } from "../../db";
import { accounts } from "../accounts";
import { opportunities, revenueEvents } from "../revenue";
import { touchpoints } from "../touchpoints";

/** Test data: rows written straight into the source tables (the read models are rebuilt from them). */
export interface DealSpec {
  key: string;
  account: string;
  outcome: "open" | "won" | "lost";
  amount: number | null;
  opened: string;
  closed?: string;
  sourcedBy?: string;
  touchedBy?: string[];
}

export interface AccountSpec {
  key: string;
  region: string;
  industry?: string;
  size?: string;
  status?: "prospect" | "customer" | "churned";
}

export interface RevenueSpec {
  account: string;
  kind: "new" | "expansion" | "contraction" | "renewal" | "churn";
  on: string;
  amount: number;
}

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export async function insertMetricData(
  database: Database,
  workspaceId: string,
  data: { accounts: AccountSpec[]; deals: DealSpec[]; revenue?: RevenueSpec[] },
): Promise<{ accountIds: Map<string, string>; dealIds: Map<string, string> }> {
  const db = database.db;
  const accountIds = new Map<string, string>();
  for (const account of data.accounts) {
    const [row] = await db
      .insert(accounts)
      .values({
        workspaceId,
        name: `Account ${account.key}`,
        nameNormalized: `account ${account.key}`.toLowerCase(),
        region: account.region,
        industry: account.industry ?? "software",
        size: account.size ?? "51-200",
        status: account.status ?? "customer",
      })
      .returning({ id: accounts.id });
    if (!row) throw new Error("account not inserted");
    accountIds.set(account.key, row.id);
  }
  const dealIds = new Map<string, string>();
  for (const deal of data.deals) {
    const [row] = await db
      .insert(opportunities)
      .values({
        workspaceId,
        accountId: accountIds.get(deal.account) ?? null,
        name: `Deal ${deal.key}`,
        outcome: deal.outcome,
        stage: deal.outcome,
        amountMinor: deal.amount,
        currency: deal.amount === null ? null : "USD",
        amountReportingMinor: deal.amount,
        fxRate: deal.amount === null ? null : "1",
        openedAt: at(deal.opened),
        closedAt: deal.closed ? at(deal.closed) : null,
        source: deal.sourcedBy ? "partner_sourced" : "direct",
        sourcingPartnerId: deal.sourcedBy ?? null,
      })
      .returning({ id: opportunities.id });
    if (!row) throw new Error("opportunity not inserted");
    dealIds.set(deal.key, row.id);
    for (const partnerId of deal.touchedBy ?? []) {
      await db.insert(touchpoints).values({
        workspaceId,
        partnerId,
        opportunityId: row.id,
        type: "introduction",
        occurredAt: at(deal.opened),
        origin: "manual",
      });
    }
  }
  for (const event of data.revenue ?? []) {
    const accountId = accountIds.get(event.account);
    if (!accountId) throw new Error(`unknown account ${event.account}`);
    await db.insert(revenueEvents).values({
      workspaceId,
      accountId,
      kind: event.kind,
      occurredOn: event.on,
      amountMinor: event.amount,
      currency: "USD",
      amountReportingMinor: event.amount,
      fxRate: "1",
    });
  }
  return { accountIds, dealIds };
}
