import { sql } from "drizzle-orm";
import { type Database, type DbOrTx, transaction } from "../../db";
import { minorDigits } from "../revenue";
import { rebuildDealMonths } from "./metrics.deal-months";
import { rebuildPartnerHealth } from "./metrics.health-model";
import { attributedRevenueProvider, LEDGER_LINEAR_MODEL } from "./metrics.providers";
import { clearViews } from "./metrics.view-cache";

export interface RefreshResult {
  refreshedAt: string;
  durationMs: number;
  dealRows: number;
  partnerMonthRows: number;
  attributionModel: string;
  attributionSnapshotId: string | null;
  partnerHealthRows: number;
}

/**
 * Rebuilds one workspace's read models in one transaction (readers see the old rows or the new
 * ones, never half): deal facts from opportunities, touchpoints, accounts and the involved
 * partners' programs, roles and tiers; then per month × partner aggregates.
 */
export async function refreshReadModels(database: Database, workspaceId: string): Promise<RefreshResult> {
  const result = await transaction(database, (tx) => refreshReadModelsIn(tx, workspaceId));
  await analyzeReadModels(database);
  return result;
}

/**
 * Fresh planner statistics for the rebuilt tables. Autovacuum gets to them eventually, but until
 * then the planner takes a year of a million deal facts for a few dozen rows and picks plans that
 * read the whole year (a partner's drill-down page: 10 ms → 0.7 s). After the commit, not inside
 * the transaction: ANALYZE's lock would be held to the end and make other workspaces' refreshes wait.
 */
async function analyzeReadModels(database: Database): Promise<void> {
  await database.db.execute(sql`analyze metric_deal_facts, metric_partner_months, metric_account_facts,
    metric_deal_months, metric_deal_open_months, metric_partner_health`);
}

/** The same inside the caller's transaction (the demo seed refreshes as its last step). */
export async function refreshReadModelsIn(tx: DbOrTx, workspaceId: string): Promise<RefreshResult> {
  const started = performance.now();
  {
    const dealRows = await rebuildDealFacts(tx, workspaceId);
    const partnerMonthRows = await rebuildPartnerMonths(tx, workspaceId);
    await rebuildAccountFacts(tx, workspaceId);
    const minorPerMajor = await reportingMinorPerMajor(tx, workspaceId);
    await rebuildDealMonths(tx, workspaceId, minorPerMajor);
    const source = await applyAttributionProvider(tx, workspaceId);
    const refreshedAt = new Date();
    const partnerHealthRows = await rebuildPartnerHealth(tx, workspaceId, refreshedAt);
    await clearViews(tx, workspaceId);
    const durationMs = Math.round(performance.now() - started);
    const model = source?.name ?? LEDGER_LINEAR_MODEL;
    const snapshotId = source?.snapshotId ?? null;
    await tx.execute(sql`
      insert into metric_refreshes (workspace_id, refreshed_at, duration_ms, deal_rows, partner_month_rows,
        attribution_model, attribution_snapshot_id, deal_months_minor_per_major)
      values (${workspaceId}, ${refreshedAt.toISOString()}, ${durationMs}, ${dealRows}, ${partnerMonthRows}, ${model},
        ${snapshotId}, ${minorPerMajor})
      on conflict (workspace_id) do update set refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms,
        deal_rows = excluded.deal_rows, partner_month_rows = excluded.partner_month_rows,
        attribution_model = excluded.attribution_model, attribution_snapshot_id = excluded.attribution_snapshot_id,
        deal_months_minor_per_major = excluded.deal_months_minor_per_major`);
    return {
      refreshedAt: refreshedAt.toISOString(),
      durationMs,
      dealRows,
      partnerMonthRows,
      attributionModel: model,
      attributionSnapshotId: snapshotId,
      partnerHealthRows,
    };
  }
}

