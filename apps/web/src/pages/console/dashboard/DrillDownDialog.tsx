import type { DashboardFilters, DrilldownPage, DrillFigure } from "@symbiont/contracts";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { DrillDialog, DrillPagination, usePagedDrill } from "./DrillDialog";
import { monthWithin } from "./dashboardSearch";
import { formatMoney, regionLabel } from "./dashboardUi";
import { countOf, SectionRecords } from "./SectionDrillDialog";

type Deal = Extract<DrilldownPage, { kind: "deals" }>["items"][number];

/** What the records behind each headline metric are (the metric's drill-down in the metrics engine). */
export const drillLabels: Record<DrillFigure, string> = {
  sourced_revenue: "Won deals a partner sourced",
  influenced_revenue: "Won partner-involved deals",
  sourced_influenced_ratio: "Won deals a partner sourced",
  attributed_revenue: "Won partner-involved deals (credited to partners)",
  won_deals: "Won deals",
  open_deals: "Deals open at the end of the period",
  win_rate: "Closed deals (won and lost)",
  average_won_amount: "Won deals",
  average_cycle_days: "Won deals (cycle from creation to close)",
  median_cycle_days: "Won deals (cycle from creation to close)",
  sales_velocity: "Deals open at the end of the period",
  program_cost: "Partner program cost lines",
  ropi: "Partner program cost lines behind ROPI",
  cac: "Sales and marketing spend and new customers behind CAC",
  partner_cac: "Partner program cost and partner-sourced new customers behind partner CAC",
  nrr_partner: "Partner-attached accounts",
  nrr_other: "Other accounts",
  grr_partner: "Partner-attached accounts",
  grr_other: "Other accounts",
};

function dealColumns(currency: string): Column<Deal>[] {
  return [
    {
      key: "name",
      header: "Opportunity",
      cell: (r) => (
        <span>
          <span className="font-medium text-slate-900">{r.name}</span>
          <span className="block text-xs text-slate-500">{r.accountName ?? "No account"}</span>
        </span>
      ),
    },
    { key: "region", header: "Region", cell: (r) => (r.region ? regionLabel(r.region) : "—"), hideOnMobile: true },
    { key: "outcome", header: "Outcome", cell: (r) => r.outcome, hideOnMobile: true },
    { key: "closed", header: "Closed", cell: (r) => formatDate(r.closedAt) },
    {
      key: "amount",
      header: "Amount",
      align: "right",
      cell: (r) => <span className="tabular-nums">{formatMoney(r.amountMinor, currency, false)}</span>,
    },
    {
      key: "partners",
      header: "Partners",
      hideOnMobile: true,
      cell: (r) => (
        <span className="text-xs">
          {r.sourced ? <span className="block">Sourced by a partner</span> : null}
          {r.partners.length > 0 ? (
            <span className="block text-slate-500">{r.partners.map((p) => p.name).join(", ")}</span>
          ) : (
            "Direct"
          )}
        </span>
      ),
    },
  ];
}

type CostLine = Extract<DrilldownPage, { kind: "cost_lines" }>["items"][number];
type SpendLine = Extract<DrilldownPage, { kind: "spend" }>["items"][number];

const periodColumn = {
  key: "period",
  header: "Period",
  cell: (r: CostLine | SpendLine) => `${r.periodStart} to ${r.periodEnd}`,
};
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The line's own amount, and the share of it the figure counts, in the reporting currency. */
const amountColumns = (currency: string) => [
  {
    key: "amount",
    header: "Amount",
    align: "right" as const,
    hideOnMobile: true,
    cell: (r: CostLine | SpendLine) => (
      <span className="tabular-nums">{formatMoney(r.amountMinor, r.currency, false)}</span>
    ),
  },
  {
    key: "in-period",
    header: "In this period",
    align: "right" as const,
    cell: (r: CostLine | SpendLine) => (
      <span
        className="tabular-nums"
        title="Prorated by the days the line shares with the period, in the reporting currency"
      >
        {formatMoney(r.inPeriodMinor, currency, false)}
      </span>
    ),
  },
  { key: "note", header: "Note", cell: (r: CostLine | SpendLine) => r.note ?? "—", hideOnMobile: true },
];

function costColumns(currency: string): Column<CostLine>[] {
  return [
    { key: "category", header: "Category", cell: (r) => capitalize(r.category.replace(/_/g, " ")) },
    periodColumn,
    ...amountColumns(currency),
  ];
}

function spendColumns(currency: string): Column<SpendLine>[] {
  return [
    { key: "channel", header: "Channel", cell: (r) => capitalize(r.channel) },
    periodColumn,
    ...amountColumns(currency),
  ];
}

type LinePage = Extract<DrilldownPage, { kind: "cost_lines" | "spend" }>;

/** CAC and partner CAC divide spend or cost by new customers: their dialog lists both. */
const customerDrills: Partial<Record<DrillFigure, "all" | "partner_sourced">> = {
  cac: "all",
  partner_cac: "partner_sourced",
};

/** "Spend ÷ customers = CAC", from the lists' own totals, so the reader can check the figure. */
function quotient(lines: LinePage, customers: number, sourced: boolean, currency: string): string {
  const cost = formatMoney(lines.periodTotalMinor, currency, false);
  const what = lines.kind === "spend" ? "Sales and marketing spend in the period" : "Program cost in the period";
  const who = `${customers.toLocaleString("en")} ${sourced ? "partner-sourced " : ""}new customer${customers === 1 ? "" : "s"}`;
  return customers === 0
    ? `${what}: ${cost}; no ${sourced ? "partner-sourced " : ""}new customers, so no figure.`
    : `${what} ${cost} ÷ ${who} = ${formatMoney(lines.periodTotalMinor / customers, currency, false)}`;
}

