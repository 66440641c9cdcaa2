import type { DashboardFilters, DrillFigure, FlowRole } from "@symbiont/contracts";
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
import { RetentionCard, UpliftCard } from "./DashboardCards";
import { DashboardFiltersBar } from "./DashboardFiltersBar";
import { CohortTable, HealthAndValue, PenetrationTable, ReciprocityTable } from "./DashboardMarketTables";
import { AtRiskTable, RegionTable, TopPartnersTable } from "./DashboardTables";
import { DrillDownDialog } from "./DrillDownDialog";
import { type DashboardSearch, filtersOf, type SectionDrill, sectionDrillOf } from "./dashboardSearch";
import { roleLabel } from "./dashboardUi";
import { HeadlineTiles } from "./HeadlineTiles";
import { LeadsDrillDialog } from "./LeadsDrillDialog";
import { SectionDrillDialog } from "./SectionDrillDialog";
import { TrendChart } from "./TrendChart";

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
  const drill = (
    figure: DrillFigure,
    narrow: { partner?: { id: string; name: string }; region?: string; month?: string } = {},
  ) => {
    setPartner(narrow.partner);
    go({
      ...filters,
      drill: figure,
      ...(narrow.partner ? { drillPartner: narrow.partner.id } : {}),
      ...(narrow.region ? { drillRegion: narrow.region } : {}),
      ...(narrow.month ? { drillMonth: narrow.month } : {}),
    });
  };
  const drillSection = (section: SectionDrill) => go({ ...filters, ...section });
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
          <HeadlineTiles dashboard={d} onDrill={(figure) => drill(figure)} onSection={drillSection} />
          <UpliftCard dashboard={d} onDrill={(figure) => drill(figure)} />
          <Card>
            <CardHeader
              title="Won revenue by month"
              description="Partner-sourced, partner-influenced and direct-only, by close month"
            />
            <TrendChart points={d.trend} currency={d.currency} onMonth={(figure, month) => drill(figure, { month })} />
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader
                title="Attribution flow"
                description={`Attributed credit by partner role (a partner's first role) · ${d.model}; pick a role to see its deals`}
              />
              <FlowChart
                title="Partner credit by role"
                currency={d.currency}
                flows={d.flow.map((f) => ({ key: f.role, label: roleLabel(f.role), value: f.influencedMinor }))}
                onFlow={(role) => drillSection({ drillSection: "attribution_role", drillRole: role as FlowRole })}
                flowAction="show the deals and the credit behind it"
              />
            </Card>
            <Card>
              <CardHeader title="Top partners" description={`Sourced revenue and attributed credit · ${d.model}`} />
              <TopPartnersTable dashboard={d} onDrill={(figure, who) => drill(figure, { partner: who })} />
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Regions"
              description="Won revenue by the account's region; pick one to filter the page"
            />
            <RegionTable
              dashboard={d}
              onRegion={(region) => setFilters({ ...filters, region })}
              onDeals={(figure, region) => drill(figure, { region })}
            />
          </Card>
          <Card>
            <CardHeader
              title="Market penetration"
              description="Customers with a deal won in the period and their revenue, with and without a partner; pick a region to filter the page and see its deals"
            />
            <PenetrationTable
              dashboard={d}
              onRegion={(region) => go({ ...filters, region, drill: "won_deals" })}
              onSection={drillSection}
            />
          </Card>
          <Card>
            <CardHeader
              title="Health and customer value"
              description={`Health bands as of the last read-model refresh; CLTV over ${d.period.from} to ${d.period.to}`}
            />
            <HealthAndValue dashboard={d} onSection={drillSection} />
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader
                title="Partners at risk"
                description="Engagement score fell to two thirds or less of its value 90 days earlier"
                actions={
                  <button
                    type="button"
                    className="text-sm text-brand-700 hover:underline"
                    onClick={() => drillSection({ drillSection: "at_risk" })}
                  >
                    All partners at risk
                  </button>
                }
              />
              <AtRiskTable dashboard={d} />
            </Card>
            <Card>
              <CardHeader
                title="Time to first revenue"
                description="Days from activation to the first won partner-involved deal, by activation month"
              />
              <CohortTable dashboard={d} onSection={drillSection} />
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Reciprocal lead sharing"
              description="Leads sent to each partner ÷ leads received from it"
            />
            <ReciprocityTable dashboard={d} onLeads={(who) => go({ ...filters, drillLeads: who.id })} />
          </Card>
          <RetentionCard dashboard={d} onSection={drillSection} />
          <BoardPacksCard filters={filters} canGenerate={canGenerate} />
        </div>
      )}
      <DrillDownDialog
        figure={search.drill}
        partner={drillPartner}
        region={search.drillRegion}
        month={search.drillMonth}
        model={d ? (d.headline.find((f) => f.drill === search.drill)?.model ?? d.model) : undefined}
        period={d?.period}
        filters={filters}
        currency={d?.currency ?? "USD"}
        onClose={() => go(filters)}
      />
      <LeadsDrillDialog
        partner={
          search.drillLeads
            ? {
                id: search.drillLeads,
                name: d?.reciprocity?.find((r) => r.partnerId === search.drillLeads)?.name ?? "the partner",
              }
            : undefined
        }
        onClose={() => go(filters)}
      />
      <SectionDrillDialog
        drill={search.drill ? undefined : sectionDrillOf(search)}
        filters={filters}
        currency={d?.currency ?? "USD"}
        onClose={() => go(filters)}
      />
    </>
  );
}
