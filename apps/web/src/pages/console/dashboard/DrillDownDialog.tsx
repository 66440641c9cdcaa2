import type { DashboardFilters, DashboardRecord, DrillFigure } from "@symbiont/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { formatMoney } from "./dashboardUi";

export const drillLabels: Record<DrillFigure, string> = {
  sourced: "Won deals a partner sourced",
  influenced: "Won deals with partner touchpoints",
  partner_won: "Won partner-involved deals",
  partner_lost: "Lost partner-involved deals",
  direct_won: "Won direct-only deals",
  direct_lost: "Lost direct-only deals",
};

const LIMIT = 25;

/** The opportunities behind a figure, for the dashboard's current filters. */
export function DrillDownDialog({
  figure,
  partner,
  filters,
  onClose,
}: {
  figure: DrillFigure | undefined;
  partner?: { id: string; name: string } | undefined;
  filters: DashboardFilters;
  onClose: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: ["dashboard-records", figure, partner?.id, filters, offset],
    queryFn: ({ signal }) =>
      api.dashboardRecords(
        { ...filters, figure: figure ?? "sourced", partnerId: partner?.id, limit: LIMIT, offset },
        signal,
      ),
    enabled: Boolean(figure),
    placeholderData: keepPreviousData,
  });
  const currency = query.data?.currency ?? "USD";
  const columns: Column<DashboardRecord>[] = [
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
    { key: "region", header: "Region", cell: (r) => r.region ?? "—", hideOnMobile: true },
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
          {r.sourcingPartner ? <span className="block">Sourced by {r.sourcingPartner}</span> : null}
          {r.touchingPartners.length > 0 ? (
            <span className="block text-slate-500">Touched by {r.touchingPartners.join(", ")}</span>
          ) : null}
          {!r.sourcingPartner && r.touchingPartners.length === 0 ? "Direct" : null}
        </span>
      ),
    },
  ];
  const title = figure ? `${drillLabels[figure]}${partner ? ` · ${partner.name}` : ""}` : "";
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
        query.data
          ? `${query.data.total.toLocaleString("en")} deal${query.data.total === 1 ? "" : "s"} in this period, largest first; amounts in ${currency} at close-date rates.`
          : "Loading the deals behind this figure…"
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} compact />
      ) : (
        <div data-testid="drill-records">
          <DataTable
            caption={title}
            columns={columns}
            rows={query.data?.items}
            rowKey={(r) => r.id}
            loading={query.isLoading}
            empty={
              <p className="py-6 text-center text-sm text-slate-500">No deals behind this figure in this period.</p>
            }
          />
          <Pagination offset={offset} limit={LIMIT} total={query.data?.total ?? 0} onChange={setOffset} label="Deals" />
        </div>
      )}
    </Dialog>
  );
}