function Lines({ page, title, currency }: { page: LinePage; title: string; currency: string }) {
  return page.kind === "spend" ? (
    <DataTable
      caption={title}
      columns={spendColumns(currency)}
      rows={page.items}
      rowKey={(r) => r.id}
      empty={<p className="py-6 text-center text-sm text-slate-500">No sales or marketing spend covers this period.</p>}
    />
  ) : (
    <DataTable
      caption={title}
      columns={costColumns(currency)}
      rows={page.items}
      rowKey={(r) => r.id}
      empty={<p className="py-6 text-center text-sm text-slate-500">No cost lines cover this period.</p>}
    />
  );
}

/**
 * The records behind a figure, for the dashboard's current filters, narrowed to one partner, region
 * or close month when the figure came from a table row; it names the figure's model and period.
 * CAC and partner CAC list their spend or cost lines and their new customers.
 */
export function DrillDownDialog({
  figure,
  partner,
  region,
  month,
  model,
  period,
  filters,
  currency,
  onClose,
}: {
  figure: DrillFigure | undefined;
  partner?: { id: string; name: string } | undefined;
  region?: string | undefined;
  month?: string | undefined;
  model: string | undefined;
  period: { from: string; to: string } | undefined;
  filters: DashboardFilters;
  currency: string;
  onClose: () => void;
}) {
  const range = month && period ? monthWithin(month, period) : period;
  const narrowing = { ...filters, ...(region ? { region } : {}), ...(month && range ? range : {}) };
  const records = usePagedDrill(
    ["dashboard-records", figure, partner?.id, region, month, filters],
    Boolean(figure),
    (page, signal) =>
      api.dashboardRecords(
        { ...narrowing, metric: figure ?? "sourced_revenue", partnerId: partner?.id, ...page },
        signal,
      ),
  );
  const customersOf = figure ? customerDrills[figure] : undefined;
  const customers = usePagedDrill(
    ["dashboard-new-customers", customersOf, region, month, filters],
    Boolean(customersOf),
    (page, signal) =>
      api.sectionRecords(
        {
          ...narrowing,
          section: "new_customers",
          ...(customersOf === "partner_sourced" ? { partnerSourced: "true" as const } : {}),
          ...page,
        },
        signal,
      ),
  );
  const page = records.query.data;
  const customerPage = customersOf ? customers.query.data : undefined;
  const narrowed = [partner?.name, region ? regionLabel(region) : undefined, month].filter(Boolean).join(" · ");
  const title = figure ? `${drillLabels[figure]}${narrowed ? ` · ${narrowed}` : ""}` : "";
  const lines = page?.kind === "cost_lines" || page?.kind === "spend" ? page : undefined;
  const noun = page?.kind === "cost_lines" ? "cost line" : page?.kind === "spend" ? "spend entry" : "deal";
  const count = (total: number) =>
    noun === "spend entry"
      ? `${total.toLocaleString("en")} spend ${total === 1 ? "entry" : "entries"}`
      : countOf(total, noun);
  const description = !page
    ? undefined
    : customersOf
      ? customerPage
        ? `${count(page.total)} and ${countOf(customerPage.total, customersOf === "partner_sourced" ? "partner-sourced new customer" : "new customer")} in this period; amounts in ${currency}.`
        : undefined
      : `${count(page.total)} in this period, most recent first${page.kind === "deals" ? `; amounts in ${currency} at close-date rates` : ""}.`;
  return (
    <DrillDialog
      open={Boolean(figure)}
      title={title}
      description={description}
      model={model}
      period={range}
      lists={customersOf ? [records, customers] : [records]}
      {...(customersOf ? {} : { pages: { drill: records, total: page?.total ?? 0, label: "Records" } })}
      onClose={onClose}
    >
      {customersOf ? (
        <div className="space-y-5">
          {lines && customerPage ? (
            <p className="text-sm text-slate-700" data-testid="drill-quotient">
              {quotient(lines, customerPage.total, customersOf === "partner_sourced", currency)}
            </p>
          ) : null}
          <section aria-label={lines?.kind === "spend" ? "Spend entries" : "Cost lines"}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">
              {page?.kind === "spend" ? "Sales and marketing spend" : "Partner program cost lines"}
            </h3>
            {lines ? <Lines page={lines} title={title} currency={currency} /> : null}
            <DrillPagination drill={records} total={page?.total ?? 0} label="Lines" />
          </section>
          <section aria-label="New customers">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">
              {customersOf === "partner_sourced" ? "Partner-sourced new customers" : "New customers"}
            </h3>
            {customerPage?.model ? <p className="mb-2 text-xs text-slate-600">{customerPage.model}</p> : null}
            <SectionRecords page={customerPage} title="New customers" currency={currency} />
            <DrillPagination drill={customers} total={customerPage?.total ?? 0} label="New customers" />
          </section>
        </div>
      ) : lines ? (
        <Lines page={lines} title={title} currency={currency} />
      ) : (
        <DataTable
          caption={title}
          columns={dealColumns(currency)}
          rows={page?.kind === "deals" ? page.items : undefined}
          rowKey={(r) => r.opportunityId}
          loading={records.query.isLoading}
          empty={<p className="py-6 text-center text-sm text-slate-500">No deals behind this figure in this period.</p>}
        />
      )}
    </DrillDialog>
  );
}
