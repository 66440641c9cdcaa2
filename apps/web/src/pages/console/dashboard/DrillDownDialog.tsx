import type { CostLineRecord, DashboardFilters, DrilldownPage, DrillFigure } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { keepPreviousPageOf } from "../../../lib/query";
import { monthWithin } from "./dashboardSearch";
import { formatMoney, regionLabel } from "./dashboardUi";

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
  cac: "New customers",
  partner_cac: "Partner program cost lines behind partner CAC",
  nrr_partner: "Partner-attached accounts",
  nrr_other: "Other accounts",
  grr_partner: "Partner-attached accounts",
  grr_other: "Other accounts",
};

const LIMIT = 25;

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

function costColumns(): Column<CostLineRecord>[] {
  return [
    { key: "category", header: "Category", cell: (r) => r.category.replace(/_/g, " ") },
    { key: "period", header: "Period", cell: (r) => `${r.periodStart} to ${r.periodEnd}` },
    {
      key: "amount",
      header: "Amount",
      align: "right",
      cell: (r) => <span className="tabular-nums">{formatMoney(r.amountMinor, r.currency, false)}</span>,
    },
    { key: "note", header: "Note", cell: (r) => r.note ?? "—", hideOnMobile: true },
  ];
}

/**
 * The records behind a figure, for the dashboard's current filters, narrowed to one partner, region
 * or close month when the figure came from a table row; it names the figure's model and period.
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
  const [offset, setOffset] = useState(0);
  const range = month && period ? monthWithin(month, period) : period;
  const queryKey = ["dashboard-records", figure, partner?.id, region, month, filters, offset];
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      api.dashboardRecords(
        {
          ...filters,
          ...(region ? { region } : {}),
          ...(month && range ? range : {}),
          metric: figure ?? "sourced_revenue",
          partnerId: partner?.id,
          limit: LIMIT,
          offset,
        },
        signal,
      ),
    enabled: Boolean(figure),
    placeholderData: keepPreviousPageOf(queryKey),
  });
  const page = query.data;
  const narrowed = [partner?.name, region ? regionLabel(region) : undefined, month].filter(Boolean).join(" · ");
  const title = figure ? `${drillLabels[figure]}${narrowed ? ` · ${narrowed}` : ""}` : "";
  const noun = page?.kind === "cost_lines" ? "cost line" : "deal";
  return (
    <Dialog
      open={Boolean(figure)}
      onClose={() => {
        setOffset(0);
        onClose();
      }}
      size="lg"
      title={title}
      description={
        page
          ? `${page.total.toLocaleString("en")} ${noun}${page.total === 1 ? "" : "s"} in this period, most recent first${page.kind === "deals" ? `; amounts in ${currency} at close-date rates` : ""}.`
          : "Loading the records behind this figure…"
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} compact />
      ) : (
        <div data-testid="drill-records">
          {model || range ? (
            <p className="mb-3 text-xs text-slate-600" data-testid="drill-model">
              {model ? (
                <>
                  <span className="font-medium">Model:</span> {model}
                </>
              ) : null}
              {range ? ` · Period: ${range.from} to ${range.to}` : null}
            </p>
          ) : null}
          {page?.kind === "cost_lines" ? (
            <DataTable
              caption={title}
              columns={costColumns()}
              rows={page.items}
              rowKey={(r) => r.id}
              empty={<p className="py-6 text-center text-sm text-slate-500">No cost lines cover this period.</p>}
            />
          ) : (
            <DataTable
              caption={title}
              columns={dealColumns(currency)}
              rows={page?.kind === "deals" ? page.items : undefined}
              rowKey={(r) => r.opportunityId}
              loading={query.isLoading}
              empty={
                <p className="py-6 text-center text-sm text-slate-500">No deals behind this figure in this period.</p>
              }
            />
          )}
          <Pagination offset={offset} limit={LIMIT} total={page?.total ?? 0} onChange={setOffset} label="Records" />
        </div>
      )}
    </Dialog>
  );
}
