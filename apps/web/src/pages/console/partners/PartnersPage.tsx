import type { PartnerRecord, PartnerSortField } from "@symbiont/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { ChevronDownIcon, PartnersIcon, PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { can, useCurrentUser } from "../../../lib/auth";
import { cn, formatDate, initials } from "../../../lib/format";
import { useDebouncedValue, useIsLatestPath } from "../../../lib/hooks";
import { useDocumentTitle } from "../../system";
import { BulkActionBar } from "./BulkActionBar";
import { PartnerFormDialog } from "./PartnerFormDialog";
import { type Filters, PartnerFilters } from "./partnerFilters";
import { StageBadge, typeLabel } from "./partnerUi";

const PAGE_SIZE = 25;

interface Sort {
  field: PartnerSortField;
  dir: "asc" | "desc";
}

function SortHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: PartnerSortField;
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  const active = sort.field === field;
  return (
    <button
      type="button"
      onClick={() => onSort({ field, dir: active && sort.dir === "asc" ? "desc" : "asc" })}
      className="inline-flex items-center gap-1 uppercase hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {label}
      <ChevronDownIcon
        aria-hidden="true"
        className={cn(
          "text-xs transition-transform",
          !active && "opacity-30",
          active && sort.dir === "asc" && "rotate-180",
        )}
      />
    </button>
  );
}

const ariaSort = (sort: Sort, field: PartnerSortField) =>
  sort.field === field ? (sort.dir === "asc" ? "ascending" : "descending") : "none";

