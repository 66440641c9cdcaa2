import type { DrilldownPage, DrilldownQuery } from "@symbiont/contracts";
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { toCostLineRecord, toSpendRecord } from "./metrics.costs";
import type { Period } from "./metrics.period";
import { metricChannelSpend, metricCostLines } from "./metrics.schema";

// The cost lines behind program cost, ROPI and partner CAC, and the spend entries behind CAC. Each
// line carries the share of its amount the figure counts (prorated by the days it shares with the
// period, as money-queries prorates it), and the page the sum over every line, so the list adds up
// to the figure's cost or spend.

/** The CAC numerator's channels. */
const CAC_CHANNELS = ["sales", "marketing"];

/** Days of [period_start, period_end] inside the period ÷ the line's days, times its reporting amount. */
const inPeriodSql = (
  period: Period,
  table: { periodStart: unknown; periodEnd: unknown; amountReportingMinor: unknown },
) =>
  sql<number>`(${table.amountReportingMinor} * greatest(0, (least(${table.periodEnd}, ${period.to}::date)
    - greatest(${table.periodStart}, ${period.from}::date) + 1))::float8
    / (${table.periodEnd} - ${table.periodStart} + 1))::float8`;

export async function lineDrilldown(
  db: DbOrTx,
  workspaceId: string,
  query: DrilldownQuery,
  period: Period,
  kind: "cost_lines" | "spend",
): Promise<DrilldownPage> {
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  if (kind === "cost_lines") {
    const where = and(
      eq(metricCostLines.workspaceId, workspaceId),
      lte(metricCostLines.periodStart, period.to),
      gte(metricCostLines.periodEnd, period.from),
      query.programId ? eq(metricCostLines.programId, query.programId) : undefined,
      query.partnerId ? eq(metricCostLines.partnerId, query.partnerId) : undefined,
    );
    const inPeriod = inPeriodSql(period, metricCostLines);
    const rows = await db
      .select({ line: metricCostLines, inPeriod })
      .from(metricCostLines)
      .where(where)
      .orderBy(asc(metricCostLines.periodStart), asc(metricCostLines.id))
      .limit(query.limit)
      .offset(query.offset);
    const totals = await totalsOf(db, sql`${metricCostLines}`, where, inPeriod);
    return {
      kind,
      metric: query.metric,
      items: rows.map((row) => ({ ...toCostLineRecord(row.line), inPeriodMinor: Number(row.inPeriod) })),
      ...totals,
    };
  }
  const where = and(
    eq(metricChannelSpend.workspaceId, workspaceId),
    inArray(metricChannelSpend.channel, CAC_CHANNELS),
    lte(metricChannelSpend.periodStart, period.to),
    gte(metricChannelSpend.periodEnd, period.from),
  );
  const inPeriod = inPeriodSql(period, metricChannelSpend);
  const rows = await db
    .select({ line: metricChannelSpend, inPeriod })
    .from(metricChannelSpend)
    .where(where)
    .orderBy(asc(metricChannelSpend.periodStart), asc(metricChannelSpend.channel), asc(metricChannelSpend.id))
    .limit(query.limit)
    .offset(query.offset);
  const totals = await totalsOf(db, sql`${metricChannelSpend}`, where, inPeriod);
  return {
    kind,
    metric: query.metric,
    items: rows.map((row) => ({ ...toSpendRecord(row.line), inPeriodMinor: Number(row.inPeriod) })),
    ...totals,
  };
}

async function totalsOf(db: DbOrTx, table: SQL, where: SQL | undefined, inPeriod: SQL<number>) {
  const result = await db.execute(
    sql`select count(*)::int as n, coalesce(sum(${inPeriod}), 0)::float8 as total from ${table} where ${where ?? sql`true`}`,
  );
  const row = result.rows[0];
  return { total: Number(row?.n ?? 0), periodTotalMinor: Number(row?.total ?? 0) };
}
