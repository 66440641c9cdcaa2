import type { Tx } from "../../db";
import { cachedMinorDigits } from "./fx";
import { HISTORY_DAYS, YEARLY_GROWTH } from "./model";
import type { Random } from "./random";

/**
 * Partner program cost lines and sales and marketing spend, month by month over the history, so ROPI, CAC and partner CAC have figures in both periods the dashboard compares. Per
 * unit of scale and year (at the anchor's level; earlier months shrink with the business's growth):
 * incentives 1.75M, MDF 1.25M (split over the programs), partner team 1.5M, tooling 0.5M; sales
 * spend 8M, marketing 4M (in the reporting currency's major units), each month ±10 %.
 */
const perYear = { incentives: 1_750_000, mdf: 1_250_000, partner_team: 1_500_000, tooling: 500_000 };
const spendPerYear = { sales: 8_000_000, marketing: 4_000_000 };
const MONTHS = Math.ceil(HISTORY_DAYS / 30.44);

export interface CostRows {
  costLines: number;
  spend: number;
}

export async function writeProgramCosts(
  tx: Tx,
  workspaceId: string,
  options: { anchor: Date; scale: number; reportingCurrency: string; random: Random },
): Promise<CostRows> {
  const { anchor, scale, reportingCurrency, random } = options;
  const programs = await tx.$client.query<{ id: string }>(
    "select id from programs where workspace_id = $1 order by name",
    [workspaceId],
  );
  const programIds = programs.rows.map((row) => row.id);
  const minor = 10 ** cachedMinorDigits(reportingCurrency);
  const cost = {
    category: [] as string[],
    program: [] as (string | null)[],
    start: [] as string[],
    end: [] as string[],
  };
  const costAmount: number[] = [];
  const spend = { channel: [] as string[], start: [] as string[], end: [] as string[], amount: [] as number[] };
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let back = MONTHS - 1; back >= 0; back--) {
    const start = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - back, 1);
    const end = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - back + 1, 0);
    const level = (scale / 12) * (1 + YEARLY_GROWTH) ** (-back / 12);
    const amount = (yearly: number) => Math.round(yearly * level * (0.9 + 0.2 * random.next()) * minor);
    const add = (category: string, program: string | null, yearly: number) => {
      cost.category.push(category);
      cost.program.push(program);
      cost.start.push(day(start));
      cost.end.push(day(end));
      costAmount.push(amount(yearly));
    };
    const share = programIds.length === 0 ? 1 : 1 / programIds.length;
    for (const program of programIds.length === 0 ? [null] : programIds) {
      add("incentives", program, perYear.incentives * share);
      add("mdf", program, perYear.mdf * share);
    }
    add("partner_team", null, perYear.partner_team);
    add("tooling", null, perYear.tooling);
    for (const [channel, yearly] of Object.entries(spendPerYear)) {
      spend.channel.push(channel);
      spend.start.push(day(start));
      spend.end.push(day(end));
      spend.amount.push(amount(yearly));
    }
  }
  await tx.$client.query(
    `insert into metric_cost_lines (workspace_id, category, program_id, period_start, period_end, amount_minor,
       currency, amount_reporting_minor, note, created_by)
     select $1, category, program_id, period_start, period_end, amount, $7, amount, 'demo data', 'demo seed'
     from unnest($2::text[], $3::uuid[], $4::date[], $5::date[], $6::bigint[])
       as t(category, program_id, period_start, period_end, amount)`,
    [workspaceId, cost.category, cost.program, cost.start, cost.end, costAmount, reportingCurrency],
  );
  await tx.$client.query(
    `insert into metric_channel_spend (workspace_id, channel, period_start, period_end, amount_minor, currency,
       amount_reporting_minor, note, created_by)
     select $1, channel, period_start, period_end, amount, $6, amount, 'demo data', 'demo seed'
     from unnest($2::text[], $3::date[], $4::date[], $5::bigint[]) as t(channel, period_start, period_end, amount)`,
    [workspaceId, spend.channel, spend.start, spend.end, spend.amount, reportingCurrency],
  );
  return { costLines: costAmount.length, spend: spend.amount.length };
}