async function rebuildDealFacts(tx: DbOrTx, workspaceId: string): Promise<number> {
  await tx.execute(sql`delete from metric_deal_facts where workspace_id = ${workspaceId}`);
  const result = await tx.execute(sql`
    with touched as (
      select t.opportunity_id, array_agg(distinct t.partner_id) as partner_ids, count(*)::int as n
      from touchpoints t
      where t.workspace_id = ${workspaceId} and t.opportunity_id is not null and t.voided_at is null
      group by t.opportunity_id
    ),
    deals as (
      select o.*, coalesce(tc.n, 0) as touch_count,
        array(select distinct x from unnest(coalesce(tc.partner_ids, '{}'::uuid[])
          || case when o.sourcing_partner_id is null then '{}'::uuid[] else array[o.sourcing_partner_id] end) as x
          order by x) as pids
      from opportunities o
      left join touched tc on tc.opportunity_id = o.id
      where o.workspace_id = ${workspaceId}
    )
    insert into metric_deal_facts (workspace_id, opportunity_id, account_id, outcome, opened_at, closed_at,
      amount_minor, cycle_days, region, industry, segment, sourced, partner_involved, sourcing_partner_id,
      partner_ids, program_ids, roles, tier_ids, touchpoints)
    select d.workspace_id, d.id, d.account_id, d.outcome, d.opened_at, d.closed_at,
      d.amount_reporting_minor,
      case when d.closed_at is null then null else extract(epoch from (d.closed_at - d.opened_at)) / 86400.0 end,
      a.region, a.industry, a.size,
      d.source = 'partner_sourced', cardinality(d.pids) > 0, d.sourcing_partner_id,
      d.pids,
      coalesce(dims.program_ids, '{}'), coalesce(dims.roles, '{}'), coalesce(dims.tier_ids, '{}'),
      d.touch_count
    from deals d
    left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
    left join lateral (
      select
        coalesce((select array_agg(distinct m.program_id) from program_memberships m
          where m.workspace_id = d.workspace_id and m.partner_id = any(d.pids)), '{}') as program_ids,
        coalesce((select array_agg(distinct m.tier_id) from program_memberships m
          where m.workspace_id = d.workspace_id and m.partner_id = any(d.pids) and m.tier_id is not null), '{}') as tier_ids,
        coalesce((select array_agg(distinct r) from partners p, unnest(p.types) as r
          where p.workspace_id = d.workspace_id and p.id = any(d.pids)), '{}') as roles
    ) dims on cardinality(d.pids) > 0
    -- Stored in close-date order: a period's deals then sit on neighbouring pages, so reading a
    -- month of them (a period's partial edge months, a drill-down page) touches few pages.
    order by coalesce(d.closed_at, d.opened_at)`);
  return result.rowCount ?? 0;
}

/** Minor units per major unit of the workspace's reporting currency (the deal months' size bands). */
async function reportingMinorPerMajor(tx: DbOrTx, workspaceId: string): Promise<number> {
  const result = await tx.execute(sql`select reporting_currency from workspaces where id = ${workspaceId}`);
  const currency = result.rows[0]?.reporting_currency;
  return 10 ** minorDigits(typeof currency === "string" ? currency : "USD");
}

/** One row per account: region, industry, first `new` revenue event, first partner deal, won sourced. */
async function rebuildAccountFacts(tx: DbOrTx, workspaceId: string): Promise<number> {
  await tx.execute(sql`delete from metric_account_facts where workspace_id = ${workspaceId}`);
  const result = await tx.execute(sql`
    with firsts as (
      select e.account_id, min(e.occurred_on) as first_new_on
      from revenue_events e
      where e.workspace_id = ${workspaceId} and e.kind = 'new'
      group by e.account_id
    ),
    deals as (
      select f.account_id,
        min(f.opened_at) filter (where f.partner_involved) as first_partner_opened_at,
        bool_or(f.outcome = 'won' and f.sourced) as won_sourced
      from metric_deal_facts f
      where f.workspace_id = ${workspaceId} and f.account_id is not null
      group by f.account_id
    )
    insert into metric_account_facts (workspace_id, account_id, region, industry, first_new_on,
      first_partner_opened_at, won_sourced)
    select a.workspace_id, a.id, a.region, a.industry, fi.first_new_on, d.first_partner_opened_at,
      coalesce(d.won_sourced, false)
    from accounts a
    left join firsts fi on fi.account_id = a.id
    left join deals d on d.account_id = a.id
    where a.workspace_id = ${workspaceId}`);
  return result.rowCount ?? 0;
}

