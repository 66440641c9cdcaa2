import type { OpportunityRecord } from "@symbiont/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Select } from "../../../components/ui/Field";
import { DealsIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { revenueEndpoints as revenue } from "../../../lib/endpoints/revenue";
import { formatDate } from "../../../lib/format";
import { useDebouncedValue, useIsLatestPath } from "../../../lib/hooks";
import { useDocumentTitle } from "../../system";
import type { OpportunitySearch } from "./opportunitySearch";
import { formatMinor, OutcomeBadge } from "./revenueUi";

const PAGE_SIZE = 25;

function Totals({
  totals,
}: {
  totals: {
    count: number;
    won: number;
    lost: number;
    open: number;
    amountReportingMinor: number;
    wonAmountReportingMinor: number;
    unconverted: number;
    currency: string;
  };
}) {
  const winRate = totals.won + totals.lost > 0 ? totals.won / (totals.won + totals.lost) : null;
  const tiles = [
    { label: "Opportunities", value: totals.count.toLocaleString() },
    { label: "Pipeline and bookings", value: formatMinor(totals.amountReportingMinor, totals.currency) },
    { label: "Won", value: formatMinor(totals.wonAmountReportingMinor, totals.currency) },
    { label: "Win rate", value: winRate === null ? "—" : `${(winRate * 100).toFixed(1)}%` },
  ];
  return (
    <section aria-label="Totals of the filtered opportunities" className="mb-4">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <Card key={tile.label} className="px-4 py-3">
            <dt className="text-xs font-medium uppercase text-slate-500">{tile.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{tile.value}</dd>
          </Card>
        ))}
      </dl>
      {totals.unconverted > 0 ? (
        <p className="mt-2 text-sm text-amber-800" role="status">
          {totals.unconverted} opportunities have no FX rate for their date and are left out of the sums.{" "}
          <Link to="/console/fx-rates" className="underline">
            Add rates
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function OpportunitiesPage() {
  useDocumentTitle("Opportunities");
  const search = useSearch({ from: "/console/opportunities" });
  const navigate = useNavigate();
  const isLatestPath = useIsLatestPath();
  const [query, setQuery] = useState(search.q ?? "");
  const [filters, setFilters] = useState<OpportunitySearch>(() => {
    const { q: _q, offset: _o, ...rest } = search;
    return rest;
  });
  const [offset, setOffset] = useState(search.offset ?? 0);
  const q = useDebouncedValue(query.trim());
  useEffect(() => {
    if (!isLatestPath("/console/opportunities")) return;
    void navigate({
      to: "/console/opportunities",
      replace: true,
      search: {
        ...Object.fromEntries(Object.entries({ q, ...filters }).filter(([, v]) => v !== undefined && v !== "")),
        ...(offset > 0 ? { offset } : {}),
      },
    });
  }, [isLatestPath, navigate, q, filters, offset]);
  const params = { q: q || undefined, ...filters };
  const list = useQuery({
    queryKey: ["console", "opportunities", { ...params, offset }],
    queryFn: ({ signal }) => revenue.opportunities.list({ ...params, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: keyof OpportunitySearch, value: string) => {
    setOffset(0);
    const numeric = key === "minAmount" || key === "maxAmount";
    setFilters((f) => ({ ...f, [key]: value === "" ? undefined : numeric ? Math.round(Number(value) * 100) : value }));
  };
  const currency = list.data?.totals.currency ?? "USD";
  const columns: Column<OpportunityRecord>[] = [
    {
      key: "name",
      header: "Opportunity",
      cell: (o) => (
        <div>
          <Link
            to="/console/opportunities/$opportunityId"
            params={{ opportunityId: o.id }}
            className="font-medium text-brand-800 hover:underline"
          >
            {o.name}
          </Link>
          <p className="text-xs text-slate-500">{o.accountName ?? "No account"}</p>
        </div>
      ),
    },
    {
      key: "stage",
      header: "Stage",
      cell: (o) => (
        <span className="flex items-center gap-2">
          <OutcomeBadge outcome={o.outcome} /> {o.stage}
        </span>
      ),
    },
    {
      key: "amount",
      header: `Amount (${currency})`,
      align: "right",
      cell: (o) => (
        <span
          className="tabular-nums"
          title={o.currency && o.currency !== currency ? formatMinor(o.amountMinor, o.currency) : undefined}
        >
          {formatMinor(o.amountReportingMinor, currency, o.amountMinor === null ? "—" : "No rate")}
        </span>
      ),
    },
    {
      key: "source",
      header: "Source",
      hideOnMobile: true,
      cell: (o) => o.sourcingPartnerName ?? (o.source === "direct" ? "Direct" : "Partner"),
    },
    { key: "owner", header: "Owner", hideBelowXl: true, cell: (o) => o.ownerName ?? "—" },
    { key: "touches", header: "Touches", align: "right", hideOnMobile: true, cell: (o) => o.touchCount },
    {
      key: "dates",
      header: "Created → closed",
      hideOnMobile: true,
      cell: (o) => `${formatDate(o.openedAt)} → ${o.closedAt ? formatDate(o.closedAt) : "open"}`,
    },
  ];
  const active = Boolean(q) || Object.values(filters).some((v) => v !== undefined);
  return (
    <div>
      <PageHeader
        title="Opportunities"
        description="Deals from your CRM with their partner evidence. Amounts are converted at the rate of each deal's close date."
        actions={
          <Link to="/console/fx-rates" className="text-sm font-medium text-brand-800 hover:underline">
            FX rates
          </Link>
        }
      />
      {list.data ? <Totals totals={list.data.totals} /> : null}
      <Card>
        <search className="grid gap-3 border-b border-slate-200 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
          <Input
            label="Search"
            type="search"
            placeholder="Name, account or CRM id"
            value={query}
            onChange={(e) => {
              setOffset(0);
              setQuery(e.target.value);
            }}
          />
          <Select label="Outcome" value={filters.outcome ?? ""} onChange={(e) => set("outcome", e.target.value)}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
            <option value="won,lost">Closed</option>
          </Select>
          <Select label="Source" value={filters.source ?? ""} onChange={(e) => set("source", e.target.value)}>
            <option value="">Any</option>
            <option value="partner_sourced">Partner-sourced</option>
            <option value="direct">Direct</option>
          </Select>
          <Input label="Owner" value={filters.owner ?? ""} onChange={(e) => set("owner", e.target.value)} />
          <Input
            label="Closed or created from"
            type="date"
            value={filters.from ?? ""}
            onChange={(e) => set("from", e.target.value)}
          />
          <Input label="to" type="date" value={filters.to ?? ""} onChange={(e) => set("to", e.target.value)} />
          <Input
            label={`Minimum amount (${currency})`}
            type="number"
            min={0}
            inputMode="decimal"
            value={filters.minAmount === undefined ? "" : String(filters.minAmount / 100)}
            onChange={(e) => set("minAmount", e.target.value)}
          />
          <Select
            label="Sort by"
            value={`${filters.sort ?? "openedAt"}:${filters.dir ?? "desc"}`}
            onChange={(e) => {
              const [sort, dir] = e.target.value.split(":") as [OpportunitySearch["sort"], "asc" | "desc"];
              setFilters((f) => ({ ...f, sort, dir }));
            }}
          >
            <option value="openedAt:desc">Newest first</option>
            <option value="closedAt:desc">Recently closed</option>
            <option value="amount:desc">Largest amount</option>
            <option value="amount:asc">Smallest amount</option>
            <option value="name:asc">Name</option>
          </Select>
          {active ? (
            <div className="flex items-end">
              <Button
                variant="ghost"
                onClick={() => {
                  setQuery("");
                  setFilters({});
                  setOffset(0);
                }}
              >
                Clear filters
              </Button>
            </div>
          ) : null}
        </search>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DataTable
            caption="Opportunities"
            columns={columns}
            rows={list.data?.items}
            rowKey={(o) => o.id}
            loading={list.isPending}
            empty={
              <EmptyState
                icon={<DealsIcon />}
                title={active ? "No opportunity matches these filters" : "No opportunities yet"}
                description={
                  active
                    ? "Loosen a filter or clear them all."
                    : "Import a CRM export (Settings → Imports), sync them through the API, or convert approved deal registrations."
                }
              />
            }
          />
        )}
        {list.data && list.data.total > PAGE_SIZE ? (
          <div className="border-t border-slate-200 px-5 py-3">
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={list.data.total}
              onChange={setOffset}
              label="Opportunity pages"
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