export function PartnersPage() {
  useDocumentTitle("Partners");
  const user = useCurrentUser();
  const canWrite = can(user, "partners.create");
  const search = useSearch({ from: "/console/partners" });
  const navigate = useNavigate();
  const isLatestPath = useIsLatestPath();
  const [query, setQuery] = useState(search.q ?? "");
  const [filters, setFilters] = useState<Filters>(() => {
    const { q: _q, sort: _sort, dir: _dir, offset: _offset, ...rest } = search;
    return rest;
  });
  const [sort, setSort] = useState<Sort>({ field: search.sort ?? "name", dir: search.dir ?? "asc" });
  const [offset, setOffset] = useState(search.offset ?? 0);
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(query.trim());
  const params = { q: q || undefined, ...filters, sort: sort.field, dir: sort.dir };
  // Mirror the view into the URL (replacing the entry, so typing does not flood the history).
  useEffect(() => {
    if (!isLatestPath("/console/partners")) return;
    void navigate({
      to: "/console/partners",
      replace: true,
      search: {
        ...Object.fromEntries(Object.entries({ q, ...filters }).filter(([, value]) => value)),
        ...(sort.field !== "name" ? { sort: sort.field } : {}),
        ...(sort.dir !== "asc" ? { dir: sort.dir } : {}),
        ...(offset > 0 ? { offset } : {}),
      },
    });
  }, [isLatestPath, navigate, q, filters, sort, offset]);

  const partners = useQuery({
    queryKey: ["console", "partners", { ...params, offset }],
    queryFn: ({ signal }) => api.partners.list({ ...params, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const rows = partners.data?.items;
  const pageIds = rows?.map((row) => row.id) ?? [];
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.includes(id));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const reset = () => {
    setOffset(0);
  };

  const columns: Column<PartnerRecord>[] = [
    ...(canWrite
      ? [
          {
            key: "select",
            header: (
              <input
                type="checkbox"
                aria-label="Select every partner on this page"
                className="size-4 accent-brand-700"
                checked={allOnPage}
                onChange={() =>
                  setSelected((s) =>
                    allOnPage ? s.filter((id) => !pageIds.includes(id)) : [...new Set([...s, ...pageIds])],
                  )
                }
              />
            ),
            className: "w-10",
            cell: (partner: PartnerRecord) => (
              <input
                type="checkbox"
                aria-label={`Select ${partner.name}`}
                className="size-4 accent-brand-700"
                checked={selected.includes(partner.id)}
                onChange={() => toggle(partner.id)}
              />
            ),
          },
        ]
      : []),
    {
      key: "name",
      header: <SortHeader label="Partner" field="name" sort={sort} onSort={setSort} />,
      sort: ariaSort(sort, "name"),
      cell: (partner) => (
        <div className="flex items-center gap-3">
          <span
            aria-hidden="true"
            className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-xs font-semibold text-brand-800 ring-1 ring-brand-600/10"
          >
            {initials(partner.name)}
          </span>
          <div className="min-w-0">
            <Link
              to="/console/partners/$partnerId"
              params={{ partnerId: partner.id }}
              className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
            >
              {partner.name}
            </Link>
            <p className="truncate text-xs text-slate-500">
              {[partner.domain, partner.types.map(typeLabel).join(", ")].filter(Boolean).join(" · ") || "—"}
            </p>
          </div>
        </div>
      ),
    },
    {
      key: "stage",
      header: <SortHeader label="Stage" field="stage" sort={sort} onSort={setSort} />,
      sort: ariaSort(sort, "stage"),
      cell: (partner) => <StageBadge stage={partner.stage} />,
    },
    {
      key: "programs",
      header: "Programs · tier",
      hideOnMobile: true,
      cell: (partner) =>
        partner.programs.length === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          <ul className="space-y-0.5 text-xs">
            {partner.programs.map((p) => (
              <li key={p.programId}>
                {p.programName}
                {p.tierName ? <span className="text-slate-500"> · {p.tierName}</span> : null}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: "country",
      header: <SortHeader label="HQ" field="country" sort={sort} onSort={setSort} />,
      sort: ariaSort(sort, "country"),
      hideOnMobile: true,
      cell: (partner) => partner.hqCountry ?? <span className="text-slate-400">—</span>,
    },
    {
      key: "manager",
      header: "Manager",
      hideBelowXl: true,
      cell: (partner) => partner.manager?.name ?? <span className="text-slate-400">Unassigned</span>,
    },
    {
      key: "updatedAt",
      header: <SortHeader label="Updated" field="updatedAt" sort={sort} onSort={setSort} />,
      sort: ariaSort(sort, "updatedAt"),
      hideBelowXl: true,
      cell: (partner) => formatDate(partner.updatedAt),
    },
  ];

  const filtered = Boolean(q) || Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Partners"
        description="Every organization in your partner ecosystem: search, filter and act on many at once."
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses("secondary")} href={api.partners.exportUrl(params)} download>
              Export CSV
            </a>
            {canWrite ? (
              <Link className={buttonClasses("secondary")} to="/console/partners/import">
                Import CSV
              </Link>
            ) : null}
            {canWrite ? (
              <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
                New partner
              </Button>
            ) : null}
          </div>
        }
      />
      <Card>
        <CardHeader
          title="Directory"
          description={partners.data ? `${partners.data.total.toLocaleString()} partner(s)` : undefined}
        />
        <PartnerFilters
          query={query}
          onQuery={(value) => {
            setQuery(value);
            reset();
          }}
          filters={filters}
          onChange={(next) => {
            setFilters(next);
            reset();
          }}
        />
        {canWrite && selected.length > 0 ? <BulkActionBar selected={selected} onDone={() => setSelected([])} /> : null}
        {partners.isError ? (
          <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Partners"
              columns={columns}
              rows={rows}
              rowKey={(partner) => partner.id}
              loading={partners.isPending}
              empty={
                <EmptyState
                  compact
                  headingLevel={3}
                  icon={<PartnersIcon />}
                  title={filtered ? "No partners match" : "No partners yet"}
                  description={
                    filtered
                      ? "Loosen the filters or search for part of the name."
                      : "Add the first organization in your partner program, or import a CSV."
                  }
                />
              }
            />
            {partners.data ? (
              <Pagination
                offset={offset}
                limit={PAGE_SIZE}
                total={partners.data.total}
                onChange={setOffset}
                label="Partner pages"
              />
            ) : null}
          </>
        )}
      </Card>
      {canWrite ? <PartnerFormDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
