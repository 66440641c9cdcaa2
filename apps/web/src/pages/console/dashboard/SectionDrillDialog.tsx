import type {
  DashboardFilters,
  DrilldownAccount,
  DrilldownCredit,
  DrilldownCustomer,
  DrilldownNewCustomer,
  DrilldownPartner,
  SectionDrilldownPage,
} from "@symbiont/contracts";
import { Link } from "@tanstack/react-router";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { DrillDialog, usePagedDrill } from "./DrillDialog";
import type { SectionDrill } from "./dashboardSearch";
import { formatMoney, regionLabel, roleLabel } from "./dashboardUi";

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the dialog lists, in words. */
export function sectionTitle(drill: SectionDrill): string {
  switch (drill.drillSection) {
    case "cohort":
      return `Partners activated in ${drill.drillCohort ?? "—"}`;
    case "health_band":
      return `Partners in the ${drill.drillBand ?? ""} health band`;
    case "at_risk":
      return "Partners at risk";
    case "retention":
      return drill.drillSide === "partner" ? "Partner-attached accounts" : "Other accounts";
    case "customers":
      return drill.drillBy === "industry"
        ? `Customers in ${drill.drillKey === "unknown" ? "an unknown industry" : (drill.drillKey ?? "")}`
        : `Customers in ${regionLabel(drill.drillKey ?? "unknown")}`;
    case "new_customers":
      return "New customers";
    case "attribution_role":
      return `Won deals credited to ${roleLabel(drill.drillRole ?? "unspecified").toLowerCase()} partners`;
  }
}

const partnerName: Column<DrilldownPartner> = {
  key: "name",
  header: "Partner",
  cell: (p) => (
    <Link
      to="/console/partners/$partnerId"
      params={{ partnerId: p.partnerId }}
      className="font-medium text-brand-700 hover:underline"
    >
      {p.name}
    </Link>
  ),
};

const days = (value: number | null) => (value === null ? "—" : `${Math.round(value)} days`);
const score = (value: number | null) => (value === null ? "—" : value.toFixed(0));

function partnerColumns(section: SectionDrill["drillSection"]): Column<DrilldownPartner>[] {
  if (section === "cohort") {
    return [
      partnerName,
      { key: "joined", header: "Joined", cell: (p) => formatDate(p.activatedAt) },
      {
        key: "first",
        header: "First revenue",
        cell: (p) => (p.firstRevenueAt ? formatDate(p.firstRevenueAt) : "None yet"),
      },
      { key: "days", header: "Time to first revenue", align: "right", cell: (p) => days(p.daysToFirstRevenue) },
    ];
  }
  return [
    partnerName,
    {
      key: "health",
      header: "Health",
      align: "right",
      cell: (p) => `${score(p.healthScore)}${p.healthBand ? ` (${p.healthBand})` : ""}`,
    },
    {
      key: "components",
      header: "Components (weight)",
      hideOnMobile: true,
      cell: (p) => (
        <span className="text-xs text-slate-600">
          {p.components
            .filter((c) => c.used)
            .map((c) => `${capital(c.key)} ${score(c.value)} (${c.weight})`)
            .join(" · ") || "No data"}
        </span>
      ),
    },
    {
      key: "engagement",
      header: "Engagement now / 90 days before",
      align: "right",
      cell: (p) => `${score(p.engagementScore)} / ${score(p.previousEngagementScore)}`,
    },
  ];
}

function accountColumns(currency: string): Column<DrilldownAccount>[] {
  const money = (value: number) => <span className="tabular-nums">{formatMoney(value, currency)}</span>;
  return [
    {
      key: "name",
      header: "Account",
      cell: (a) => (
        <span>
          <span className="font-medium text-slate-900">{a.name}</span>
          <span className="block text-xs text-slate-500">{regionLabel(a.region ?? "unknown")}</span>
        </span>
      ),
    },
    { key: "start", header: "Recurring at start", align: "right", cell: (a) => money(a.startMinor) },
    { key: "expansion", header: "Expansion", align: "right", hideOnMobile: true, cell: (a) => money(a.expansionMinor) },
    {
      key: "losses",
      header: "Contraction + churn",
      align: "right",
      hideOnMobile: true,
      cell: (a) => money(a.contractionMinor + a.churnMinor),
    },
    { key: "end", header: "At the end", align: "right", cell: (a) => money(a.endMinor) },
    {
      key: "status",
      header: "Status",
      cell: (a) => (a.churned ? <span className="font-medium text-rose-700">Churned</span> : <span>Retained</span>),
    },
  ];
}

function customerColumns(currency: string): Column<DrilldownCustomer>[] {
  return [
    {
      key: "name",
      header: "Customer",
      cell: (c) => (
        <span>
          <span className="font-medium text-slate-900">{c.name}</span>
          <span className="block text-xs text-slate-500">
            {regionLabel(c.region ?? "unknown")} · {c.industry ?? "Unknown industry"}
          </span>
        </span>
      ),
    },
    {
      key: "won",
      header: "Won in the period",
      align: "right",
      cell: (c) => <span className="tabular-nums">{formatMoney(c.wonMinor, currency, false)}</span>,
    },
    { key: "deals", header: "Won deals", align: "right", cell: (c) => c.wonDeals },
    { key: "partner", header: "With a partner", cell: (c) => (c.withPartner ? "Yes" : "No") },
  ];
}

