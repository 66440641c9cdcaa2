import type { HeadlineMetricKey, HeadlineMetrics, MetricFilters, MetricValue } from "@symbiont/contracts";
import type { DbOrTx } from "../../db";
import type { ServiceContext } from "../../platform/context";
import { minorDigits } from "../revenue";
import {
  customerAcquisitionCost,
  partnerCustomerAcquisitionCost,
  partnerUpliftFromCells,
  periodChange,
  returnOnPartnerInvestment,
  sourcedInfluencedRatio,
} from "./formulas";
import type { DealMonthsUse } from "./metrics.deal-months";
import { dealGroups, upliftCells } from "./metrics.deal-queries";
import { headlineDefinitions } from "./metrics.definitions";
import { periodMoney, retentionByAttachment } from "./metrics.money-queries";
import { hasPartnerFilter, type Period, previousPeriod, resolvePeriod } from "./metrics.period";
import { assertCanReadMetrics } from "./metrics.policies";
import { loadMetricContext } from "./metrics.settings";
import { assertSlicers } from "./metrics.slicers";
import { cachedView, registerViewWarmer, viewKey } from "./metrics.view-cache";

export type HeadlineValues = Record<HeadlineMetricKey, number | null>;

/** Every headline figure of one period, each through its formula. */
export async function headlineValues(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
  period: Period,
  options: { grossMargin: number; fromSnapshot: boolean; dealMonths?: DealMonthsUse },
) {
  const { grossMargin } = options;
  const [groups, retention, money] = await Promise.all([
    dealGroups(db, workspaceId, filters, period, options.dealMonths),
    retentionByAttachment(db, workspaceId, filters, period),
    periodMoney(db, workspaceId, filters, period, options.fromSnapshot),
  ]);
  const { programCost: cost, spend, newCustomers: customers, attributed } = money;
  // The deal tiles describe all deals, or the slice's partner-involved deals when a partner slicer is set.
  const all = hasPartnerFilter(filters) ? groups.partner : groups.all;
  const values: HeadlineValues = {
    sourced_revenue: groups.sourced,
    influenced_revenue: groups.influenced,
    sourced_influenced_ratio: sourcedInfluencedRatio(groups.sourced, groups.influenced),
    attributed_revenue: attributed,
    won_deals: all.won,
    open_deals: all.open,
    win_rate: all.winRate,
    average_won_amount: all.averageWonAmount,
    average_cycle_days: all.cycle.mean,
    median_cycle_days: all.cycle.median,
    sales_velocity: all.salesVelocity,
    program_cost: cost,
    ropi: returnOnPartnerInvestment({ attributedRevenue: attributed, grossMargin, programCost: cost }),
    cac: customerAcquisitionCost({
      salesSpend: spend.sales,
      marketingSpend: spend.marketing,
      newCustomers: customers.customers,
    }),
    partner_cac: partnerCustomerAcquisitionCost({
      programCost: cost,
      partnerSourcedNewCustomers: customers.partnerSourced,
    }),
    nrr_partner: retention.partnerAttached.nrr,
    nrr_other: retention.other.nrr,
    grr_partner: retention.partnerAttached.grr,
    grr_other: retention.other.grr,
  };
  return { values, groups, retention };
}

/** The headline answer as served: stored per filters and resolved period until the read models change. */
export async function getHeadlineMetrics(ctx: ServiceContext, filters: MetricFilters): Promise<HeadlineMetrics> {
  assertCanReadMetrics(ctx.actor);
  return storedHeadline(ctx.database.db, ctx.actor.workspaceId, filters);
}

/** The headline answer from the store, computed and stored when missing or stale. */
export async function storedHeadline(
  db: DbOrTx,
  workspaceId: string,
  filters: MetricFilters,
): Promise<HeadlineMetrics> {
  const period = resolvePeriod(filters);
  const key = viewKey({ ...filters, from: period.from, to: period.to });
  const view = await cachedView(db, workspaceId, "headline", key, () => headlineFor(db, workspaceId, filters));
  return view.value;
}

// After each refresh: the headline of the default period, which the dashboard and scripts ask first.
registerViewWarmer("headline", async (db, workspaceId) => {
  await storedHeadline(db, workspaceId, {});
  return 1;
});

/** The headline answer for a workspace (the API after authorization, and the CLI). */
export async function headlineFor(db: DbOrTx, workspaceId: string, filters: MetricFilters): Promise<HeadlineMetrics> {
  await assertSlicers(db, workspaceId, filters);
  const period = resolvePeriod(filters);
  const previous = previousPeriod(period);
  const { settings, currency, refreshedAt, attribution, dealMonths } = await loadMetricContext(db, workspaceId);
  const options = { grossMargin: settings.grossMargin, fromSnapshot: attribution.snapshotId !== null, dealMonths };
  const [current, before, cells] = await Promise.all([
    headlineValues(db, workspaceId, filters, period, options),
    headlineValues(db, workspaceId, filters, previous, options),
    upliftCells(db, workspaceId, filters, period, 10 ** minorDigits(currency), dealMonths),
  ]);
  const model = attribution.name;
  const metrics: MetricValue[] = (Object.keys(headlineDefinitions) as HeadlineMetricKey[]).map((key) => {
    const definition = headlineDefinitions[key];
    const value = current.values[key];
    const previousValue = before.values[key];
    return {
      key,
      label: definition.label,
      unit: definition.unit,
      value,
      previous: previousValue,
      change: periodChange(value, previousValue),
      model: definition.attributed ? model : null,
    };
  });
  return {
    period: { from: period.from, to: period.to },
    previousPeriod: { from: previous.from, to: previous.to },
    currency,
    attributionModel: model,
    attributionSnapshotId: attribution.snapshotId,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    metrics,
    groups: { partner: current.groups.partner, direct: current.groups.direct },
    uplift: {
      winRate: partnerUpliftFromCells(cells.winRate),
      dealSize: partnerUpliftFromCells(cells.dealSize),
      cycleDays: partnerUpliftFromCells(cells.cycleDays),
    },
    retention: current.retention,
  };
}