async function rebuildPartnerMonths(tx: DbOrTx, workspaceId: string): Promise<number> {
  await tx.execute(sql`delete from metric_partner_months where workspace_id = ${workspaceId}`);
  const result = await tx.execute(sql`
    with closed as (
      select date_trunc('month', f.closed_at at time zone 'UTC')::date as month, p.partner_id,
        (f.outcome = 'won')::int as won, (f.outcome = 'lost')::int as lost,
        case when f.outcome = 'won' then f.cycle_days else 0 end as cycle,
        case when f.outcome = 'won' and f.sourcing_partner_id = p.partner_id then coalesce(f.amount_minor, 0) else 0 end as sourced,
        case when f.outcome = 'won' then coalesce(f.amount_minor, 0) else 0 end as influenced,
        case when f.outcome = 'won' then coalesce(f.amount_minor, 0)::float8 / cardinality(f.partner_ids) else 0 end as attributed,
        0 as touches
      from metric_deal_facts f
      cross join lateral unnest(f.partner_ids) as p(partner_id)
      where f.workspace_id = ${workspaceId} and f.outcome <> 'open'
    ),
    touches as (
      select date_trunc('month', t.occurred_at at time zone 'UTC')::date as month, t.partner_id,
        0, 0, 0::float8, 0::bigint, 0::bigint, 0::float8, count(*)::int
      from touchpoints t
      where t.workspace_id = ${workspaceId} and t.voided_at is null
      group by 1, 2
    ),
    combined as (select * from closed union all select * from touches)
    insert into metric_partner_months (workspace_id, month, partner_id, program_ids, roles, tier_ids, regions,
      won, lost, won_cycle_days, sourced_minor, influenced_minor, attributed_minor, touchpoints)
    select ${workspaceId}, c.month, c.partner_id,
      coalesce((select array_agg(m.program_id order by m.program_id) from program_memberships m
        where m.workspace_id = ${workspaceId} and m.partner_id = c.partner_id), '{}'),
      p.types,
      coalesce((select array_agg(m.tier_id order by m.tier_id) from program_memberships m
        where m.workspace_id = ${workspaceId} and m.partner_id = c.partner_id and m.tier_id is not null), '{}'),
      p.regions,
      sum(c.won)::int, sum(c.lost)::int, sum(c.cycle), sum(c.sourced)::bigint, sum(c.influenced)::bigint,
      sum(c.attributed), sum(c.touches)::int
    from combined c
    join partners p on p.workspace_id = ${workspaceId} and p.id = c.partner_id
    group by c.month, c.partner_id, p.types, p.regions`);
  return result.rowCount ?? 0;
}

/**
 * When the workspace has attribution results (a registered provider answers), their credit replaces
 * the linear split in `attributed_minor`; returns the source, or null for the linear split.
 */
async function applyAttributionProvider(tx: DbOrTx, workspaceId: string) {
  const provider = attributedRevenueProvider();
  const source = provider ? await provider(tx, workspaceId) : null;
  if (!source) return null;
  const rows = source.rows;
  await tx.execute(sql`update metric_partner_months set attributed_minor = 0 where workspace_id = ${workspaceId}`);
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`
      insert into metric_partner_months (workspace_id, month, partner_id, roles, regions, attributed_minor)
      select ${workspaceId}, r.month, r."partnerId", p.types, p.regions, r."amountMinor"
      from jsonb_to_recordset(${chunk}::jsonb) as r(month date, "partnerId" uuid, "amountMinor" float8)
      join partners p on p.workspace_id = ${workspaceId} and p.id = r."partnerId"
      on conflict (workspace_id, month, partner_id)
      do update set attributed_minor = metric_partner_months.attributed_minor + excluded.attributed_minor`);
  }
  return source;
}