function creditColumns(currency: string): Column<DrilldownCredit>[] {
  const money = (value: number | null) => <span className="tabular-nums">{formatMoney(value, currency, false)}</span>;
  return [
    {
      key: "name",
      header: "Opportunity",
      cell: (d) => (
        <span>
          <span className="font-medium text-slate-900">{d.name}</span>
          <span className="block text-xs text-slate-500">
            {d.accountName ?? "No account"} · {regionLabel(d.region ?? "unknown")}
          </span>
        </span>
      ),
    },
    { key: "closed", header: "Closed", cell: (d) => formatDate(d.closedAt) },
    { key: "amount", header: "Deal amount", align: "right", hideOnMobile: true, cell: (d) => money(d.amountMinor) },
    { key: "credit", header: "Role's credit", align: "right", cell: (d) => money(d.creditMinor) },
    {
      key: "partners",
      header: "Credited partners",
      hideOnMobile: true,
      cell: (d) => (
        <span className="text-xs text-slate-600">
          {d.partners.map((p) => `${p.name} ${formatMoney(p.creditMinor, currency, false)}`).join(" · ")}
        </span>
      ),
    },
  ];
}

const nouns: Record<SectionDrilldownPage["kind"], string> = {
  partners: "partner",
  accounts: "account",
  customers: "customer",
  credits: "deal",
  new_customers: "new customer",
};

/** "1 deal", "12 deals". */
export const countOf = (total: number, noun: string) =>
  `${total.toLocaleString("en")} ${noun}${total === 1 ? "" : "s"}`;

function newCustomerColumns(): Column<DrilldownNewCustomer>[] {
  return [
    {
      key: "name",
      header: "Customer",
      cell: (c) => (
        <span>
          <span className="font-medium text-slate-900">{c.name}</span>
          <span className="block text-xs text-slate-500">
            {regionLabel(c.region ?? "unknown")} · {c.industry ?? "Unknown industry"}
          </span>
        </span>
      ),
    },
    { key: "first", header: "First new revenue", cell: (c) => formatDate(c.firstNewOn) },
    { key: "sourced", header: "Partner-sourced", cell: (c) => (c.partnerSourced ? "Yes" : "No") },
  ];
}

/** The records of a section page (the CAC dialog shows its new customers with it too). */
export function SectionRecords({
  page,
  title,
  currency,
}: {
  page: SectionDrilldownPage | undefined;
  title: string;
  currency: string;
}) {
  const empty = <p className="py-6 text-center text-sm text-slate-500">No records behind this figure.</p>;
  if (page?.kind === "accounts") {
    return (
      <DataTable
        caption={title}
        columns={accountColumns(currency)}
        rows={page.items}
        rowKey={(r) => r.accountId}
        empty={empty}
      />
    );
  }
  if (page?.kind === "new_customers") {
    return (
      <DataTable
        caption={title}
        columns={newCustomerColumns()}
        rows={page.items}
        rowKey={(r) => r.accountId}
        empty={<p className="py-6 text-center text-sm text-slate-500">No new customers in this period.</p>}
      />
    );
  }
  if (page?.kind === "credits") {
    return (
      <>
        <p className="mb-2 text-sm text-slate-700" data-testid="drill-credit-total">
          Credit on all {page.total.toLocaleString("en")} deals:{" "}
          <span className="font-semibold tabular-nums">{formatMoney(page.creditTotalMinor, currency, false)}</span>
        </p>
        <DataTable
          caption={title}
          columns={creditColumns(currency)}
          rows={page.items}
          rowKey={(r) => r.opportunityId}
          empty={empty}
        />
      </>
    );
  }
  if (page?.kind === "customers") {
    return (
      <DataTable
        caption={title}
        columns={customerColumns(currency)}
        rows={page.items}
        rowKey={(r) => r.accountId}
        empty={empty}
      />
    );
  }
  return (
    <DataTable
      caption={title}
      columns={partnerColumns(page?.section ?? "at_risk")}
      rows={page?.kind === "partners" ? page.items : undefined}
      rowKey={(r) => r.partnerId}
      loading={!page}
      empty={empty}
    />
  );
}

/** The partners, accounts, customers or deals behind a dashboard section, for the dashboard's current filters. */
export function SectionDrillDialog({
  drill,
  filters,
  currency,
  onClose,
}: {
  drill: SectionDrill | undefined;
  filters: DashboardFilters;
  currency: string;
  onClose: () => void;
}) {
  const records = usePagedDrill(["dashboard-section-records", drill, filters], Boolean(drill), (page, signal) =>
    api.sectionRecords(
      {
        ...filters,
        section: drill?.drillSection ?? "at_risk",
        cohort: drill?.drillCohort,
        band: drill?.drillBand,
        side: drill?.drillSide,
        by: drill?.drillBy,
        key: drill?.drillKey,
        flowRole: drill?.drillRole,
        ...page,
      },
      signal,
    ),
  );
  const page = records.query.data;
  const title = drill ? sectionTitle(drill) : "";
  return (
    <DrillDialog
      open={Boolean(drill)}
      title={title}
      description={
        page
          ? `${countOf(page.total, nouns[page.kind])} · ${page.period.from} to ${page.period.to}${page.kind === "partners" ? "" : ` · amounts in ${currency}`}`
          : undefined
      }
      model={page?.model}
      lists={[records]}
      pages={{ drill: records, total: page?.total ?? 0, label: "Records" }}
      onClose={onClose}
    >
      <SectionRecords page={page} title={title} currency={currency} />
    </DrillDialog>
  );
}
