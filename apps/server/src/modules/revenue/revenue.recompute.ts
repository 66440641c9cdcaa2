import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { minorDigits, reportingCurrencyOf } from "./revenue.fx";

/** Minor-unit digits of every currency that does not use 2, for conversions inside SQL. */
const digitExceptions: Record<string, number> = Object.fromEntries(
  Intl.supportedValuesOf("currency")
    .map((code) => [code, minorDigits(code)] as const)
    .filter(([, digits]) => digits !== 2),
);
const digitsJson = JSON.stringify(digitExceptions);

/** The date whose rate converts an opportunity, in SQL: close date, else expected close, else created (UTC). */
export const opportunityConversionDate = (alias: string) =>
  sql.raw(
    `coalesce((${alias}.closed_at at time zone 'UTC')::date, ${alias}.expected_close_on, (${alias}.opened_at at time zone 'UTC')::date)`,
  );

/** Which rows to recompute: by id, or every row of some currencies dated on or after a day. */
export type RecomputeScope = { ids: readonly string[] } | { currencies: readonly string[]; fromDate: string };

/**
 * Recomputes `amount_reporting_minor` and `fx_rate` of opportunities in one statement: the rate of
 * the newest `fx_rates` row on or before each one's conversion date, converted between minor units
 * and rounded half away from zero (numeric arithmetic, no floating point). Returns rows changed.
 */
export async function recomputeOpportunityAmounts(
  tx: DbOrTx,
  workspaceId: string,
  scope: RecomputeScope,
  reportingCurrency?: string,
): Promise<number> {
  const reporting = reportingCurrency ?? (await reportingCurrencyOf(tx, workspaceId));
  return recompute(tx, workspaceId, reporting, {
    table: sql.raw("opportunities"),
    dateExpr: opportunityConversionDate("t"),
    filter: scopeFilter(scope, opportunityConversionDate("t")),
  });
}

/** The same for revenue events, converted at their own date. */
export async function recomputeRevenueEventAmounts(
  tx: DbOrTx,
  workspaceId: string,
  scope: RecomputeScope,
  reportingCurrency?: string,
): Promise<number> {
  const reporting = reportingCurrency ?? (await reportingCurrencyOf(tx, workspaceId));
  return recompute(tx, workspaceId, reporting, {
    table: sql.raw("revenue_events"),
    dateExpr: sql.raw("t.occurred_on"),
    filter: scopeFilter(scope, sql.raw("t.occurred_on")),
  });
}

function scopeFilter(scope: RecomputeScope, dateExpr: SQL): SQL {
  if ("ids" in scope) return sql`t.id = any(${`{${scope.ids.join(",")}}`}::uuid[])`;
  return sql`t.currency = any(${`{${scope.currencies.join(",")}}`}::text[]) and ${dateExpr} >= ${scope.fromDate}::date`;
}

async function recompute(
  tx: DbOrTx,
  workspaceId: string,
  reporting: string,
  target: { table: SQL; dateExpr: SQL; filter: SQL },
): Promise<number> {
  const reportingDigits = minorDigits(reporting);
  const result = await tx.execute(sql`
    with conv as (
      select t.id, t.amount_minor, t.currency,
        case when t.amount_minor is null or t.currency is null then null
             when t.currency = ${reporting} then 1::numeric
             else (select f.rate from fx_rates f
                   where f.workspace_id = t.workspace_id and f.currency = t.currency and f.rate_date <= ${target.dateExpr}
                   order by f.rate_date desc limit 1)
        end as rate
      from ${target.table} t
      where t.workspace_id = ${workspaceId}::uuid and ${target.filter}
    ), next as (
      select id, rate,
        case when rate is null then null
             else round(amount_minor * rate * power(10::numeric, ${reportingDigits}::int)
                        / power(10::numeric, coalesce((${digitsJson}::jsonb ->> currency::text)::int, 2)))::bigint
        end as amount
      from conv
    )
    update ${target.table} o set fx_rate = next.rate, amount_reporting_minor = next.amount
    from next
    where o.workspace_id = ${workspaceId}::uuid and o.id = next.id
      and (o.fx_rate is distinct from next.rate or o.amount_reporting_minor is distinct from next.amount)`);
  return result.rowCount ?? 0;
}
