import type { DrilldownNewCustomer, SectionDrilldownQuery } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { newCustomerSourcing } from "./metrics.money-queries";
import { hasPartnerFilter, type Period } from "./metrics.period";

// The new customers behind CAC and partner CAC: accounts whose first `new` revenue event falls in
// the period (the account facts read model), and whether a won partner-sourced deal matching the
// partner slicers brought them. The sourcing test is money-queries' own (`newCustomerSourcing`); the
// period and region filter repeat its new-customer count, and the tests hold the two together.

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export async function newCustomers(
  db: DbOrTx,
  workspaceId: string,
  query: SectionDrilldownQuery,
  period: Period,
): Promise<{ model: string; total: number; items: DrilldownNewCustomer[] }> {
  const region = query.region ? sql`and lower(a.region) = lower(${query.region})` : sql``;
  const { join, sourced } = newCustomerSourcing(workspaceId, query);
  const only = query.partnerSourced === "true";
  const from = sql`
    select a.account_id, a.first_new_on, (${sourced}) as sourced from metric_account_facts a ${join}
    where a.workspace_id = ${workspaceId} and a.first_new_on >= ${period.from} and a.first_new_on <= ${period.to}
      ${region} ${only ? sql`and ${sourced}` : sql``}`;
  const rows = await db.execute(sql`
    with customers as (${from})
    select c.account_id, to_char(c.first_new_on, 'YYYY-MM-DD') as first_new_on, c.sourced, ac.name, ac.region, ac.industry
    from customers c
    join accounts ac on ac.workspace_id = ${workspaceId} and ac.id = c.account_id
    order by c.first_new_on desc, ac.name, c.account_id
    limit ${query.limit} offset ${query.offset}`);
  const count = await db.execute(sql`select count(*)::int as n from (${from}) x`);
  const who = only ? "New customers a won partner-sourced deal brought" : "New customers";
  return {
    model: `${who}: accounts whose first new-business revenue event falls ${period.from} to ${period.to}; partner-sourced = a won partner-sourced deal${hasPartnerFilter(query) ? " matching the partner filters" : ""}`,
    total: num(count.rows[0]?.n),
    items: rows.rows.map((row) => ({
      accountId: String(row.account_id),
      name: String(row.name),
      region: row.region === null ? null : String(row.region),
      industry: row.industry === null ? null : String(row.industry),
      firstNewOn: String(row.first_new_on),
      partnerSourced: row.sourced === true,
    })),
  };
}
