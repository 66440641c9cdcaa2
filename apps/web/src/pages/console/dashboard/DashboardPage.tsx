import type { Dashboard, DashboardFilters, DrillFigure } from "@symbiont/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { ChartIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Skeleton } from "../../../components/ui/Spinner";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { useDocumentTitle } from "../../system";
import { FlowChart } from "../attribution/FlowChart";
import { BoardPacksCard } from "./BoardPacksCard";
import { DashboardFiltersBar } from "./DashboardFiltersBar";
import { CohortTable, HealthAndValue, PenetrationTable, ReciprocityTable } from "./DashboardMarketTables";
import { AtRiskTable, RegionTable, TopPartnersTable } from "./DashboardTables";
import { DrillDownDialog } from "./DrillDownDialog";
import { type DashboardSearch, filtersOf } from "./dashboardSearch";
import { formatMoney, formatPercent, formatPoints, roleLabel } from "./dashboardUi";
import { HeadlineTiles } from "./HeadlineTiles";
import { TrendChart } from "./TrendChart";

function UpliftCard({ dashboard, onDrill }: { dashboard: Dashboard; onDrill: (drill: DrillFigure) => void }) {
  const u = dashboard.uplift;
  const c = dashboard.currency;
  const excludesZero = u.low !== null && u.high !== null && (u.low > 0 || u.high < 0);
  const rows = [
    { label: "Win rate", partner: formatPercent(u.partnerWinRate), direct: formatPercent(u.directWinRate) },
    {
      label: "Average won deal",
      partner: formatMoney(u.partnerAvgWonMinor, c),
      direct: formatMoney(u.directAvgWonMinor, c),
    },
    {
      label: "Average cycle (won)",
      partner: u.partnerCycleDays === null ? "—" : `${Math.round(u.partnerCycleDays)} days`,
      direct: u.directCycleDays === null ? "—" : `${Math.round(u.directCycleDays)} days`,
    },
  ];
  return (
    <Card>
      <CardHeader title="Partner uplift" description={u.method} />
      <div className="grid gap-4 px-5 py-4 md:grid-cols-[1fr_1.4fr]">
        <div>
          <p className="text-3xl font-semibold text-slate-900 tabular-nums">{formatPoints(u.difference)}</p>
          <p className="text-sm text-slate-600">
            {u.low === null || u.high === null
              ? "Needs closed partner-involved and direct-only deals to compare."
              : `95 % interval ${formatPoints(u.low)} to ${formatPoints(u.high)}`}
          </p>
          {u.low !== null ? (
            <p className={excludesZero ? "mt-1 text-sm font-medium text-emerald-700" : "mt-1 text-sm text-amber-700"}>
              {excludesZero ? "The interval excludes zero." : "The interval includes zero: no proven uplift yet."}
            </p>
          ) : null}
        </div>
        <table className="w-full text-sm">
          <caption className="sr-only">Partner-involved against direct-only deals</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500 uppercase">
              <th scope="col" className="py-1">
                Closed deals
              </th>
              <th scope="col" className="py-1 text-right">
                <button type="button" className="uppercase hover:underline" onClick={() => onDrill("win_rate")}>
                  Partner-involved ({u.partnerDeals})
                </button>
              </th>
              <th scope="col" className="py-1 text-right">
                <button type="button" className="uppercase hover:underline" onClick={() => onDrill("win_rate")}>
                  Direct-only ({u.directDeals})
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 text-left font-normal text-slate-600">
                  {r.label}
                </th>
                <td className="py-1.5 text-right tabular-nums">{r.partner}</td>
                <td className="py-1.5 text-right tabular-nums">{r.direct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function LoadingDashboard() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the dashboard" className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={String(i)} className="h-32" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}

/** The console home: what a CRO opens before a board meeting. */
export function DashboardPage() {
  useDocumentTitle("Dashboard");
  const search = useSearch({ from: "/console/" }) as DashboardSearch;
  const navigate = useNavigate();
  const user = useCurrentUser();
  const filters = filtersOf(search);
  const [partner, setPartner] = useState<{ id: string; name: string } | undefined>(undefined);
  const query = useQuery({
    queryKey: ["dashboard", filters],
    queryFn: ({ signal }) => api.dashboard(filters, signal),
    placeholderData: keepPreviousData,
  });
  const go = (next: DashboardSearch) => void navigate({ to: "/console", search: next });
  const setFilters = (next: DashboardFilters) => go(next);
  const drill = (figure: DrillFigure, who?: { id: string; name: string }) => {
    setPartner(who);
    go({ ...filters, drill: figure, ...(who ? { drillPartner: who.id } : {}) });
  };
  const d = query.data;
  const drillPartner =
    search.drillPartner && partner?.id === search.drillPartner
      ? partner
      : search.drillPartner
        ? {
            id: search.drillPartner,
            name: d?.topPartners.find((p) => p.partnerId === search.drillPartner)?.name ?? "partner",
          }
        : undefined;
  const canGenerate = user?.role !== "analyst";
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          d
            ? `${d.period.from} to ${d.period.to}, compared with ${d.period.previousFrom} to ${d.period.previousTo}. Amounts in ${d.currency}. Attribution model: ${d.model}. ${d.refreshedAt ? `Figures from the read models of ${d.refreshedAt.slice(0, 16).replace("T", " ")} UTC.` : "The read models have not been built yet."}`
            : "Partner-sourced and -influenced revenue, uplift, retention and the partners behind them."
        }
      />
      <DashboardFiltersBar
        filters={filters}
        period={d?.period}
        regions={d?.availableRegions ?? []}
        onChange={setFilters}
      />
      {query.isError ? (
        <Card>
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        </Card>
      ) : !d ? (
        <LoadingDashboard />
      ) : (
        <div className="space-y-6" aria-busy={query.isFetching} data-testid="dashboard">
          {d.closedDeals === 0 ? (
            <Card>
              <EmptyState
                compact
                icon={<ChartIcon />}
                title="No deals closed in this period"
                description="Pick a longer period, clear a filter, or import opportunities to see partner revenue here."
              />
            </Card>
          ) : null}
          <HeadlineTiles dashboard={d} onDrill={(figure) => drill(figure)} />
          <UpliftCard dashboard={d} onDrill={(figure) => drill(figure)} />
          <Card>
            <CardHeader
              title="Won revenue by month"
              description="Partner-sourced, partner-influenced and direct-only, by close month"
            />
            <TrendChart points={d.trend} currency={d.currency} />
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader title="Attribution flow" description={`Attributed credit by partner role · ${d.model}`} />
              <FlowChart
                title="Partner credit by role"
                currency={d.currency}
                flows={d.flow.map((f) => ({ key: f.role, label: roleLabel(f.role), value: f.influencedMinor }))}
              />
            </Card>
            <Card>
              <CardHeader title="Top partners" description={`Sourced revenue and attributed credit · ${d.model}`} />
              <TopPartnersTable dashboard={d} onDrill={(who) => drill("won_deals", who)} />
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Regions"
              description="Won revenue by the account's region; pick one to filter the page"
            />
            <RegionTable dashboard={d} onRegion={(region) => setFilters({ ...filters, region })} />
          </Card>
          <Card>
            <CardHeader
              title="Market penetration"
              description="Customers with a deal won in the period and their revenue, with and without a partner; pick a region to filter the page and see its deals"
            />
            <PenetrationTable dashboard={d} onRegion={(region) => go({ ...filters, region, drill: "won_deals" })} />
          </Card>
          <Card>
            <CardHeader
              title="Health and customer value"
              description={`Health bands as of the last read-model refresh; CLTV over ${d.period.from} to ${d.period.to}`}
            />
            <HealthAndValue dashboard={d} />
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader
                title="Partners at risk"
                description="Engagement score fell to two thirds or less of its value 90 days earlier"
              />
              <AtRiskTable dashboard={d} />
            </Card>
            <Card>
              <CardHeader
                title="Time to first revenue"
                description="Days from activation to the first won partner-involved deal, by activation month"
              />
              <CohortTable dashboard={d} />
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Reciprocal lead sharing"
              description="Leads sent to each partner ÷ leads received from it"
            />
            <ReciprocityTable dashboard={d} />
          </Card>
          <Card>
            <CardHeader
              title="Retention"
              description="NRR and GRR of accounts with recurring revenue at the start of the period"
            />
            <dl className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
              {[
                [
                  "NRR, partner-attached",
                  formatPercent(d.retention.partnerNrr),
                  `${d.retention.partnerAccounts} accounts`,
                ],
                ["NRR, other accounts", formatPercent(d.retention.directNrr), `${d.retention.directAccounts} accounts`],
                ["GRR, partner-attached", formatPercent(d.retention.partnerGrr), "without expansion"],
                ["GRR, other accounts", formatPercent(d.retention.directGrr), "without expansion"],
              ].map(([label, value, note]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-500 uppercase">{label}</dt>
                  <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
                  <dd className="text-xs text-slate-500">{note}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <BoardPacksCard filters={filters} canGenerate={canGenerate} />
        </div>
      )}
      <DrillDownDialog
        figure={search.drill}
        partner={drillPartner}
        filters={filters}
        currency={d?.currency ?? "USD"}
        onClose={() => go(filters)}
      />
    </>
  );
}
